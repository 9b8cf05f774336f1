/**
 * Redirects from aliases (src/links/aliases.ts): an alias under /{lang}/ redirects to that language's page,
 * any other to the source language's; the _redirects file carries the path prefix. Pure.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { aliasLang, redirectFile, redirectsFile, redirectsFor } from "../../src/links/aliases.ts";
import type { Entry } from "../../src/data/entries.ts";

const entry = (lang: "ja" | "en", aliases: string[]) => ({ lang, url: `/${lang}/advisories/sasser/`, title: `Sasser ${lang}`, aliases }) as unknown as Entry;

test("each alias redirects to the page of its language, sorted by the old URL", () => {
  const aliases = ["/ja/advisories/sasser-worm/", "/en/advisories/sasser-worm/", "/old/sasser.html"];
  const redirects = redirectsFor([entry("ja", aliases), entry("en", aliases)]);
  assert.deepEqual(redirects, [
    { from: "/en/advisories/sasser-worm/", to: "/en/advisories/sasser/", lang: "en", title: "Sasser en" },
    { from: "/ja/advisories/sasser-worm/", to: "/ja/advisories/sasser/", lang: "ja", title: "Sasser ja" },
    { from: "/old/sasser.html", to: "/ja/advisories/sasser/", lang: "ja", title: "Sasser ja" },
  ]);
  assert.equal(aliasLang("/en/x/"), "en");
  assert.equal(aliasLang("/security/x/"), "ja");
  assert.equal(redirectFile("/ja/old/"), "/ja/old/index.html");
  assert.equal(redirectFile("/old/sasser.html"), "/old/sasser.html");
});

test("the _redirects file: one line per alias, under the path prefix; empty without aliases", () => {
  const redirects = redirectsFor([entry("ja", ["/ja/advisories/sasser-worm/"])]);
  assert.equal(redirectsFile(redirects, "/"), "/ja/advisories/sasser-worm/ /ja/advisories/sasser/ 301\n");
  assert.equal(redirectsFile(redirects, "/security/"), "/security/ja/advisories/sasser-worm/ /security/ja/advisories/sasser/ 301\n");
  assert.equal(redirectsFile([], "/"), "");
});

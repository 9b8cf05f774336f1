/**
 * A page with no translation is still served at the other language's URL: the source text, marked with
 * its own lang, under a notice; canonical points at the source; no hreflang; not in that language's
 * search index; and the build reports it. Uses a fixture, never real content left untranslated.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { makeFixture, MINIMAL } from "../helpers/fixtures.ts";
import type { BuiltSite } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-site.ts";

let site: BuiltSite;
before(async () => {
  const fixture = makeFixture({
    "en/hoaxes/beta.md": null,
    // A stale translation: the source is at revision 2, the English follows revision 1.
    "en/advisories/alpha.md": MINIMAL["en/advisories/alpha.md"]!.replace("translationOf: 2", "translationOf: 1"),
  });
  site = await sharedSite({ contentDir: fixture.content });
});

test("the fallback page serves the Japanese text at the English URL, marked as Japanese", () => {
  const $ = site.page("/en/hoaxes/beta/");
  assert.equal($("html").attr("lang"), "en");
  assert.equal($("article").attr("lang"), "ja");
  assert.equal($("h1").text(), "ベータ デマ");
  const notice = $("aside.notice");
  assert.equal(notice.attr("lang"), "en");
  assert.match(notice.text(), /has not been translated into English yet/);
  assert.equal(notice.find("a").attr("href"), "/ja/hoaxes/beta/");
});

test("the fallback points its canonical link at the source and has no hreflang alternates", () => {
  const $ = site.page("/en/hoaxes/beta/");
  assert.equal($("link[rel=canonical]").attr("href"), "http://localhost:8080/ja/hoaxes/beta/");
  assert.equal($("link[rel=alternate][hreflang]").length, 0);
  const source = site.page("/ja/hoaxes/beta/");
  assert.equal(source("link[rel=alternate][hreflang]").length, 0, "the source has no hreflang to a fallback either");
  assert.equal(source("a.lang-switch").attr("href"), "/en/hoaxes/beta/", "the switch still works");
});

test("the fallback is left out of the search index and the sitemap", () => {
  const $ = site.page("/en/hoaxes/beta/");
  assert.equal($("[data-pagefind-body]").length, 0);
  assert.equal(site.page("/ja/hoaxes/beta/")("[data-pagefind-body]").length, 1);
  const fragments = readdirSync(join(site.dir, "pagefind", "fragment"));
  assert.ok(fragments.length >= 3);
  assert.doesNotMatch(site.file("/sitemap.xml"), /\/en\/hoaxes\/beta\//);
  assert.ok(existsSync(join(site.dir, "pagefind", "pagefind.js")));
});

test("the build reports the fallback and the stale translation", () => {
  assert.ok(site.notices.some((n) => n === "en: beta has no translation; serving the ja text at /en/hoaxes/beta/"), site.notices.join("\n"));
  assert.ok(site.notices.some((n) => n === "en: alpha translation follows revision 1, the source is at revision 2"), site.notices.join("\n"));
});

test("a stale translation carries a notice linking to the newer original", () => {
  const $ = site.page("/en/advisories/alpha/");
  const notice = $("aside.notice");
  assert.equal(notice.find("p").contents().first().text().trim(), "This English version is based on revision 1 of the Japanese advisory of 1 May 2004; the Japanese original was updated on 8 May 2004 (revision 2).");
  assert.equal(notice.find("a").attr("href"), "/ja/advisories/alpha/");
});

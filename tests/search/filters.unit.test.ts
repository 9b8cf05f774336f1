/**
 * What entry pages give Pagefind and the search page offers (src/search/filters.ts), from the validated data
 * without a build: filter choices with counts, badges of site pages, and the extra search terms.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageBadge, searchFilterChoices, searchTerms } from "../../src/search/filters.ts";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import { ROOT, withFixture } from "../helpers/fixtures.ts";

const site = loadSiteOrThrow({ root: ROOT });

test("filter choices: kinds, affected products (the site's names) and years, counted over indexed pages", () => {
  const ja = searchFilterChoices(site, "ja");
  assert.deepEqual(ja.map((g) => g.name), ["kind", "product", "year"]);
  const kinds = Object.fromEntries(ja[0]!.values.map((v) => [v.value, v.count]));
  assert.equal(kinds["デマ情報"], site.entries.filter((e) => e.lang === "ja" && e.kind === "hoax").length);
  assert.equal(kinds["インシデント"], 1);
  const products = ja[1]!.values.map((v) => v.value);
  assert.ok(products.includes("Windows XP"));
  const en = searchFilterChoices(site, "en");
  assert.deepEqual(en[0]!.values.map((v) => v.value).sort(), ["Bulletin", "Guidance", "Hoax", "Incident"]);
});

test("an untranslated entry's fallback page is not counted in its language", () => {
  withFixture((fixture) => {
    const small = loadSiteOrThrow({ root: ROOT, contentDir: fixture.content });
    const en = searchFilterChoices(small, "en");
    assert.deepEqual(en[0]!.values, [{ value: "Incident", count: 1 }], "the hoax has no English page of its own");
    const ja = searchFilterChoices(small, "ja");
    assert.deepEqual(ja[0]!.values.map((v) => v.value).sort(), ["インシデント", "デマ情報"]);
  }, { "en/hoaxes/beta.md": null });
});

test("site pages carry the navigation's name as their badge", () => {
  assert.equal(pageBadge("hoaxes", "ja"), "デマ情報");
  assert.equal(pageBadge("about", "en"), "About");
});

test("search terms: identifiers in the forms the page does not show, and the other spelling of variant words", () => {
  const ms = site.entries.find((e) => e.id === "ms04-011" && e.lang === "ja")!;
  const terms = searchTerms(ms).split(" ");
  assert.ok(terms.includes("ms04011"), terms.join(" "));
  assert.ok(terms.includes("CAN20030533"), "a CVE's candidate id without hyphens");
  assert.ok(!terms.some((t) => t.toLowerCase() === "ms04-011"), "the page shows it already");
  const sasser = site.entries.find((e) => e.id === "sasser" && e.lang === "ja")!;
  assert.match(sasser.html, /ウイルス/);
  assert.ok(searchTerms(sasser).split(" ").includes("ウィルス"), "the other spelling of a variant word the page uses");
});

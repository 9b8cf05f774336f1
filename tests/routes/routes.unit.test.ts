/**
 * The URL contract as code (src/routes/routes.ts): every route, the absolute and prefixed forms, the pages in
 * both languages, and the CSAF document URL of an entry's text. Pure: no build.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { absoluteUrl, fixedPaths, FIXED_PAGES, routes, translated, withPrefix } from "../../src/routes/routes.ts";
import { csafFilename, documentPath, trackingId } from "../../src/routes/csaf-ids.ts";

test("every route of the URL contract", () => {
  assert.equal(routes.chooser(), "/");
  assert.equal(routes.home("ja"), "/ja/");
  assert.equal(routes.advisories("en"), "/en/advisories/");
  assert.equal(routes.hoaxes("ja"), "/ja/hoaxes/");
  assert.equal(routes.about("en"), "/en/about/");
  assert.equal(routes.search("ja"), "/ja/search/");
  assert.equal(routes.feed("en"), "/en/feed.xml");
  assert.equal(routes.embed("ja"), "/ja/embed/latest/");
  assert.equal(routes.entry("en", "advisories", "ms04-011"), "/en/advisories/ms04-011/");
  assert.equal(routes.entry("ja", "hoaxes", "sulfnbk-exe"), "/ja/hoaxes/sulfnbk-exe/");
  assert.equal(routes.page("ja", "hoaxes"), "/ja/hoaxes/");
  assert.equal(routes.page("en", "about"), "/en/about/");
  assert.equal(routes.kb("en", 835732), "/en/kb/835732/");
  assert.equal(routes.cve("ja", "CVE-2003-0533"), "/ja/cve/cve-2003-0533/");
  assert.equal(routes.api("advisories.json"), "/api/advisories.json");
  assert.equal(routes.csaf("provider-metadata.json"), "/.well-known/csaf/provider-metadata.json");
  assert.equal(routes.securityTxt(), "/.well-known/security.txt");
  assert.equal(routes.sitemap(), "/sitemap.xml");
  assert.equal(routes.notFound(), "/404.html");
});

test("absolute URLs and prefixed paths: origin, path prefix, path", () => {
  const mirror = { siteUrl: "https://partner.example.jp", pathPrefix: "/security/" };
  assert.equal(absoluteUrl(mirror, routes.feed("ja")), "https://partner.example.jp/security/ja/feed.xml");
  assert.equal(absoluteUrl({ siteUrl: "http://localhost:8080", pathPrefix: "/" }, "/"), "http://localhost:8080/");
  assert.equal(absoluteUrl(mirror, ".well-known/security.txt"), "https://partner.example.jp/security/.well-known/security.txt");
  assert.equal(withPrefix("/security/", "/ja/advisories/sasser-worm/"), "/security/ja/advisories/sasser-worm/");
  assert.equal(withPrefix("/", "/ja/"), "/ja/");
});

test("a page in both languages: its URL, the language switch and both hreflang alternates", () => {
  assert.deepEqual(translated(routes.advisories, "ja"), {
    url: "/ja/advisories/",
    otherUrl: "/en/advisories/",
    alternates: [{ lang: "ja", url: "/ja/advisories/" }, { lang: "en", url: "/en/advisories/" }],
  });
});

test("the fixed pages every site has, which no alias may shadow", () => {
  assert.deepEqual([...FIXED_PAGES], ["home", "advisories", "hoaxes", "about", "search"]);
  const paths = fixedPaths(["ja", "en"]);
  for (const path of ["/", "/404.html", "/sitemap.xml", "/ja/", "/en/search/", "/ja/feed.xml", "/en/embed/latest/"]) assert.ok(paths.includes(path), path);
});

test("CSAF documents: tracking id, file name, path, and the URL of the document an entry's page shows", () => {
  const ms = { id: "ms04-011", published: "2004-04-14" };
  assert.equal(trackingId("KEIKOKU", ms, "ja"), "KEIKOKU-2004-MS04-011");
  assert.equal(trackingId("KEIKOKU", ms, "en"), "KEIKOKU-2004-MS04-011-en");
  assert.equal(csafFilename("EX:CSIRT 2026/001"), "ex_csirt_2026_001.json");
  assert.equal(documentPath("EXCSIRT", { id: "exa-2026-001", published: "2026-03-02" }, "en"), "2026/excsirt-2026-exa-2026-001-en.json");
  assert.equal(routes.csafDocument("KEIKOKU", { ...ms, contentLang: "en" }), "/.well-known/csaf/2004/keikoku-2004-ms04-011-en.json");
  // A fallback page shows the original's text, so it links the original's document.
  assert.equal(routes.csafDocument("KEIKOKU", { ...ms, contentLang: "ja" }), "/.well-known/csaf/2004/keikoku-2004-ms04-011.json");
});

/**
 * The KB and CVE pages (src/identifiers): one page per identifier and language, listing every entry that
 * names it (newest first, as the data layer orders entries), with the vulnerability a CVE belongs to. Pure.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { identifierPages } from "../../src/identifiers/identifier-pages.ts";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import { ROOT } from "../helpers/fixtures.ts";

const site = loadSiteOrThrow({ root: ROOT, html: false });
const pages = identifierPages(site.entries, ["ja", "en"]);

test("one page per identifier and language, sorted, with URLs in both languages", () => {
  const kb = pages.filter((p) => p.type === "kb" && p.lang === "ja");
  assert.deepEqual(kb.map((p) => p.slug), [...kb.map((p) => p.slug)].sort((a, b) => Number(a) - Number(b)));
  const page = pages.find((p) => p.lang === "en" && p.label === "KB835732")!;
  assert.equal(page.url, "/en/kb/835732/");
  assert.equal(page.otherUrl, "/ja/kb/835732/");
  const cve = pages.find((p) => p.lang === "ja" && p.label === "CVE-2003-0533")!;
  assert.equal(cve.url, "/ja/cve/cve-2003-0533/");
  assert.equal(pages.filter((p) => p.lang === "ja").length, pages.filter((p) => p.lang === "en").length);
});

test("every entry that names the identifier is listed once, in the site's order; a CVE names its vulnerability", () => {
  for (const page of pages) {
    const expected = site.entries.filter((e) => e.lang === page.lang && (page.type === "kb" ? e.kb.includes(Number(page.slug)) : [...e.cve, ...e.vulnerabilities.map((v) => v.cve)].includes(page.label)));
    assert.deepEqual(page.references.map((r) => r.entry.id), expected.map((e) => e.id), page.url);
  }
  const cve = pages.find((p) => p.lang === "en" && p.label === "CVE-2003-0533")!;
  const ms = cve.references.find((r) => r.entry.id === "ms04-011")!;
  assert.equal(ms.vulnerability?.cve, "CVE-2003-0533");
  assert.equal(ms.vulnerability?.can, "CAN-2003-0533");
});

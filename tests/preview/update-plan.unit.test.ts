/**
 * What a save makes the dev server render (src/preview/update-plan.ts), decided from the bundled content
 * loaded before and after an edit. The replay test (replay.build.test.ts) proves the result equals a clean
 * build; these pin that the plan stays small: an edit renders its own pages, not the archive.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import { planUpdate, sameData, snapshot } from "../../src/preview/update-plan.ts";
import { copyBundledContent, ROOT, type Fixture } from "../helpers/fixtures.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";

function plan(change: (fixture: Fixture) => void) {
  const fixture = copyBundledContent();
  try {
    const before = snapshot(loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content }));
    change(fixture);
    return planUpdate(before, snapshot(loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content })));
  } finally {
    fixture.cleanup();
  }
}

const bundled = (path: string) => readFileSync(join(ROOT, "content", path), "utf8");
const edit = (path: string, from: string, to: string) => (fixture: Fixture) => {
  assert.ok(bundled(path).includes(from), `${path} holds "${from}"`);
  fixture.write(path, bundled(path).replace(from, to));
};

test("sameData tells what JSON.stringify would, key order and undefined fields included", () => {
  assert.ok(sameData({ a: [1, { b: "x" }], c: undefined }, { a: [1, { b: "x" }] }));
  assert.ok(!sameData({ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] }));
  assert.ok(!sameData({ a: 1, b: 2 }, { b: 2, a: 1 }), "another key order is another JSON text");
  assert.ok(!sameData([1, 2], { 0: 1, 1: 2 }));
  assert.ok(!sameData(null, {}));
  assert.ok(!sameData([1], [1, 2]));
});

test("a save that changes nothing renders nothing", () => {
  const result = plan(() => undefined);
  assert.equal(result.kind, "pages");
  if (result.kind !== "pages") return;
  assert.deepEqual(result.selection, { entries: [], identifierPages: [], redirects: [], siteWide: false });
  assert.deepEqual(result.removed, []);
});

test("editing an advisory's text renders its page, the KB/CVE pages that list it, and the pages made from the whole site", () => {
  const result = plan(edit("ja/advisories/sasser.md", "ウイルスの感染や駆除については、", "ウイルスの感染や駆除（編集）については、"));
  assert.equal(result.kind, "pages");
  if (result.kind !== "pages") return;
  // The English page is a translation of its own: its data did not change.
  assert.deepEqual(result.selection.entries.map((e) => e.url), ["/ja/advisories/sasser/"]);
  assert.ok(result.selection.identifierPages.length > 0 && result.selection.identifierPages.every((p) => p.lang === "ja" && p.references.some((r) => r.entry.url === "/ja/advisories/sasser/")));
  assert.deepEqual(result.selection.redirects, []);
  assert.equal(result.selection.siteWide, true);
  assert.deepEqual(result.removed, []);
});

test("a title shown by related links renders the pages that show it", () => {
  const result = plan(edit("en/advisories/ms04-011.md", 'title: "MS04-011: Security Update for Microsoft Windows (835732)"', 'title: "MS04-011: Security Update for Windows (835732)"'));
  assert.equal(result.kind, "pages");
  if (result.kind !== "pages") return;
  const urls = result.selection.entries.map((e) => e.url);
  assert.ok(urls.includes("/en/advisories/ms04-011/"));
  // Every other English page that links MS04-011 by its title is rendered again, and nothing in Japanese.
  const linking = urls.filter((u) => u !== "/en/advisories/ms04-011/");
  assert.ok(linking.length > 0, `pages that show the title: ${urls.join(", ")}`);
  for (const entry of result.selection.entries.filter((e) => e.url !== "/en/advisories/ms04-011/")) {
    assert.ok(entry.relatedLinks.some((l) => l.title.includes("Security Update for Windows")) || entry.html.includes("Security Update for Windows"), `${entry.url} shows the new title`);
  }
  assert.ok(urls.every((u) => u.startsWith("/en/")), urls.join(", "));
});

test("deleting an entry removes its pages in both languages and renders what listed it", () => {
  const result = plan((fixture) => {
    fixture.remove("ja/hoaxes/life-is-beautiful.md");
    fixture.remove("en/hoaxes/life-is-beautiful.md");
  });
  assert.equal(result.kind, "pages");
  if (result.kind !== "pages") return;
  assert.deepEqual(result.removed.filter((p) => p.includes("life-is-beautiful")).sort(), ["/en/hoaxes/life-is-beautiful/index.html", "/ja/hoaxes/life-is-beautiful/index.html"]);
  assert.equal(result.selection.siteWide, true);
});

test("a change every page shows (a product's name) builds everything", () => {
  const result = plan(edit("products.yaml", "ja: Windows XP", "ja: Windows XP（編集）"));
  assert.equal(result.kind, "everything");
});

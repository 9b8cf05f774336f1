/**
 * The benchmark corpus is valid content (the real loadContent finds no problem), bilingual, deterministic
 * for a seed, and its bodies are 2–4 KB of UTF-8 with the identifiers the issue asks for.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "../../src/bench/corpus.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { ROOT } from "../helpers/fixtures.ts";
import { parseEleventyBenchmarks } from "../../src/bench/bench.ts";
import { pairedRatios, stat } from "../../src/bench/stats.ts";

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

test("the corpus passes validation, pairs every entry in ja and en, and is the same for the same seed", () => {
  const dir = mkdtempSync(join(tmpdir(), "keikoku-corpus-test-"));
  try {
    const a = generateCorpus({ dir: join(dir, "a"), entries: 60, seed: 7 });
    const b = generateCorpus({ dir: join(dir, "b"), entries: 60, seed: 7 });
    const c = generateCorpus({ dir: join(dir, "c"), entries: 60, seed: 8 });
    const loaded = loadContent({ root: ROOT, contentDir: a.dir });
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.site?.entries.filter((e) => e.isFallback).length, 0, "every entry has a translation");
    assert.equal(loaded.site?.entries.length, 120);
    assert.ok(a.byKind.hoax > 0 && a.byKind.bulletin > 0 && a.byKind.incident > 0 && a.byKind.guidance > 0);
    const filesA = listFiles(a.dir).map((f) => f.slice(a.dir.length));
    assert.deepEqual(filesA, listFiles(b.dir).map((f) => f.slice(b.dir.length)));
    for (const f of filesA) assert.equal(readFileSync(join(a.dir, f), "utf8"), readFileSync(join(b.dir, f), "utf8"), `${f} differs between two runs with the same seed`);
    assert.notDeepEqual(listFiles(c.dir).map((f) => readFileSync(f, "utf8")), filesA.map((f) => readFileSync(join(a.dir, f), "utf8")));
    for (const lang of ["ja", "en"] as const) {
      assert.ok(a.bodyBytes[lang].min >= 2048 && a.bodyBytes[lang].max <= 4096, `${lang} bodies are 2–4 KB: ${JSON.stringify(a.bodyBytes[lang])}`);
    }
    const all = filesA.map((f) => readFileSync(join(a.dir, f), "utf8")).join("\n");
    for (const pattern of [/MS0\d-\d{3}/, /KB\d{6}/, /CVE-\d{4}-\d{4}/, /\b\w+\.(exe|dll|scr|pif)\b/, /^## .+ \{#[a-z0-9-]+\}$/m, /^\| .+ \|$/m, /^- /m, /^1\. /m, /\]\(advisory:[a-z0-9-]+(#[a-z0-9-]+)?\)/]) {
      assert.match(all, pattern);
    }
    assert.ok(readFileSync(join(a.dir, "ja/pages/about.md"), "utf8") && readFileSync(join(a.dir, "en/pages/hoaxes.md"), "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Eleventy's aggregate benchmark lines are read per template; ratios pair runs", () => {
  const stderr = [
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark  11034ms  47%  1000× (Aggregate) > Render Content > ./layouts/pages/entry.njk (1000 pages)",
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark     40ms   0%     2× (Aggregate) > Render Content > ./layouts/pages/feed.njk (2 pages)",
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark     10ms   0%     1× (Aggregate) > Render Content > ./layouts/pages/sitemap.njk",
    "2026-01-01T00:00:00.000Z Eleventy:Benchmark Benchmark    796ms   3%  3000× (Aggregate) > Render Permalink > ./layouts/pages/entry.njk (1000 pages)",
  ].join("\n");
  assert.deepEqual(parseEleventyBenchmarks(stderr), [
    { template: "./layouts/pages/entry.njk", ms: 11034, pages: 1000, kind: "page" },
    { template: "./layouts/pages/feed.njk", ms: 40, pages: 2, kind: "other" },
    { template: "./layouts/pages/sitemap.njk", ms: 10, pages: 1, kind: "other" },
  ]);
  assert.deepEqual(stat([3, 1, 2, undefined]), { min: 1, median: 2, max: 3, n: 3 });
  assert.deepEqual(stat([4, 1, 2, 3])?.median, 2.5);
  assert.deepEqual(pairedRatios([2, 6, undefined], [1, 3, 5]), [2, 2]);
});

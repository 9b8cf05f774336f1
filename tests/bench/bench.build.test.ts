/**
 * The benchmark runs end to end at a tiny size and prints its table. This proves the harness works; it
 * is not a timed test and asserts nothing about durations. It is the smoke run (--smoke): every phase once, in
 * fewer processes and without paying for the CSAF validator in every child (see bench.ts's usage).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/fixtures.ts";
import type { BenchReport } from "../../src/bench/bench.ts";

test("npm run bench -- --smoke --advisories 4 --runs 1 runs every phase and prints its table", { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "keikoku-bench-test-"));
  try {
    const jsonFile = join(dir, "bench.json");
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/bench/bench.ts", "--advisories", "4", "--runs", "1", "--edits", "1", "--smoke", "--json-out", jsonFile], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, KEIKOKU_CONTENT: "" },
    });
    assert.equal(run.status, 0, `bench failed:\n${run.stdout}\n${run.stderr}`);
    for (const text of [
      "| metric", "pages built (HTML files)", "phase: load + validate", "phase: render and write HTML pages", "phase: other outputs",
      "phase: search index (Pagefind)", "total wall time, full build", "peak RSS, largest process", "output size",
      "npm run check on the corpus", "npm run check, cache warm, one file edited", "first search query", "incremental (dev server", "How each figure is measured",
    ]) {
      assert.ok(run.stdout.includes(text), `the table has no "${text}":\n${run.stdout}`);
    }
    const report = JSON.parse(readFileSync(jsonFile, "utf8")) as BenchReport;
    assert.equal(report.corpus.entries, 4);
    assert.equal(report.runs.length, 1);
    assert.equal(report.failures.length, 0, report.failures.join("\n"));
    const warm = report.runs[0]!.check?.warm;
    assert.ok(warm?.ok && warm.files, "the warm check ran");
    assert.equal(warm.reused, warm.files - 1, "a warm check after one edit reuses every other file");
    const total = report.rows.find((r) => r.metric === "total wall time, full build");
    assert.ok(total?.ours && total.baseline && total.ratio, "the total row has ours, baseline and a ratio");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

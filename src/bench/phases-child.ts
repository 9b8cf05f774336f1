/**
 * One "phases" run of the benchmark, in its own process (bench.ts starts it; not for direct use):
 *   1. imports the pipeline modules            → startupMs (since process start: Node, tsx, imports)
 *   2. loadContent()                           → loadMs (read, parse, validate, cross-check, render Markdown)
 *   3. buildSite() with KEIKOKU_SEARCH=off     → renderBuildMs (the real pipeline without the Pagefind step);
 *      of which afterHooksMs = its end − the newest .html file's mtime: Eleventy emits eleventy.after only
 *      once every template is written, so this is the after-build hooks (CSAF, the JS bundle …) plus
 *      buildSite's file count and swap
 *   4. bundleBrowserCode() into a scratch dir  → esbuildMs (the browser bundle step that (3) also ran)
 *   5. indexSite() on the output of (3)        → indexMs (the Pagefind step the real pipeline runs last)
 *   6. generateCsaf() on (2), no cache         → csafMs (every CSAF document built and validated on this one
 *      thread; in (3) and in a full build the same work runs on a worker thread beside the rendering)
 * It writes its figures as JSON to --result FILE; Eleventy's own per-template benchmarks go to stderr
 * when the parent sets DEBUG=Eleventy:Benchmark*.
 *
 *   node --import tsx src/bench/phases-child.ts --content DIR --output DIR --result FILE [--no-csaf-alone]
 *
 * --no-csaf-alone skips (6), the benchmark's smoke run (bench.ts --smoke): loading the validator is most of its cost.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

export interface PhasesResult {
  ok: boolean;
  error?: string;
  /** From process start to the pipeline modules being imported. */
  startupMs: number;
  loadMs: number;
  renderBuildMs: number;
  /** The part of renderBuildMs after the last HTML page was written (eleventy.after hooks, count, swap). */
  afterHooksMs: number;
  esbuildMs: number;
  indexMs: number;
  /** CSAF documents built and validated, cold, on one thread (overlapped with rendering in a real build). */
  csafMs: number;
  pages: number;
  /** Pages Pagefind read in indexSite (its page_count: every HTML file, indexed or not). */
  walkedPages: number;
  entries: number;
  /** Peak RSS of this (node) process after each step, KiB (a high-water mark: it never goes down). */
  maxRssKbAfter: { load: number; render: number; index: number };
}

const args = process.argv.slice(2);
const option = (name: string): string => {
  const i = args.indexOf(name);
  const value = i >= 0 ? args[i + 1] : undefined;
  if (!value) {
    console.error(`phases-child: missing ${name}`);
    process.exit(2);
  }
  return value;
};
const contentDir = resolve(option("--content"));
const output = resolve(option("--output"));
const resultFile = resolve(option("--result"));
const root = resolve(import.meta.dirname, "../..");
const csafAlone = !args.includes("--no-csaf-alone");

/** The newest modification time (ms since the epoch) of the files ending in `suffix` under `dir`. */
function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith(suffix)) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

const result: PhasesResult = {
  ok: false, startupMs: 0, loadMs: 0, renderBuildMs: 0, afterHooksMs: 0, esbuildMs: 0, indexMs: 0, csafMs: 0, pages: 0, walkedPages: 0, entries: 0,
  maxRssKbAfter: { load: 0, render: 0, index: 0 },
};
const maxRss = () => process.resourceUsage().maxRSS;
try {
  const { loadContent } = await import("../data/load-content.ts");
  const { buildSite } = await import("../site/build-site.ts");
  const { indexSite, bundleBrowserCode } = await import("../search/steps.ts");
  const { readSettingsOrThrow } = await import("../settings/settings.ts");
  const { csafConfig } = await import("../csaf/config.ts");
  const settings = readSettingsOrThrow({ siteDir: contentDir, root, env: process.env });
  result.startupMs = performance.now();

  let t = performance.now();
  const loaded = loadContent({ root, contentDir });
  result.loadMs = performance.now() - t;
  result.maxRssKbAfter.load = maxRss();
  if (!loaded.site) throw new Error(`the corpus is not valid: ${loaded.problems.length} problems, first: ${JSON.stringify(loaded.problems[0])}`);
  result.entries = loaded.site.entries.length;

  t = performance.now();
  const built = await buildSite({ ...settings, switches: { ...settings.switches, search: false } }, { output });
  result.renderBuildMs = performance.now() - t;
  result.afterHooksMs = Math.max(0, Date.now() - newestMtime(output, ".html"));
  result.pages = built.pages;
  result.maxRssKbAfter.render = maxRss();

  const scratch = mkdtempSync(join(tmpdir(), "keikoku-bench-esbuild-"));
  t = performance.now();
  await bundleBrowserCode(scratch);
  result.esbuildMs = performance.now() - t;
  rmSync(scratch, { recursive: true, force: true });

  t = performance.now();
  const indexed = await indexSite(output);
  result.indexMs = performance.now() - t;
  result.walkedPages = indexed.pages;
  result.maxRssKbAfter.index = maxRss();

  if (csafAlone) {
    const { generateCsaf } = await import("../csaf/generate.ts");
    t = performance.now();
    const csaf = await generateCsaf(loaded.site, csafConfig(settings));
    result.csafMs = performance.now() - t;
    if (csaf.errors.length) throw new Error(`CSAF: ${csaf.errors.length} errors, first: ${JSON.stringify(csaf.errors[0])}`);
  }
  result.ok = true;
} catch (error) {
  result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.exitCode = 1;
}
writeFileSync(resultFile, JSON.stringify(result));

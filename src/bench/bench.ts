/**
 * `npm run bench [-- options]`: issue #8's benchmark. Generates a seeded, valid, bilingual corpus of N
 * advisories and hoaxes, then, interleaved run by run (ours, baseline, ours' phases, check; ×--runs):
 *   - ours:      `node --import tsx src/cli/build.ts` on the corpus — the real pipeline (buildSite:
 *                validation, every plugin .eleventy.ts lists, esbuild bundle, Pagefind) in a child process;
 *   - baseline:  bare Eleventy 3 (plain JS config, minimal Nunjucks layout, default markdown-it) on the
 *                same Markdown, then the Pagefind CLI, each in a child process;
 *   - phases:    one child that times loadContent, buildSite with KEIKOKU_SEARCH=off, and indexSite on
 *                its output (see phases-child.ts), with Eleventy's own per-template benchmarks;
 *   - check:     `node --import tsx src/cli/check.ts --content DIR --format json`, without the data layer's
 *                cache (KEIKOKU_CACHE=off, as every build here is), then once more after filling the cache and
 *                editing one file (what a pre-commit hook sees);
 * then, once: the bytes and time of a first search query on the built site (Chromium, search-budget.ts)
 * and the edit → served-page time of the dev server (incremental.ts).
 * Prints a table (min / median / max over the runs, and ours/baseline ratios of paired runs); --json
 * prints everything as JSON instead. See `--help`.
 */
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { generateCorpus, type CorpusSummary } from "./corpus.ts";
import { prepareBaseline, runBaseline, type BaselineRun } from "./baseline.ts";
import { measureIncremental, type IncrementalResult } from "./incremental.ts";
import { folderSize, hasGnuTime, runMeasured, searchIndexPages, type Measured, type ProcessPeak } from "./measure.ts";
import type { PhasesResult } from "./phases-child.ts";
import type { Browser } from "playwright-core";
import { format, formatStat, pairedRatios, stat, type Stat, type Unit } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "../..");

const USAGE = `npm run bench -- [options]
  --advisories N    advisories and hoaxes in the corpus, each in ja and en (default 500)
  --runs N          interleaved runs of each build (default 3)
  --seed S          corpus seed (default 1)
  --edits N         edits timed on the dev server (default 3)
  --no-baseline     skip bare Eleventy + Pagefind CLI
  --no-phases       skip the per-phase run of our pipeline
  --no-check        skip npm run check on the corpus
  --no-search       skip the first-query cost in Chromium
  --no-incremental  skip the dev-server edit loop
  --json            print JSON instead of the table
  --json-out FILE   also write the JSON to FILE
  --work DIR        working folder (default: a new folder in the system temp folder)
  --keep            keep the working folder (corpus, built sites) afterwards
  --corpus-only DIR write the corpus into DIR (DIR/ja, DIR/en) and exit
  --timeout-min M   give up on any one step after M minutes (default 60)
  --smoke           prove the harness works, cheaply (the test's run): builds reuse CSAF validation results,
                    the phases child skips 'CSAF alone', the cold check fills the check cache, one search
                    probe per language. Its figures are not cold and not comparable to a full run`;

export interface BenchOptions {
  advisories: number;
  runs: number;
  seed: number;
  edits: number;
  baseline: boolean;
  phases: boolean;
  check: boolean;
  search: boolean;
  incremental: boolean;
  json: boolean;
  jsonOut?: string;
  work?: string;
  keep: boolean;
  corpusOnly?: string;
  timeoutMs: number;
  smoke: boolean;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    advisories: 500, runs: 3, seed: 1, edits: 3, baseline: true, phases: true, check: true, search: true, incremental: true,
    json: false, keep: false, timeoutMs: 60 * 60_000, smoke: false,
  };
  const number = (name: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min) throw new UsageError(`${name} expects an integer ≥ ${min}, got ${value ?? "nothing"}`);
    return n;
  };
  const text = (name: string, value: string | undefined): string => {
    if (!value || value.startsWith("--")) throw new UsageError(`${name} expects a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = () => argv[++i];
    switch (arg) {
      case "--advisories": options.advisories = number(arg, next(), 1); break;
      case "--runs": options.runs = number(arg, next(), 1); break;
      case "--seed": options.seed = number(arg, next(), 0); break;
      case "--edits": options.edits = number(arg, next(), 1); break;
      case "--timeout-min": options.timeoutMs = number(arg, next(), 1) * 60_000; break;
      case "--no-baseline": options.baseline = false; break;
      case "--no-phases": options.phases = false; break;
      case "--no-check": options.check = false; break;
      case "--no-search": options.search = false; break;
      case "--no-incremental": options.incremental = false; break;
      case "--json": options.json = true; break;
      case "--json-out": options.jsonOut = resolve(text(arg, next())); break;
      case "--work": options.work = resolve(text(arg, next())); break;
      case "--keep": options.keep = true; break;
      case "--smoke": options.smoke = true; break;
      case "--corpus-only": options.corpusOnly = resolve(text(arg, next())); break;
      case "--help": case "-h": throw new UsageError("");
      default: throw new UsageError(`unknown option "${arg}"`);
    }
  }
  return options;
}

class UsageError extends Error {}

// ───────────────────────────── one run of each build ─────────────────────────────

export interface OursRun {
  ok: boolean;
  error?: string;
  wallMs: number;
  peakRssKb: number;
  peakRssSource: Measured["peakRssSource"];
  processes: ProcessPeak[];
  treeRssKb: number;
  cpuSeconds?: number;
  pages?: number;
  /** Σ page_count of pagefind-entry.json (pages with data-pagefind-body, both languages). */
  indexedPages?: number;
  output: { bytes: number; files: number };
  pagefindBytes: number;
}

export interface TemplateTime {
  template: string;
  ms: number;
  pages: number;
  /** "page" when the template's permalink is an .html file, else "other" (feeds, JSON, sitemap …). */
  kind: "page" | "other";
}

export interface PhasesRun extends PhasesResult {
  wallMs: number;
  processes: ProcessPeak[];
  templates: TemplateTime[];
  /** Σ Eleventy "Render Content" of non-HTML templates (feeds, JSON, sitemap …). */
  otherTemplatesMs: number;
  /** otherTemplatesMs + afterHooksMs (CSAF, the JS bundle … written in eleventy.after). */
  otherMs: number;
  /** renderBuildMs − loadMs − otherMs: from the end of validation to the last HTML page written, minus non-HTML templates. */
  renderHtmlMs: number;
  /** Peak of the Pagefind binary while indexSite ran (from the /proc poll). */
  pagefindPeakKb?: number;
}

export interface CheckRun {
  ok: boolean;
  wallMs: number;
  /** The ms check.ts reports itself (loadContent only, without Node/tsx start-up). */
  internalMs?: number;
  peakRssKb: number;
  entries?: number;
  /** With the cache filled by a previous check and one file edited since. */
  warm?: { ok: boolean; wallMs: number; internalMs?: number; reused?: number; files?: number };
}

export interface RunRecord {
  run: number;
  loadavg: number[];
  ours?: OursRun;
  baseline?: BaselineRun;
  phases?: PhasesRun;
  check?: CheckRun;
}

/**
 * The environment for children: ours, without the caller's KEIKOKU_* or DEBUG settings, and without the data
 * layer's cache (src/data/content-cache.ts) unless asked: every build here is cold.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("KEIKOKU_") && key !== "DEBUG" && key !== "NODE_OPTIONS") env[key] = value;
  return { ...env, KEIKOKU_CACHE: "off", ...extra };
}

/** Every build is cold (no CSAF validation result reused) except in a smoke run, which reuses them (--smoke). */
const csafCacheEnv = (smoke: boolean): Record<string, string> => (smoke ? {} : { KEIKOKU_CSAF_CACHE: "off" });

const trimmed = (m: Measured) => (m.stderr || m.stdout).trim().split("\n").slice(-15).join("\n");

async function runOurs(contentDir: string, output: string, timeoutMs: number, smoke: boolean): Promise<OursRun> {
  rmSync(output, { recursive: true, force: true });
  const m = await runMeasured(process.execPath, ["--import", "tsx", "src/cli/run.ts", "build", "--output", output], { cwd: ROOT, env: childEnv({ KEIKOKU_CONTENT: contentDir, ...csafCacheEnv(smoke) }), timeoutMs });
  const pages = /built (\d+) pages/.exec(m.stdout)?.[1];
  const indexedPages = searchIndexPages(output);
  return {
    ok: m.exitCode === 0,
    ...(m.exitCode === 0 ? {} : { error: `build failed (exit ${m.exitCode ?? m.signal}):\n${trimmed(m)}` }),
    wallMs: m.wallMs,
    peakRssKb: m.peakRssKb,
    peakRssSource: m.peakRssSource,
    processes: m.processes.slice(0, 4),
    treeRssKb: m.treeRssKb,
    ...(m.cpuSeconds !== undefined ? { cpuSeconds: m.cpuSeconds } : {}),
    ...(pages ? { pages: Number(pages) } : {}),
    ...(indexedPages !== undefined ? { indexedPages } : {}),
    output: folderSize(output),
    pagefindBytes: folderSize(join(output, "pagefind")).bytes,
  };
}

/** "page" or "other", from the template's permalink (an .html file or not). */
function templateKind(template: string): "page" | "other" {
  try {
    const permalink = /^permalink:\s*(.*)$/m.exec(readFileSync(resolve(ROOT, template), "utf8"))?.[1];
    return permalink === undefined || /\.html\b/.test(permalink) ? "page" : "other";
  } catch {
    return "page";
  }
}

/** Eleventy's aggregate "> Render Content > ./layouts/pages/x.njk (N pages)" lines (DEBUG=Eleventy:Benchmark*). */
export function parseEleventyBenchmarks(stderr: string): TemplateTime[] {
  const out: TemplateTime[] = [];
  const re = /Benchmark\s+(\d+)ms\s+\d+%\s+(\d+)×\s+\(Aggregate\)\s+> Render Content > (\S+)(?: \((\d+) pages?\))?/g;
  for (const m of stderr.matchAll(re)) {
    out.push({ template: m[3]!, ms: Number(m[1]), pages: Number(m[4] ?? m[2]), kind: templateKind(m[3]!) });
  }
  return out.sort((a, b) => b.ms - a.ms);
}

async function runPhases(contentDir: string, output: string, work: string, run: number, timeoutMs: number, smoke: boolean): Promise<PhasesRun> {
  rmSync(output, { recursive: true, force: true });
  const resultFile = join(work, `phases-${run}.json`);
  rmSync(resultFile, { force: true });
  const m = await runMeasured(process.execPath, ["--import", "tsx", "src/bench/phases-child.ts", "--content", contentDir, "--output", output, "--result", resultFile, ...(smoke ? ["--no-csaf-alone"] : [])], {
    cwd: ROOT, env: childEnv({ DEBUG: "Eleventy:Benchmark*", ...csafCacheEnv(smoke) }), timeoutMs,
  });
  const result: PhasesResult = existsSync(resultFile)
    ? (JSON.parse(readFileSync(resultFile, "utf8")) as PhasesResult)
    : { ok: false, error: `no result (exit ${m.exitCode ?? m.signal}):\n${trimmed(m)}`, startupMs: 0, loadMs: 0, renderBuildMs: 0, afterHooksMs: 0, esbuildMs: 0, indexMs: 0, csafMs: 0, pages: 0, walkedPages: 0, entries: 0, maxRssKbAfter: { load: 0, render: 0, index: 0 } };
  const templates = parseEleventyBenchmarks(m.stderr);
  const otherTemplatesMs = templates.filter((t) => t.kind === "other").reduce((sum, t) => sum + t.ms, 0);
  const otherMs = otherTemplatesMs + result.afterHooksMs;
  const pagefindPeakKb = m.processes.filter((p) => p.name.startsWith("pagefind")).reduce((max, p) => Math.max(max, p.hwmKb), 0);
  return {
    ...result,
    wallMs: m.wallMs,
    processes: m.processes.slice(0, 4),
    templates,
    otherTemplatesMs,
    otherMs,
    renderHtmlMs: result.renderBuildMs - result.loadMs - otherMs,
    ...(pagefindPeakKb ? { pagefindPeakKb } : {}),
  };
}

async function checkOnce(contentDir: string, timeoutMs: number, cache: "on" | "off") {
  const m = await runMeasured(process.execPath, ["--import", "tsx", "src/cli/run.ts", "check", "--content", contentDir, "--format", "json"], { cwd: ROOT, env: childEnv({ KEIKOKU_CACHE: cache }), timeoutMs });
  let parsed: { ok?: boolean; ms?: number; entries?: number; cacheUse?: { reused: number; files: number } } = {};
  try {
    parsed = JSON.parse(m.stdout) as typeof parsed;
  } catch {
    // reported as not ok below
  }
  return { m, parsed, ok: m.exitCode === 0 && parsed.ok === true };
}

async function runCheck(contentDir: string, timeoutMs: number, smoke: boolean): Promise<CheckRun> {
  // A smoke run's cold check fills the (new, empty) cache of this content folder itself, saving a process.
  const cold = await checkOnce(contentDir, timeoutMs, smoke ? "on" : "off");
  // The pre-commit case: the cache holds the last check, and one file was edited since.
  if (!smoke) await checkOnce(contentDir, timeoutMs, "on");
  const file = join(contentDir, "ja", "advisories", readdirSync(join(contentDir, "ja", "advisories")).sort()[0]!);
  const original = readFileSync(file, "utf8");
  writeFileSync(file, `${original.replace(/\s*$/, "")}\n\n追記の確認。\n`);
  let warm: Awaited<ReturnType<typeof checkOnce>>;
  try {
    warm = await checkOnce(contentDir, timeoutMs, "on");
  } finally {
    writeFileSync(file, original);
  }
  return {
    ok: cold.ok,
    wallMs: cold.m.wallMs,
    ...(cold.parsed.ms !== undefined ? { internalMs: cold.parsed.ms } : {}),
    peakRssKb: cold.m.peakRssKb,
    ...(cold.parsed.entries !== undefined ? { entries: cold.parsed.entries } : {}),
    warm: { ok: warm.ok, wallMs: warm.m.wallMs, ...(warm.parsed.ms !== undefined ? { internalMs: warm.parsed.ms } : {}), ...warm.parsed.cacheUse },
  };
}

// ───────────────────────────── the report ─────────────────────────────

export interface Row {
  metric: string;
  unit: Unit;
  ours?: Stat;
  baseline?: Stat;
  ratio?: Stat;
}

export interface BenchReport {
  options: Omit<BenchOptions, "json" | "jsonOut" | "work" | "keep" | "corpusOnly">;
  /** Set in the checkpoints written to --json-out while the benchmark is still running. */
  partial?: boolean;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGiB: number; gnuTime: boolean; chromium: boolean };
  corpus: CorpusSummary & { generateMs: number };
  runs: RunRecord[];
  rows: Row[];
  search?: { results?: { lang: string; query: string; bytesFirstQuery: number; msToFirstResult: number; requests: number; breakdown?: Record<string, number> }[]; skipped?: string; site?: string };
  incremental?: IncrementalResult | { skipped: string };
  failures: string[];
  notes: string[];
}

function rowsFor(runs: RunRecord[]): Row[] {
  const ours = runs.map((r) => (r.ours?.ok ? r.ours : undefined));
  const base = runs.map((r) => (r.baseline?.ok ? r.baseline : undefined));
  const ph = runs.map((r) => (r.phases?.ok ? r.phases : undefined));
  const row = (metric: string, unit: Unit, o: (number | undefined)[], b?: (number | undefined)[], compare = true): Row => {
    const ratio = b && compare ? stat(pairedRatios(o, b)) : undefined;
    const [so, sb] = [stat(o), b ? stat(b) : undefined];
    return { metric, unit, ...(so ? { ours: so } : {}), ...(sb ? { baseline: sb } : {}), ...(ratio ? { ratio } : {}) };
  };
  const rows: Row[] = [
    row("pages built (HTML files)", "count", ours.map((o) => o?.pages), base.map((b) => b?.pages)),
    row("pages in the search index", "count", ours.map((o) => o?.indexedPages), base.map((b) => b?.indexedPages)),
    row("phase: start-up (Node, tsx, imports)", "ms", ph.map((p) => p?.startupMs)),
    row("phase: load + validate (loadContent)", "ms", ph.map((p) => p?.loadMs)),
    // The baseline's figure is its whole Eleventy process (start-up and frontmatter included): no ratio here.
    row("phase: render and write HTML pages", "ms", ph.map((p) => p?.renderHtmlMs), base.map((b) => b?.eleventy.wallMs), false),
    row("phase: other outputs (feeds, API, CSAF, JS bundle …)", "ms", ph.map((p) => p?.otherMs)),
    row("  of which non-HTML templates (Eleventy's benchmark)", "ms", ph.map((p) => p?.otherTemplatesMs)),
    row("  of which after-build hooks (after the last page is written)", "ms", ph.map((p) => p?.afterHooksMs)),
    row("phase: search index (Pagefind)", "ms", ph.map((p) => p?.indexMs), base.map((b) => b?.pagefind?.wallMs)),
    row("CSAF alone, one thread (a full build overlaps it with rendering)", "ms", ph.map((p) => p?.csafMs || undefined)),
    row("generation without search index (start → site written)", "ms", ph.map((p) => (p ? p.startupMs + p.renderBuildMs : undefined)), base.map((b) => b?.eleventy.wallMs)),
    row("total wall time, full build", "ms", ours.map((o) => o?.wallMs), base.map((b) => b?.wallMs)),
    row("CPU time (user + system)", "ms", ours.map((o) => (o?.cpuSeconds !== undefined ? o.cpuSeconds * 1000 : undefined)), base.map((b) => (b?.eleventy.cpuSeconds !== undefined && b.pagefind?.cpuSeconds !== undefined ? (b.eleventy.cpuSeconds + b.pagefind.cpuSeconds) * 1000 : undefined))),
    row("peak RSS, largest process", "kb", ours.map((o) => o?.peakRssKb), base.map((b) => b?.peakRssKb)),
    row("peak RSS, node", "kb", ours.map((o) => o?.processes.find((p) => p.name === "node")?.hwmKb), base.map((b) => b?.eleventy.processes.find((p) => p.name === "node")?.hwmKb)),
    row("peak RSS, Pagefind binary", "kb", ours.map((o) => o?.processes.find((p) => p.name.startsWith("pagefind"))?.hwmKb), base.map((b) => b?.pagefind?.processes.find((p) => p.name.startsWith("pagefind"))?.hwmKb)),
    row("output size", "bytes", ours.map((o) => o?.output.bytes), base.map((b) => b?.output.bytes)),
    row("output files", "count", ours.map((o) => o?.output.files), base.map((b) => b?.output.files)),
    row("of which the Pagefind bundle", "bytes", ours.map((o) => o?.pagefindBytes), base.map((b) => b?.pagefindBytes)),
    row("npm run check on the corpus (wall)", "ms", runs.map((r) => (r.check?.ok ? r.check.wallMs : undefined))),
    row("npm run check: loadContent as it reports", "ms", runs.map((r) => (r.check?.ok ? r.check.internalMs : undefined))),
    row("npm run check: peak RSS", "kb", runs.map((r) => (r.check?.ok ? r.check.peakRssKb : undefined))),
    row("npm run check, cache warm, one file edited (wall)", "ms", runs.map((r) => (r.check?.warm?.ok ? r.check.warm.wallMs : undefined))),
    row("npm run check, cache warm: loadContent as it reports", "ms", runs.map((r) => (r.check?.warm?.ok ? r.check.warm.internalMs : undefined))),
  ];
  return rows.filter((r) => r.ours || r.baseline);
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? "")].length)));
  return cells.map((row) => `| ${row.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join(" | ")} |`).join("\n");
}

const HOW = [
  "Each build runs in its own child process; wall time is measured in the benchmark process from spawn to exit (so Node and tsx start-up are included).",
  "Runs are interleaved (ours, baseline, ours' phases, check; run 1, run 2 …); ratios are ours/baseline per run pair, then min / median / max.",
  "ours = `node --import tsx src/cli/build.ts --output DIR` with KEIKOKU_CONTENT=<corpus>: buildSite, i.e. validation, Eleventy with every plugin .eleventy.ts lists, esbuild bundle, Pagefind, swap.",
  "baseline = bare Eleventy 3 (plain JS config in the temp folder, one minimal Nunjucks layout, Eleventy's default markdown-it, the same .md files with their frontmatter), then `node_modules/.bin/pagefind --site DIR`; its 'render and write' is the whole Eleventy process, its search index the whole Pagefind CLI process.",
  "Phases come from a separate child (src/bench/phases-child.ts): start-up = process start → pipeline modules imported; load + validate = one loadContent() call; search index = indexSite() on the output of buildSite() run with KEIKOKU_SEARCH=off; other outputs = Eleventy's own aggregate 'Render Content' time (DEBUG=Eleventy:Benchmark*) of templates whose permalink is not .html, plus the after-build hooks = the end of buildSite(KEIKOKU_SEARCH=off) − the newest .html file's mtime (Eleventy emits eleventy.after only once every template is written: CSAF, the JS bundle, and buildSite's own file count and swap); render and write HTML = buildSite(KEIKOKU_SEARCH=off) − load + validate − other outputs (so it includes Eleventy's bookkeeping, writing files, and any further loadContent a plugin does inside Eleventy).",
  "Peak RSS, largest process = the larger of `/usr/bin/time -v` 'Maximum resident set size' (the largest of the child and the descendants it reaped) and a poll of /proc/<pid>/status VmHWM over the whole process tree every 100 ms (needed: Pagefind's Node API does not reap its binary, so `time -v` misses it); per-process rows come from the poll. The baseline's peak is the larger of its two processes. Ours runs node and the Pagefind binary at the same time: their sum is in the JSON (treeRssKb).",
  "Output size = sum of file sizes under the output folder (not disk blocks).",
  "Cold: every build runs with KEIKOKU_CSAF_CACHE=off, so no CSAF validation result is reused between runs. 'CSAF alone' = generateCsaf() on the loaded corpus in the phases child after its other steps: every document built and validated on one thread; a full build does this on a worker thread while Eleventy renders, so it is hidden in the other phases unless it is the longest.",
];

function renderTable(report: BenchReport): string {
  const out: string[] = [];
  const c = report.corpus;
  out.push(`Keikoku benchmark — ${c.entries} advisories and hoaxes (${Object.entries(c.byKind).map(([k, n]) => `${n} ${k}`).join(", ")}), seed ${report.options.seed}, ${report.options.runs} run(s)`);
  out.push(`corpus: ${c.files} files, ${format(c.bytes, "bytes")}; body bytes ja ${c.bodyBytes.ja.min}–${c.bodyBytes.ja.max} (median ${c.bodyBytes.ja.median}), en ${c.bodyBytes.en.min}–${c.bodyBytes.en.max} (median ${c.bodyBytes.en.median}); generated in ${format(c.generateMs, "ms")}`);
  out.push(`machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; load average at each run start: ${report.runs.map((r) => r.loadavg[0]!.toFixed(2)).join(", ")}`);
  out.push("");
  out.push(pad([
    ["metric", "ours (min / median / max)", "baseline (min / median / max)", "ours/baseline (min / median / max)"],
    ["---", "---", "---", "---"],
    ...report.rows.map((r) => [r.metric, formatStat(r.ours, r.unit), formatStat(r.baseline, r.unit), formatStat(r.ratio, "ratio")]),
  ]));
  const templates = new Map<string, { ms: number[]; pages: number; kind: string }>();
  for (const run of report.runs) for (const t of run.phases?.templates ?? []) {
    const entry = templates.get(t.template) ?? { ms: [], pages: t.pages, kind: t.kind };
    entry.ms.push(t.ms);
    templates.set(t.template, entry);
  }
  if (templates.size) {
    out.push("");
    out.push("Eleventy's time per template (aggregate 'Render Content', median over runs):");
    for (const [template, t] of [...templates].sort((a, b) => stat(b[1].ms)!.median - stat(a[1].ms)!.median).slice(0, 8)) {
      out.push(`  ${format(stat(t.ms)!.median, "ms").padStart(9)}  ${template} (${t.pages} outputs, ${t.kind === "page" ? "HTML" : "other output"})`);
    }
  }
  const peaks = report.runs.at(-1)?.ours?.processes;
  if (peaks?.length) out.push(`\nlargest processes in the last full build: ${peaks.map((p) => `${p.name} ${format(p.hwmKb, "kb")}`).join(", ")}`);
  out.push("");
  if (report.search?.results) {
    out.push(`first search query (Chromium, ${report.search.site ?? "built site"}):`);
    for (const r of report.search.results) {
      out.push(`  ${r.lang} "${r.query}": ${format(r.bytesFirstQuery, "bytes")} in ${r.requests} requests, ${r.msToFirstResult} ms to the first result`);
      if (r.breakdown) out.push(`    ${Object.entries(r.breakdown).sort((a, b) => b[1] - a[1]).map(([k, b]) => `${k} ${format(b, "bytes")}`).join(", ")}`);
    }
  } else if (report.search?.skipped) out.push(`first search query: skipped (${report.search.skipped})`);
  const inc = report.incremental;
  if (inc && "skipped" in inc) out.push(`incremental: skipped (${inc.skipped})`);
  else if (inc) {
    if (!inc.ok) out.push(`incremental: FAILED — ${inc.error ?? "unknown error"}`);
    const page = stat(inc.edits.map((e) => e.pageMs));
    const search = stat(inc.edits.map((e) => e.searchMs));
    out.push(`incremental (dev server, ${inc.edits.length} edit(s) of ${c.editTarget.urlPath}): save → page served ${formatStat(page, "ms")}; save → search index replaced ${formatStat(search, "ms")}`);
    const found = inc.edits.at(-1)?.searchFoundMs;
    if (inc.searchVerified !== undefined) out.push(`  last edit: the search page (Chromium, polled) ${inc.searchVerified && found !== undefined ? `finds the new word ${format(found, "ms")} after the save` : "did NOT find the new word within 2 minutes of the index being replaced"}`);
    if (inc.coldStartMs !== undefined) out.push(`  dev server cold start → first page ${format(inc.coldStartMs, "ms")}, → search index ${inc.coldSearchMs === undefined ? "—" : format(inc.coldSearchMs, "ms")}; peak RSS ${inc.processes.map((p) => `${p.name} ${format(p.hwmKb, "kb")}`).slice(0, 3).join(", ")}`);
  }
  if (report.failures.length) {
    out.push("");
    out.push("FAILURES:");
    for (const f of report.failures) out.push(`  - ${f.split("\n").join("\n    ")}`);
  }
  out.push("");
  out.push("How each figure is measured:");
  for (const line of [...HOW, ...report.notes]) out.push(`  - ${line}`);
  return out.join("\n");
}

// ───────────────────────────── main ─────────────────────────────

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchReport> {
  const work = options.work ?? mkdtempSync(join(tmpdir(), "keikoku-bench-"));
  mkdirSync(work, { recursive: true });
  const contentDir = join(work, "content");
  rmSync(contentDir, { recursive: true, force: true });
  let t = performance.now();
  const corpus = { ...generateCorpus({ dir: contentDir, entries: options.advisories, seed: options.seed }), generateMs: 0 };
  corpus.generateMs = performance.now() - t;
  log(`corpus: ${corpus.entries} entries, ${corpus.files} files in ${contentDir} (${format(corpus.generateMs, "ms")})`);
  const chromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  const report: BenchReport = {
    options: { advisories: options.advisories, runs: options.runs, seed: options.seed, edits: options.edits, baseline: options.baseline, phases: options.phases, check: options.check, search: options.search, incremental: options.incremental, timeoutMs: options.timeoutMs, smoke: options.smoke },
    machine: { node: process.versions.node, platform: `${platform()} ${release()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? "?", memoryGiB: Math.round(totalmem() / 2 ** 30), gnuTime: hasGnuTime(), chromium },
    corpus,
    runs: [],
    rows: [],
    failures: [],
    notes: [],
  };
  if (options.smoke) report.notes.push("SMOKE RUN (--smoke): proves the harness, not a measurement. Builds reuse CSAF validation results (not cold, unlike the line above), 'CSAF alone' is skipped, the cold check fills the check cache, one search probe per language.");
  if (!report.machine.gnuTime) report.notes.push("/usr/bin/time (GNU) not found: peak RSS comes from the /proc poll only, which can miss a peak shorter than the poll interval.");
  const baseline = options.baseline ? prepareBaseline(contentDir, join(work, "baseline")) : undefined;
  const oursOut = join(work, "ours", "_site");
  const phasesOut = join(work, "phases", "_site");
  // A long run can be cut short (a killed process, a reboot): keep what was measured so far on disk.
  const checkpoint = () => {
    if (!options.jsonOut) return;
    report.rows = rowsFor(report.runs);
    writeFileSync(options.jsonOut, JSON.stringify({ ...report, partial: true }, null, 2));
  };
  // One Chromium for the search probe and the dev server's search check, launched before either is timed.
  let launched: Promise<Browser> | undefined;
  const browser = () => (launched ??= import("../headless/chromium.ts").then(({ launchChromium }) => launchChromium(process.env.CHROMIUM_PATH)));
  const fail = (what: string, error: string | undefined) => {
    report.failures.push(`${what}: ${error ?? "failed"}`);
    log(`${what} FAILED: ${(error ?? "").split("\n")[0]}`);
  };
  try {
    for (let run = 1; run <= options.runs; run++) {
      const record: RunRecord = { run, loadavg: loadavg() };
      report.runs.push(record);
      const tag = `run ${run}/${options.runs}`;
      log(`${tag}: ours (npm run build)…`);
      record.ours = await runOurs(contentDir, oursOut, options.timeoutMs, options.smoke);
      if (!record.ours.ok) fail(`${tag} ours`, record.ours.error);
      else log(`${tag}: ours ${format(record.ours.wallMs, "ms")}, ${record.ours.pages ?? "?"} pages, peak ${format(record.ours.peakRssKb, "kb")}`);
      checkpoint();
      if (baseline) {
        log(`${tag}: baseline (bare Eleventy + Pagefind CLI)…`);
        record.baseline = await runBaseline(baseline, ROOT, options.timeoutMs);
        if (!record.baseline.ok) fail(`${tag} baseline`, record.baseline.error);
        else log(`${tag}: baseline ${format(record.baseline.wallMs, "ms")} (Eleventy ${format(record.baseline.eleventy.wallMs, "ms")}, Pagefind ${format(record.baseline.pagefind?.wallMs ?? 0, "ms")}), ${record.baseline.pages} pages, peak ${format(record.baseline.peakRssKb, "kb")}`);
        checkpoint();
      }
      if (options.phases) {
        log(`${tag}: ours, phase by phase…`);
        record.phases = await runPhases(contentDir, phasesOut, work, run, options.timeoutMs, options.smoke);
        if (!record.phases.ok) fail(`${tag} phases`, record.phases.error);
        else log(`${tag}: phases load ${format(record.phases.loadMs, "ms")}, render ${format(record.phases.renderHtmlMs, "ms")}, other ${format(record.phases.otherMs, "ms")}, index ${format(record.phases.indexMs, "ms")}`);
        checkpoint();
      }
      if (options.check) {
        log(`${tag}: npm run check…`);
        record.check = await runCheck(contentDir, options.timeoutMs, options.smoke);
        if (!record.check.ok) fail(`${tag} check`, "check.ts did not report valid content");
        else log(`${tag}: check ${format(record.check.wallMs, "ms")}; cache warm, one file edited: ${record.check.warm?.ok ? format(record.check.warm.wallMs, "ms") : "failed"} (${record.check.warm?.reused ?? "?"} of ${record.check.warm?.files ?? "?"} files reused)`);
        checkpoint();
      }
    }
    report.rows = rowsFor(report.runs);
    checkpoint();

    const site = existsSync(join(oursOut, "pagefind")) ? oursOut : existsSync(join(phasesOut, "pagefind")) ? phasesOut : undefined;
    if (!options.search) report.search = { skipped: "--no-search" };
    else if (!chromium) report.search = { skipped: "/usr/bin/chromium not found (apt-get install -y chromium fonts-noto-cjk)" };
    else if (!site) report.search = { skipped: "no built site with a search index" };
    else {
      log("first search query in Chromium…");
      try {
        const { measureSearch } = await import("./search-budget.ts");
        const bulletin = readdirSafe(join(contentDir, "ja", "advisories")).find((f) => /^ms\d\d-\d{3}\.md$/.test(f))?.replace(/\.md$/, "").toUpperCase();
        const all = [...corpus.probes, ...(bulletin ? [{ lang: "ja", query: bulletin }] : [])];
        const probes = options.smoke ? all.filter((p, i) => all.findIndex((q) => q.lang === p.lang) === i) : all;
        report.search = { results: await measureSearch(site, probes, await browser()), site: site === oursOut ? "the last full build" : "the phases build" };
      } catch (error) {
        report.search = { skipped: `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
        report.failures.push(`search probe: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    checkpoint();
    if (!options.incremental) report.incremental = { skipped: "--no-incremental" };
    else {
      log(`incremental: dev server on the corpus, ${options.edits} edit(s)…`);
      const verifier = chromium ? await searchVerifier(await browser()) : undefined;
      report.incremental = await measureIncremental({
        root: ROOT, contentDir, file: corpus.editTarget.file, urlPath: corpus.editTarget.urlPath, output: join(work, "dev", "_site"),
        edits: options.edits, timeoutMs: options.timeoutMs, ...(verifier ? { verifySearch: verifier } : {}), log: (line) => log(`incremental: ${line}`),
      });
      if (!report.incremental.ok) report.failures.push(`incremental: ${report.incremental.error}`);
    }
    report.notes.push(`working folder: ${work}${options.keep ? " (kept)" : " (deleted)"}`);
    return report;
  } finally {
    await launched?.then((b) => b.close(), () => undefined);
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Polls the dev server's search page in Chromium for a word until the edited page is listed. The browser
 * is started before the edit, so the time measured is the site's, not Chromium's start-up.
 */
async function searchVerifier(browser: Browser): Promise<(origin: string, word: string, deadline: number) => Promise<boolean>> {
  const { searchFor } = await import("../headless/search-page.ts");
  return async (origin: string, word: string, deadline: number) => {
    while (performance.now() < deadline) {
      // A fresh context each time: nothing of the previous index stays cached.
      const context = await browser.newContext();
      try {
        const urls = await searchFor(await context.newPage(), origin, "ja", word);
        if (urls.length > 0) return true;
      } catch {
        // the index may be half-written while Pagefind replaces it: try again
      } finally {
        await context.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`bench: ${error.message}\n`);
    console.error(USAGE);
    process.exit(error.message ? 2 : 0);
  }
  if (options.corpusOnly) {
    const summary = generateCorpus({ dir: options.corpusOnly, entries: options.advisories, seed: options.seed });
    console.log(`wrote ${summary.files} files (${format(summary.bytes, "bytes")}) into ${summary.dir}`);
    process.exit(0);
  }
  const started = performance.now();
  const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const report = await runBench(options, log);
  const json = JSON.stringify(report, null, 2);
  if (options.jsonOut) writeFileSync(options.jsonOut, json);
  console.log(options.json ? json : renderTable(report));
  process.exitCode = report.failures.length ? 1 : 0;
}

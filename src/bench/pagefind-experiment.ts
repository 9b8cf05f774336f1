/**
 * Ways to feed Pagefind, compared on one built site, each in its own process (so peak memory is per way):
 *
 *   node --import tsx src/bench/pagefind-experiment.ts --site DIR [--modes a,b,…] [--repeat N] [--json]
 *
 *   directory            what indexSite() does: addDirectory over every HTML file of the site
 *   directory-glob       addDirectory limited to the folders that hold indexed pages
 *   html-files           addHTMLFile for the pages that carry data-pagefind-body, their HTML already in
 *                        memory (as the pipeline has it right after rendering)
 *   html-files-ja / -en  the same, one language per index, written to pagefind-ja/ and pagefind-en/
 *   per-lang-parallel    html-files-ja and html-files-en as two processes at once (2 cores)
 *   custom-records       addCustomRecord with the article's text, title, kind filter and date sort
 *                        (no HTML parsing at all; loses Pagefind's per-heading sub-results)
 * The site is read once, outside the timing, for the in-memory modes; the output goes to a scratch copy
 * of nothing but the bundle (the site itself is left as it was). With --repeat N the modes run in N
 * interleaved rounds and the table shows min / median / max; "Pagefind CPU" is the binary's user + system
 * time from /proc, which a busy machine disturbs much less than wall time.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";
import { folderSize, runMeasured, type ProcessPeak } from "./measure.ts";
import { format, formatStat, stat } from "./stats.ts";

export const MODES = ["directory", "directory-glob", "html-files", "html-files-ja", "html-files-en", "per-lang-parallel", "custom-records"] as const;
type Mode = (typeof MODES)[number];

interface ChildResult {
  mode: string;
  pages: number;
  selectMs: number;
  addMs: number;
  writeMs: number;
  totalMs: number;
  bundleBytes: number;
  errors: string[];
}

const INDEXED_FOLDERS = "{ja,en}/{advisories,hoaxes,about}/**/*.html";

function htmlFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(site, p).startsWith("pagefind"))
    .sort();
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The indexed part of a page as a custom record (a rough stand-in for what the pipeline knows already). */
function customRecord(site: string, path: string, html: string): pagefind.CustomRecord | undefined {
  const open = /<(article|main|div)[^>]*data-pagefind-body[^>]*>/.exec(html);
  if (!open) return undefined;
  const body = html.slice(open.index + open[0].length, html.indexOf(`</${open[1]}>`, open.index));
  const language = /<html lang="([a-z]+)"/.exec(html)?.[1] ?? "ja";
  const title = decode(/data-pagefind-meta="title"[^>]*>([^<]*)</.exec(html)?.[1] ?? /<title>([^<]*)</.exec(html)?.[1] ?? "");
  const kind = /data-pagefind-filter="kind"[^>]*>([^<]*)</.exec(html)?.[1];
  const date = /data-pagefind-sort="date:([^"]*)"/.exec(html)?.[1];
  const terms = /data-terms="([^"]*)"/.exec(html)?.[1] ?? "";
  const text = decode(body.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
  const url = `/${relative(site, path).replace(/index\.html$/, "")}`;
  return { url, content: `${text} ${decode(terms)}`, language, meta: { title }, ...(kind ? { filters: { kind: [decode(kind)] } } : {}), ...(date ? { sort: { date } } : {}) };
}

async function child(site: string, mode: Mode, out: string): Promise<ChildResult> {
  const errors: string[] = [];
  const started = performance.now();
  let t = performance.now();
  // In-memory modes: read the pages first, outside "add", as if the renderer had just produced them.
  const lang = mode === "html-files-ja" ? "ja" : mode === "html-files-en" ? "en" : undefined;
  const inMemory = mode.startsWith("html-files") || mode === "custom-records"
    ? htmlFiles(site)
        .filter((p) => !lang || relative(site, p).startsWith(`${lang}/`))
        .map((p) => ({ path: p, html: readFileSync(p, "utf8") }))
        .filter((f) => f.html.includes("data-pagefind-body"))
    : [];
  const selectMs = performance.now() - t;
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(created.errors.join("; "));
  const index = created.index;
  let pages = 0;
  t = performance.now();
  if (mode === "directory" || mode === "directory-glob") {
    const added = await index.addDirectory({ path: site, ...(mode === "directory-glob" ? { glob: INDEXED_FOLDERS } : {}) });
    errors.push(...added.errors);
    pages = added.page_count;
  } else if (mode === "custom-records") {
    for (const f of inMemory) {
      const record = customRecord(site, f.path, f.html);
      if (!record) continue;
      const added = await index.addCustomRecord(record);
      errors.push(...added.errors);
      pages++;
    }
  } else {
    for (const f of inMemory) {
      const added = await index.addHTMLFile({ url: `/${relative(site, f.path).replace(/index\.html$/, "")}`, content: f.html });
      errors.push(...added.errors);
      pages++;
    }
  }
  const addMs = performance.now() - t;
  t = performance.now();
  const written = await index.writeFiles({ outputPath: out });
  errors.push(...written.errors);
  const writeMs = performance.now() - t;
  await index.deleteIndex();
  await pagefind.close();
  return { mode, pages, selectMs, addMs, writeMs, totalMs: performance.now() - started, bundleBytes: folderSize(out).bytes, errors: errors.slice(0, 5) };
}

export interface ExperimentRow {
  mode: string;
  wallMs: number;
  /** CPU time of the Pagefind binary (both binaries for per-lang-parallel). */
  pagefindCpuMs: number;
  pages: number;
  addMs: number;
  writeMs: number;
  selectMs: number;
  pagefindPeakKb: number;
  nodePeakKb: number;
  bundleBytes: number;
  errors: string[];
}

async function runMode(site: string, mode: Exclude<Mode, "per-lang-parallel">, scratch: string): Promise<{ row: ExperimentRow; processes: ProcessPeak[] }> {
  const out = join(scratch, mode);
  const resultLine = await runMeasured(process.execPath, ["--import", "tsx", import.meta.filename, "--child", mode, "--site", site, "--out", out], { env: process.env });
  const parsed = JSON.parse(resultLine.stdout.trim().split("\n").at(-1) ?? "{}") as Partial<ChildResult>;
  const peak = (prefix: string) => resultLine.processes.filter((p) => p.name.startsWith(prefix)).reduce((m, p) => Math.max(m, p.hwmKb), 0);
  const pagefindCpuMs = resultLine.processes.filter((p) => p.name.startsWith("pagefind")).reduce((sum, p) => sum + p.cpuMs, 0);
  return {
    row: {
      mode, wallMs: resultLine.wallMs, pagefindCpuMs, pages: parsed.pages ?? 0, addMs: parsed.addMs ?? 0, writeMs: parsed.writeMs ?? 0, selectMs: parsed.selectMs ?? 0,
      pagefindPeakKb: peak("pagefind"), nodePeakKb: peak("node"), bundleBytes: parsed.bundleBytes ?? 0,
      errors: [...(parsed.errors ?? []), ...(resultLine.exitCode === 0 ? [] : [`exit ${resultLine.exitCode}: ${resultLine.stderr.slice(-500)}`])],
    },
    processes: resultLine.processes,
  };
}

export async function runExperiments(site: string, modes: readonly Mode[], repeat = 1): Promise<ExperimentRow[][]> {
  const scratch = mkdtempSync(join(tmpdir(), "keikoku-pagefind-exp-"));
  const rounds: ExperimentRow[][] = [];
  try {
    for (let round = 0; round < repeat; round++) {
      const rows: ExperimentRow[] = [];
      for (const mode of modes) {
        rmSync(join(scratch, mode), { recursive: true, force: true });
        if (mode === "per-lang-parallel") {
          const t = performance.now();
          const both = await Promise.all([runMode(site, "html-files-ja", scratch), runMode(site, "html-files-en", scratch)]);
          const [ja, en] = [both[0].row, both[1].row];
          rows.push({
            mode, wallMs: performance.now() - t, pagefindCpuMs: ja.pagefindCpuMs + en.pagefindCpuMs, pages: ja.pages + en.pages, addMs: Math.max(ja.addMs, en.addMs), writeMs: Math.max(ja.writeMs, en.writeMs),
            selectMs: Math.max(ja.selectMs, en.selectMs), pagefindPeakKb: Math.max(ja.pagefindPeakKb, en.pagefindPeakKb), nodePeakKb: Math.max(ja.nodePeakKb, en.nodePeakKb),
            bundleBytes: ja.bundleBytes + en.bundleBytes, errors: [...ja.errors, ...en.errors],
          });
        } else rows.push((await runMode(site, mode, scratch)).row);
        process.stderr.write(`[pagefind-experiment] round ${round + 1}/${repeat} ${mode}: ${format(rows.at(-1)!.wallMs, "ms")}\n`);
      }
      rounds.push(rows);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rounds;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const site = resolve(option("--site") ?? "_site");
  const childMode = option("--child") as Mode | undefined;
  if (childMode) {
    console.log(JSON.stringify(await child(site, childMode, resolve(option("--out")!))));
  } else {
    const modes = (option("--modes")?.split(",") ?? [...MODES]) as Mode[];
    for (const m of modes) if (!(MODES as readonly string[]).includes(m)) throw new Error(`unknown mode ${m}: use ${MODES.join(", ")}`);
    const repeatIndex = args.indexOf("--repeat");
    const repeat = repeatIndex >= 0 ? Number(args[repeatIndex + 1]) : 1;
    const rounds = await runExperiments(site, modes, repeat);
    if (args.includes("--json")) console.log(JSON.stringify(rounds, null, 2));
    else {
      const of = (mode: string, pick: (r: ExperimentRow) => number) => stat(rounds.map((rows) => rows.find((r) => r.mode === mode)).map((r) => (r ? pick(r) : undefined)));
      console.log(`site: ${site}, ${repeat} round(s): min / median / max`);
      console.log("| mode | pages | wall (process) | Pagefind CPU | add | write | Pagefind peak RSS | node peak RSS | bundle |");
      console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      for (const mode of modes) {
        const errors = rounds.flatMap((rows) => rows.find((r) => r.mode === mode)?.errors ?? []);
        console.log(`| ${mode} | ${formatStat(of(mode, (r) => r.pages), "count")} | ${formatStat(of(mode, (r) => r.wallMs), "ms")} | ${formatStat(of(mode, (r) => r.pagefindCpuMs), "ms")} | ${formatStat(of(mode, (r) => r.addMs), "ms")} | ${formatStat(of(mode, (r) => r.writeMs), "ms")} | ${formatStat(of(mode, (r) => r.pagefindPeakKb), "kb")} | ${formatStat(of(mode, (r) => r.nodePeakKb), "kb")} | ${formatStat(of(mode, (r) => r.bundleBytes), "bytes")} |${errors.length ? ` errors: ${errors.slice(0, 3).join("; ")}` : ""}`);
      }
    }
  }
}

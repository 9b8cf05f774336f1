/**
 * CSAF 2.0 output: after every build (and every dev-server rebuild), writes the provider directory into the
 * output folder — every advisory and hoax as a CSAF document in each language, validated with the mandatory
 * and optional tests, plus provider-metadata.json, index.txt, changes.csv, the ROLIE feed, hashes and
 * .well-known/security.txt. An invalid document fails the build, naming the test, the JSON path and the
 * content file. Templates get `csafUrl(entry)`: the site-relative URL of the entry's document.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Entry } from "../data/entries.ts";
import { loadSiteOrThrow } from "../data/load-content.ts";
import { readCsafConfig } from "./config.ts";
import { generateCsaf, type CsafOutput } from "./generate.ts";
import { generateCsafInBackground, warmUpCsafWorker } from "./in-background.ts";
import type { SiteData } from "../data/entries.ts";
import { CSAF_DIR, csafUrl } from "./ids.ts";
import { CsafValidationError, UNAVOIDABLE_WARNINGS, describeTest, formatCsafProblem, testSection, type CsafProblem } from "./validate.ts";

export interface CsafPluginOptions {
  /** Set to false (or KEIKOKU_CSAF=off) to skip the output, e.g. for render-only benchmarks. */
  enabled?: boolean;
  /** First part of every tracking id and file name; changing it renames every published document. */
  idPrefix?: string;
  /** Content folder; defaults to KEIKOKU_CONTENT, then <cwd>/content (as the data plugin does). */
  contentDir?: string;
  /**
   * Where validation results are remembered by content hash, so unchanged documents are not validated again
   * (see validation-cache.ts); false to validate everything on every build.
   */
  cacheFile?: string | false;
  /** Receives the result of each build; the default prints a short report. */
  report?: (output: CsafOutput) => void;
}

/** The default report: one line per kind of warning (known ones with their count), then the notes. */
export function printCsafReport(output: CsafOutput): void {
  const byTest = new Map<string, CsafProblem[]>();
  for (const w of output.warnings) {
    const list = byTest.get(w.test);
    // Pushed, not copied: 40,000 warnings at 10,000 advisories made a copy per warning cost 129 s.
    if (list) list.push(w);
    else byTest.set(w.test, [w]);
  }
  const known: string[] = [];
  const unexpected: string[] = [];
  for (const [test, list] of byTest) {
    const section = testSection(test);
    if (section && section in UNAVOIDABLE_WARNINGS) known.push(`${section} ×${list.length}`);
    else unexpected.push(`${describeTest(test)} ×${list.length}, e.g. ${formatCsafProblem(list[0]!)}`);
  }
  console.log(`[keikoku] CSAF: ${output.documents.length} documents valid${known.length ? `; known warnings ${known.join(", ")} (see UNAVOIDABLE_WARNINGS in src/csaf/validate.ts)` : ""}`);
  for (const line of unexpected) console.warn(`[keikoku] CSAF warning: ${line}`);
  for (const note of output.notes) console.log(`[keikoku] CSAF note: ${note}`);
}

export function csafPlugin(eleventyConfig: any, options: CsafPluginOptions = {}): void {
  const defaults = {
    enabled: process.env.KEIKOKU_CSAF !== "off",
    idPrefix: "KEIKOKU",
    contentDir: undefined as string | undefined,
    // KEIKOKU_CSAF_CACHE=off validates every document again (the benchmark's cold runs).
    cacheFile: (process.env.KEIKOKU_CSAF_CACHE === "off" ? false : join(process.cwd(), "node_modules", ".cache", "keikoku", "csaf-validation.json")) as string | false,
    report: printCsafReport,
  };
  const settings = { ...defaults, ...options };
  // Read (and check) the settings now, so a bad CSAF_TLP fails before anything is rendered.
  const config = readCsafConfig(process.env, { idPrefix: settings.idPrefix });

  eleventyConfig.addFilter("csafUrl", (entry: Entry) => csafUrl(config.idPrefix, entry));

  const cacheFile = settings.cacheFile || undefined;
  // The documents are generated on a worker thread from the moment the content is loaded (see worker.ts),
  // while Eleventy renders the pages; the after-build hook only waits for them and writes them.
  let job: Promise<CsafOutput> | undefined;
  eleventyConfig.on("eleventy.before", ({ outputMode }: { outputMode?: string } = {}) => {
    if (settings.enabled && (outputMode === undefined || outputMode === "fs")) warmUpCsafWorker();
  });
  eleventyConfig.on("keikoku.site", (site: SiteData) => {
    if (!settings.enabled) return;
    job = generateCsafInBackground(site, config, cacheFile);
    // Awaited in eleventy.after; until then a failure must not count as an unhandled rejection.
    job.catch(() => undefined);
  });

  eleventyConfig.on("eleventy.after", async ({ outputMode }: { outputMode?: string } = {}) => {
    const started = job;
    job = undefined;
    // A toJSON()/toNDJSON() build writes nothing to disk, so neither does this plugin.
    if (!settings.enabled || (outputMode !== undefined && outputMode !== "fs")) return;
    // eleventyConfig.directories.output honours --output; the hook's own `dir` argument does not.
    const output = resolve(eleventyConfig.directories.output);
    const result = await (started ??
      generateCsaf(loadSiteOrThrow({ root: process.cwd(), contentDir: settings.contentDir ?? process.env.KEIKOKU_CONTENT }), config, cacheFile ? { cacheFile } : {}));
    if (result.errors.length) throw new CsafValidationError(result.errors);
    // A document of a deleted entry must not linger in a long-lived output folder (the dev server's).
    rmSync(join(output, CSAF_DIR), { recursive: true, force: true });
    for (const [path, content] of result.files) {
      const target = join(output, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    settings.report(result);
  });
}

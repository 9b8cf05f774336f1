/**
 * The build's CSAF step: every advisory and hoax as a CSAF 2.0 document in each language, validated with the
 * mandatory and optional tests, plus the provider directory (provider-metadata.json, index.txt, changes.csv,
 * the ROLIE feed, hashes, signatures) and .well-known/security.txt.
 *
 * It starts as soon as the content is valid (`startCsaf`), on a worker thread beside the rendering, and the
 * pipeline's after-render step (`writeCsaf`) waits for it and writes the files. An invalid document fails the
 * build, naming the test, the JSON path and the content file.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SiteData } from "../data/entries.ts";
import { locatedProblem, type Locate } from "../data/load-content.ts";
import { ContentError } from "../data/problems.ts";
import type { Settings } from "../settings/settings.ts";
import { csafConfig } from "./config.ts";
import type { CsafOutput } from "./generate.ts";
import { generateCsafInBackground } from "./in-background.ts";
import { CSAF_DIR } from "../routes/csaf-ids.ts";
import { CsafValidationError } from "./validate.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";

/** Where validation results are remembered by content hash (see validation-cache.ts). */
export const CSAF_CACHE_FILE = join(KEIKOKU_ROOT, "node_modules", ".cache", "keikoku", "csaf-validation.json");

/**
 * Starts generating and validating the documents on the CSAF worker thread; never rejects unhandled.
 * `cacheFile`: where validation results are remembered (none when the settings turn the cache off).
 */
export function startCsaf(site: SiteData, settings: Settings, cacheFile = settings.switches.csafCache ? CSAF_CACHE_FILE : undefined): Promise<CsafOutput> {
  const job = generateCsafInBackground(site, csafConfig(settings), cacheFile);
  // Awaited by writeCsaf; until then a failure must not count as an unhandled rejection.
  job.catch(() => undefined);
  return job;
}

/**
 * Waits for the documents and writes the provider directory into `dir`. A content fact no document can be built
 * from is a content problem, at its field (`locate`), like check's; an invalid document throws the validator's
 * findings. Nothing is printed here: the warnings and notes go into the build's report (src/site/build-report.ts),
 * which is printed only when the whole build succeeded.
 */
export async function writeCsaf(job: Promise<CsafOutput>, dir: string, locate: Locate, report: (output: CsafOutput) => void = () => undefined): Promise<CsafOutput> {
  const result = await succeeded(job, locate);
  // A document of a deleted entry must not linger in a long-lived output folder.
  rmSync(join(dir, CSAF_DIR), { recursive: true, force: true });
  for (const [path, content] of result.files) writeFile(dir, path, content);
  report(result);
  return result;
}

/**
 * The dev server's update: writes only the files whose content differs from `previous` (what `dir` holds, as the
 * last build or update wrote it) and deletes the files that are gone, so one edited advisory rewrites its two
 * documents and the provider directory's lists, not thousands of files.
 */
export async function updateCsaf(job: Promise<CsafOutput>, dir: string, locate: Locate, previous: Map<string, string>): Promise<{ output: CsafOutput; written: number; removedPaths: string[] }> {
  const output = await succeeded(job, locate);
  let written = 0;
  const removedPaths: string[] = [];
  for (const [path, content] of output.files) {
    if (previous.get(path) === content) continue;
    writeFile(dir, path, content);
    written++;
  }
  for (const path of previous.keys()) {
    if (output.files.has(path)) continue;
    rmSync(join(dir, path), { force: true });
    removedPaths.push(path);
  }
  return { output, written, removedPaths };
}

/** The documents, or the build's error: a content fact at its field (`locate`), or the validator's findings. */
async function succeeded(job: Promise<CsafOutput>, locate: Locate): Promise<CsafOutput> {
  const result = await job;
  if (result.dataProblems.length) throw new ContentError(result.dataProblems.map((p) => locatedProblem(locate, p)));
  if (result.errors.length) throw new CsafValidationError(result.errors);
  return result;
}

function writeFile(dir: string, path: string, content: string): void {
  const target = join(dir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

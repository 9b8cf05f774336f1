/**
 * The build's CSAF step: every advisory and hoax as a CSAF 2.0 document in each language, validated with the
 * mandatory and optional tests, plus the provider directory (provider-metadata.json, index.txt, changes.csv,
 * the ROLIE feed, hashes, signatures) and .well-known/security.txt.
 *
 * It starts as soon as the content is valid (`startCsaf`), on a worker thread beside the rendering, which also
 * writes the files (write-files.ts; a dev-server update writes only those that changed); the pipeline's
 * after-render step (`finishCsaf`) waits for it. An invalid document fails the build, naming the test, the JSON
 * path and the content file.
 */
import { join } from "node:path";
import type { SiteData } from "../data/entries.ts";
import { locatedProblem, type Locate } from "../data/load-content.ts";
import { ContentError } from "../data/problems.ts";
import type { Settings } from "../settings/settings.ts";
import { csafConfig } from "./config.ts";
import type { CsafWrite, CsafWritten } from "./write-files.ts";
import { generateCsafInBackground } from "./in-background.ts";
import { CsafValidationError } from "./validate.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";

/** Where validation results are remembered by content hash (see validation-cache.ts). */
export const CSAF_CACHE_FILE = join(KEIKOKU_ROOT, "node_modules", ".cache", "keikoku", "csaf-validation.json");

/**
 * Starts generating, validating and writing the documents into `write.dir` on the CSAF worker thread; never
 * rejects unhandled. Nothing is written when a document cannot be built or is invalid. `cacheFile`: where
 * validation results are remembered (none when the settings turn the cache off).
 */
export function startCsaf(site: SiteData, settings: Settings, write: CsafWrite, cacheFile = settings.switches.csafCache ? CSAF_CACHE_FILE : undefined): Promise<CsafWritten> {
  const job = generateCsafInBackground(site, csafConfig(settings), cacheFile, write);
  // Awaited by finishCsaf; until then a failure must not count as an unhandled rejection.
  job.catch(() => undefined);
  return job;
}

/**
 * Waits for the documents: a content fact no document can be built from is a content problem, at its field
 * (`locate`), like check's; an invalid document throws the validator's findings. Nothing is printed here: the
 * warnings and notes go into the build's report (src/site/build-report.ts), which is printed only when the
 * whole build succeeded.
 */
export async function finishCsaf(job: Promise<CsafWritten>, locate: Locate): Promise<CsafWritten> {
  const result = await job;
  if (result.dataProblems.length) throw new ContentError(result.dataProblems.map((p) => locatedProblem(locate, p)));
  if (result.errors.length) throw new CsafValidationError(result.errors);
  return result;
}

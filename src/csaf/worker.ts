/**
 * The CSAF step on a second thread. Importing the validator compiles its schemas (~10 s) and validating
 * 10,000 documents takes longer than rendering them; on the main thread both came after every page was
 * written. Here the documents are built and validated as soon as the content is loaded, on the core Eleventy leaves
 * idle; the validator is imported on the first document not validated before (a build whose documents are all
 * remembered never pays for it).
 *
 * It also writes the files (write-files.ts): the main thread gets back the report's facts, not the documents.
 *
 * Messages: in `{ id, site, config, cacheFile, write }`, out `{ id, output }` (CsafWritten) or `{ id, error }`.
 */
import { parentPort } from "node:worker_threads";
import type { SiteData } from "../data/entries.ts";
import type { CsafConfig } from "./config.ts";
import { generateCsaf } from "./generate.ts";
import { writeProviderFiles, type CsafWrite } from "./write-files.ts";

export interface CsafJob {
  id: number;
  site: SiteData;
  config: CsafConfig;
  cacheFile?: string;
  write: CsafWrite;
}

parentPort?.on("message", async ({ id, site, config, cacheFile, write }: CsafJob) => {
  try {
    const output = writeProviderFiles(await generateCsaf(site, config, cacheFile ? { cacheFile } : {}), write);
    parentPort!.postMessage({ id, output });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

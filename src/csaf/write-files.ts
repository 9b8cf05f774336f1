/**
 * Writes the CSAF provider directory into the output folder, on the CSAF worker thread (worker.ts), so that the
 * build's main thread never holds the documents: at 5,000 advisories they are 200 MB of JSON, hashes and feeds,
 * and a copy of them (with every document's entry) sent back to the main thread was 1.9 GB of the build's peak.
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CSAF_DIR } from "../routes/csaf-ids.ts";
import type { CsafOutput } from "./generate.ts";

/** Where to write, and what is there already. */
export interface CsafWrite {
  /** The output folder (a build's staging folder, or the dev server's folder). */
  dir: string;
  /**
   * The files the folder holds, by path, with their digests, as the last write left them (the dev server's
   * updates): only the files that differ are written and the ones gone are deleted. Without it, the provider
   * directory is replaced whole (a stale document of a deleted entry must not linger).
   */
  previous?: Map<string, string>;
}

/** What the main thread gets back: the report's facts and the digests of what was written, not the documents. */
export interface CsafWritten extends Pick<CsafOutput, "dataProblems" | "errors" | "warnings" | "notes"> {
  documentCount: number;
  /** Every file of the provider directory, by path in the output, with the digest of its content. */
  files: Map<string, string>;
  /** Files written (all of them, unless `previous` was given). */
  written: number;
  /** Files deleted because their document is gone (only with `previous`). */
  removedPaths: string[];
}

const digest = (content: string) => createHash("sha1").update(content).digest("base64");

/** Writes the output's files, unless it has problems (the build then fails and the folder stays as it was). */
export function writeProviderFiles(output: CsafOutput, { dir, previous }: CsafWrite): CsafWritten {
  const { dataProblems, errors, warnings, notes } = output;
  const result: CsafWritten = { dataProblems, errors, warnings, notes, documentCount: output.documents.length, files: new Map(), written: 0, removedPaths: [] };
  if (dataProblems.length || errors.length) return { ...result, files: previous ?? new Map() };
  if (!previous) rmSync(join(dir, CSAF_DIR), { recursive: true, force: true });
  for (const [path, content] of output.files) {
    const hash = digest(content);
    result.files.set(path, hash);
    if (previous?.get(path) === hash) continue;
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    result.written++;
  }
  for (const path of previous?.keys() ?? []) {
    if (output.files.has(path)) continue;
    rmSync(join(dir, path), { force: true });
    result.removedPaths.push(path);
  }
  return result;
}

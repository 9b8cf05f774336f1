/**
 * The whole CSAF output of a site: build every document, validate it, and assemble the provider directory.
 * Returns `{ files, errors, warnings, notes }`: content problems and invalid documents are errors the caller
 * fails the build with (CsafValidationError); only faults (a broken validator install) throw.
 */
import { entryById, type Entry, type SiteData } from "../data/entries.ts";
import type { DataProblem } from "./data-problem.ts";
import { SOURCE_LANG } from "../i18n/languages.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { CsafConfig } from "./config.ts";
import { buildDocument } from "./document.ts";
import { CSAF_DIR } from "../routes/csaf-ids.ts";
import { buildProviderFiles, type SerializedDocument } from "./provider.ts";
import { signDocuments } from "./signing.ts";
import { PROVIDER_SCHEMA_TEXT, validateDocument, validateProviderMetadata, type CsafProblem, type Finding } from "./validate.ts";
import { ValidationCache } from "./validation-cache.ts";

/** A content fact that makes a document impossible, at its field of the (Japanese) source file. */
export interface CsafDataProblem extends DataProblem {
  file: string;
}

export interface CsafOutput {
  /** Path relative to the output folder → content; empty when there are errors. */
  files: Map<string, string>;
  documents: SerializedDocument[];
  /** Content facts no document can be built from: content problems, reported like check's. */
  dataProblems: CsafDataProblem[];
  errors: CsafProblem[];
  warnings: CsafProblem[];
  notes: string[];
}

export interface GenerateOptions {
  /** Run the validator (on by default; tests of pure shapes may turn it off). */
  validate?: boolean;
  /** Where to remember results by content hash (see validation-cache.ts); none by default. */
  cacheFile?: string;
}

export async function generateCsaf(site: SiteData, config: CsafConfig, options: GenerateOptions = {}): Promise<CsafOutput> {
  const settings = { validate: true, cacheFile: undefined, ...options };
  const cache = new ValidationCache(settings.validate ? settings.cacheFile : undefined, PROVIDER_SCHEMA_TEXT);
  const check = async (kind: string, json: string, run: (value: unknown) => Promise<Finding[]>): Promise<Finding[]> => {
    const cached = cache.get(kind, json);
    if (cached) return cached;
    const findings = await run(JSON.parse(json));
    cache.set(kind, json, findings);
    return findings;
  };
  const errors: CsafProblem[] = [];
  const warnings: CsafProblem[] = [];
  const notes: string[] = [];
  const documents: SerializedDocument[] = [];
  const dataProblems: CsafDataProblem[] = [];

  for (const entry of site.entries) {
    // A fallback page shows the original's text: its document is the original's, not a second copy.
    if (entry.isFallback) {
      notes.push(`${entry.lang}: ${entry.id} has no translation, so it has no ${entry.lang} CSAF document (its page links the original's)`);
      continue;
    }
    const built = buildDocument(entry, site, config);
    if (!built.document) dataProblems.push(...sourceProblems(site, entry, built.problems, dataProblems));
    else documents.push({ ...built.document, json: canonicalJson(built.document.document) });
  }
  if (dataProblems.length) return { files: new Map(), documents, dataProblems, errors, warnings, notes };

  if (settings.validate) {
    // One document at a time: the validator is CPU-bound, so running them "in parallel" gains nothing.
    for (const doc of documents) {
      for (const finding of await check("document", doc.json, validateDocument)) {
        const problem: CsafProblem = { ...finding, file: doc.entry.file, output: `${CSAF_DIR}/${doc.path}` };
        (problem.severity === "error" ? errors : warnings).push(problem);
      }
    }
  }

  const signing = await signDocuments(config, new Map(documents.map((d) => [d.path, d.json])));
  if (signing.note) notes.push(signing.note);
  for (const message of signing.errors) errors.push({ severity: "error", file: "CSAF_OPENPGP_KEY_FILE", output: CSAF_DIR, test: "keikoku_signing", path: "", message });

  const provider = buildProviderFiles(documents, site, config, signing);
  notes.push(...provider.notes);
  if (settings.validate) {
    const metadataPath = `${CSAF_DIR}/provider-metadata.json`;
    for (const finding of await check("provider-metadata", provider.files.get(metadataPath)!, validateProviderMetadata)) {
      errors.push({ ...finding, file: metadataPath, output: metadataPath });
    }
  }
  cache.save();

  return { files: errors.length ? new Map() : provider.files, documents, dataProblems, errors, warnings, notes };
}

/**
 * The facts CSAF needs live in the Japanese source file (translations do not restate them): a problem is named
 * there, once, although both languages' documents fail.
 */
function sourceProblems(site: SiteData, entry: Entry, problems: DataProblem[], known: CsafDataProblem[]): CsafDataProblem[] {
  const file = (entryById(site, entry.id, SOURCE_LANG) ?? entry).file;
  const same = (a: CsafDataProblem, p: DataProblem) => a.file === file && a.code === p.code && JSON.stringify(a.params) === JSON.stringify(p.params) && a.field.join(".") === p.field.join(".");
  return problems.filter((p) => !known.some((k) => same(k, p))).map((p) => ({ file, ...p }));
}

/**
 * Every content fact the CSAF step would refuse, without generating or validating anything else: what
 * `npm run check` reports, so that check refuses what the build would.
 */
export function csafDataProblems(site: SiteData, config: CsafConfig): CsafDataProblem[] {
  const found: CsafDataProblem[] = [];
  for (const entry of site.entries) {
    if (entry.isFallback) continue;
    const built = buildDocument(entry, site, config);
    if (!built.document) found.push(...sourceProblems(site, entry, built.problems, found));
  }
  return found;
}

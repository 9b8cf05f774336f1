/**
 * The import as one verb (the only part that touches files): read and validate the document, map it, then
 * write a new entry pair or merge a newer version into the existing one. Expected refusals (an invalid document,
 * an id taken by another entry, an older version) come back as `{ status: "refused", problems }`, each with file,
 * line, column, field and hint; nothing is written then. Products the site's vocabulary lacks are added to its
 * products.yaml, each under a comment naming the document, so the draft passes `npm run check` as written.
 *
 *   await importCsaf({ bytes, source: "cisco-sa-20180328-smi2.json", vocabulary, contentDir })
 *     → { status: "created", id: "cisco-sa-20180328-smi2", files: ["ja/advisories/…md", "en/advisories/…md"], … }
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ContentProblem } from "../data/problems.ts";
import type { Finding } from "../csaf/validate.ts";
import { ID_PATTERN } from "../authoring/scaffold.ts";
import { mapDocument, type Draft } from "./map-facts.ts";
import { mergeImport } from "./merge.ts";
import { readCsaf } from "./read-document.ts";
import { renderDraft } from "./render.ts";
import { addProposals, type Vocabulary } from "./vocabulary.ts";
import { PRODUCTS_FILE } from "../data/site-files.ts";

export interface ImportRequest {
  /** The document's bytes, exactly as read (their SHA-256 is recorded). */
  bytes: Uint8Array;
  /** The file name or URL to record as the source. */
  source: string;
  /** The site's product vocabulary. */
  vocabulary: Vocabulary;
  /** The content folder to write into. */
  contentDir: string;
  /** The entry id; default: made from the tracking id. */
  id?: string;
  /** false: compute everything, write nothing. */
  write?: boolean;
  /** How to name a content file (relative to contentDir) in problems; default `content/<path>`. */
  display?: (path: string) => string;
}

export type ImportOutcome =
  | { status: "refused"; problems: ContentProblem[] }
  | {
      status: "created" | "updated" | "unchanged";
      id: string;
      /** Paths written (or that would be), relative to the content folder. */
      files: string[];
      draft: Draft;
      /** Re-import: what changed in the facts, one line each. */
      changes: string[];
      /** What the import decided or could not carry. */
      notes: string[];
      /** The validator's warnings (optional tests 6.2.x), which do not refuse a document. */
      warnings: Finding[];
      revisionsAdded: number;
      /** Ids of the products added to the site's products.yaml (or that would be). */
      proposed: string[];
    };

export async function importCsaf(request: ImportRequest): Promise<ImportOutcome> {
  const display = request.display ?? ((path: string) => `content/${path}`);
  const read = await readCsaf(request.bytes, request.source);
  if (!read.ok) return { status: "refused", problems: read.problems };
  if (request.id !== undefined && !ID_PATTERN.test(request.id)) {
    return { status: "refused", problems: [{ file: request.source, line: 1, column: 1, field: "--id", code: "id.invalid", params: { value: request.id }, hint: "import.id-format" }] };
  }
  const draft = mapDocument(read.document, { vocabulary: request.vocabulary, source: request.source, sha256: read.sha256, ...(request.id ? { id: request.id } : {}) });
  const ja = `ja/advisories/${draft.id}.md`;
  const en = `en/advisories/${draft.id}.md`;
  const write = (files: Record<string, string>) => {
    if (request.write === false) return;
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(request.contentDir, path)), { recursive: true });
      writeFileSync(join(request.contentDir, path), text);
    }
  };
  // Products the vocabulary lacks go into the site's products.yaml, never dropped (written with the draft).
  const productsPath = join(request.contentDir, PRODUCTS_FILE);
  const basedOn = draft.source.basedOn as { trackingId: string; publisher: string };
  const products = addProposals(existsSync(productsPath) ? readFileSync(productsPath, "utf8") : "", draft.products.proposals, basedOn.trackingId, basedOn.publisher);
  const writeProducts = () => {
    if (request.write !== false && products.added.length) writeFileSync(productsPath, products.text);
  };
  const base = { id: draft.id, draft, warnings: read.warnings, proposed: products.added };

  // Ids are shared by advisories and hoaxes.
  const hoax = ["ja", "en"].map((lang) => `${lang}/hoaxes/${draft.id}.md`).find((p) => existsSync(join(request.contentDir, p)));
  if (hoax) {
    return { status: "refused", problems: [{ file: display(hoax), line: 1, column: 1, field: "(file)", code: "id.taken", params: { id: draft.id, other: display(hoax) }, hint: "import.other-id" }] };
  }
  if (!existsSync(join(request.contentDir, ja))) {
    if (existsSync(join(request.contentDir, en))) {
      return { status: "refused", problems: [{ file: display(en), line: 1, column: 1, field: "(file)", code: "id.taken", params: { id: draft.id, other: display(en) }, hint: "import.other-id-or-remove" }] };
    }
    const files = renderDraft(draft);
    write(files);
    writeProducts();
    return { status: "created", ...base, files: Object.keys(files), changes: [], notes: draft.notes, revisionsAdded: 0 };
  }

  const existing = {
    ja: readFileSync(join(request.contentDir, ja), "utf8"),
    en: existsSync(join(request.contentDir, en)) ? readFileSync(join(request.contentDir, en), "utf8") : undefined,
  };
  const merged = mergeImport(existing, draft);
  if (!merged.ok) return { status: "refused", problems: [{ file: display(ja), line: 1, column: 1, field: "basedOn", code: merged.code, params: merged.params, hint: merged.hint }] };
  writeProducts();
  if (merged.unchanged) return { status: "unchanged", ...base, files: [], changes: [], notes: [...draft.notes, ...merged.notes], revisionsAdded: 0 };
  const files: Record<string, string> = { [ja]: merged.ja };
  if (existing.en !== undefined && merged.en !== existing.en) files[en] = merged.en;
  write(files);
  return { status: "updated", ...base, files: Object.keys(files), changes: merged.changes, notes: [...draft.notes, ...merged.notes], revisionsAdded: merged.revisionsAdded };
}

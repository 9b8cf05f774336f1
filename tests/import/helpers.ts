/**
 * Shared pieces of the import tests: the fixtures' bytes, a content folder to import into, and the import as
 * `npm run import` runs it: the vocabulary is the site's own products.yaml (read afresh for every import), and the
 * products it lacks are appended to that file, so the draft validates as written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readProductsFile } from "../../src/data/stages/read-products.ts";
import { importCsaf, type ImportOutcome } from "../../src/import/import-csaf.ts";
import type { Vocabulary } from "../../src/import/vocabulary.ts";
import type { Fixture } from "../helpers/fixtures.ts";
import { messageOf } from "../helpers/problem-text.ts";

export const FIXTURES = join(import.meta.dirname, "fixtures");

export const fixtureBytes = (name: string): Buffer => readFileSync(join(FIXTURES, name));
export const docBytes = (doc: unknown): Buffer => Buffer.from(`${JSON.stringify(doc, null, 2)}\n`);

/** The fixture site's product vocabulary, as npm run import reads it: its products.yaml. */
export function siteVocabulary(fixture: Fixture): Vocabulary {
  const read = readProductsFile(fixture.dir, fixture.content);
  if (!read.products) throw new Error(`products.yaml: ${read.problems.map((p) => `${p.line}:${p.column} ${messageOf(p)}`).join("; ")}`);
  return read.products;
}

/** Imports into the fixture's content folder; the vocabulary is the fixture's products.yaml unless one is given. */
export async function importInto(fixture: Fixture, bytes: Uint8Array, source: string, options: { vocabulary?: Vocabulary; id?: string } = {}): Promise<ImportOutcome> {
  return importCsaf({ bytes, source, vocabulary: options.vocabulary ?? siteVocabulary(fixture), contentDir: fixture.content, ...(options.id ? { id: options.id } : {}) });
}

export const read = (fixture: Fixture, path: string): string => readFileSync(join(fixture.content, path), "utf8");

/** The frontmatter text of a file (between the fences). */
export const frontmatterOf = (text: string): string => text.slice(4, text.indexOf("\n---\n", 4) + 1);

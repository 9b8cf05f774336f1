/**
 * Shared pieces of the import tests: the fixtures' bytes, a content folder to import into, and the stand-in
 * vocabulary that lets a vendor's products validate today.
 *
 * The stand-in: until the product vocabulary moves into the site folder (a change in progress on main), the data
 * layer accepts only the built-in Microsoft product ids. So that a draft can go through loadContent (and build),
 * these tests give the import a vocabulary that names each vendor product under one of those ids; the import then
 * writes that id, exactly as it will write a real site's own ids. That unknown products are proposed is tested
 * separately, with the built-in vocabulary, where none of the vendors' products is known.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importCsaf, type ImportOutcome } from "../../src/import/import-csaf.ts";
import type { Vocabulary } from "../../src/import/vocabulary.ts";
import { builtInVocabulary } from "../../src/import/vocabulary.ts";
import type { Fixture } from "../helpers/fixtures.ts";

export const FIXTURES = join(import.meta.dirname, "fixtures");

export const fixtureBytes = (name: string): Buffer => readFileSync(join(FIXTURES, name));
export const docBytes = (doc: unknown): Buffer => Buffer.from(`${JSON.stringify(doc, null, 2)}\n`);

/** Each vendor product under a built-in id (see above); the built-in products keep theirs. */
export const STAND_IN: Vocabulary = {
  ...builtInVocabulary(),
  "iis-4": { ja: "IOS", en: "IOS", vendor: "Cisco" },
  "iis-5": { ja: "Cisco IOS XE Software", en: "Cisco IOS XE Software", vendor: "Cisco" },
  "iis-6": { ja: "CVRF-CSAF-Converter", en: "CVRF-CSAF-Converter", vendor: "CSAF Tools" },
  netmeeting: { ja: "Red Hat OpenShift Enterprise", en: "Red Hat OpenShift Enterprise", vendor: "Red Hat" },
  "windows-95": { ja: "Router OS", en: "Router OS", vendor: "Example Networks" },
  "windows-98": { ja: "Switch Firmware", en: "Switch Firmware", vendor: "Example Networks" },
  "windows-me": { ja: "Wireless Controller", en: "Wireless Controller", vendor: "Example Networks" },
  "windows-nt-4-tse": { ja: "Edge Gateway", en: "Edge Gateway", vendor: "Sample Devices" },
};

export async function importInto(fixture: Fixture, bytes: Uint8Array, source: string, options: { vocabulary?: Vocabulary; id?: string } = {}): Promise<ImportOutcome> {
  return importCsaf({ bytes, source, vocabulary: options.vocabulary ?? STAND_IN, contentDir: fixture.content, ...(options.id ? { id: options.id } : {}) });
}

export const read = (fixture: Fixture, path: string): string => readFileSync(join(fixture.content, path), "utf8");

/** The frontmatter text of a file (between the fences). */
export const frontmatterOf = (text: string): string => text.slice(4, text.indexOf("\n---\n", 4) + 1);

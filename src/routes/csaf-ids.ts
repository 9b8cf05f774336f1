/**
 * Tracking ids, file names and URLs of CSAF documents.
 *
 * The tracking id scheme: `<PREFIX>-<YYYY>-<ENTRY ID IN UPPER CASE>` for the Japanese original, plus `-<lang>`
 * for a translation (csaf.md §2.3: original id + language, never the original id as a suffix):
 *   ms04-011 published 2004-05-08  →  KEIKOKU-2004-MS04-011 / KEIKOKU-2004-MS04-011-en
 *   sulfnbk-exe                    →  KEIKOKU-2004-SULFNBK-EXE / KEIKOKU-2004-SULFNBK-EXE-en
 * Both parts are stable: entry ids never change (they are URLs), and the year is that of first publication,
 * which a revision never changes. Entry ids are unique across advisories and hoaxes, so tracking ids are unique.
 * The year is also the folder (CSAF requirement 11: the year of initial_release_date, which is `published`).
 */
import { SOURCE_LANG, type Lang } from "../i18n/languages.ts";

/** What names a document: the entry's id and the day it was first published. */
export interface DocumentKey {
  id: string;
  published: string;
}

/** Where the provider directory lives, relative to the site root. */
export const CSAF_DIR = ".well-known/csaf";

export function trackingId(idPrefix: string, entry: DocumentKey, lang: Lang): string {
  const original = `${idPrefix}-${entry.published.slice(0, 4)}-${entry.id.toUpperCase()}`;
  return lang === SOURCE_LANG ? original : `${original}-${lang}`;
}

/** CSAF 2.0 §5.1: lower-case, every run of characters outside [+\-a-z0-9] becomes "_", then ".json". */
export function csafFilename(id: string): string {
  return `${id.toLowerCase().replace(/[^+\-a-z0-9]+/g, "_")}.json`;
}

/** The document's path inside the provider directory: `2004/keikoku-2004-ms04-011.json`. */
export function documentPath(idPrefix: string, entry: DocumentKey, lang: Lang): string {
  return `${entry.published.slice(0, 4)}/${csafFilename(trackingId(idPrefix, entry, lang))}`;
}

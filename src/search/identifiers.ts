/**
 * Identifier lookup: which page a query such as "MS04-011", "KB835732", "ＣＶＥ－２００３－０５３３",
 * "SULFNBK.EXE" or "avserve.exe" identifies, so search can put that page first. Pagefind ranks by word
 * frequency, which knows nothing of identifiers; this table does.
 */
import type { Entry, PageEntry } from "../data/entries.ts";
import { normalizeQuery } from "./normalize.ts";

/** How strongly a field identifies an entry; the highest score wins, ties identify nothing. */
const WEIGHTS = { id: 100, hoaxFile: 90, hoaxName: 85, bulletinOwn: 80, vulnerability: 80, kb: 60, cve: 60, bulletin: 40, keyword: 30, pageKeyword: 95 };
const KIND_BONUS: Record<string, number> = { bulletin: 3, incident: 2, guidance: 1, hoax: 0 };

/** Keys under which an entry can be found, each with its weight. */
export function identifierKeys(entry: Entry): [string, number][] {
  const keys: [string, number][] = [[entry.id, WEIGHTS.id]];
  const bonus = KIND_BONUS[entry.kind] ?? 0;
  if (entry.hoax?.file) keys.push([entry.hoax.file, WEIGHTS.hoaxFile]);
  for (const name of entry.hoax?.names ?? []) keys.push([name, WEIGHTS.hoaxName]);
  for (const b of entry.bulletins) keys.push([b, entry.kind === "bulletin" ? WEIGHTS.bulletinOwn : WEIGHTS.bulletin + bonus]);
  for (const v of entry.vulnerabilities) {
    if (v.cve) keys.push([v.cve, WEIGHTS.vulnerability]);
    for (const id of v.ids) keys.push([id.text, WEIGHTS.vulnerability]);
    if (v.can) keys.push([v.can, WEIGHTS.vulnerability]);
  }
  for (const n of entry.kb) {
    keys.push([`KB${n}`, WEIGHTS.kb + bonus]);
    keys.push([String(n), WEIGHTS.kb + bonus]);
  }
  for (const id of entry.cve) {
    keys.push([id, WEIGHTS.cve + bonus]);
    keys.push([id.replace(/^CVE-/, "CAN-"), WEIGHTS.cve + bonus]);
  }
  for (const k of entry.keywords) keys.push([k, WEIGHTS.keyword + bonus]);
  return keys;
}

/** normalised identifier → URL of the entry it identifies, for one language's entries and pages. */
export function buildIdentifierTable(entries: Entry[], pages: PageEntry[] = []): Record<string, string> {
  const best = new Map<string, { url: string; score: number; tie: boolean }>();
  const sources: { url: string; keys: [string, number][] }[] = [
    ...entries.map((entry) => ({ url: entry.url, keys: identifierKeys(entry) })),
    ...pages.map((page) => ({ url: page.url, keys: page.keywords.map((k): [string, number] => [k, WEIGHTS.pageKeyword]) })),
  ];
  for (const entry of sources) {
    for (const [raw, score] of entry.keys) {
      const key = normalizeQuery(raw).toLowerCase();
      if (!key) continue;
      const current = best.get(key);
      if (!current || score > current.score) best.set(key, { url: entry.url, score, tie: false });
      else if (score === current.score && current.url !== entry.url) current.tie = true;
    }
  }
  const table: Record<string, string> = {};
  for (const key of [...best.keys()].sort()) {
    const value = best.get(key)!;
    if (!value.tie) table[key] = value.url;
  }
  return table;
}

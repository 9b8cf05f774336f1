/**
 * Query normalisation shared by the build (identifier table, index terms) and the browser (search.js
 * ships the same rules): full-width letters and digits become ASCII (ＭＳ０４－０１１ → MS04-011), the two
 * common spellings of "virus" become one, and runs of spaces collapse.
 *
 * Keep in step with public/assets/search/normalize.js (tests compare the two on the same inputs).
 */

/** Spelling variants that mean the same word; each maps to the first. */
export const SPELLING_VARIANTS: [string, string[]][] = [["ウイルス", ["ウィルス", "ヴィルス"]]];

export function normalizeQuery(input: string): string {
  let text = input.normalize("NFKC");
  // NFKC leaves some dashes alone; ids are written with ASCII hyphens.
  text = text.replace(/[‐‑‒–—―−－ー](?=\d)/g, (m, offset: number, all: string) => (/[A-Za-z0-9]/.test(all[offset - 1] ?? "") ? "-" : m));
  for (const [canonical, variants] of SPELLING_VARIANTS) {
    for (const variant of variants) text = text.split(variant).join(canonical);
  }
  return text.replace(/\s+/g, " ").trim();
}

/** Every spelling of the variant words found in `text`, to index alongside it so either spelling finds it. */
export function spellingAliases(text: string): string[] {
  const out = new Set<string>();
  for (const [canonical, variants] of SPELLING_VARIANTS) {
    const all = [canonical, ...variants];
    if (all.some((v) => text.includes(v))) all.forEach((v) => out.add(v));
  }
  return [...out];
}

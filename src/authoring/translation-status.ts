/**
 * Where each translation stands, from the validated site: for every advisory, hoax and page, per language,
 * whether it is the source, translated, stale (its `translationOf` is behind the source's latest revision)
 * or missing (readers get the source text as a fallback). Used by `npm run i18n:status`.
 *
 *   sasser  incident  ja: source, rev 3   en: stale by 1 (translationOf 2)
 */
import { LANGS, SOURCE_LANG, type Lang } from "../i18n/languages.ts";
import type { SiteData } from "../data/entries.ts";

export type CellStatus = "source" | "translated" | "stale" | "missing";

export interface StatusCell {
  status: CellStatus;
  /** Stale and translated entries: the source revision the translation follows. */
  translationOf?: number;
  /** Stale entries: how many revisions the translation is behind. */
  behind?: number;
  /** The file the reader's page is made from (the source file for a missing translation). */
  file: string;
}

export interface StatusRow {
  id: string;
  section: "advisories" | "hoaxes" | "pages";
  /** incident, bulletin, guidance, hoax, or page. */
  kind: string;
  /** The source's latest revision (pages have none). */
  revision?: number;
  langs: Record<Lang, StatusCell>;
}

export interface StatusTotals {
  translated: number;
  stale: number;
  missing: number;
}

const SECTION_ORDER = { advisories: 0, hoaxes: 1, pages: 2 } as const;

/** One row per advisory, hoax and page: advisories, then hoaxes, then pages, each by id. */
export function translationStatus(site: SiteData): StatusRow[] {
  const rows = new Map<string, StatusRow>();
  for (const e of site.entries) {
    const key = `${e.section}/${e.id}`;
    const row = rows.get(key) ?? { id: e.id, section: e.section, kind: e.kind, revision: e.revision, langs: {} as Record<Lang, StatusCell> };
    rows.set(key, row);
    if (e.lang === SOURCE_LANG) row.langs[e.lang] = { status: "source", file: e.file };
    else if (e.isFallback) row.langs[e.lang] = { status: "missing", file: e.file };
    else if (e.isStale && e.translationOf !== undefined) row.langs[e.lang] = { status: "stale", translationOf: e.translationOf, behind: e.revision - e.translationOf, file: e.file };
    else row.langs[e.lang] = { status: "translated", ...(e.translationOf !== undefined ? { translationOf: e.translationOf } : {}), file: e.file };
  }
  for (const p of site.pages) {
    const key = `pages/${p.id}`;
    const row = rows.get(key) ?? { id: p.id, section: "pages" as const, kind: "page", langs: {} as Record<Lang, StatusCell> };
    rows.set(key, row);
    row.langs[p.lang] = { status: p.lang === SOURCE_LANG ? "source" : p.isFallback ? "missing" : "translated", file: p.file };
  }
  return [...rows.values()].sort((a, b) => SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.id.localeCompare(b.id));
}

/** Counts over the translation languages (the source language is not counted). */
export function totals(rows: StatusRow[]): StatusTotals {
  const out: StatusTotals = { translated: 0, stale: 0, missing: 0 };
  for (const row of rows) {
    for (const lang of LANGS) {
      const status = row.langs[lang]?.status;
      if (status && status !== "source") out[status]++;
    }
  }
  return out;
}

/** A cell as the table shows it. */
export function describeCell(cell: StatusCell | undefined, revision: number | undefined): string {
  if (!cell) return "–";
  switch (cell.status) {
    case "source":
      return revision !== undefined ? `source, rev ${revision}` : "source";
    case "translated":
      return "✔ translated";
    case "stale":
      return `⚠ stale by ${cell.behind} (translationOf ${cell.translationOf}, source at rev ${revision})`;
    case "missing":
      return `✖ missing (shows the ${SOURCE_LANG} text)`;
  }
}

/** The table: one line per row, columns padded. */
export function formatStatusTable(rows: StatusRow[]): string {
  const header = ["id", "kind", ...LANGS];
  const lines = rows.map((row) => [row.id, row.kind, ...LANGS.map((lang) => describeCell(row.langs[lang], row.revision))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}

/**
 * What entry pages and the search page give Pagefind and readers: extra search terms, the filter choices
 * with their counts, and the badge of a site page in search results. Pure functions of the validated data.
 */
import { identifierKeys } from "./identifiers.ts";
import { normalizeQuery, spellingAliases } from "./normalize.ts";
import type { Entry, SiteData } from "../data/entries.ts";
import { KINDS } from "../data/vocabulary.ts";
import type { Lang } from "../i18n/languages.ts";
import { t } from "../i18n/i18n.ts";

/**
 * Extra words indexed with an entry (never shown): its identifiers in the forms the page does not already
 * say ("MS04011", "CAN-2003-0533" where only the CVE id is shown, a bare KB number), and every spelling of
 * variant words. Pagefind matches words case-insensitively, so a form the page shows adds only bytes: on
 * the MS04-011 page the attribute was 1.3 KB, most of it ids already in the ratings table.
 */
export function searchTerms(entry: Entry): string {
  const shown = wordsShown(entry);
  const terms = new Map<string, string>();
  const add = (term: string) => {
    const key = term.toLowerCase();
    // Only ASCII words are compared: how Pagefind segments Japanese text around a word is its own affair.
    if (!terms.has(key) && !(/^[\x21-\x7e]+$/.test(key) && shown.has(key))) terms.set(key, term);
  };
  for (const [key] of identifierKeys(entry)) {
    add(key);
    add(normalizeQuery(key));
    add(key.replace(/[-.]/g, ""));
  }
  for (const alias of spellingAliases(`${entry.title} ${entry.summary} ${entry.html}`)) add(alias);
  return [...terms.values()].join(" ");
}

/** The ASCII words an entry page shows in its indexed article: title, summary, facts, ratings table, body. */
function wordsShown(entry: Entry): Set<string> {
  const facts = [
    ...entry.bulletins,
    ...entry.kb.map((n) => `KB${n}`),
    ...(entry.vulnerabilities.length ? entry.vulnerabilities.flatMap((v) => [v.name, v.cve ?? "", v.can ?? "", ...v.ids.map((id) => id.text), v.cwe?.id ?? ""]) : entry.cve),
    ...(entry.hoax ? [...entry.hoax.names, entry.hoax.file ?? ""] : []),
  ];
  const text = [entry.title, entry.summary, ...facts, entry.html.replace(/<[^>]*>|&[a-z]+;/g, " ")].join(" ").toLowerCase();
  // Words as Pagefind sees ASCII text: runs between spaces and non-ASCII letters, without enclosing punctuation.
  return new Set(text.split(/[^\x21-\x7e]+/).map((word) => word.replace(/^[(\[{"'.,:;!?]+|[)\]}"'.,:;!?]+$/g, "")));
}

/**
 * The badge a site page (not an entry: it has no kind) carries in search results: the name the site's
 * navigation gives it, "デマ情報" for the hoax list, "このサイトについて" for the about page.
 */
export function pageBadge(id: string, lang: Lang): string {
  return t(lang, id === "hoaxes" ? "nav.hoaxes" : "nav.about");
}

export interface FilterGroup {
  name: "kind" | "product" | "year";
  values: { value: string; count: number }[];
}

/**
 * The search page's filter choices with their counts, from the validated data: the same values the entry
 * pages give Pagefind (data-pagefind-filter: the kind's and products' names in the page's language, the year
 * published), counted over the pages in the index (translated or original, not fallbacks).
 */
export function searchFilterChoices({ entries, products }: Pick<SiteData, "entries" | "products">, lang: Lang): FilterGroup[] {
  const counts = { kind: new Map<string, number>(), product: new Map<string, number>(), year: new Map<string, number>() };
  const add = (map: Map<string, number>, value: string) => map.set(value, (map.get(value) ?? 0) + 1);
  for (const e of entries) {
    if (e.lang !== lang || e.isFallback) continue;
    add(counts.kind, KINDS[e.kind][e.contentLang]);
    for (const p of new Set(e.affected.map((id) => products[id]![e.contentLang]))) add(counts.product, p);
    add(counts.year, e.published.slice(0, 4));
  }
  return (["kind", "product", "year"] as const)
    .map((name) => ({ name, values: [...counts[name]].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)) }))
    .filter((group) => group.values.length);
}


/**
 * Search: after every build (and every dev-server rebuild) Pagefind indexes the site, one index per
 * language from each page's <html lang>. Only an entry's <article data-pagefind-body> is indexed, so
 * navigation, footers and untranslated fallback pages stay out of the index.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { buildIdentifierTable, identifierKeys } from "./identifiers.ts";
import { normalizeQuery, spellingAliases } from "./normalize.ts";
import type { Entry, SiteData } from "../data/entries.ts";
import { identifierFiles, type IdentifierCard } from "./identifier-shards.ts";
import { KINDS, PRODUCTS } from "../data/vocabulary.ts";
import { LANGS, type Lang } from "../i18n/languages.ts";
import { t } from "../i18n/i18n.ts";

export interface SearchPluginOptions {
  /** Set to false to skip indexing (the benchmark's render-only phase). */
  enabled?: boolean;
}

export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`Pagefind failed while ${step}:\n  ${errors.join("\n  ")}\n  The previous site was left unchanged.`);
    this.name = "SearchIndexError";
  }
}

/**
 * Pagefind runs as a child binary; if it dies, its promises never settle and Node would exit silently
 * (code 13). `beforeExit` fires exactly then: turn it into an error that says what happened.
 */
function answered<T>(step: string, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const silent = () => reject(new SearchIndexError(step, ["the Pagefind process stopped without answering — is its binary installed and runnable? (npm ci installs it; never use --omit=optional)"]));
    process.once("beforeExit", silent);
    promise.then(resolve, reject).finally(() => process.off("beforeExit", silent));
  });
}

/** The pages that carry data-pagefind-body: entries, the hoax list and the about pages, in every language. */
export const INDEXED_PAGES = `{${LANGS.join(",")}}/{advisories,hoaxes,about}/**/*.html`;

/** Indexes a built site folder and writes the bundle to <dir>/pagefind/. */
export async function indexSite(dir: string): Promise<{ pages: number }> {
  const created = await answered("starting", pagefind.createIndex({}));
  if (created.errors.length || !created.index) throw new SearchIndexError("starting", created.errors);
  const { index } = created;
  try {
    // Only folders that hold indexable pages: Pagefind parses every file it is given, and at archive scale the
    // KB/CVE/redirect pages outnumber the entries (500-advisory corpus: 3,928 files parsed → 1,006; Pagefind
    // step 9.0 s → 7.0 s, median of 3).
    const added = await answered(`indexing ${dir}`, index.addDirectory({ path: dir, glob: INDEXED_PAGES }));
    if (added.errors.length) throw new SearchIndexError(`indexing ${dir}`, added.errors);
    const written = await answered("writing the bundle", index.writeFiles({ outputPath: join(dir, "pagefind") }));
    if (written.errors.length) throw new SearchIndexError("writing the bundle", written.errors);
    return { pages: added.page_count };
  } finally {
    await answered("closing", index.deleteIndex()).catch(() => undefined);
  }
}

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

export function searchPlugin(eleventyConfig: any, options: SearchPluginOptions = {}): void {
  const defaults: Required<SearchPluginOptions> = { enabled: process.env.KEIKOKU_SEARCH !== "off" };
  const settings = { ...defaults, ...options };
  eleventyConfig.addFilter("searchTerms", searchTerms);
  eleventyConfig.addFilter("searchFilterChoices", searchFilterChoices);
  eleventyConfig.addFilter("pageBadge", pageBadge);
  // What search.js needs to pin the page an identifier names (see identifier-shards.ts), from this build's data.
  let site: SiteData | undefined;
  eleventyConfig.on("keikoku.site", (loaded: SiteData) => {
    site = loaded;
  });
  eleventyConfig.on("eleventy.after", async () => {
    const output = eleventyConfig.directories.output;
    if (site) writeIdentifierFiles(output, site);
    await bundleBrowserCode(output);
    if (settings.enabled) await indexSite(output);
  });
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
export function searchFilterChoices(entries: Entry[], lang: Lang): FilterGroup[] {
  const counts = { kind: new Map<string, number>(), product: new Map<string, number>(), year: new Map<string, number>() };
  const add = (map: Map<string, number>, value: string) => map.set(value, (map.get(value) ?? 0) + 1);
  for (const e of entries) {
    if (e.lang !== lang || e.isFallback) continue;
    add(counts.kind, KINDS[e.kind][e.contentLang]);
    for (const p of new Set(e.affected.map((id) => PRODUCTS[id][e.contentLang]))) add(counts.product, p);
    add(counts.year, e.published.slice(0, 4));
  }
  return (["kind", "product", "year"] as const)
    .map((name) => ({ name, values: [...counts[name]].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)) }))
    .filter((group) => group.values.length);
}

/** Writes /{lang}/search/identifiers.json and its shards for every language. */
export function writeIdentifierFiles(output: string, site: SiteData): void {
  for (const lang of LANGS) {
    const entries = site.entries.filter((e) => e.lang === lang && !e.isFallback);
    const pages = site.pages.filter((p) => p.lang === lang && !p.isFallback);
    const cards: Record<string, IdentifierCard> = Object.fromEntries([
      ...entries.map((e) => [e.url, { title: e.title, kind: e.kind, kindName: KINDS[e.kind][e.contentLang], date: e.updated, summary: e.summary }]),
      ...pages.map((p) => [p.url, { title: p.title, kind: "page", kindName: pageBadge(p.id, lang), date: "", summary: p.summary ?? "" }]),
    ]);
    const dir = join(output, lang, "search");
    // A shard of a previous build (the dev server's long-lived folder) must not answer for this one.
    rmSync(join(dir, "identifiers"), { recursive: true, force: true });
    mkdirSync(join(dir, "identifiers"), { recursive: true });
    for (const [path, json] of identifierFiles(buildIdentifierTable(entries, pages), cards)) writeFileSync(join(dir, path), json);
  }
}

/** Bundles the browser code (TypeScript in src/search/browser) into <output>/assets/search/. */
export async function bundleBrowserCode(output: string): Promise<void> {
  const { build } = await import("esbuild");
  const here = new URL("./browser/", import.meta.url).pathname;
  await build({
    entryPoints: { "search-page": `${here}search-page.ts`, "header-search": `${here}header-search.ts` },
    outdir: join(output, "assets", "search"),
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2020",
    minify: true,
    legalComments: "none",
    chunkNames: "[name]-[hash]",
    logLevel: "silent",
    // Japanese strings as UTF-8, not \u escapes (a third of the size).
    charset: "utf8",
    // A string, not an object: esbuild puts a defined object in a chunk of its own that every entry point
    // imports, which would add a request to every page's header box.
    define: { SEARCH_STATUS_JSON: JSON.stringify(JSON.stringify(Object.fromEntries(LANGS.map((lang) => [lang, { results: t(lang, "search.results"), noResults: t(lang, "search.noResults") }])))) },
  });
}

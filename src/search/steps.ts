/**
 * The build's search steps, run after the pages are rendered (src/site/build-site.ts lists them in order):
 *   writeIdentifierFiles  /{lang}/search/identifiers.json and its shards (what pins the page an identifier names)
 *   bundleBrowserCode     the search code (src/search/browser) into /assets/search/
 *   indexSite             Pagefind, one index per language, into /pagefind/ (pagefind-index.ts)
 */
export { indexSite } from "./pagefind-index.ts";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildIdentifierTable } from "./identifiers.ts";
import type { SiteData } from "../data/entries.ts";
import { identifierFiles, type IdentifierCard } from "./identifier-shards.ts";
import { KINDS } from "../data/vocabulary.ts";
import { LANGS } from "../i18n/languages.ts";
import { t } from "../i18n/i18n.ts";
import { pageBadge } from "./filters.ts";

/**
 * Writes /{lang}/search/identifiers.json and its shards for every language, and returns them by path. Given what
 * the folder holds (`previous`, from the last call: the dev server's updates), writes only the files that differ
 * and deletes those gone; otherwise replaces the folders whole.
 */
export function writeIdentifierFiles(output: string, site: SiteData, previous?: Map<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of LANGS) {
    const entries = site.entries.filter((e) => e.lang === lang && !e.isFallback);
    const pages = site.pages.filter((p) => p.lang === lang && !p.isFallback);
    const cards: Record<string, IdentifierCard> = Object.fromEntries([
      ...entries.map((e) => [e.url, { title: e.title, kind: e.kind, kindName: KINDS[e.kind][e.contentLang], date: e.updated, summary: e.summary }]),
      ...pages.map((p) => [p.url, { title: p.title, kind: "page", kindName: pageBadge(p.id, lang), date: "", summary: p.summary ?? "" }]),
    ]);
    for (const [path, json] of identifierFiles(buildIdentifierTable(entries, pages), cards)) files.set(join(lang, "search", path), json);
    // A shard of a previous build (the dev server's long-lived folder) must not answer for this one.
    if (!previous) {
      rmSync(join(output, lang, "search", "identifiers"), { recursive: true, force: true });
      mkdirSync(join(output, lang, "search", "identifiers"), { recursive: true });
    }
  }
  for (const [path, json] of files) {
    if (previous?.get(path) === json) continue;
    mkdirSync(dirname(join(output, path)), { recursive: true });
    writeFileSync(join(output, path), json);
  }
  for (const path of previous?.keys() ?? []) if (!files.has(path)) rmSync(join(output, path), { force: true });
  return files;
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

/**
 * The build's search steps, run after the pages are rendered (src/site/build-site.ts lists them in order):
 *   writeIdentifierFiles  /{lang}/search/identifiers.json and its shards (what pins the page an identifier names)
 *   bundleBrowserCode     the search code (src/search/browser) into /assets/search/
 *   indexSite             Pagefind, one index per language, into /pagefind/
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { buildIdentifierTable } from "./identifiers.ts";
import type { SiteData } from "../data/entries.ts";
import { identifierFiles, type IdentifierCard } from "./identifier-shards.ts";
import { KINDS } from "../data/vocabulary.ts";
import { LANGS } from "../i18n/languages.ts";
import { t } from "../i18n/i18n.ts";
import { pageBadge } from "./filters.ts";

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

/**
 * The Pagefind index of a built folder (one index per language, in /pagefind/). A build writes it once
 * (indexSite); the dev server keeps it in memory across saves (LiveSearchIndex), so that a save re-reads only
 * the pages it re-rendered instead of the whole site.
 *
 * Pagefind keeps one record per URL and builds the bundle from the records when it writes: a page added again
 * replaces its record in place, and a page added again without `data-pagefind-body` drops out. So after
 * edits and deletions the bundle is byte for byte what a clean build's index writes. A new page would go at
 * the end of the index's order, where a clean build would put it among the others (the bundle's bytes
 * follow that order), so a save that adds a page indexes the site again from the folder, as a build does.
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { LANGS } from "../i18n/languages.ts";

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
export function answered<T>(step: string, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const silent = () => reject(new SearchIndexError(step, ["the Pagefind process stopped without answering — is its binary installed and runnable? (npm ci installs it; never use --omit=optional)"]));
    process.once("beforeExit", silent);
    promise.then(resolve, reject).finally(() => process.off("beforeExit", silent));
  });
}

/** The pages that carry data-pagefind-body: entries, the hoax list and the about pages, in every language. */
export const INDEXED_PAGES = `{${LANGS.join(",")}}/{advisories,hoaxes,about}/**/*.html`;

/** Indexes a built site folder and writes the bundle to <dir>/pagefind/ (a build's index, not kept). */
export async function indexSite(dir: string): Promise<{ pages: number }> {
  const index = await LiveSearchIndex.create(dir);
  await index.close();
  return { pages: index.pages };
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** A page Pagefind keeps no record of: a site whose pages mark their body leaves out a page without one. */
const NO_RECORD = "<!doctype html><html><body></body></html>";

/** Site paths (no prefix) of the HTML files Pagefind indexes, as INDEXED_PAGES says: {lang}/{advisories,hoaxes,about}/…. */
export function isIndexedPage(path: string): boolean {
  const [, lang, section] = path.split("/");
  return path.endsWith(".html") && (LANGS as readonly string[]).includes(lang ?? "") && ["advisories", "hoaxes", "about"].includes(section ?? "");
}

/** The URL Pagefind records for a file (what addDirectory gives it): /ja/advisories/sasser/index.html → /ja/advisories/sasser/. */
const pageUrl = (path: string) => path.replace(/index\.html$/, "");

export class LiveSearchIndex {
  private constructor(
    private index: PagefindIndex,
    /** Pages indexed from the folder when the index was made. */
    readonly pages: number,
  ) {}

  /** Indexes every page of a built folder and writes its bundle. */
  static async create(dir: string): Promise<LiveSearchIndex> {
    const { index, pages } = await LiveSearchIndex.indexFolder(dir);
    const live = new LiveSearchIndex(index, pages);
    await live.write(dir);
    return live;
  }

  private static async indexFolder(dir: string): Promise<{ index: PagefindIndex; pages: number }> {
    const created = await answered("starting", pagefind.createIndex({}));
    if (created.errors.length || !created.index) throw new SearchIndexError("starting", created.errors);
    // Only folders that hold indexable pages: Pagefind parses every file it is given, and at archive scale the
    // KB/CVE/redirect pages outnumber the entries (500-advisory corpus: 3,928 files parsed → 1,006; Pagefind
    // step 9.0 s → 7.0 s, median of 3).
    const added = await answered(`indexing ${dir}`, created.index.addDirectory({ path: dir, glob: INDEXED_PAGES }));
    if (added.errors.length) throw new SearchIndexError(`indexing ${dir}`, added.errors);
    return { index: created.index, pages: added.page_count };
  }

  /**
   * Takes the pages a save re-rendered and removed (site paths without prefix; others are ignored) and writes
   * the bundle again. `added`: the save made new pages, so the folder is indexed again in a clean build's order.
   */
  async update(dir: string, { rendered, removed, added }: { rendered: string[]; removed: string[]; added: boolean }): Promise<void> {
    if (added) {
      const { index } = await LiveSearchIndex.indexFolder(dir);
      await this.close();
      this.index = index;
    } else {
      // The folder decides: several saves may have rendered and removed the same page since the last update.
      for (const path of new Set([...rendered, ...removed].filter(isIndexedPage))) {
        const content = existsSync(join(dir, path)) ? readFileSync(join(dir, path), "utf8") : NO_RECORD;
        const result = await answered(`indexing ${path}`, this.index.addHTMLFile({ url: pageUrl(path), content }));
        if (result.errors.length) throw new SearchIndexError(`indexing ${path}`, result.errors);
      }
    }
    await this.write(dir);
  }

  /** Writes the bundle beside the live one and swaps it in, so the browser never reads a half-written index. */
  private async write(dir: string): Promise<void> {
    const next = join(dir, `.pagefind-next-${process.pid}`);
    rmSync(next, { recursive: true, force: true });
    const written = await answered("writing the bundle", this.index.writeFiles({ outputPath: next }));
    if (written.errors.length) throw new SearchIndexError("writing the bundle", written.errors);
    rmSync(join(dir, "pagefind"), { recursive: true, force: true });
    renameSync(next, join(dir, "pagefind"));
  }

  async close(): Promise<void> {
    await answered("closing", this.index.deleteIndex()).catch(() => undefined);
  }
}

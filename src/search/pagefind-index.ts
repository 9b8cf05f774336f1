/**
 * The Pagefind index of a built folder, in /pagefind/. Pagefind keeps one index per language inside its bundle
 * (every file of a language's index is named after it: `fragment/ja_….pf_fragment`, `pagefind.ja_….pf_meta`;
 * only pagefind-entry.json lists them all), so Keikoku indexes each language in its own pass and writes the
 * passes into one folder: the bundle is byte for byte what one pass over every language writes, and the
 * Pagefind process holds one language's index at a time.
 *
 * A build writes the index once (indexSite) and frees each language's index after writing it. The dev server
 * keeps every language's index in memory across saves (LiveSearchIndex), so that a save re-reads only the pages
 * it changed and writes again only the languages they are in.
 *
 * Pagefind keeps one record per URL and builds the bundle from the records when it writes: a page added again
 * replaces its record in place, and a page added again without `data-pagefind-body` drops out. So after
 * edits and deletions the bundle is byte for byte what a clean build's index writes. A new page would go at
 * the end of the index's order, where a clean build would put it among the others (the bundle's bytes
 * follow that order), so a save that adds a page indexes its language again from the folder, as a build does.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { LANGS, type Lang } from "../i18n/languages.ts";
import { walkFiles } from "../links/walk-files.ts";

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

/** The pages of one language that carry data-pagefind-body: entries, the hoax list and the about pages. */
export const indexedPages = (lang: Lang) => `${lang}/{advisories,hoaxes,about}/**/*.html`;

/** Site paths (no prefix) of the HTML files Pagefind indexes, as indexedPages says: {lang}/{advisories,hoaxes,about}/…. */
export function isIndexedPage(path: string): boolean {
  const [, lang, section] = path.split("/");
  return path.endsWith(".html") && (LANGS as readonly string[]).includes(lang ?? "") && ["advisories", "hoaxes", "about"].includes(section ?? "");
}

/** The URL Pagefind records for a file (what addDirectory gives it): /ja/advisories/sasser/index.html → /ja/advisories/sasser/. */
const pageUrl = (path: string) => path.replace(/index\.html$/, "");
const langOf = (path: string) => path.split("/")[1] as Lang;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** pagefind-entry.json: the bundle's list of languages, each with the hash its files are named after. */
interface BundleEntry {
  version: string;
  languages: Record<string, unknown>;
  [other: string]: unknown;
}

/** A page Pagefind keeps no record of: a site whose pages mark their body leaves out a page without one. */
const NO_RECORD = "<!doctype html><html><body></body></html>";

/** The bundle's folder, and the folder a new bundle is written to before it replaces it. */
const bundleDir = (dir: string) => join(dir, "pagefind");
const nextDir = (dir: string) => join(dir, `.pagefind-next-${process.pid}`);

/** Indexes a built site folder and writes the bundle to <dir>/pagefind/, one language at a time (a build's index, not kept). */
export async function indexSite(dir: string): Promise<{ pages: number }> {
  const indexing = new SiteIndexing(dir, { keep: false });
  for (const lang of LANGS) indexing.add(lang);
  return indexing.finish();
}

/**
 * A build's search index, made while the pages are still being rendered: the build hands over each language
 * as soon as its pages are in the folder, and Pagefind, in its own process, indexes it on the other core while
 * Eleventy renders the rest. Languages are indexed one after another, each freed once written (unless `keep`:
 * the dev server's index stays in memory for its updates), so Pagefind holds one language's index at a time.
 */
export class SiteIndexing {
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly entries = new Map<Lang, unknown>();
  private readonly indexes = new Map<Lang, PagefindIndex>();
  private readonly bundle: BundleWriter;
  private pages = 0;

  constructor(
    private readonly dir: string,
    private readonly options: { keep: boolean },
  ) {
    this.bundle = new BundleWriter(dir, this.entries);
  }

  /** Indexes a language's pages, once those before it are done (they are in the folder now). */
  add(lang: Lang): void {
    this.queue = this.queue
      .then(async () => {
        if (this.failure) return;
        const { index, pages } = await indexLanguage(this.dir, lang);
        this.indexes.set(lang, index);
        this.pages += pages;
        await this.bundle.write(lang, index);
        if (!this.options.keep) await close(this.indexes.get(lang)!).finally(() => this.indexes.delete(lang));
      })
      // Kept for finish(): a build that is still rendering must not stop on an unhandled rejection.
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  /** Waits for every language handed over and swaps the bundle in; the live index when `keep`. */
  async finish(): Promise<{ pages: number; live?: LiveSearchIndex }> {
    await this.queue;
    if (this.failure) {
      await this.abandon();
      throw this.failure;
    }
    this.bundle.finish();
    if (!this.options.keep) return { pages: this.pages };
    return { pages: this.pages, live: new LiveSearchIndex(this.indexes, this.entries, indexedDigests(this.dir), this.pages) };
  }

  /** The build failed: skips the languages not started yet and frees what Pagefind holds (the staging folder goes with the build). */
  async abandon(): Promise<void> {
    this.failure ??= new Error("the build failed");
    await this.queue;
    for (const index of this.indexes.values()) await close(index);
    this.indexes.clear();
  }
}

/** Indexes one language's pages of a built folder. */
async function indexLanguage(dir: string, lang: Lang): Promise<{ index: PagefindIndex; pages: number }> {
  const created = await answered("starting", pagefind.createIndex({}));
  if (created.errors.length || !created.index) throw new SearchIndexError("starting", created.errors);
  // Only folders that hold indexable pages: Pagefind parses every file it is given, and at archive scale the
  // KB/CVE/redirect pages outnumber the entries (500-advisory corpus: 3,928 files parsed → 1,006; Pagefind
  // step 9.0 s → 7.0 s, median of 3).
  const added = await answered(`indexing ${dir}`, created.index.addDirectory({ path: dir, glob: indexedPages(lang) }));
  if (added.errors.length) {
    await close(created.index);
    throw new SearchIndexError(`indexing ${dir}`, added.errors);
  }
  return { index: created.index, pages: added.page_count };
}

async function close(index: PagefindIndex): Promise<void> {
  await answered("closing", index.deleteIndex()).catch(() => undefined);
}

/**
 * Writes languages' indexes into a new bundle beside the live one and swaps it in (`finish`), so the browser
 * never reads a half-written index. The languages not written again keep their files from the live bundle.
 */
class BundleWriter {
  private readonly next: string;
  constructor(
    private readonly dir: string,
    /** Each language's record in pagefind-entry.json, as its last write gave it; updated by `write`. */
    private readonly entries: Map<Lang, unknown>,
    /** Languages whose files are taken from the live bundle as they are. */
    keep: Lang[] = [],
  ) {
    this.next = nextDir(dir);
    rmSync(this.next, { recursive: true, force: true });
    mkdirSync(this.next, { recursive: true });
    // A language's own files: fragment/ja_…, index/ja_…, filter/ja_…, pagefind.ja_….pf_meta, wasm.ja.pagefind.
    // Linked, not copied: nothing rewrites them (a write names its files after its own language).
    const live = bundleDir(dir);
    const own = (lang: Lang, path: string) => {
      const name = path.split("/").pop()!;
      return name.startsWith(`${lang}_`) || name.startsWith(`pagefind.${lang}_`) || name === `wasm.${lang}.pagefind`;
    };
    for (const path of keep.length && existsSync(live) ? walkFiles(live) : []) {
      const rel = path.slice(live.length);
      if (!keep.some((lang) => own(lang, rel))) continue;
      mkdirSync(dirname(join(this.next, rel)), { recursive: true });
      linkSync(path, join(this.next, rel));
    }
  }

  async write(lang: Lang, index: PagefindIndex): Promise<void> {
    const written = await answered("writing the bundle", index.writeFiles({ outputPath: this.next }));
    if (written.errors.length) throw new SearchIndexError("writing the bundle", written.errors);
    const entry = JSON.parse(readFileSync(join(this.next, "pagefind-entry.json"), "utf8")) as BundleEntry;
    this.template = entry;
    this.entries.set(lang, entry.languages[lang]);
    if (!entry.languages[lang]) this.entries.delete(lang);
  }

  private template?: BundleEntry;

  /** Writes pagefind-entry.json with every language (in Pagefind's order, by name) and swaps the bundle in. */
  finish(): void {
    if (this.template) {
      const languages = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      writeFileSync(join(this.next, "pagefind-entry.json"), JSON.stringify({ ...this.template, languages }));
    }
    rmSync(bundleDir(this.dir), { recursive: true, force: true });
    renameSync(this.next, bundleDir(this.dir));
  }
}

/** What a page's file holds, as Pagefind last read it (a save re-renders pages that come out the same). */
const digest = (content: string) => createHash("sha1").update(content).digest("base64");

/** What each indexed page's file holds, by site path: what a live index compares a save's pages with. */
function indexedDigests(dir: string): Map<string, string> {
  const indexed = new Map<string, string>();
  for (const lang of LANGS) {
    for (const section of ["advisories", "hoaxes", "about"]) {
      const folder = join(dir, lang, section);
      for (const path of existsSync(folder) ? walkFiles(folder) : []) {
        const page = `/${lang}/${section}${path.slice(folder.length)}`;
        if (isIndexedPage(page)) indexed.set(page, digest(readFileSync(path, "utf8")));
      }
    }
  }
  return indexed;
}

export class LiveSearchIndex {
  constructor(
    private readonly indexes: Map<Lang, PagefindIndex>,
    /** Each language's record in pagefind-entry.json, as its last write gave it. */
    private readonly entries: Map<Lang, unknown>,
    /** The indexed pages (site paths) and what their files held when Pagefind read them. */
    private readonly indexed: Map<string, string>,
    /** Pages indexed from the folder when the index was made. */
    readonly pages: number,
  ) {}

  /**
   * Takes the pages a save re-rendered and removed (site paths without prefix; others are ignored) and writes
   * again the languages whose pages changed. A language with a new page is indexed again from the folder, so
   * its order is a clean build's.
   */
  async update(dir: string, { rendered, removed }: { rendered: string[]; removed: string[] }): Promise<{ languages: Lang[] }> {
    // The folder decides: several saves may have rendered and removed the same page since the last update.
    const changed = new Map<string, string | undefined>();
    for (const path of new Set([...rendered, ...removed].filter(isIndexedPage))) {
      const content = existsSync(join(dir, path)) ? readFileSync(join(dir, path), "utf8") : undefined;
      if ((content === undefined ? undefined : digest(content)) !== this.indexed.get(path)) changed.set(path, content);
    }
    const languages = LANGS.filter((lang) => [...changed.keys()].some((path) => langOf(path) === lang));
    if (!languages.length) return { languages };
    const bundle = new BundleWriter(dir, this.entries, LANGS.filter((lang) => !languages.includes(lang)));
    for (const lang of languages) {
      const paths = [...changed].filter(([path]) => langOf(path) === lang);
      if (paths.some(([path, content]) => content !== undefined && !this.indexed.has(path))) {
        const { index } = await indexLanguage(dir, lang);
        await close(this.indexes.get(lang)!);
        this.indexes.set(lang, index);
      } else {
        for (const [path, content] of paths) {
          const result = await answered(`indexing ${path}`, this.indexes.get(lang)!.addHTMLFile({ url: pageUrl(path), content: content ?? NO_RECORD }));
          if (result.errors.length) throw new SearchIndexError(`indexing ${path}`, result.errors);
        }
      }
      for (const [path, content] of paths) {
        if (content === undefined) this.indexed.delete(path);
        else this.indexed.set(path, digest(content));
      }
      await bundle.write(lang, this.indexes.get(lang)!);
    }
    bundle.finish();
    return { languages };
  }

  async close(): Promise<void> {
    for (const index of this.indexes.values()) await close(index);
  }
}

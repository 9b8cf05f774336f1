/**
 * A per-file cache for the data layer, so that `npm run check`, builds and the dev server do not parse,
 * validate and render again the files that did not change. At 5,000 advisories a check spent its time on
 * YAML parsing with source positions (38 %), Markdown rendering (34 %) and zod (7 %), file by file.
 *
 * What is kept, per content folder, in node_modules/.cache/keikoku/:
 *   - each valid file's validated frontmatter and the positions of its fields, under the hash of its text
 *     (an invalid file is never cached: it is parsed again and reported every time);
 *   - each Markdown rendering without problems (a body or a hoax's text field, in a page language), under
 *     the hash of the file it comes from, with the entry links it resolved. A hit is used only if every one
 *     of those links still resolves to the same URL, so deleting or renaming a target is still reported at
 *     the file and line that links to it.
 * The renderings' HTML lives in a second file, read only by runs that need HTML (builds, the dev server), so
 * `npm run check` reads a third of the bytes (at 5,000 advisories: 19 of 57 MB).
 * Everything that compares files (translations against sources, anchors, aliases, ids) runs every time.
 * The cache is keyed by the code that produces it (src/data, src/markdown and the parsers' versions) and by the
 * site's product vocabulary: a
 * change to the schema or the renderer starts from empty. KEIKOKU_CACHE=off (src/settings) bypasses it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Heading } from "./entries.ts";
import type { Position } from "./frontmatter.ts";
import type { EntryLinkKind } from "../markdown/entry-links.ts";

export interface CachedFile {
  /** The frontmatter after zod (JSON: the schema's output is plain data). */
  data: unknown;
  /** Positions of the fields the data layer asks for on the way to a valid site: top-level keys, aliases.N. */
  positions: Record<string, Position>;
}

export interface ResolvedLink {
  kind: EntryLinkKind;
  id: string;
  anchor?: string;
  /** Line within the rendered text (1-based). */
  line: number;
  /** The URL the link resolved to when the text was rendered. */
  url: string;
}

/** What validation needs of a rendering; its HTML is kept apart (see ContentCache.html). */
export interface CachedRender {
  headings: Heading[];
  links: ResolvedLink[];
}

interface CacheFile {
  version: string;
  files: Record<string, { hash: string } & CachedFile>;
  renders: Record<string, CachedRender>;
}

interface HtmlFile {
  version: string;
  html: Record<string, string>;
}

const CACHE_DIR = resolve(import.meta.dirname, "../../node_modules/.cache/keikoku");

export const hashText = (text: string): string => createHash("sha1").update(text).digest("base64url");

/**
 * What produced the cached values: this folder's and the renderer's code, and the parsers' versions. Read
 * once per process (the dev server restarts when src/ changes), not on every load.
 */
let version: string | undefined;
function codeVersion(): string {
  return (version ??= readCodeVersion());
}

function readCodeVersion(): string {
  const hash = createHash("sha1");
  for (const dir of ["../data", "../markdown"]) {
    const path = resolve(import.meta.dirname, dir);
    for (const name of readdirSync(path).sort()) if (name.endsWith(".ts")) hash.update(name).update(readFileSync(join(path, name)));
  }
  for (const pkg of ["yaml", "zod", "markdown-it", "markdown-it-anchor"]) {
    try {
      hash.update(pkg).update(JSON.parse(readFileSync(resolve(import.meta.dirname, "../../node_modules", pkg, "package.json"), "utf8")).version);
    } catch {
      hash.update(`${pkg}:unknown`);
    }
  }
  return hash.digest("base64url");
}

/** Caches of content folders not written for a week (tests' temporary folders, old checkouts). */
function removeStale(): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  try {
    for (const name of readdirSync(CACHE_DIR)) {
      if (!name.startsWith("content-")) continue;
      const path = join(CACHE_DIR, name);
      if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < weekAgo) rmSync(path, { force: true });
    }
  } catch {
    // Another process is cleaning up too; next time.
  }
}

/** The parsed JSON of a cache file written by this code version, or undefined. */
function readCacheFile<T extends { version: string }>(path: string, version: string): T | undefined {
  try {
    const read = JSON.parse(readFileSync(path, "utf8")) as T;
    return read.version === version ? read : undefined;
  } catch {
    return undefined; // no cache yet, or an unreadable one: start empty
  }
}

/** Writes atomically: a reader never sees half a file; of two processes writing at once, the last one wins. */
function writeCacheFile(path: string, value: unknown): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, path);
  } catch {
    // A read-only checkout still checks and builds; it only stays slow.
  }
}

/**
 * What a long-lived process (the dev server) keeps between loads, so that a save neither reads and parses the
 * whole cache again (at 5,000 advisories: 1.6 s of a 3.7 s load) nor writes it each time: the cache's values
 * by cache file, and the texts of content files read before (read-file.ts). The process owns it and passes
 * it to every load (LoadOptions.memory); nothing is kept at module level.
 */
export class LoadMemory {
  readonly caches = new Map<string, { stored: CacheFile; html?: Record<string, string> }>();
  readonly texts = new Map<string, { key: string; text: string }>();
  private readonly pendingWrites = new Map<string, () => void>();
  private writeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The files are written once loads pause for a few seconds (a save a second would otherwise write tens of
   * megabytes a second), and lost, harmlessly, if the process is killed first: a cache only makes the next start faster.
   */
  writeSoon(path: string, write: () => void): void {
    this.pendingWrites.set(path, write);
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => {
      for (const pending of this.pendingWrites.values()) pending();
      this.pendingWrites.clear();
    }, 5000);
    this.writeTimer.unref();
  }
}

export class ContentCache {
  private readonly path: string;
  private readonly version: string;
  private readonly stored: CacheFile;
  private readonly next: CacheFile;
  private changed = false;
  /** The HTML file, read on first use. */
  private storedHtml?: Record<string, string>;
  private readonly nextHtml: Record<string, string> = {};
  private htmlChanged = false;
  hits = 0;
  misses = 0;

  private constructor(path: string, version: string, private readonly memory: LoadMemory | undefined) {
    this.path = path;
    this.version = version;
    const kept = memory?.caches.get(path);
    this.stored = kept?.stored.version === version ? kept.stored : readCacheFile<CacheFile>(path, version) ?? { version, files: {}, renders: {} };
    if (kept?.stored.version === version && kept.html) this.storedHtml = kept.html;
    this.next = { version, files: {}, renders: {} };
  }

  /**
   * The cache for a content folder. `vocabulary` is what else validation depends on (the site's products):
   * a different one starts from empty, since a file valid before may name a product that is gone.
   */
  static open(contentDir: string, vocabulary = "", memory?: LoadMemory): ContentCache {
    return new ContentCache(join(CACHE_DIR, `content-${hashText(resolve(contentDir)).slice(0, 16)}.json`), `${codeVersion()}:${hashText(vocabulary)}`, memory);
  }

  private get htmlPath(): string {
    return this.path.replace(/\.json$/, "-html.json");
  }

  file(path: string, hash: string): CachedFile | undefined {
    const hit = this.stored.files[path];
    if (hit?.hash !== hash) return undefined;
    this.next.files[path] = hit;
    this.hits++;
    return hit;
  }

  setFile(path: string, hash: string, value: CachedFile): void {
    this.next.files[path] = { hash, ...value };
    this.changed = true;
    this.misses++;
  }

  render(key: string): CachedRender | undefined {
    const hit = this.stored.renders[key];
    if (hit) this.next.renders[key] = hit;
    return hit;
  }

  private readHtml(): Record<string, string> {
    this.storedHtml ??= readCacheFile<HtmlFile>(this.htmlPath, this.version)?.html ?? {};
    return this.storedHtml;
  }

  /** A rendering's HTML (reads the HTML file on first use). */
  html(key: string): string | undefined {
    const hit = this.readHtml()[key];
    if (hit !== undefined) this.nextHtml[key] = hit;
    return hit;
  }

  /** Records a rendering; `html` is undefined when the run rendered for validation only. */
  setRender(key: string, value: CachedRender, html?: string): void {
    this.next.renders[key] = value;
    this.changed = true;
    if (html === undefined) return;
    this.readHtml(); // save() writes the HTML file only once it has been read
    this.nextHtml[key] = html;
    this.htmlChanged = true;
  }

  /**
   * Writes what this run used, so deleted files and old texts drop out, when anything changed. The HTML file
   * is written only by a run that read it (one that needed HTML); a validation-only run leaves it alone.
   */
  save(): void {
    const dropped = Object.keys(this.stored.files).length !== Object.keys(this.next.files).length
      || Object.keys(this.stored.renders).length !== Object.keys(this.next.renders).length;
    const htmlDropped = this.storedHtml !== undefined && Object.keys(this.storedHtml).length !== Object.keys(this.nextHtml).length;
    const writes: (() => void)[] = [];
    if (this.changed || dropped) {
      const { path, next } = this;
      writes.push(() => writeCacheFile(path, next));
    }
    if (this.storedHtml && (this.htmlChanged || htmlDropped)) {
      const { htmlPath, version, nextHtml } = this;
      writes.push(() => writeCacheFile(htmlPath, { version, html: nextHtml } satisfies HtmlFile));
    }
    if (this.changed || dropped || this.htmlChanged) writes.push(removeStale);
    if (!this.memory) {
      for (const write of writes) write();
      return;
    }
    // The next load reads this run's values from memory, and the files are written later (LoadMemory.writeSoon).
    this.memory.caches.set(this.path, { stored: this.next, ...(this.storedHtml ? { html: this.nextHtml } : {}) });
    if (writes.length) this.memory.writeSoon(this.path, () => writes.forEach((write) => write()));
  }
}

/**
 * The data layer: every content file of a site folder read, validated against the schema, cross-checked
 * against the others and rendered, into typed entries for both languages — or every problem found, all at
 * once. Like markdown-it's core, it is one ordered list of named stages over one state (src/data/stages/):
 *
 *   list-files → read-products → parse-files → cross-check → render-markdown → check-links → assemble
 *
 * Each stage adds its part to the state and its problems to `state.problems`; none throws for bad content.
 * With the cache on, files and renderings that did not change since the last run are reused
 * (content-cache.ts); every check that compares files runs every time.
 */
import { join } from "node:path";
import type { SiteData } from "./entries.ts";
import type { LoadMemory } from "./content-cache.ts";
import { ContentError, formatPath, type ContentProblem } from "./problems.ts";
import type { Position } from "./frontmatter.ts";
import { listFiles } from "./stages/list-files.ts";
import { readProducts } from "./stages/read-products.ts";
import { parseFiles } from "./stages/parse-files.ts";
import { crossCheck } from "./stages/cross-check.ts";
import { renderMarkdown } from "./stages/render-markdown.ts";
import { checkLinks } from "./stages/check-links.ts";
import { assemble } from "./stages/assemble.ts";
import type { LoadState, Stage } from "./stages/state.ts";

/** The stages, in order; `assemble` runs only when the others found no problem. */
export const STAGES: { name: string; run: Stage }[] = [
  { name: "list-files", run: listFiles },
  { name: "read-products", run: readProducts },
  { name: "parse-files", run: parseFiles },
  { name: "cross-check", run: crossCheck },
  { name: "render-markdown", run: renderMarkdown },
  { name: "check-links", run: checkLinks },
  { name: "assemble", run: assemble },
];

export interface LoadOptions {
  /** Project root; file names in problems are relative to it. */
  root?: string;
  /** The site folder; defaults to `<root>/content`. */
  contentDir?: string;
  /** Reuse what did not change since the last run (content-cache.ts; the settings' KEIKOKU_CACHE switch). */
  cache?: boolean;
  /** A long-lived process (the dev server) loads again and again: what it keeps between loads (content-cache.ts). */
  memory?: LoadMemory;
  /** false: validate only, entries come without HTML (`npm run check`); default true. */
  html?: boolean;
  /** The site's origin (settings.siteUrl): a content link to it must be an id link instead. */
  siteUrl?: string | undefined;
}

/** With the cache on: how many content files were taken from it unchanged, of how many. */
export interface CacheUse {
  reused: number;
  files: number;
}

/** Where a field of a loaded file is: for problems found after loading (the CSAF step's). */
export type Locate = (file: string, field: readonly (string | number)[]) => Position;

export type LoadResult = ({ site: SiteData; locate: Locate; problems: [] } | { site?: undefined; problems: ContentProblem[] }) & { cacheUse?: CacheUse };

/** Loads, validates and renders all content. Returns `{ problems }` instead of throwing for bad content. */
export function loadContent(options: LoadOptions = {}): LoadResult {
  const root = options.root ?? process.cwd();
  const contentDir = options.contentDir ?? join(root, "content");
  const state: LoadState = {
    root, contentDir, siteUrl: options.siteUrl, html: options.html ?? true, useCache: options.cache ?? false, ...(options.memory ? { memory: options.memory } : {}), problems: [],
    listed: [], present: new Set(), products: {}, files: [], byKey: new Map(), entryIds: new Set(), rendered: new Map(), links: [],
    entries: [], pages: [], notices: [], lastUpdated: "",
  };
  for (const stage of STAGES) {
    if (stage.name === "assemble" && state.problems.length) break;
    stage.run(state);
  }
  state.cache?.save();
  const cacheUse = state.cache ? { cacheUse: { reused: state.cache.hits, files: state.present.size } } : {};
  if (state.problems.length) return { problems: dedupe(state.problems), ...cacheUse };
  const byFile = new Map(state.files.map((f) => [f.file, f]));
  const locate: Locate = (file, field) => byFile.get(file)?.parsed.locate(field) ?? { line: 1, column: 1 };
  return { site: { entries: state.entries, pages: state.pages, products: state.products!, lastUpdated: state.lastUpdated, notices: state.notices }, locate, problems: [], ...cacheUse };
}

/** A content problem found after loading (the CSAF step's), at its field's line and column. */
export function locatedProblem(locate: Locate, p: { file: string; field: readonly (string | number)[] } & Pick<ContentProblem, "code" | "params" | "hint">): ContentProblem {
  return { file: p.file, ...locate(p.file, p.field), field: formatPath(p.field), code: p.code, params: p.params, ...(p.hint ? { hint: p.hint } : {}) };
}

/** Like loadContent, but throws a ContentError listing every problem. */
export function loadSiteOrThrow(options: LoadOptions = {}): SiteData {
  const result = loadContent(options);
  if (!result.site) throw new ContentError(result.problems);
  return result.site;
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The one state the data layer's stages (src/data/load-content.ts) work on: each stage reads what the
 * stages before it left and adds its own part. Problems accumulate in `problems`; a stage never throws for
 * bad content, so one run reports every problem at once.
 */
import { SOURCE_LANG, type Lang } from "../../i18n/languages.ts";
import type { EntryLinkKind } from "../../markdown/entry-links.ts";
import type { ContentCache, LoadMemory } from "../content-cache.ts";
import type { Entry, Heading, PageEntry } from "../entries.ts";
import type { Products } from "../vocabulary.ts";
import type { ParsedFile } from "../frontmatter.ts";
import type { ContentProblem, Notice } from "../problems.ts";
import type { Advisory, AdvisoryTranslation, Hoax, HoaxTranslation, Page } from "../schema.ts";

/** The folders of a language: advisories, hoaxes and the free pages. */
export const FOLDERS = ["advisories", "hoaxes", "pages"] as const;
export type Folder = (typeof FOLDERS)[number];

/** A content file found by list-files: where it is, and what its path says it is. */
export interface ListedFile {
  path: string;
  lang: Lang;
  folder: Folder;
  id: string;
}

/** A content file parsed and validated by parse-files. */
export interface LoadedFile {
  /** How reports name it: content/ja/advisories/sasser.md. */
  file: string;
  lang: Lang;
  folder: Folder;
  id: string;
  parsed: ParsedFile;
  data: Advisory | Hoax | AdvisoryTranslation | HoaxTranslation | Page;
  /** Hash of the file's text, with the cache on: the key of its cached renderings. */
  hash?: string;
}

/** Where an entry link can point: the URL of an id of a kind in a language, and the ids there are. */
export interface KnownTargets {
  url(kind: EntryLinkKind, id: string, lang: Lang): string | undefined;
  ids(kind: EntryLinkKind): string[];
}

/** An entry link found while rendering, for the anchor check. */
export interface LinkRef {
  file: string;
  line: number;
  kind: EntryLinkKind;
  id: string;
  anchor?: string;
}

/** One Markdown text rendered for a page. */
export interface RenderResult {
  html: string;
  headings: Heading[];
  /** A repeated {#id} was reported; comparing sections with a translation would only add noise. */
  repeatedIds?: boolean;
}

/** What one page (an entry or a free page, in one language) shows of its Markdown. */
export interface RenderedPage {
  body: RenderResult;
  /** A hoax's text fields, as HTML. */
  hoax?: { claimHtml: string; truthHtml: string; actionHtml: string; ifActedHtml: string };
}

export interface LoadState {
  /** File names in reports are relative to this folder (or the content folder's parent). */
  root: string;
  contentDir: string;
  /** false: validate only, nothing renders HTML (`npm run check`). */
  html: boolean;
  /** Reuse what did not change since the last run; parse-files opens the cache once the vocabulary is known. */
  useCache: boolean;
  /** What a long-lived process keeps between loads (content-cache.ts). */
  memory?: LoadMemory;
  /** The site's own origin (settings.siteUrl), when known: content links to it are refused like paths. */
  siteUrl?: string | undefined;
  cache?: ContentCache;
  problems: ContentProblem[];

  /** list-files: every content file, valid or not. */
  listed: ListedFile[];
  /** list-files: `${lang}/${folder}/${id}` of every file that exists: a file that fails to parse is reported once, not again by each link to it. */
  present: Set<string>;

  /** read-products: the site's products ({} without products.yaml; undefined when the file has problems). */
  products: Products | undefined;

  /** parse-files: the valid files, and the same by `${lang}/${folder}/${id}`. */
  files: LoadedFile[];
  byKey: Map<string, LoadedFile>;

  /** cross-check: the ids of advisories and hoaxes (one namespace), and where links can point. */
  entryIds: Set<string>;
  known?: KnownTargets;

  /** render-markdown: every page's rendering by `${lang}/${folder}/${id}`, and the entry links found. */
  rendered: Map<string, RenderedPage>;
  links: LinkRef[];

  /** assemble: the result. */
  entries: Entry[];
  pages: PageEntry[];
  notices: Notice[];
  lastUpdated: string;
}

export type Stage = (state: LoadState) => void;

/** The source files (Japanese), then the translations. */
export const sourcesOf = (state: LoadState): LoadedFile[] => state.files.filter((f) => f.lang === SOURCE_LANG);
export const keyOf = (lang: string, folder: string, id: string): string => `${lang}/${folder}/${id}`;

/**
 * The data layer: reads every content file, validates it against the schema, cross-checks the files
 * against each other, renders the Markdown, and returns typed entries for both languages — or every
 * problem found, all at once.
 */
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { z } from "zod";
import { LANGS, SOURCE_LANG, otherLang, type Lang } from "../i18n/languages.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import type { EntryLinkEnv, EntryLinkKind } from "../markdown/entry-links.ts";
import { parseFrontmatter, splitFrontmatter, type ParsedFile, type Position } from "./frontmatter.ts";
import { ContentCache, hashText, type CachedFile, type ResolvedLink } from "./content-cache.ts";
import { readContentFile } from "./read-file.ts";
import { ContentError, didYouMean, type ContentProblem } from "./problems.ts";
import { zodProblems } from "./zod-problems.ts";
import {
  AdvisorySchema, AdvisoryTranslationSchema, HoaxSchema, HoaxTranslationSchema, PageSchema,
  type Advisory, type AdvisoryTranslation, type Hoax, type HoaxTranslation, type Page,
} from "./schema.ts";
import { crossCheckSource, crossCheckTranslation } from "./cross-check.ts";
import type { Entry, Heading, PageEntry, Section, SiteData } from "./entries.ts";
import { PRODUCT_IDS } from "./vocabulary.ts";
import { checkAliases } from "../links/aliases.ts";
import { MANIFEST_NAME } from "../links/url-manifest.ts";
import { newestFirst } from "./order.ts";

const SECTIONS = ["advisories", "hoaxes", "pages"] as const;
type Folder = (typeof SECTIONS)[number];

/** Pages the URL contract knows, and where they are served. */
export const PAGE_PATHS: Record<string, string> = { about: "about/", hoaxes: "hoaxes/" };

/** Anchors the layouts render themselves; body headings may not use them. */
export const LAYOUT_ANCHORS: Record<Section, string[]> = {
  advisories: ["main", "summary", "affected", "vulnerabilities", "revisions", "sources", "related"],
  hoaxes: ["main", "summary", "claim", "truth", "action", "if-acted", "revisions", "sources", "related"],
};

export interface LoadedFile {
  file: string;
  lang: Lang;
  folder: Folder;
  id: string;
  parsed: ParsedFile;
  data: Advisory | Hoax | AdvisoryTranslation | HoaxTranslation | Page;
  /** Hash of the file's text, with the cache on: the key of its cached renderings. */
  hash?: string;
}

export function entryUrl(lang: Lang, section: Section, id: string): string {
  return `/${lang}/${section}/${id}/`;
}

function schemaFor(folder: Folder, lang: Lang): z.ZodType {
  if (folder === "pages") return PageSchema;
  const source = lang === SOURCE_LANG;
  if (folder === "advisories") return source ? AdvisorySchema : AdvisoryTranslationSchema;
  return source ? HoaxSchema : HoaxTranslationSchema;
}

/**
 * How a file is named in reports: relative to the project when the content lives inside it
 * (content/ja/advisories/sasser.md), else relative to the content folder's parent.
 */
function displayPath(root: string, contentDir: string, path: string): string {
  const inside = !relative(root, contentDir).startsWith("..");
  return relative(inside ? root : dirname(contentDir), path).split("\\").join("/");
}

/** Lists content files, reporting anything that does not belong in the content tree. */
function listFiles(root: string, contentDir: string, problems: ContentProblem[]): { path: string; lang: Lang; folder: Folder; id: string }[] {
  const out: { path: string; lang: Lang; folder: Folder; id: string }[] = [];
  const rel = (p: string) => displayPath(root, contentDir, p);
  const misplaced = (path: string, message: string, hint: string) =>
    problems.push({ file: rel(path), line: 1, column: 1, field: "(file)", message, hint });
  for (const langDir of readdirSync(contentDir).sort()) {
    const langPath = join(contentDir, langDir);
    if (langDir.startsWith(".") || langDir === MANIFEST_NAME) continue;
    if (!(LANGS as readonly string[]).includes(langDir) || !statSync(langPath).isDirectory()) {
      misplaced(langPath, `unexpected "${langDir}" in content/`, `content/ holds one folder per language: ${LANGS.join(", ")}`);
      continue;
    }
    for (const folder of readdirSync(langPath).sort()) {
      const folderPath = join(langPath, folder);
      if (folder.startsWith(".")) continue;
      if (!(SECTIONS as readonly string[]).includes(folder) || !statSync(folderPath).isDirectory()) {
        const guess = didYouMean(folder, SECTIONS);
        misplaced(folderPath, `unexpected "${folder}" in content/${langDir}/`, guess ? `did you mean "${guess}"?` : `use ${SECTIONS.join(", ")}`);
        continue;
      }
      for (const name of readdirSync(folderPath).sort()) {
        const path = join(folderPath, name);
        if (name.startsWith(".")) continue;
        const match = /^(.*)\.md$/.exec(name);
        if (!match || !statSync(path).isFile()) {
          misplaced(path, `"${name}" is not a Markdown file`, "content files end in .md");
          continue;
        }
        const id = match[1]!;
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
          misplaced(path, `invalid id "${id}" in the file name`, "file names are the id: lower-case ASCII letters, digits and single hyphens, e.g. ms04-011.md");
          continue;
        }
        if (folder === "pages" && !(id in PAGE_PATHS)) {
          misplaced(path, `unknown page "${id}"`, `pages are: ${Object.keys(PAGE_PATHS).join(", ")}`);
          continue;
        }
        out.push({ path, lang: langDir as Lang, folder: folder as Folder, id });
      }
    }
  }
  return out;
}

/** Parses and validates every file; returns the valid ones and records problems for the rest. */
function parseAll(root: string, contentDir: string, problems: ContentProblem[], present: Set<string>, cache?: ContentCache): LoadedFile[] {
  const loaded: LoadedFile[] = [];
  for (const { path, lang, folder, id } of listFiles(root, contentDir, problems)) {
    present.add(`${lang}/${folder}/${id}`);
    const file = displayPath(root, contentDir, path);
    const read = readContentFile(path, file);
    if ("problems" in read) {
      problems.push(...read.problems);
      continue;
    }
    const hash = cache ? hashText(read.text) : "";
    const hit = cache?.file(path, hash);
    if (hit) {
      loaded.push({ file, lang, folder, id, parsed: cachedParse(read.text, hit), data: hit.data as LoadedFile["data"], hash });
      continue;
    }
    const parsed = parseFrontmatter(read.text);
    if ("error" in parsed) {
      problems.push({ file, line: 1, column: 1, field: "(frontmatter)", message: parsed.error, hint: "start the file with ---, the YAML fields, then --- on its own line" });
      continue;
    }
    if (parsed.syntaxErrors.length) {
      for (const e of parsed.syntaxErrors) {
        problems.push({ file, ...e.position, field: "(yaml)", message: `YAML syntax error: ${e.message}`, hint: "quote values that contain \": \" or start with a special character" });
      }
      continue;
    }
    const schema = schemaFor(folder, lang);
    const result = schema.safeParse(parsed.data ?? {}, { reportInput: true });
    if (!result.success) {
      problems.push(...zodProblems(file, parsed, schema, result.error));
      continue;
    }
    loaded.push({ file, lang, folder, id, parsed, data: result.data as LoadedFile["data"], ...(cache ? { hash } : {}) });
    cache?.setFile(path, hash, { data: result.data, positions: positionsOf(parsed, result.data) });
  }
  return loaded;
}

/**
 * The positions a valid file's fields are asked for on the way to a valid site (top-level keys: hoax text
 * fields; aliases.N: the alias check). Anything else is asked for only to report a problem.
 */
function positionsOf(parsed: ParsedFile, data: unknown): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    positions[key] = parsed.locate([key]);
    if (key === "aliases" && Array.isArray(value)) value.forEach((_, i) => (positions[`aliases.${i}`] = parsed.locate(["aliases", i])));
  }
  return positions;
}

/** A cached file as a ParsedFile: other positions come from parsing the text again, when first asked for. */
function cachedParse(text: string, hit: CachedFile): ParsedFile {
  let full: ParsedFile | undefined;
  const { body, bodyLine } = splitFrontmatter(text) as { body: string; bodyLine: number };
  return {
    data: hit.data,
    body,
    bodyLine,
    syntaxErrors: [],
    locate(path, unknownKey) {
      const known = unknownKey === undefined ? hit.positions[path.join(".")] : undefined;
      if (known) return known;
      full ??= parseFrontmatter(text) as ParsedFile;
      return full.locate(path, unknownKey);
    },
  };
}

const md = createMarkdown();

interface RenderResult {
  html: string;
  headings: Heading[];
  /** A repeated {#id} was reported; comparing sections with a translation would only add noise. */
  repeatedIds?: boolean;
}

interface LinkRef {
  file: string;
  line: number;
  kind: EntryLinkKind;
  id: string;
  anchor?: string;
}

/**
 * How to render: with HTML, or for validation only (entry links and headings, no HTML: `npm run check`);
 * and where the rendering is cached: the hash of the file the text comes from, the page language, the field.
 */
interface Rendering {
  html: boolean;
  cache?: ContentCache;
  key?: string;
}

const renderingOf = (options: { html: boolean; cache?: ContentCache }, f: LoadedFile, lang: Lang, field: string): Rendering =>
  options.cache && f.hash ? { ...options, key: `${f.hash}:${lang}:${field}` } : { html: options.html };

/**
 * Renders Markdown for a page in `lang`; entry links are resolved and recorded for the anchor check. A cached
 * rendering is used when every entry link in it still resolves to the same URL.
 */
function renderMarkdown(
  text: string, lang: Lang, file: string, firstLine: number, known: KnownTargets, links: LinkRef[], problems: ContentProblem[], how: Rendering,
): RenderResult {
  const { cache, key } = how;
  const hit = cache && key ? cache.render(key) : undefined;
  const hitHtml = hit && how.html ? cache!.html(key!) : "";
  if (hit && hitHtml !== undefined && hit.links.every((l) => known.url(l.kind, l.id, lang) === l.url)) {
    for (const l of hit.links) links.push({ file, line: firstLine + l.line - 1, kind: l.kind, id: l.id, ...(l.anchor ? { anchor: l.anchor } : {}) });
    return { html: hitHtml, headings: hit.headings };
  }
  const problemsBefore = problems.length;
  const resolved: ResolvedLink[] = [];
  const env: EntryLinkEnv = {
    resolveEntryLink: (kind, id, anchor, line) => {
      const at = { file, line: firstLine + line - 1, column: 1, field: "(body)" };
      const url = known.url(kind, id, lang);
      if (!url) {
        const guess = didYouMean(id, known.ids(kind));
        problems.push({ ...at, message: `link to unknown ${kind} "${id}"`, hint: guess ? `did you mean "${kind}:${guess}"?` : `link to an existing ${kind} id` });
        return undefined;
      }
      if (anchor !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(anchor)) {
        problems.push({ ...at, message: `invalid anchor "#${anchor}"`, hint: "anchors are ASCII section ids such as #removal" });
        return undefined;
      }
      links.push({ file, line: at.line, kind, id, ...(anchor ? { anchor } : {}) });
      resolved.push({ kind, id, line, url, ...(anchor ? { anchor } : {}) });
      return anchor ? `${url}#${anchor}` : url;
    },
  };
  const tokens = md.parse(text, env);
  const explicit = (env as { explicitHeadingIds?: string[] }).explicitHeadingIds ?? [];
  const repeated = new Set(explicit.filter((id, i) => explicit.indexOf(id) !== i));
  for (const id of repeated) {
    problems.push({ file, line: firstLine, column: 1, field: "(body)", message: `two sections have the id "#${id}"`, hint: "give each heading its own {#id}" });
  }
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type === "heading_open") {
      headings.push({ id: String(token.attrGet("id") ?? ""), text: tokens[i + 1]?.content ?? "", level: Number(token.tag.slice(1)) });
    }
  });
  // Entry links are resolved while parsing; turning the tokens into HTML is only for pages.
  const html = how.html ? md.renderer.render(tokens, md.options, env) : "";
  if (cache && key && problems.length === problemsBefore && !repeated.size) cache.setRender(key, { headings, links: resolved }, how.html ? html : undefined);
  return { html, headings, ...(repeated.size ? { repeatedIds: true } : {}) };
}

interface KnownTargets {
  url(kind: EntryLinkKind, id: string, lang: Lang): string | undefined;
  ids(kind: EntryLinkKind): string[];
}

export interface LoadOptions {
  /** Project root; file names in problems are relative to it. */
  root?: string;
  /** The content folder; defaults to `<root>/content`. */
  contentDir?: string;
  /** Reuse what did not change since the last run (src/data/content-cache.ts); KEIKOKU_CACHE=off overrides. */
  cache?: boolean;
  /** false: validate only, entries come without HTML (`npm run check`); default true. */
  html?: boolean;
}

/** Loads, validates and renders all content. Returns `{ problems }` instead of throwing for bad content. */
/** With the cache on: how many content files were taken from it unchanged, of how many. */
export interface CacheUse {
  reused: number;
  files: number;
}

export function loadContent(options: LoadOptions = {}): ({ site: SiteData; problems: [] } | { site?: undefined; problems: ContentProblem[] }) & { cacheUse?: CacheUse } {
  const root = options.root ?? process.cwd();
  const contentDir = options.contentDir ?? join(root, "content");
  const problems: ContentProblem[] = [];
  // Every file that exists, valid or not: an invalid file is reported once, not again by each link to it.
  const present = new Set<string>();
  const cache = options.cache ? ContentCache.open(contentDir) : undefined;
  const rendering = { html: options.html ?? true, ...(cache ? { cache } : {}) };
  const files = parseAll(root, contentDir, problems, present, cache);

  const byKey = new Map<string, LoadedFile>();
  for (const f of files) byKey.set(`${f.lang}/${f.folder}/${f.id}`, f);
  const sources = files.filter((f) => f.lang === SOURCE_LANG);
  const translations = files.filter((f) => f.lang !== SOURCE_LANG);

  // Ids are shared by advisories and hoaxes (related: and links name them without a folder).
  const entryIds = new Set<string>();
  for (const key of present) {
    const [lang, folder, id] = key.split("/") as [string, string, string];
    if (lang !== SOURCE_LANG || folder === "pages") continue;
    if (folder === "hoaxes" && present.has(`${SOURCE_LANG}/advisories/${id}`)) {
      problems.push({ file: `content/${SOURCE_LANG}/hoaxes/${id}.md`, line: 1, column: 1, field: "(file)", message: `id "${id}" is already used by content/${SOURCE_LANG}/advisories/${id}.md`, hint: "ids are unique across advisories and hoaxes; rename one of the two files" });
    }
    entryIds.add(id);
  }
  for (const page of Object.keys(PAGE_PATHS)) {
    if (!present.has(`${SOURCE_LANG}/pages/${page}`)) {
      problems.push({ file: `content/${SOURCE_LANG}/pages/${page}.md`, line: 1, column: 1, field: "(file)", message: `the "${page}" page is missing`, hint: "every site has an about page and a hoax-list introduction (pages/hoaxes.md)" });
    }
  }

  const sectionOf = (f: LoadedFile): Section => (f.folder === "hoaxes" ? "hoaxes" : "advisories");
  const known: KnownTargets = {
    url(kind, id, lang) {
      if (kind === "page") return id in PAGE_PATHS && present.has(`${SOURCE_LANG}/pages/${id}`) ? `/${lang}/${PAGE_PATHS[id]}` : undefined;
      const folder = kind === "advisory" ? "advisories" : "hoaxes";
      return present.has(`${SOURCE_LANG}/${folder}/${id}`) ? entryUrl(lang, folder, id) : undefined;
    },
    ids(kind) {
      const folder = kind === "advisory" ? "advisories" : kind === "hoax" ? "hoaxes" : "pages";
      return sources.filter((s) => s.folder === folder).map((s) => s.id);
    },
  };

  for (const f of sources) {
    if (f.folder !== "pages") crossCheckSource(f, entryIds, problems);
  }
  problems.push(...checkAliases(aliasesOf(sources), realPaths(present)));
  for (const f of translations) {
    const source = byKey.get(`${SOURCE_LANG}/${f.folder}/${f.id}`);
    if (!source && present.has(`${SOURCE_LANG}/${f.folder}/${f.id}`)) continue; // the source is invalid and already reported
    if (!source) {
      problems.push({ file: f.file, line: 1, column: 1, field: "(file)", message: `this translation has no Japanese source content/${SOURCE_LANG}/${f.folder}/${f.id}.md`, hint: "write the Japanese file first (Japanese is the source language), or rename this file to match it" });
      continue;
    }
    if (f.folder !== "pages") crossCheckTranslation(f, source, problems);
  }

  // Render every language's page: the translation where there is one, otherwise the source as a fallback.
  const links: LinkRef[] = [];
  const entries: Entry[] = [];
  const pages: PageEntry[] = [];
  const notices: string[] = [];
  const anchorsById = new Map<string, Set<string>>();
  for (const source of sources) {
    const bodies = new Map<Lang, RenderResult>();
    for (const lang of LANGS) {
      const own = byKey.get(`${lang}/${source.folder}/${source.id}`);
      const f = own ?? source;
      const rendered = renderMarkdown(f.parsed.body, lang, f.file, f.parsed.bodyLine, known, own || lang === SOURCE_LANG ? links : [], own || lang === SOURCE_LANG ? problems : [], renderingOf(rendering, f, lang, "body"));
      bodies.set(lang, rendered);
      if (own && lang !== SOURCE_LANG && !bodies.get(SOURCE_LANG)!.repeatedIds && !rendered.repeatedIds) checkSectionsMatch(own, rendered.headings, bodies.get(SOURCE_LANG)!.headings, source.file, problems);
      if (lang === SOURCE_LANG) checkHeadings(f, rendered.headings, problems);
      if (source.folder === "pages") {
        const data = f.data as Page;
        pages.push({
          id: source.id, lang, contentLang: f.lang, isFallback: !own, title: data.title, ...(data.summary ? { summary: data.summary } : {}),
          keywords: data.keywords, url: `/${lang}/${PAGE_PATHS[source.id]}`, html: rendered.html, headings: rendered.headings, file: f.file,
        });
        if (!own) notices.push(`${lang}: page "${source.id}" has no translation; serving the ${SOURCE_LANG} text at /${lang}/${PAGE_PATHS[source.id]}`);
        continue;
      }
      const section = sectionOf(source);
      const translated = LANGS.every((l) => byKey.has(`${l}/${source.folder}/${source.id}`));
      const entry = buildEntry(source, own, lang, section, rendered, known, problems, links, translated, rendering);
      entries.push(entry);
      if (entry.isFallback) notices.push(`${lang}: ${source.id} has no translation; serving the ${SOURCE_LANG} text at ${entry.url}`);
      if (entry.isStale) notices.push(`${lang}: ${source.id} translation follows revision ${entry.translationOf}, the source is at revision ${entry.revision}`);
    }
    if (source.folder !== "pages") {
      const section = sectionOf(source);
      anchorsById.set(source.id, new Set([...LAYOUT_ANCHORS[section], ...bodies.get(SOURCE_LANG)!.headings.map((h) => h.id)]));
    }
  }
  for (const link of links) {
    if (!link.anchor || link.kind === "page") continue;
    const anchors = anchorsById.get(link.id);
    if (anchors && !anchors.has(link.anchor)) {
      const guess = didYouMean(link.anchor, [...anchors]);
      problems.push({ file: link.file, line: link.line, column: 1, field: "(body)", message: `link to ${link.kind}:${link.id}#${link.anchor}, but that entry has no section "${link.anchor}"`, hint: guess ? `did you mean "#${guess}"?` : `its sections are: ${[...anchors].join(", ")}` });
    }
  }

  // Scaffolds (npm run new) are valid on purpose; say so while their placeholders remain.
  for (const f of files) {
    if (`${f.parsed.body}${JSON.stringify(f.data)}`.includes("TODO:")) notices.push(`${f.file} still has TODO: placeholders (from npm run new)`);
  }
  cache?.save();
  const cacheUse = cache ? { cacheUse: { reused: cache.hits, files: present.size } } : {};
  if (problems.length) return { problems: dedupe(problems), ...cacheUse };
  const byLangAndId = new Map(entries.map((e) => [`${e.lang}/${e.id}`, e]));
  for (const e of entries) {
    e.relatedLinks = e.related.flatMap((id) => {
      const other = byLangAndId.get(`${e.lang}/${id}`);
      return other ? [{ url: other.url, title: other.title, kind: other.kind }] : [];
    });
  }
  entries.sort(newestFirst);
  const lastUpdated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), "0000-00-00");
  return { site: { entries, pages, lastUpdated, notices }, problems: [], ...cacheUse };
}

/**
 * Content that `buildSite` has just validated, handed to the data plugin of the same build so that a large
 * archive is not read, validated and rendered twice (at 5,000 advisories that is 14 s). Taken once.
 */
const handedOver = new Map<string, SiteData>();

export function handOver(contentDir: string, site: SiteData): void {
  handedOver.set(resolve(contentDir), site);
}

export function takeHandedOver(contentDir: string): SiteData | undefined {
  const key = resolve(contentDir);
  const site = handedOver.get(key);
  handedOver.delete(key);
  return site;
}

/** Like loadContent, but throws a ContentError listing every problem. */
export function loadSiteOrThrow(options: LoadOptions = {}): SiteData {
  const result = loadContent(options);
  if (!result.site) throw new ContentError(result.problems);
  return result.site;
}

/** Every alias with where it is written, for the alias checks. */
function aliasesOf(sources: LoadedFile[]) {
  return sources.flatMap((f) =>
    ((f.data as { aliases?: string[] }).aliases ?? []).map((alias, i) => ({ alias, file: f.file, ...f.parsed.locate(["aliases", i]), field: `aliases[${i}]` })),
  );
}

/** The site paths real pages will have, so an alias cannot shadow one. */
function realPaths(present: Set<string>): Set<string> {
  const paths = new Set<string>(["/", "/404.html", "/sitemap.xml"]);
  for (const lang of LANGS) {
    for (const p of ["", "advisories/", "hoaxes/", "about/", "search/", "feed.xml", "embed/latest/"]) paths.add(`/${lang}/${p}`);
  }
  for (const key of present) {
    const [, folder, id] = key.split("/") as [string, string, string];
    if (folder === "pages") continue;
    for (const lang of LANGS) paths.add(entryUrl(lang, folder as Section, id));
  }
  return paths;
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

function checkHeadings(f: LoadedFile, headings: Heading[], problems: ContentProblem[]): void {
  if (f.folder === "pages") return;
  const reserved = LAYOUT_ANCHORS[f.folder === "hoaxes" ? "hoaxes" : "advisories"];
  for (const h of headings) {
    const at = { file: f.file, line: f.parsed.bodyLine, column: 1, field: "(body)" };
    if (reserved.includes(h.id)) problems.push({ ...at, message: `the section id "#${h.id}" is rendered by the layout`, hint: "the layout already shows this section from the frontmatter; remove the heading or give it another {#id}" });

  }
}

/** A translation must have the same section ids as its source, so deep links survive a language switch. */
function checkSectionsMatch(f: LoadedFile, own: Heading[], source: Heading[], sourceFile: string, problems: ContentProblem[]): void {
  const mine = new Set(own.map((h) => h.id));
  const theirs = new Set(source.map((h) => h.id));
  const missing = [...theirs].filter((id) => !mine.has(id));
  const extra = [...mine].filter((id) => !theirs.has(id));
  if (!missing.length && !extra.length) return;
  const parts = [missing.length ? `missing ${missing.map((id) => `#${id}`).join(", ")}` : "", extra.length ? `not in the source ${extra.map((id) => `#${id}`).join(", ")}` : ""].filter(Boolean);
  problems.push({ file: f.file, line: f.parsed.bodyLine, column: 1, field: "(body)", message: `section ids differ from ${sourceFile}: ${parts.join("; ")}`, hint: "give the same section the same {#id} in both languages" });
}

function buildEntry(
  source: LoadedFile, own: LoadedFile | undefined, lang: Lang, section: Section, rendered: RenderResult,
  known: KnownTargets, problems: ContentProblem[], links: LinkRef[], hasTranslation: boolean, rendering: { html: boolean; cache?: ContentCache },
): Entry {
  const src = source.data as Advisory | Hoax;
  const tr = own && own !== source && lang !== SOURCE_LANG ? (own.data as AdvisoryTranslation | HoaxTranslation) : undefined;
  const isFallback = lang !== SOURCE_LANG && !own;
  const contentLang: Lang = isFallback ? SOURCE_LANG : lang;
  const revision = src.revisions.at(-1)!.number;
  const translationOf = tr?.translationOf;
  const notes = new Map(tr?.revisions.map((r) => [r.number, r.note]) ?? []);
  const other = otherLang(lang);
  const entry: Entry = {
    id: source.id,
    kind: src.kind,
    section,
    lang,
    contentLang,
    isFallback,
    ...(translationOf !== undefined ? { translationOf } : {}),
    isStale: translationOf !== undefined && translationOf < revision,
    url: entryUrl(lang, section, source.id),
    otherUrl: entryUrl(other, section, source.id),
    canonicalUrl: entryUrl(isFallback ? SOURCE_LANG : lang, section, source.id),
    hasTranslation,
    file: (own ?? source).file,
    title: tr?.title ?? src.title,
    summary: tr?.summary ?? src.summary,
    html: rendered.html,
    headings: rendered.headings,
    published: src.published,
    updated: src.revisions.at(-1)!.date,
    revision,
    revisions: src.revisions.map((r) => ({ number: r.number, date: r.date, note: notes.get(r.number) ?? r.note })),
    ...("severity" in src && src.severity ? { severity: src.severity } : {}),
    affected: "affected" in src ? src.affected : [],
    notAffected: "notAffected" in src ? src.notAffected : [],
    kb: "kb" in src ? src.kb : [],
    cve: "cve" in src ? src.cve : [],
    bulletins: "bulletins" in src ? src.bulletins : [],
    related: src.related,
    relatedLinks: [],
    keywords: src.keywords,
    sources: src.sources,
    aliases: src.aliases,
    vulnerabilities: "vulnerabilities" in src
      ? src.vulnerabilities.map((v) => {
          const translated = tr && "vulnerabilities" in tr ? tr.vulnerabilities.find((x) => x.id === v.id) : undefined;
          const note = translated ? translated.note : v.note;
          return { ...v, name: translated?.name ?? v.name, ...(note ? { note } : { note: undefined }) };
        })
      : [],
    ratedProducts: "vulnerabilities" in src
      ? PRODUCT_IDS.filter((p) => src.vulnerabilities.some((v) => v.ratings[p] !== undefined))
      : [],
    // CSAF-only facts (src/csaf), carried as they are.
    ...("testedVersions" in src && src.testedVersions ? { testedVersions: src.testedVersions } : {}),
    ...("update" in src && src.update ? { update: src.update } : {}),
  };
  if (src.kind === "hoax") {
    const hoax = src as Hoax;
    const text = (tr as HoaxTranslation | undefined) ?? hoax;
    const f = own ?? source;
    const field = (name: "claim" | "truth" | "action" | "ifActed") =>
      renderMarkdown(text[name], lang, f.file, f.parsed.locate([name]).line, known, links, isFallback ? [] : problems, renderingOf(rendering, f, lang, name)).html;
    entry.hoax = {
      names: text.names,
      firstSeen: { date: hoax.firstSeen.date, approximate: hoax.firstSeen.approximate, where: text.firstSeen.where },
      ...(hoax.file ? { file: hoax.file } : {}),
      claimHtml: field("claim"),
      truthHtml: field("truth"),
      actionHtml: field("action"),
      ifActedHtml: field("ifActed"),
    };
  }
  return entry;
}

/**
 * Stage 4, render-markdown: every page's Markdown, in every language — the translation where there is one,
 * otherwise the source as a fallback — with entry links resolved (`advisory:sasser#removal` → a URL) and
 * recorded for the anchor check, heading ids checked against the layout's own, and a translation's section
 * ids checked against its source's. A hoax's text fields are Markdown too. `npm run check` renders no HTML.
 */
import { LANGS, SOURCE_LANG, type Lang } from "../../i18n/languages.ts";
import { createMarkdown } from "../../markdown/markdown.ts";
import type { EntryLinkEnv } from "../../markdown/entry-links.ts";
import type { ContentCache, ResolvedLink } from "../content-cache.ts";
import type { Heading, Section } from "../entries.ts";
import { didYouMean, type ContentProblem } from "../problems.ts";
import type { Hoax, HoaxTranslation } from "../schema.ts";
import { keyOf, sourcesOf, type KnownTargets, type LinkRef, type LoadState, type LoadedFile, type RenderResult, type RenderedPage } from "./state.ts";

/** Anchors the layouts render themselves; body headings may not use them. */
export const LAYOUT_ANCHORS: Record<Section, string[]> = {
  advisories: ["main", "summary", "affected", "vulnerabilities", "revisions", "sources", "related"],
  hoaxes: ["main", "summary", "claim", "truth", "action", "if-acted", "revisions", "sources", "related"],
};

const HOAX_FIELDS = ["claim", "truth", "action", "ifActed"] as const;

export function renderMarkdown(state: LoadState): void {
  const known = state.known!;
  for (const source of sourcesOf(state)) {
    let sourceBody: RenderResult | undefined;
    for (const lang of LANGS) {
      const own = state.byKey.get(keyOf(lang, source.folder, source.id));
      const f = own ?? source;
      // A fallback shows the source's text: its problems and links were found when the source was rendered.
      const reports = own || lang === SOURCE_LANG;
      const links = reports ? state.links : [];
      const problems = reports ? state.problems : [];
      const body = renderText(f.parsed.body, lang, f.file, f.parsed.bodyLine, known, links, problems, renderingOf(state, f, lang, "body"));
      if (lang === SOURCE_LANG) {
        sourceBody = body;
        checkHeadings(f, body.headings, state.problems);
      } else if (own && !sourceBody!.repeatedIds && !body.repeatedIds) {
        checkSectionsMatch(own, body.headings, sourceBody!.headings, source.file, state.problems);
      }
      const page: RenderedPage = { body };
      if (source.folder === "hoaxes") {
        const text = (f.data as Hoax | HoaxTranslation);
        const field = (name: (typeof HOAX_FIELDS)[number]) =>
          renderText(text[name], lang, f.file, f.parsed.locate([name]).line, known, links, problems, renderingOf(state, f, lang, name)).html;
        page.hoax = { claimHtml: field("claim"), truthHtml: field("truth"), actionHtml: field("action"), ifActedHtml: field("ifActed") };
      }
      state.rendered.set(keyOf(lang, source.folder, source.id), page);
    }
  }
}

const md = createMarkdown();

/**
 * How to render: with HTML, or for validation only (entry links and headings, no HTML: `npm run check`);
 * and where the rendering is cached: the hash of the file the text comes from, the page language, the field.
 */
interface Rendering {
  html: boolean;
  cache?: ContentCache;
  key?: string;
}

const renderingOf = (state: LoadState, f: LoadedFile, lang: Lang, field: string): Rendering =>
  state.cache && f.hash ? { html: state.html, cache: state.cache, key: `${f.hash}:${lang}:${field}` } : { html: state.html };

/**
 * Renders Markdown for a page in `lang`; entry links are resolved and recorded for the anchor check. A cached
 * rendering is used when every entry link in it still resolves to the same URL.
 */
function renderText(
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


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
import { didYouMean, didYouMeanId, type ContentProblem } from "../problems.ts";
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
        checkSectionsMatch(own, body.headings, sourceBody!.headings, source, state.problems);
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
  /** The site's own origin: an absolute link to it is a path link in disguise. */
  siteUrl?: string | undefined;
  cache?: ContentCache;
  key?: string;
}

const renderingOf = (state: LoadState, f: LoadedFile, lang: Lang, field: string): Rendering =>
  state.cache && f.hash ? { html: state.html, siteUrl: state.siteUrl, cache: state.cache, key: `${f.hash}:${lang}:${field}` } : { html: state.html, siteUrl: state.siteUrl };

/**
 * Renders Markdown for a page in `lang`; entry links are resolved and recorded for the anchor check. A cached
 * rendering is used when every entry link in it still resolves to the same URL.
 */
function renderText(
  text: string, lang: Lang, file: string, firstLine: number, known: KnownTargets, links: LinkRef[], problems: ContentProblem[], how: Rendering,
): RenderResult {
  const { cache, key, siteUrl } = how;
  const hit = cache && key ? cache.render(key) : undefined;
  const hitHtml = hit && how.html ? cache!.html(key!) : "";
  if (hit && hitHtml !== undefined && hit.links.every((l) => known.url(l.kind, l.id, lang) === l.url)) {
    for (const l of hit.links) links.push({ file, line: firstLine + l.line - 1, kind: l.kind, id: l.id, ...(l.anchor ? { anchor: l.anchor } : {}) });
    return { html: hitHtml, headings: hit.headings };
  }
  const problemsBefore = problems.length;
  // Whether an absolute link is fine depends on the site's origin, which the cache key does not hold: a text
  // with one is rendered again each time (a handful of texts), so a link to the site itself is never missed.
  let external = false;
  const resolved: ResolvedLink[] = [];
  const env: EntryLinkEnv = {
    resolveEntryLink: (kind, id, anchor, line) => {
      const at = { file, line: firstLine + line - 1, column: 1, field: "(body)" };
      const url = known.url(kind, id, lang);
      if (!url) {
        const guess = didYouMeanId(id, known.ids(kind));
        problems.push({ ...at, code: "link.unknown-id", params: { kind, id, ...(guess ? { suggestion: `${kind}:${guess}${anchor ? `#${anchor}` : ""}` } : {}) }, hint: guess ? "did-you-mean" : "link.existing-id" });
        return undefined;
      }
      if (anchor !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(anchor)) {
        problems.push({ ...at, code: "link.invalid-anchor", params: { anchor: `#${anchor}` }, hint: "link.anchor-form" });
        return undefined;
      }
      links.push({ file, line: at.line, kind, id, ...(anchor ? { anchor } : {}) });
      resolved.push({ kind, id, line, url, ...(anchor ? { anchor } : {}) });
      return anchor ? `${url}#${anchor}` : url;
    },
    otherLink: (href, line) => {
      if (/^https?:/i.test(href)) external = true;
      const problem = otherLinkProblem(href, known, siteUrl);
      if (problem) problems.push({ file, line: firstLine + line - 1, column: 1, field: "(body)", ...problem });
    },
  };
  const tokens = md.parse(text, env);
  const explicit = (env as { explicitHeadingIds?: string[] }).explicitHeadingIds ?? [];
  const repeated = new Set(explicit.filter((id, i) => explicit.indexOf(id) !== i));
  for (const id of repeated) {
    problems.push({ file, line: firstLine, column: 1, field: "(body)", code: "section.id-repeat", params: { id: `#${id}` }, hint: "section.id-repeat" });
  }
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type === "heading_open") {
      headings.push({ id: String(token.attrGet("id") ?? ""), text: tokens[i + 1]?.content ?? "", level: Number(token.tag.slice(1)) });
    }
  });
  // Entry links are resolved while parsing; turning the tokens into HTML is only for pages.
  const html = how.html ? md.renderer.render(tokens, md.options, env) : "";
  if (cache && key && problems.length === problemsBefore && !repeated.size && !external) cache.setRender(key, { headings, links: resolved }, how.html ? html : undefined);
  return { html, headings, ...(repeated.size ? { repeatedIds: true } : {}) };
}

function checkHeadings(f: LoadedFile, headings: Heading[], problems: ContentProblem[]): void {
  if (f.folder === "pages") return;
  const reserved = LAYOUT_ANCHORS[f.folder === "hoaxes" ? "hoaxes" : "advisories"];
  for (const h of headings) {
    const at = { file: f.file, line: f.parsed.bodyLine, column: 1, field: "(body)" };
    if (reserved.includes(h.id)) problems.push({ ...at, code: "section.layout-id", params: { id: `#${h.id}` }, hint: "section.layout-id" });

  }
}

/**
 * A translation must have the same section ids as its source, so deep links survive a language switch. A
 * heading without an explicit `{#id}` is reported in the file that has it, at its line (with the id its
 * counterpart in the other language has, when the two files have the same number of headings); ids that
 * differ although both files write them are reported in the translation.
 */
function checkSectionsMatch(f: LoadedFile, own: Heading[], source: Heading[], sourceFile: LoadedFile, problems: ContentProblem[]): void {
  const mine = new Set(own.map((h) => h.id));
  const theirs = new Set(source.map((h) => h.id));
  if ([...theirs].every((id) => mine.has(id)) && [...mine].every((id) => theirs.has(id))) return;
  const ownLines = headingLines(f.parsed.body, f.parsed.bodyLine);
  const sourceLines = headingLines(sourceFile.parsed.body, sourceFile.parsed.bodyLine);
  const unlabelled = (file: LoadedFile, lines: HeadingLine[], other: HeadingLine[], otherFile: string) => {
    lines.forEach((h, i) => {
      if (h.explicit) return;
      const counterpart = lines.length === other.length && other[i]?.explicit ? other[i]!.id : undefined;
      problems.push({
        file: file.file, line: h.line, column: 1, field: "(body)", code: "section.id-missing", params: { heading: h.text, other: otherFile, ...(counterpart ? { id: counterpart } : {}) },
        hint: counterpart ? "section.add-id" : "section.add-any-id",
      });
    });
  };
  unlabelled(sourceFile, sourceLines, ownLines, f.file);
  unlabelled(f, ownLines, sourceLines, sourceFile.file);
  // Two files with the same headings in the same order: an id that differs is one renamed section, said once.
  const paired = new Set<HeadingLine>();
  if (ownLines.length === sourceLines.length) {
    ownLines.forEach((h, i) => {
      const counterpart = sourceLines[i]!;
      if (!h.explicit || !counterpart.explicit || h.id === counterpart.id || theirs.has(h.id) || mine.has(counterpart.id)) return;
      paired.add(h).add(counterpart);
      problems.push({ file: f.file, line: h.line, column: 1, field: "(body)", code: "section.id-differs", params: { id: `#${h.id}`, sourceId: `#${counterpart.id}`, source: sourceFile.file }, hint: "section.same-id" });
    });
  }
  const ownExplicit = ownLines.filter((h) => h.explicit && !paired.has(h));
  const sourceExplicit = new Set(sourceLines.filter((h) => h.explicit && !paired.has(h)).map((h) => h.id));
  // Ids the source has and the translation lacks: unless a heading without an id is the reason, said once.
  const missing = [...sourceExplicit].filter((id) => !ownExplicit.some((h) => h.id === id));
  if (missing.length && ownLines.every((h) => h.explicit)) {
    problems.push({ file: f.file, line: f.parsed.bodyLine, column: 1, field: "(body)", code: "section.missing", params: { ids: missing.map((id) => `#${id}`), count: missing.length, source: sourceFile.file }, hint: "section.same-id" });
  }
  if (sourceLines.every((h) => h.explicit)) {
    for (const h of ownExplicit.filter((h) => !sourceExplicit.has(h.id))) {
      problems.push({ file: f.file, line: h.line, column: 1, field: "(body)", code: "section.not-in-source", params: { id: `#${h.id}`, source: sourceFile.file }, hint: "section.same-id" });
    }
  }
}

interface HeadingLine {
  id: string;
  text: string;
  line: number;
  /** Written with `{#id}`, rather than made from the heading's text. */
  explicit: boolean;
}

/** The headings of a body with their lines, parsed again: only needed when section ids disagree. */
function headingLines(body: string, firstLine: number): HeadingLine[] {
  const env: EntryLinkEnv & { explicitHeadingIds?: string[] } = {};
  const tokens = md.parse(body, env);
  const explicit = [...(env.explicitHeadingIds ?? [])];
  const out: HeadingLine[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const id = String(token.attrGet("id") ?? "");
    // heading-ids.ts lists explicit ids in document order.
    const isExplicit = explicit[0] === id && /\{#[a-z0-9-]+\}\s*$/.test(body.split("\n")[token.map?.[0] ?? 0] ?? "");
    if (isExplicit) explicit.shift();
    out.push({ id, text: tokens[i + 1]?.content ?? "", line: firstLine + (token.map?.[0] ?? 0), explicit: isExplicit });
  });
  return out;
}

/** The entry kinds a link can name (`advisory:sasser`). */
const LINK_KINDS = ["advisory", "hoax", "page"] as const;

/**
 * A link that is neither an entry link nor an external http(s) link: a path to a page of this site
 * (`/ja/advisories/sasser/`, `../sasser/`, or this site's own origin), a mistyped kind (`hoaks:…`), another
 * scheme. Links inside the page (`#removal`), mailto: and tel: are fine.
 */
function otherLinkProblem(href: string, known: KnownTargets, siteUrl: string | undefined): Pick<ContentProblem, "code" | "params" | "hint"> | undefined {
  if (href.startsWith("#") || /^(mailto|tel):/i.test(href)) return undefined;
  const external = /^https?:\/\//i.test(href);
  if (external && !(siteUrl && sameOrigin(href, siteUrl))) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(href);
  if (scheme && !external) {
    const kind = didYouMean(scheme[1]!, LINK_KINDS) as (typeof LINK_KINDS)[number] | undefined;
    const [id = "", anchor] = scheme[2]!.split("#");
    const guessId = kind ? (known.url(kind, id, SOURCE_LANG) ? id : didYouMeanId(id, known.ids(kind))) : undefined;
    const suggestion = kind ? `${kind}:${guessId ?? id}${anchor ? `#${anchor}` : ""}` : undefined;
    // A near miss of a kind (hoaks:) is a typo to correct; another scheme (ftp:, file:) is not a link the site makes.
    if (!suggestion) return { code: "link.scheme", params: { link: href, scheme: scheme[1]! }, hint: "link.kinds" };
    return { code: "link.unknown-kind", params: { link: href, scheme: scheme[1]!, suggestion }, hint: "did-you-mean" };
  }
  const suggestion = idLinkFor(href, known);
  return { code: external ? "link.own-site" : "link.path", params: { link: href, ...(suggestion ? { suggestion } : {}) }, hint: suggestion ? "link.use-id" : "link.id-form" };
}

function sameOrigin(href: string, siteUrl: string): boolean {
  try {
    return new URL(href).host.toLowerCase() === new URL(siteUrl).host.toLowerCase();
  } catch {
    return false;
  }
}

/** The id link a path most likely means: `/ja/advisories/sasser/#removal` → `advisory:sasser#removal`. */
function idLinkFor(href: string, known: KnownTargets): string | undefined {
  const [path = "", anchor] = href.replace(/^https?:\/\/[^/]+/i, "").split("#");
  const parts = path.split("/").filter((p) => p && p !== "." && p !== "..").map((p) => p.replace(/\.html?$/, ""));
  const id = parts.at(-1) === "index" ? parts.at(-2) : parts.at(-1);
  if (!id) return undefined;
  const folder = parts.find((p) => p === "advisories" || p === "hoaxes");
  const kinds = folder === "advisories" ? (["advisory"] as const) : folder === "hoaxes" ? (["hoax"] as const) : (["advisory", "hoax", "page"] as const);
  const kind = kinds.find((k) => known.url(k, id, SOURCE_LANG));
  return kind ? `${kind}:${id}${anchor ? `#${anchor}` : ""}` : undefined;
}

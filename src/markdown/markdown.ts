/**
 * The one markdown-it instance used for every body and every Markdown field: raw HTML off, no linkify,
 * typographer off (Japanese punctuation must stay as written).
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import { headingIdsPlugin } from "./heading-ids.ts";
import { entryLinksPlugin } from "./entry-links.ts";
import { tablesPlugin } from "./tables.ts";

export interface MarkdownOptions {}

/** ASCII slug for headings without an explicit `{#id}`; Japanese-only text falls back to "section". */
export function asciiSlug(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

/**
 * The heading's own text links to its anchor (`<h2 id="x"><a href="#x">Title</a></h2>`), the markup the
 * layout's headings use too (macros.njk). A separate "#" link after each heading, with its wrapper and
 * accessible name, cost ~100 bytes a heading: 2.6 KB on the MS04-011 page. A heading that already
 * contains a link keeps its text as is (links cannot nest).
 */
const selfLink = anchor.permalink.headerLink({ class: "" });
function headingSelfLink(slug: string, options: unknown, state: any, index: number): void {
  const children: { type: string }[] = state.tokens[index + 1]?.children ?? [];
  if (children.some((token) => token.type === "link_open")) return;
  selfLink(slug, options as any, state, index);
}

export function createMarkdown(_options: MarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.use(headingIdsPlugin);
  md.use(entryLinksPlugin);
  md.use(tablesPlugin);
  md.use(anchor, {
    level: [2, 3],
    slugify: asciiSlug,
    // A repeated {#id} is reported by the data layer (heading-ids records every explicit id).
    failOnNonUnique: false,
    tabIndex: false,
    permalink: headingSelfLink,
  });
  return md;
}

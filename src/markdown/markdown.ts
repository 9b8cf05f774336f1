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
    // A "#" link after each heading; its accessible name is the heading's text (aria-labelledby),
    // which costs a few bytes per heading instead of a hidden sentence.
    permalink: anchor.permalink.linkAfterHeader({
      style: "aria-labelledby",
      class: "heading-anchor",
      symbol: "#",
      wrapper: ['<div class="heading">', "</div>"],
      renderAttrs: () => ({ "data-pagefind-ignore": "" }),
    }),
  });
  return md;
}

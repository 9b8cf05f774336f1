/**
 * The one markdown-it instance used for every body and every Markdown field: raw HTML off, no linkify,
 * typographer off (Japanese punctuation must stay as written).
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import { headingIdsPlugin } from "./heading-ids.ts";
import { entryLinksPlugin } from "./entry-links.ts";
import { tablesPlugin } from "./tables.ts";

export interface MarkdownOptions {
  /** Text for screen readers on a heading's anchor link, e.g. "Link to this section: Symptoms". */
  anchorLabel?: (headingText: string) => string;
}

/** ASCII slug for headings without an explicit `{#id}`; Japanese-only text falls back to "section". */
export function asciiSlug(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.use(headingIdsPlugin);
  md.use(entryLinksPlugin);
  md.use(tablesPlugin);
  md.use(anchor, {
    level: [2, 3],
    slugify: asciiSlug,
    failOnNonUnique: false,
    tabIndex: false,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: options.anchorLabel ?? ((title: string) => `Link to this section: ${title}`),
      visuallyHiddenClass: "visually-hidden",
      class: "heading-anchor",
      symbol: "#",
      wrapper: ['<div class="heading">', "</div>"],
      // The link's hidden label ("Link to this section") is not content: keep it out of search excerpts.
      renderAttrs: () => ({ "data-pagefind-ignore": "" }),
    }),
  });
  return md;
}

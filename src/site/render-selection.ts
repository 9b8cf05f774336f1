/**
 * A part of a site to render, for the dev server's updates (src/preview/update-plan.ts decides which part).
 *
 * Every template in layouts/pages is one of two sorts:
 *   - one page per item of a list (entry.njk, identifier.njk, redirect.njk): its output depends on the item
 *     and on what every page shows (settings, products, the site's last update), so a selection names the items;
 *   - a page made from the whole site (lists, home, feeds, API, sitemap, search, embeds, 404, _redirects,
 *     _headers): rendered again whenever any entry changed (`siteWide`), which is always right and costs a
 *     handful of pages.
 * A full build renders everything: templates paginate over `keikoku.render.*`, which is then the whole list.
 */
import { basename, join, relative } from "node:path";
import type { Entry } from "../data/entries.ts";
import type { IdentifierPage } from "../identifiers/identifier-pages.ts";
import type { Redirect } from "../links/aliases.ts";

export interface RenderSelection {
  entries: Entry[];
  identifierPages: IdentifierPage[];
  redirects: Redirect[];
  /** Render the pages made from the whole site too. */
  siteWide: boolean;
}

/** The templates with one page per item, by the list they paginate over (`keikoku.render.<list>`). */
export const ITEM_TEMPLATES = { entries: "entry.njk", identifierPages: "identifier.njk", redirects: "redirect.njk" } as const;

/**
 * Keeps Eleventy from reading the templates a selection does not need: the whole-site pages unless `siteWide`,
 * and an item template whose list is empty (Eleventy would otherwise still compile it).
 */
export function ignoreUnselected(eleventyConfig: any, layouts: string, pageFiles: string[], selection: RenderSelection): void {
  const itemTemplates = new Set<string>(Object.values(ITEM_TEMPLATES));
  const needed = new Set<string>(Object.entries(ITEM_TEMPLATES).filter(([list]) => selection[list as keyof typeof ITEM_TEMPLATES].length).map(([, file]) => file));
  for (const file of pageFiles) {
    const name = basename(file);
    const keep = itemTemplates.has(name) ? needed.has(name) : selection.siteWide;
    // Eleventy resolves ignores from the current folder, as it does its input.
    if (!keep) eleventyConfig.ignores.add(relative(process.cwd(), join(layouts, "pages", name)));
  }
}

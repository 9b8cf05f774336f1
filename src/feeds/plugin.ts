/**
 * Atom feeds per language (/{lang}/feed.xml), rendered by layouts/pages/feed.njk with the official
 * Eleventy RSS plugin's filters. An entry's <updated> is its last revision, so a revision shows up in
 * feed readers as an update of the same entry (same <id>).
 */
import { rssPlugin } from "@11ty/eleventy-plugin-rss";

/** Atom wants a full timestamp; content dates are days, published at midnight UTC. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

export function feedsPlugin(eleventyConfig: any): void {
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("dayToDate", dayToDate);
}

/**
 * Atom feeds per language (/{lang}/feed.xml), rendered by layouts/pages/feed.njk with the official
 * Eleventy RSS plugin's RFC 3339 date filter. An entry's <updated> is its last revision, so a revision shows up in
 * feed readers as an update of the same entry (same <id>).
 */
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";

/** Atom wants a full timestamp; content dates are days, published at midnight UTC. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

export function feedsPlugin(eleventyConfig: any): void {
  // Only the RSS plugin's date filter: the whole plugin would add Eleventy's HTML <base> plugin a second
  // time (src/site adds it), and every root-relative URL would get PATH_PREFIX twice.
  eleventyConfig.addFilter("dateToRfc3339", dateToRfc3339);
  eleventyConfig.addFilter("dayToDate", dayToDate);
}

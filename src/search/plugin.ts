/**
 * The search filters templates use (filters.ts); indexing is a step of the build (steps.ts).
 */
import { pageBadge, searchFilterChoices, searchTerms } from "./filters.ts";

export function searchPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("searchTerms", searchTerms);
  eleventyConfig.addFilter("searchFilterChoices", searchFilterChoices);
  eleventyConfig.addFilter("pageBadge", pageBadge);
}


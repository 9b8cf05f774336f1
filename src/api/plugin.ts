/** Publishes /api/advisories.json and /api/advisories.schema.json through filters used by layouts/pages/api.njk. */
import { buildApiDocument, buildApiSchema } from "./build-api.ts";
import type { SiteData } from "../data/entries.ts";

export function apiPlugin(eleventyConfig: any): void {
  const fullUrl = (path: string) => eleventyConfig.getFilter("fullUrl")(path) as string;
  eleventyConfig.addFilter("apiDocument", (site: SiteData) => `${JSON.stringify(buildApiDocument(site, fullUrl), null, 2)}\n`);
  eleventyConfig.addFilter("apiSchema", () => `${JSON.stringify(buildApiSchema(fullUrl), null, 2)}\n`);
}

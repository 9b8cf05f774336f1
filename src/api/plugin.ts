/** Publishes /api/advisories.json and /api/advisories.schema.json through filters used by layouts/pages/api.njk. */
import { buildApiDocument, buildApiSchema } from "./build-api.ts";
import type { Entry, SiteData } from "../data/entries.ts";

export function apiPlugin(eleventyConfig: any): void {
  const fullUrl = (path: string) => eleventyConfig.getFilter("fullUrl")(path) as string;
  // The CSAF plugin, when registered, says where each entry's document is.
  const csafUrl = (entry: Entry) => eleventyConfig.getFilter("csafUrl")(entry) as string;
  eleventyConfig.addFilter("apiDocument", (site: SiteData) =>
    `${JSON.stringify(buildApiDocument(site, fullUrl, eleventyConfig.getFilter("csafUrl") ? csafUrl : undefined), null, 2)}\n`,
  );
  eleventyConfig.addFilter("apiSchema", () => `${JSON.stringify(buildApiSchema(fullUrl), null, 2)}\n`);
}

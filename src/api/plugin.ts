/** Publishes /api/advisories.json and /api/advisories.schema.json through filters used by layouts/pages/api.njk. */
import { buildApiDocument, buildApiSchema } from "./build-api.ts";
import type { Entry, SiteData } from "../data/entries.ts";
import type { Settings } from "../settings/settings.ts";
import { absoluteUrl, routes } from "../routes/routes.ts";

export interface ApiPluginOptions {
  settings: Settings;
}

export function apiPlugin(eleventyConfig: any, { settings }: ApiPluginOptions): void {
  const fullUrl = (path: string) => absoluteUrl(settings, path);
  const csafUrl = (entry: Entry) => routes.csafDocument(settings.site.csaf.idPrefix, entry);
  eleventyConfig.addFilter("apiDocument", (site: SiteData) => `${JSON.stringify(buildApiDocument(site, { name: settings.site.name, publisher: settings.site.publisher.name }, fullUrl, csafUrl), null, 2)}\n`);
  eleventyConfig.addFilter("apiSchema", (site: SiteData) => `${JSON.stringify(buildApiSchema(Object.keys(site.products), fullUrl), null, 2)}\n`);
}

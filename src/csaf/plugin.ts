/**
 * What templates need of CSAF: `csafUrl(entry)`, the site-relative URL of the document for the text an
 * entry's page shows. The documents themselves are written by the build's CSAF step (step.ts).
 */
import type { Entry } from "../data/entries.ts";
import type { Settings } from "../settings/settings.ts";
import { routes } from "../routes/routes.ts";

export interface CsafPluginOptions {
  settings: Settings;
}

export function csafPlugin(eleventyConfig: any, { settings }: CsafPluginOptions): void {
  eleventyConfig.addFilter("csafUrl", (entry: Entry) => routes.csafDocument(settings.site.csaf.idPrefix, entry));
}

/**
 * Keikoku's Eleventy configuration: a short list of plugins, one per feature folder under src/. It renders
 * the pages of one site from two values, the settings (src/settings) and the validated content (src/data):
 * src/site/build-site.ts calls it through Eleventy's programmatic `config` option, so both arrive as
 * arguments, never through the environment. (The Eleventy CLI cannot run it: use npm run build / npm start.)
 */
import type { Settings } from "./src/settings/settings.ts";
import type { SiteData } from "./src/data/entries.ts";
import type { RenderSelection } from "./src/site/render-selection.ts";
import type { SiteLists } from "./src/site/template-data.ts";
import { i18nPlugin } from "./src/i18n/plugin.ts";
import { sitePlugin } from "./src/site/plugin.ts";
import { dataPlugin } from "./src/site/template-data.ts";
import { feedsPlugin } from "./src/feeds/plugin.ts";
import { apiPlugin } from "./src/api/plugin.ts";
import { csafPlugin } from "./src/csaf/plugin.ts";
import { searchPlugin } from "./src/search/plugin.ts";

/** What a build renders: the site's settings and its validated content. */
export interface RenderInputs {
  settings: Settings;
  site: SiteData;
  /** Only these pages, into a folder that holds the rest of the site (a batch of a build, a dev-server update); all when absent. */
  selection?: RenderSelection;
  /** Copy public/ and write the theme stylesheet (default: when rendering every page). */
  staticFiles?: boolean;
  /** The KB/CVE pages and redirects, computed once for all of a build's batches (else from `site`). */
  lists?: SiteLists;
}

export default function keikoku(eleventyConfig: any, inputs?: RenderInputs): void {
  if (!inputs) throw new Error("Keikoku's .eleventy.ts renders a site from values that npm run build and npm start pass it; run one of those instead of the Eleventy CLI.");
  const { settings, site, selection, lists, staticFiles = !selection } = inputs;
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(sitePlugin, { settings, staticFiles });
  eleventyConfig.addPlugin(dataPlugin, { settings, site, ...(selection ? { selection } : {}), ...(lists ? { lists } : {}) });
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(apiPlugin, { settings });
  eleventyConfig.addPlugin(csafPlugin, { settings });
  eleventyConfig.addPlugin(searchPlugin);

  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setIncludesDirectory("partials");
  eleventyConfig.setQuietMode(true);
}

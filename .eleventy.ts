/**
 * Keikoku's Eleventy configuration: a short list of plugins, one per feature folder under src/.
 * Run through tsx (see package.json); Node 20 cannot load .ts by itself.
 */
import { dataPlugin } from "./src/data/plugin.ts";
import { i18nPlugin } from "./src/i18n/plugin.ts";
import { markdownPlugin } from "./src/markdown/plugin.ts";
import { sitePlugin } from "./src/site/plugin.ts";
import { searchPlugin } from "./src/search/plugin.ts";
import { feedsPlugin } from "./src/feeds/plugin.ts";
import { apiPlugin } from "./src/api/plugin.ts";
import { previewPlugin } from "./src/preview/plugin.ts";
import { csafPlugin } from "./src/csaf/plugin.ts";
import { readSiteConfig } from "./src/site/config.ts";
import { join, relative } from "node:path";

export default function keikoku(eleventyConfig: any) {
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(dataPlugin, { contentDir: process.env.KEIKOKU_CONTENT });
  eleventyConfig.addPlugin(sitePlugin);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(apiPlugin);
  eleventyConfig.addPlugin(csafPlugin);
  eleventyConfig.addPlugin(searchPlugin);
  eleventyConfig.addPlugin(previewPlugin);
  eleventyConfig.setQuietMode(true);

  // Returned (not exported) so each build reads PATH_PREFIX afresh, even in one long-lived process.
  return {
    // Relative to this file, so a build started from another folder (tests, the benchmark) finds them.
    dir: { input: relative(process.cwd(), join(import.meta.dirname, "layouts")) || ".", includes: "partials" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    // Advisory text may contain {{ and {%: Markdown is never run through a template engine.
    markdownTemplateEngine: false,
    pathPrefix: readSiteConfig().pathPrefix,
  };
}

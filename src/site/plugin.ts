/**
 * The site's frame: static assets (Keikoku's public/, then the site folder's own public/), the path prefix
 * for mirrors, absolute URLs for canonical links and the sitemap, links made from identifiers, and the
 * site's name, logo and colours from its settings.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type { Settings } from "../settings/settings.ts";
import { absoluteUrl, FIXED_PAGES, routes, translated } from "../routes/routes.ts";
import { bulletinUrl, cveUrl, isMicrosoftBulletin, kbUrl } from "../data/links.ts";
import type { Lang } from "../i18n/languages.ts";
import { themeStylesheet, THEME_PATH } from "./theme.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";
import { PUBLIC_DIR } from "../data/site-files.ts";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
// head.njk writes the policy unescaped (`'` as is, not `&#39;`: 88 bytes a page); it must never need escaping.
if (/["&<>]/.test(CONTENT_SECURITY_POLICY)) throw new Error("CONTENT_SECURITY_POLICY must not contain \" & < or >");

/**
 * Drops the indentation templates leave before tags (a tenth of a page's bytes), except inside <pre>,
 * where every space is content.
 */
export function trimIndentation(this: { page?: { outputPath?: string | false } }, content: string): string {
  const out = this.page?.outputPath;
  if (typeof out !== "string" || !out.endsWith(".html")) return content;
  return content
    .split(/(<pre[\s>][\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/\n[ \t]+</g, "\n<").replace(/\n{2,}/g, "\n")))
    .join("");
}

export interface SitePluginOptions {
  settings: Settings;
  /** Copy public/ and write the theme stylesheet (default); an update of some pages leaves both in place. */
  staticFiles?: boolean;
}

export function sitePlugin(eleventyConfig: any, { settings, staticFiles = true }: SitePluginOptions): void {
  // Eleventy resolves passthrough paths from the current folder; a build may start anywhere.
  const fromHere = (path: string) => relative(process.cwd(), path) || ".";
  if (staticFiles) eleventyConfig.addPassthroughCopy({ [fromHere(join(KEIKOKU_ROOT, "public"))]: "/" });
  // The site's own files (a logo, say) come after Keikoku's, so a site can replace one of them.
  const sitePublic = join(settings.siteDir, PUBLIC_DIR);
  if (staticFiles && existsSync(sitePublic)) eleventyConfig.addPassthroughCopy({ [fromHere(sitePublic)]: "/" });
  // Every root-relative URL in the HTML gets the path prefix, so templates write plain /ja/… links.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addTransform("trim-indentation", trimIndentation);

  eleventyConfig.addGlobalData("csp", CONTENT_SECURITY_POLICY);
  // Templates make every URL with these: routes.search(lang), routes.translated(routes.about, lang).
  eleventyConfig.addGlobalData("routes", { ...routes, translated, fixedPages: FIXED_PAGES });
  // What layouts show of the settings: the site's name, tagline, home text, footer notice, logo, contacts.
  eleventyConfig.addGlobalData("site", {
    ...settings.site,
    themeStylesheet: settings.site.accentColor ? THEME_PATH : undefined,
  });
  if (staticFiles && settings.site.accentColor) {
    eleventyConfig.addTemplate("theme.njk", themeStylesheet(settings.site.accentColor), { permalink: THEME_PATH, eleventyExcludeFromCollections: true });
  }

  eleventyConfig.addFilter("fullUrl", (path: string) => absoluteUrl(settings, path));
  eleventyConfig.addFilter("kbUrl", kbUrl);
  eleventyConfig.addFilter("cveUrl", cveUrl);
  // Only Microsoft's ids make an archive URL; another vendor's bulletin id is shown as text (its page is in Sources).
  eleventyConfig.addFilter("bulletinUrl", (id: string, lang: Lang) => (isMicrosoftBulletin(id) ? bulletinUrl(id, lang) : ""));
}

/**
 * The site's frame: static assets from public/, the path prefix for mirrors, absolute URLs for
 * canonical links and the sitemap, and links made from identifiers.
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import { readSiteConfig } from "./config.ts";
import { bulletinUrl, cveUrl, isMicrosoftBulletin, kbUrl } from "../data/links.ts";
import type { Lang } from "../i18n/languages.ts";

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
// base.njk writes the policy unescaped (`'` as is, not `&#39;`: 88 bytes a page); it must never need escaping.
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

export function sitePlugin(eleventyConfig: any): void {
  const config = readSiteConfig();
  eleventyConfig.addPassthroughCopy({ public: "/" });
  // Every root-relative URL in the HTML gets the path prefix, so templates write plain /ja/… links.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addGlobalData("csp", CONTENT_SECURITY_POLICY);
  eleventyConfig.addTransform("trim-indentation", trimIndentation);
  eleventyConfig.addFilter("fullUrl", (path: string) => `${config.siteUrl}${config.pathPrefix}${path.replace(/^\//, "")}`);
  eleventyConfig.addFilter("kbUrl", kbUrl);
  eleventyConfig.addFilter("cveUrl", cveUrl);
  // Only Microsoft's ids make an archive URL; another vendor's bulletin id is shown as text (its page is in Sources).
  eleventyConfig.addFilter("bulletinUrl", (id: string, lang: Lang) => (isMicrosoftBulletin(id) ? bulletinUrl(id, lang) : ""));
}

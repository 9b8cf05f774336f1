/**
 * Wires the data layer into Eleventy: every build validates all content first (and fails with the
 * full report), then templates receive typed entries as the global `keikoku`.
 */
import { LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import { join } from "node:path";
import { loadContent, PAGE_PATHS, takeHandedOver, type LoadOptions } from "./load-content.ts";
import { ContentError, formatReport } from "./problems.ts";
import { isPreview, previewState } from "../preview/state.ts";
import type { Entry, PageEntry, SiteData } from "./entries.ts";
import { readSiteConfig } from "../site/config.ts";
import { identifierPages, type IdentifierPage } from "../identifiers/identifier-pages.ts";
import { redirectsFor, redirectsFile, type Redirect } from "../links/aliases.ts";

export interface DataPluginOptions extends LoadOptions {}

/** What templates see as `keikoku`. */
export interface TemplateData extends SiteData {
  langs: typeof LANGS;
  sourceLang: typeof SOURCE_LANG;
  pagePaths: typeof PAGE_PATHS;
  config: ReturnType<typeof readSiteConfig>;
  /** Redirect pages for old URLs (aliases). */
  redirects: Redirect[];
  /** The `_redirects` file for static hosts. */
  redirectsFile: string;
  /** /{lang}/kb/{n}/ and /{lang}/cve/{id}/ pages. */
  identifierPages: IdentifierPage[];
  /** Free pages by language and id: pagesByLang.ja.about. */
  pagesByLang: Record<string, Record<string, PageEntry>>;
  /** Entries for one language, newest first, optionally of one section or kind. */
  byLang: Record<string, { all: Entry[]; advisories: Entry[]; hoaxes: Entry[]; byKind: Record<string, Entry[]> }>;
}

export function buildTemplateData(site: SiteData): TemplateData {
  const byLang: TemplateData["byLang"] = {};
  for (const lang of LANGS) {
    const all = site.entries.filter((e) => e.lang === lang);
    const byKind: Record<string, Entry[]> = {};
    for (const e of all) (byKind[e.kind] ??= []).push(e);
    byLang[lang] = { all, advisories: all.filter((e) => e.section === "advisories"), hoaxes: all.filter((e) => e.section === "hoaxes"), byKind };
  }
  const pagesByLang: TemplateData["pagesByLang"] = {};
  for (const page of site.pages) (pagesByLang[page.lang] ??= {})[page.id] = page;
  const config = readSiteConfig();
  const redirects = redirectsFor(site.entries);
  return { ...site, pagesByLang, redirects, redirectsFile: redirectsFile(redirects, config.pathPrefix), identifierPages: identifierPages(site.entries, LANGS), langs: LANGS, sourceLang: SOURCE_LANG, pagePaths: PAGE_PATHS, config, byLang };
}

export function dataPlugin(eleventyConfig: any, options: DataPluginOptions = {}): void {
  const defaults: DataPluginOptions = { root: process.cwd() };
  const settings = { ...defaults, ...options };
  eleventyConfig.addGlobalData("keikoku", () => {
    const site = siteForThisBuild();
    // Plugins with work of their own on the whole data set (CSAF) start it now, beside the rendering.
    void eleventyConfig.emit("keikoku.site", site);
    return buildTemplateData(site);
  });
  const siteForThisBuild = (): SiteData => {
    const handed = takeHandedOver(settings.contentDir ?? join(settings.root ?? process.cwd(), "content"));
    if (handed) {
      previewState.problems = [];
      previewState.lastGood = handed;
      return handed;
    }
    // The dev server's rebuild after a save: only the saved file is parsed and rendered again.
    const started = performance.now();
    const result = loadContent({ ...settings, cache: true });
    if (isPreview() && result.cacheUse) {
      console.log(`[keikoku] content loaded in ${Math.round(performance.now() - started)} ms; ${result.cacheUse.reused} of ${result.cacheUse.files} files unchanged`);
    }
    previewState.problems = result.problems;
    if (result.site) previewState.lastGood = result.site;
    // In the live preview, broken content keeps the last good site building; the preview plugin serves
    // the error report in its place until the next good save.
    else if (isPreview() && previewState.lastGood) {
      console.error(formatReport(result.problems));
      return previewState.lastGood;
    } else throw new ContentError(result.problems);
    return result.site;
  };
  eleventyConfig.addWatchTarget(settings.contentDir ?? "content/");
}

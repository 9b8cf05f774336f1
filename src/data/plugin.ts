/**
 * Wires the data layer into Eleventy: every build validates all content first (and fails with the
 * full report), then templates receive typed entries as the global `keikoku`.
 */
import { LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import { loadSiteOrThrow, PAGE_PATHS, type LoadOptions } from "./load-content.ts";
import type { Entry, PageEntry, SiteData } from "./entries.ts";
import { readSiteConfig } from "../site/config.ts";

export interface DataPluginOptions extends LoadOptions {}

/** What templates see as `keikoku`. */
export interface TemplateData extends SiteData {
  langs: typeof LANGS;
  sourceLang: typeof SOURCE_LANG;
  pagePaths: typeof PAGE_PATHS;
  config: ReturnType<typeof readSiteConfig>;
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
  return { ...site, pagesByLang, langs: LANGS, sourceLang: SOURCE_LANG, pagePaths: PAGE_PATHS, config: readSiteConfig(), byLang };
}

export function dataPlugin(eleventyConfig: any, options: DataPluginOptions = {}): void {
  const defaults: DataPluginOptions = { root: process.cwd() };
  const settings = { ...defaults, ...options };
  eleventyConfig.addGlobalData("keikoku", () => buildTemplateData(loadSiteOrThrow(settings)));
  eleventyConfig.addWatchTarget(settings.contentDir ?? "content/");
}

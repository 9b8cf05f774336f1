/**
 * Gives templates the validated site as the global `keikoku`: the entries and pages the data layer loaded
 * (src/site/build-site.ts loads them before Eleventy starts), plus the lists and indexes templates need.
 */
import { LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import type { Entry, PageEntry, SiteData } from "../data/entries.ts";
import type { Settings } from "../settings/settings.ts";
import { identifierPages, type IdentifierPage } from "../identifiers/identifier-pages.ts";
import { redirectsFor, redirectsFile, type Redirect } from "../links/aliases.ts";

export interface DataPluginOptions {
  settings: Settings;
  /** The content, loaded and validated. */
  site: SiteData;
}

/** What templates see as `keikoku`. */
export interface TemplateData extends SiteData {
  langs: typeof LANGS;
  sourceLang: typeof SOURCE_LANG;
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

export function buildTemplateData(site: SiteData, settings: Pick<Settings, "pathPrefix">): TemplateData {
  const byLang: TemplateData["byLang"] = {};
  for (const lang of LANGS) {
    const all = site.entries.filter((e) => e.lang === lang);
    const byKind: Record<string, Entry[]> = {};
    for (const e of all) (byKind[e.kind] ??= []).push(e);
    byLang[lang] = { all, advisories: all.filter((e) => e.section === "advisories"), hoaxes: all.filter((e) => e.section === "hoaxes"), byKind };
  }
  const pagesByLang: TemplateData["pagesByLang"] = {};
  for (const page of site.pages) (pagesByLang[page.lang] ??= {})[page.id] = page;
  const redirects = redirectsFor(site.entries);
  return {
    ...site, pagesByLang, redirects, redirectsFile: redirectsFile(redirects, settings.pathPrefix),
    identifierPages: identifierPages(site.entries, LANGS), langs: LANGS, sourceLang: SOURCE_LANG, byLang,
  };
}

export function dataPlugin(eleventyConfig: any, { settings, site }: DataPluginOptions): void {
  eleventyConfig.addGlobalData("keikoku", buildTemplateData(site, settings));
}

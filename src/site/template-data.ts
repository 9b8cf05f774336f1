/**
 * Gives templates the validated site as the global `keikoku`, and the names of its vocabularies as filters: the entries and pages the data layer loaded
 * (src/site/build-site.ts loads them before Eleventy starts), plus the lists and indexes templates need.
 */
import { asLang, LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import { IMPACTS, KINDS, SEVERITIES, type Names } from "../data/vocabulary.ts";
import type { Entry, PageEntry, SiteData } from "../data/entries.ts";
import type { Settings } from "../settings/settings.ts";
import { identifierPages, type IdentifierPage } from "../identifiers/identifier-pages.ts";
import { redirectsFor, redirectsFile, type Redirect } from "../links/aliases.ts";
import { ITEM_TEMPLATES, type RenderSelection } from "./render-selection.ts";
import { testedVersionsText, vulnerabilityFacts } from "./vulnerability-facts.ts";

export interface DataPluginOptions {
  settings: Settings;
  /** The content, loaded and validated. */
  site: SiteData;
  /** Only these pages (see render-selection.ts); every page when absent. */
  selection?: RenderSelection;
  /** The site's KB/CVE pages and redirects, when the caller has them already (a build renders in batches). */
  lists?: SiteLists;
}

/** The pages made from the entries' identifiers and aliases. */
export interface SiteLists {
  identifierPages: IdentifierPage[];
  redirects: Redirect[];
}

export function siteLists(site: SiteData): SiteLists {
  return { identifierPages: identifierPages(site.entries, LANGS), redirects: redirectsFor(site.entries) };
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
  /** The items the one-page-per-item templates render: every one, or a dev-server update's selection. */
  render: Pick<RenderSelection, keyof typeof ITEM_TEMPLATES>;
  /** Entries for one language, newest first, optionally of one section or kind. */
  byLang: Record<string, { all: Entry[]; advisories: Entry[]; hoaxes: Entry[]; byKind: Record<string, Entry[]> }>;
}

export function buildTemplateData(site: SiteData, settings: Pick<Settings, "pathPrefix">, selection?: RenderSelection, lists: SiteLists = siteLists(site)): TemplateData {
  const byLang: TemplateData["byLang"] = {};
  for (const lang of LANGS) {
    const all = site.entries.filter((e) => e.lang === lang);
    const byKind: Record<string, Entry[]> = {};
    for (const e of all) (byKind[e.kind] ??= []).push(e);
    byLang[lang] = { all, advisories: all.filter((e) => e.section === "advisories"), hoaxes: all.filter((e) => e.section === "hoaxes"), byKind };
  }
  const pagesByLang: TemplateData["pagesByLang"] = {};
  for (const page of site.pages) (pagesByLang[page.lang] ??= {})[page.id] = page;
  const { redirects, identifierPages: identifiers } = lists;
  return {
    ...site, pagesByLang, redirects, redirectsFile: redirectsFile(redirects, settings.pathPrefix),
    identifierPages: identifiers, langs: LANGS, sourceLang: SOURCE_LANG, byLang,
    render: selection ?? { entries: site.entries, identifierPages: identifiers, redirects },
  };
}

/** Display names by id: `{{ "windows-xp" | product(lang) }}`; an unknown id throws, so a typo fails the build. */
function names(table: Record<string, Names>, what: string) {
  return (id: string, lang: unknown) => {
    const found = table[id];
    if (!found) throw new Error(`Unknown ${what} "${id}"`);
    return found[asLang(lang)];
  };
}

export function dataPlugin(eleventyConfig: any, { settings, site, selection, lists }: DataPluginOptions): void {
  eleventyConfig.addGlobalData("keikoku", buildTemplateData(site, settings, selection, lists));
  // The vocabularies' names: the site's products (products.yaml), Keikoku's kinds, severities and impacts.
  const product = names(site.products, "product");
  eleventyConfig.addFilter("product", product);
  eleventyConfig.addFilter("productShort", (id: string, lang: unknown) => (site.products[id]?.short ? site.products[id]!.short![asLang(lang)] : product(id, lang)));
  eleventyConfig.addFilter("severity", names(SEVERITIES, "severity"));
  eleventyConfig.addFilter("kindName", names(KINDS, "kind"));
  eleventyConfig.addFilter("impact", names(IMPACTS, "impact"));
  eleventyConfig.addGlobalData("productOrder", Object.keys(site.products));
  // A vulnerability's CSAF facts and a product's tested versions, grouped and counted for the page.
  eleventyConfig.addFilter("vulnerabilityFacts", (entry: Entry, v: Entry["vulnerabilities"][number], lang: unknown) => vulnerabilityFacts(site.products, entry, v, asLang(lang)));
  eleventyConfig.addFilter("testedVersionsText", (entry: Entry, product: string, lang: unknown) => testedVersionsText(site.products, entry, product, asLang(lang)));
}

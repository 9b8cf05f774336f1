/**
 * Every URL of the site, made in one place: the URL contract (README, "The URL contract") as code.
 *
 * A route is a site path: root-relative and without the path prefix (`/ja/advisories/sasser/`), as templates
 * write links; Eleventy's base plugin adds PATH_PREFIX to every root-relative URL in the HTML. Outside the
 * HTML (feeds, sitemap, API, CSAF, _redirects, security.txt), `absoluteUrl` and `withPrefix` make the rest:
 *   routes.entry("en", "advisories", "sasser")             → /en/advisories/sasser/
 *   absoluteUrl(settings, routes.feed("ja"))                → https://advisories.example.jp/security/ja/feed.xml
 *   withPrefix("/security/", "/ja/advisories/sasser-worm/") → /security/ja/advisories/sasser-worm/
 */
import { LANGS, otherLang, type Lang } from "../i18n/languages.ts";
import { CSAF_DIR, documentPath, type DocumentKey } from "./csaf-ids.ts";

/** The two sections of entries: advisories (incidents, bulletins, guidance) and hoaxes. */
export type Section = "advisories" | "hoaxes";

/** Free pages (content/{lang}/pages/{id}.md) and where each is served inside a language. */
export const PAGE_PATHS: Record<string, string> = { about: "about/", hoaxes: "hoaxes/" };

export const routes = {
  /** The language chooser. */
  chooser: (): string => "/",
  home: (lang: Lang): string => `/${lang}/`,
  advisories: (lang: Lang): string => `/${lang}/advisories/`,
  hoaxes: (lang: Lang): string => `/${lang}/hoaxes/`,
  about: (lang: Lang): string => `/${lang}/about/`,
  search: (lang: Lang): string => `/${lang}/search/`,
  feed: (lang: Lang): string => `/${lang}/feed.xml`,
  /** The partner widgets: the newest advisories, and the hoaxes. */
  embed: (lang: Lang): string => `/${lang}/embed/latest/`,
  embedHoaxes: (lang: Lang): string => `/${lang}/embed/hoaxes/`,
  /** One advisory or hoax. */
  entry: (lang: Lang, section: Section, id: string): string => `/${lang}/${section}/${id}/`,
  /** A free page by its id (about, hoaxes). */
  page: (lang: Lang, id: string): string => `/${lang}/${PAGE_PATHS[id]}`,
  /** Everything that references a KB article: /ja/kb/835732/. */
  kb: (lang: Lang, kb: number | string): string => `/${lang}/kb/${kb}/`,
  /** Everything that references a CVE: /ja/cve/cve-2003-0533/. */
  cve: (lang: Lang, cve: string): string => `/${lang}/cve/${cve.toLowerCase()}/`,
  /** The data API's files: advisories.json and advisories.schema.json. */
  api: (file: "advisories.json" | "advisories.schema.json"): string => `/api/${file}`,
  /** A file of the CSAF provider directory: provider-metadata.json, 2004/keikoku-2004-ms04-011.json. */
  csaf: (path: string): string => `/${CSAF_DIR}/${path}`,
  /**
   * The CSAF document of the text an entry shows: a fallback page shows the original, so it links the
   * original's document.
   */
  csafDocument: (idPrefix: string, entry: DocumentKey & { contentLang: Lang }): string =>
    `/${CSAF_DIR}/${documentPath(idPrefix, entry, entry.contentLang)}`,
  securityTxt: (): string => "/.well-known/security.txt",
  sitemap: (): string => "/sitemap.xml",
  notFound: (): string => "/404.html",
};

/**
 * A page that exists in both languages: its URL, the other language's (the language switch) and both as
 * hreflang alternates. `translated(routes.advisories, "ja")` → { url: "/ja/advisories/", otherUrl: "/en/advisories/", … }
 */
export function translated(route: (lang: Lang) => string, lang: Lang): { url: string; otherUrl: string; alternates: { lang: Lang; url: string }[] } {
  return { url: route(lang), otherUrl: route(otherLang(lang)), alternates: LANGS.map((l) => ({ lang: l, url: route(l) })) };
}

/** The pages of every language that are not made from content (for the sitemap and the alias check). */
export const FIXED_PAGES = ["home", "advisories", "hoaxes", "about", "search"] as const;

/** The site paths that exist whatever the content, so an alias can never shadow one. */
export function fixedPaths(langs: readonly Lang[]): string[] {
  return [
    routes.chooser(), routes.notFound(), routes.sitemap(),
    ...langs.flatMap((lang) => [...FIXED_PAGES.map((page) => routes[page](lang)), routes.feed(lang), routes.embed(lang), routes.embedHoaxes(lang)]),
  ];
}

/** A site path under the path prefix: what a browser requests. */
export function withPrefix(pathPrefix: string, path: string): string {
  return `${pathPrefix}${path.replace(/^\//, "")}`;
}

/** The absolute URL of a site path: origin, path prefix, path. */
export function absoluteUrl(base: { siteUrl: string; pathPrefix: string }, path: string): string {
  return `${base.siteUrl}${withPrefix(base.pathPrefix, path)}`;
}

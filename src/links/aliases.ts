/**
 * Old URLs kept alive: an entry's `aliases` become redirect pages (meta refresh, canonical link, a visible
 * link for people) and lines of a `_redirects` file that static hosts read.
 *
 *   aliases: [/ja/advisories/sasser-worm/]   →   /ja/advisories/sasser-worm/index.html → /ja/advisories/sasser/
 *
 * An alias under /{lang}/ redirects to that language's page; any other alias to the source-language page.
 */
import { LANGS, SOURCE_LANG, type Lang } from "../i18n/languages.ts";
import type { Entry } from "../data/entries.ts";
import { withPrefix } from "../routes/routes.ts";

export interface Redirect {
  /** Site path without prefix, ending in "/" or ".html". */
  from: string;
  /** Site path of the target page, without prefix. */
  to: string;
  lang: Lang;
  title: string;
}

export function aliasLang(alias: string): Lang {
  const first = alias.split("/")[1] ?? "";
  return (LANGS as readonly string[]).includes(first) ? (first as Lang) : SOURCE_LANG;
}

/** Where a redirect page is written: aliases ending in "/" get an index.html. */
export function redirectFile(from: string): string {
  return from.endsWith("/") ? `${from}index.html` : from;
}

export function redirectsFor(entries: Entry[]): Redirect[] {
  const out: Redirect[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const lang = aliasLang(alias);
      if (entry.lang !== lang) continue;
      out.push({ from: alias, to: entry.url, lang, title: entry.title });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** The `_redirects` file (Netlify, Cloudflare Pages and others): one "from to 301" line per alias. */
export function redirectsFile(redirects: Redirect[], pathPrefix: string): string {
  return redirects.map((r) => `${withPrefix(pathPrefix, r.from)} ${withPrefix(pathPrefix, r.to)} 301`).join("\n") + (redirects.length ? "\n" : "");
}

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
import type { ContentProblem } from "../data/problems.ts";
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

/**
 * Aliases must stay inside the site, end in "/" or ".html", and collide with no real page and no other
 * alias. `located` gives each alias's file and position for the report.
 */
export function checkAliases(
  aliases: { alias: string; file: string; line: number; column: number; field: string }[],
  realPaths: Set<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const a of aliases) {
    const at = { file: a.file, line: a.line, column: a.column, field: a.field };
    // Malformed aliases and repeats within one file are reported by the source cross-check already.
    if (!a.alias.startsWith("/") || a.alias.split("/").includes("..")) continue;
    if (!a.alias.endsWith("/") && !a.alias.endsWith(".html")) {
      problems.push({ ...at, message: `alias "${a.alias}" must end in "/" or ".html"`, hint: `write it as the URL readers used, e.g. ${a.alias}/` });
      continue;
    }
    if (realPaths.has(a.alias) || realPaths.has(a.alias.replace(/index\.html$/, ""))) {
      problems.push({ ...at, message: `alias "${a.alias}" is the URL of a real page`, hint: "an alias names an old URL that no longer has its own page; remove it" });
      continue;
    }
    const other = seen.get(a.alias);
    if (other === a.file) continue;
    if (other) problems.push({ ...at, message: `alias "${a.alias}" is also an alias in ${other}`, hint: "an old URL can redirect to one page only; remove one of the two" });
    else seen.set(a.alias, a.file);
  }
  return problems;
}

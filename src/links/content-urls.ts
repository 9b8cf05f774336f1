/**
 * The published URLs that the content alone decides, known without rendering anything, so that `check` finds
 * what the build's URL manifest step would refuse (issue #17: check is the authority). Changing an entry's
 * `published` year moves its CSAF documents (`/.well-known/csaf/2004/…` → `/1999/…`); changing site.yaml's
 * csaf.tlp renames the ROLIE feed (`feed-tlp-white.json` → `feed-tlp-green.json`); removing a KB number
 * removes `/ja/kb/835732/`; removing an entry removes its pages: the build fails on each after rendering the
 * whole site, naming the URL.
 *
 *   manifestProblems(site, { siteDir, root, idPrefix, csaf: true })
 *     → [{ file: "content/url-manifest.txt", line: 9, field: "/.well-known/csaf/2004/keikoku-2004-good-times.json", … }]
 *
 * Only the families below are compared (URLs of entries, their aliases, identifier pages, CSAF documents and
 * the ROLIE feed); the site's fixed pages, Atom feeds and other provider files do not depend on the content.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { SiteData } from "../data/entries.ts";
import type { ContentProblem } from "../data/problems.ts";
import { displayPath } from "../data/display-path.ts";
import { MANIFEST_NAME } from "../data/site-files.ts";
import { LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import { identifierPages } from "../identifiers/identifier-pages.ts";
import { csafFilename, documentPath } from "../routes/csaf-ids.ts";
import { routes } from "../routes/routes.ts";
import { feedName } from "../csaf/provider.ts";

/** Manifest URLs that only the content produces: entry pages, KB and CVE pages, CSAF documents and their hashes. */
const CSAF_DOCUMENT = /^\/\.well-known\/csaf\/\d{4}\/[^/]+\.json(\.sha256|\.sha512)?$/;
/** The ROLIE feed, named after the site's TLP (csaf.tlp in site.yaml). */
const CSAF_FEED = /^\/\.well-known\/csaf\/feed-tlp-[a-z]+\.json$/;
const IDENTIFIER_PAGE = /^\/[a-z]{2}\/(kb|cve)\/[^/]+\/$/;
const CONTENT_FAMILY = [
  /^\/[a-z]{2}\/(advisories|hoaxes)\/[^/]+\/$/,
  IDENTIFIER_PAGE,
  CSAF_DOCUMENT,
  CSAF_FEED,
];

export interface ManifestOptions {
  siteDir: string;
  root: string;
  idPrefix: string;
  /** The TLP label the CSAF documents and the feed are published under (WHITE, GREEN). */
  tlp: string;
  /** The build writes CSAF documents (the settings' switch). */
  csaf: boolean;
}

/** The URLs of CONTENT_FAMILY that this content publishes. */
export function contentUrls(site: SiteData, options: Pick<ManifestOptions, "idPrefix" | "tlp" | "csaf">): Set<string> {
  const urls = new Set<string>();
  if (options.csaf) urls.add(routes.csaf(feedName(options.tlp)));
  for (const entry of site.entries) {
    urls.add(entry.url);
    for (const alias of entry.aliases) urls.add(alias);
    // Documents exist for real texts only; a fallback page links the original's.
    if (options.csaf && !entry.isFallback) {
      const document = routes.csaf(documentPath(options.idPrefix, entry, entry.lang));
      for (const suffix of ["", ".sha256", ".sha512"]) urls.add(`${document}${suffix}`);
    }
  }
  for (const page of identifierPages(site.entries, LANGS)) urls.add(page.url);
  return urls;
}

/** Each URL of the manifest, in CONTENT_FAMILY, that the content would no longer publish, at its line. */
export function manifestProblems(site: SiteData, options: ManifestOptions): ContentProblem[] {
  const path = join(options.siteDir, MANIFEST_NAME);
  if (!existsSync(path)) return [];
  const file = displayPath(options.root, options.siteDir, path);
  const produced = contentUrls(site, options);
  const problems: ContentProblem[] = [];
  readFileSync(path, "utf8").split("\n").forEach((raw, index) => {
    const url = raw.trim();
    if (!url || url.startsWith("#") || produced.has(url) || !CONTENT_FAMILY.some((family) => family.test(url))) return;
    // With CSAF switched off (KEIKOKU_CSAF=off) no document is written, whatever the content says: that is
    // the switch's doing, not the author's, and not for check to report.
    if (!options.csaf && (CSAF_DOCUMENT.test(url) || CSAF_FEED.test(url))) return;
    const moved = movedDocument(site, url, options);
    const isPage = url.endsWith("/");
    problems.push({
      file,
      line: index + 1,
      column: 1,
      field: "(url)",
      ...(moved
        ? { code: "manifest.document-moved", params: { url, ...moved }, hint: "manifest.keep-published" }
        : CSAF_DOCUMENT.test(url) && !basename(url).startsWith(csafFilename(options.idPrefix).replace(/\.json$/, "-"))
          ? { code: "manifest.prefix-renamed", params: { url, idPrefix: options.idPrefix }, hint: "manifest.keep-prefix" }
          : CSAF_FEED.test(url)
          ? { code: "manifest.feed-renamed", params: { url, tlp: options.tlp, moved: routes.csaf(feedName(options.tlp)) }, hint: "manifest.keep-tlp" }
          : { code: "manifest.gone", params: { url }, hint: IDENTIFIER_PAGE.test(url) ? "manifest.keep-identifier" : isPage ? "manifest.alias" : "manifest.restore" }),
    });
  });
  return problems;
}

/** The entry whose CSAF document `url` was before its `published` year changed, if any. */
function movedDocument(site: SiteData, url: string, options: ManifestOptions): { file: string; published: string; moved: string } | undefined {
  const year = /^\/\.well-known\/csaf\/(\d{4})\//.exec(url)?.[1];
  if (!year || !options.csaf) return undefined;
  const document = url.replace(/\.(sha256|sha512)$/, "");
  for (const entry of site.entries) {
    if (entry.isFallback) continue;
    if (routes.csaf(documentPath(options.idPrefix, { id: entry.id, published: `${year}-01-01` }, entry.lang)) !== document) continue;
    // `published` is written in the source file, whichever language's document moved.
    const source = site.entries.find((e) => e.id === entry.id && e.lang === SOURCE_LANG && !e.isFallback) ?? entry;
    return { file: source.file, published: entry.published, moved: routes.csaf(documentPath(options.idPrefix, entry, entry.lang)) };
  }
  return undefined;
}

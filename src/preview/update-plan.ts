/**
 * What a save changes in the built site: the dev server compares the content before and after the save and
 * renders only the pages whose inputs changed (src/preview/update-site.ts applies the plan).
 *
 * A page's output is a function of its inputs, and the inputs are data, so comparing data is enough:
 *   - every page shows the settings, the products, the free pages (about, hoaxes) and the site's last update:
 *     when one of those changed, everything is rebuilt;
 *   - an entry page shows its own Entry (related links and cross-entry links are resolved into it when the
 *     content loads), so it is rendered again exactly when its Entry differs;
 *   - a KB or CVE page shows its references: rendered again when they differ or one of their entries changed;
 *   - a redirect page shows its redirect;
 *   - the pages made from the whole site (lists, feeds, API, sitemap…) are rendered again on any change.
 * A page whose item is gone is deleted. tests/preview/replay.build.test.ts proves the result equals a clean build.
 */
import type { Entry, SiteData } from "../data/entries.ts";
import { identifierPages, type IdentifierPage } from "../identifiers/identifier-pages.ts";
import { redirectFile, redirectsFor, type Redirect } from "../links/aliases.ts";
import { LANGS } from "../i18n/languages.ts";
import type { RenderSelection } from "../site/render-selection.ts";

/** A loaded site with what the comparison needs, computed once per save. */
export interface SiteSnapshot {
  site: SiteData;
  /** What every page shows besides its own item. */
  shared: string;
  entries: Map<string, { entry: Entry; json: string }>;
  identifierPages: Map<string, { page: IdentifierPage; key: string }>;
  redirects: Map<string, { redirect: Redirect; json: string }>;
}

export function snapshot(site: SiteData): SiteSnapshot {
  // Notices are not shown on pages (the report prints them); the rest of SiteData besides the entries is shown everywhere.
  const shared = JSON.stringify({ pages: site.pages, products: site.products, productOrder: Object.keys(site.products), lastUpdated: site.lastUpdated });
  return {
    site,
    shared,
    entries: new Map(site.entries.map((entry) => [entry.url, { entry, json: JSON.stringify(entry) }])),
    // A page's own fields and which entries (and vulnerabilities) it lists, in order; the entries are compared above.
    identifierPages: new Map(identifierPages(site.entries, LANGS).map((page) => [page.url, { page, key: JSON.stringify({ ...page, references: page.references.map((r) => [r.entry.url, r.vulnerability]) }) }])),
    redirects: new Map(redirectsFor(site.entries).map((redirect) => [redirect.from, { redirect, json: JSON.stringify(redirect) }])),
  };
}

export type UpdatePlan =
  | { kind: "everything"; reason: "shared" }
  | {
      kind: "pages";
      selection: RenderSelection;
      /** Site paths (no prefix) of the output files whose item is gone. */
      removed: string[];
      /** URLs of entry pages that are new since the last build (the search index must take them in order). */
      added: string[];
    };

export function planUpdate(before: SiteSnapshot, after: SiteSnapshot): UpdatePlan {
  if (before.shared !== after.shared) return { kind: "everything", reason: "shared" };

  const changedEntries = new Set<string>();
  const added: string[] = [];
  for (const [url, { json }] of after.entries) {
    const old = before.entries.get(url);
    if (!old) added.push(url);
    if (old?.json !== json) changedEntries.add(url);
  }
  const removed: string[] = [];
  for (const url of before.entries.keys()) if (!after.entries.has(url)) removed.push(`${url}index.html`);
  const entriesGone = removed.length > 0;

  const identifierPages: IdentifierPage[] = [];
  for (const [url, { page, key }] of after.identifierPages) {
    const old = before.identifierPages.get(url);
    if (old?.key !== key || page.references.some((r) => changedEntries.has(r.entry.url))) identifierPages.push(page);
  }
  for (const url of before.identifierPages.keys()) if (!after.identifierPages.has(url)) removed.push(`${url}index.html`);

  const redirects: Redirect[] = [];
  for (const [from, { redirect, json }] of after.redirects) if (before.redirects.get(from)?.json !== json) redirects.push(redirect);
  for (const from of before.redirects.keys()) if (!after.redirects.has(from)) removed.push(redirectFile(from));

  const entries = after.site.entries.filter((e) => changedEntries.has(e.url));
  const siteWide = entries.length > 0 || entriesGone || redirects.length > 0 || removed.length > 0;
  return { kind: "pages", selection: { entries, identifierPages, redirects, siteWide }, removed, added };
}

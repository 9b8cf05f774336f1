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
import type { IdentifierPage } from "../identifiers/identifier-pages.ts";
import { redirectFile, type Redirect } from "../links/aliases.ts";
import { siteLists, type SiteLists } from "../site/template-data.ts";
import type { RenderSelection } from "../site/render-selection.ts";

/** A loaded site, indexed for the comparison. */
export interface SiteSnapshot {
  site: SiteData;
  /** What every page shows besides its own item. */
  shared: unknown;
  entries: Map<string, Entry>;
  identifierPages: Map<string, IdentifierPage>;
  redirects: Map<string, Redirect>;
  /** The KB/CVE pages and redirects as a render takes them (computed once per save, not once per render). */
  lists: SiteLists;
}

export function snapshot(site: SiteData): SiteSnapshot {
  const lists = siteLists(site);
  return {
    site,
    // Notices are not shown on pages (the report prints them); the rest of SiteData besides the entries is.
    shared: { pages: site.pages, products: site.products, productOrder: Object.keys(site.products), lastUpdated: site.lastUpdated },
    entries: new Map(site.entries.map((entry) => [entry.url, entry])),
    identifierPages: new Map(lists.identifierPages.map((page) => [page.url, page])),
    redirects: new Map(lists.redirects.map((redirect) => [redirect.from, redirect])),
    lists,
  };
}

/**
 * Whether two values of loaded content are the same data (plain objects, arrays, strings, numbers, booleans):
 * what JSON.stringify would tell, without building 50 MB of strings at 5,000 advisories.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k, i) => k === keysB[i] && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A KB/CVE page's own fields and which entries (and vulnerabilities) it lists, in order; not the entries themselves. */
function sameIdentifierPage(a: IdentifierPage, b: IdentifierPage): boolean {
  const { references: refsA, ...ownA } = a;
  const { references: refsB, ...ownB } = b;
  return sameData(ownA, ownB) && refsA.length === refsB.length && refsA.every((r, i) => r.entry.url === refsB[i]!.entry.url && sameData(r.vulnerability, refsB[i]!.vulnerability));
}

export type UpdatePlan =
  | { kind: "everything"; reason: "shared" }
  | {
      kind: "pages";
      selection: RenderSelection;
      /** Site paths (no prefix) of the output files whose item is gone. */
      removed: string[];
    };

export function planUpdate(before: SiteSnapshot, after: SiteSnapshot): UpdatePlan {
  if (!sameData(before.shared, after.shared)) return { kind: "everything", reason: "shared" };

  const changedEntries = new Set<string>();
  for (const [url, entry] of after.entries) {
    const old = before.entries.get(url);
    if (!old || !sameData(old, entry)) changedEntries.add(url);
  }
  const removed: string[] = [];
  for (const url of before.entries.keys()) if (!after.entries.has(url)) removed.push(`${url}index.html`);
  const entriesGone = removed.length > 0;

  const identifierPages: IdentifierPage[] = [];
  for (const [url, page] of after.identifierPages) {
    const old = before.identifierPages.get(url);
    if (!old || !sameIdentifierPage(old, page) || page.references.some((r) => changedEntries.has(r.entry.url))) identifierPages.push(page);
  }
  for (const url of before.identifierPages.keys()) if (!after.identifierPages.has(url)) removed.push(`${url}index.html`);

  const redirects: Redirect[] = [];
  for (const [from, redirect] of after.redirects) if (!sameData(before.redirects.get(from), redirect)) redirects.push(redirect);
  for (const from of before.redirects.keys()) if (!after.redirects.has(from)) removed.push(redirectFile(from));

  const entries = after.site.entries.filter((e) => changedEntries.has(e.url));
  const siteWide = entries.length > 0 || entriesGone || redirects.length > 0 || removed.length > 0;
  return { kind: "pages", selection: { entries, identifierPages, redirects, siteWide }, removed };
}

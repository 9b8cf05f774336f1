/**
 * The site's one order for "newest first", used wherever a list is ordered by date (home, lists, feed,
 * embed, API, CSAF indexes): entries sorted with it once, in the data layer, and every list keeps that order.
 *
 *   1. last revision date, newest first;
 *   2. importance: incidents and bulletins, then guidance, then hoaxes;
 *   3. severity, highest first (an entry without one counts as none);
 *   4. an incident before a bulletin of the same severity (the outbreak before the fix it needs);
 *   5. first publication date, newest first;
 *   6. id, so that the order never depends on the order files were read in.
 *
 * Many entries share a date (the bundled 2004 set has one date for all eleven), so steps 2–4 decide what a
 * reader sees first: Sasser and MS04-011 before guidance, and guidance before eight hoaxes.
 */
import type { Entry } from "./entries.ts";
import type { Kind, SeverityId } from "./vocabulary.ts";

/** The fields the order reads: an entry, or anything shaped like one (the API, tests). */
export type Orderable = Pick<Entry, "id" | "kind" | "updated" | "published"> & { severity?: SeverityId | null };

/** Importance tiers: lower comes first. Incidents and bulletins share the first tier. */
export const KIND_TIER: Record<Kind, number> = { incident: 0, bulletin: 0, guidance: 1, hoax: 2 };

/** Within a tier and a severity, an incident before a bulletin. */
const KIND_STEP: Record<Kind, number> = { incident: 0, bulletin: 1, guidance: 0, hoax: 0 };

/** Higher is more severe; "none", "not-critical" and no severity at all rank lowest. */
export const SEVERITY_RANK: Record<SeverityId, number> = { critical: 4, important: 3, moderate: 2, low: 1, none: 0, "not-critical": 0 };

const rank = (severity: SeverityId | null | undefined): number => (severity ? SEVERITY_RANK[severity] : 0);

/** Compares two entries for Array.prototype.sort: negative when `a` comes first. Pure; total on distinct ids. */
export function newestFirst(a: Orderable, b: Orderable): number {
  return (
    b.updated.localeCompare(a.updated) ||
    KIND_TIER[a.kind] - KIND_TIER[b.kind] ||
    rank(b.severity) - rank(a.severity) ||
    KIND_STEP[a.kind] - KIND_STEP[b.kind] ||
    b.published.localeCompare(a.published) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Versions of a product, as `testedVersions` lists them, and the references other facts make to them
 * (a vulnerability's `status`, `scores[].products`, `remediations[].products`). Pure functions.
 *
 *   expandVersions([{ name: "Windows 2000", servicePacks: ["Service Pack 3", "Service Pack 4"] }])
 *     → [{ label: "Windows 2000 Service Pack 3", name: "Windows 2000", servicePack: "Service Pack 3" }, …]
 *   resolveVersions("all", versions)  → every label (or [] when the product lists no versions: the product itself)
 */
import type { ProductId, ProductStatusId } from "./vocabulary.ts";
import { PRODUCT_STATUS_IDS, STATUS_GROUPS } from "./vocabulary.ts";

/** One version as written in testedVersions (before expansion). */
export interface VersionInput {
  name: string;
  servicePack?: string | undefined;
  servicePacks?: string[] | undefined;
  versions?: string[] | undefined;
}

/** One version after expansion: its full name (`label`) and how CSAF's product tree names it. */
export interface ExpandedVersion {
  /** The full name: "Windows 2000 Service Pack 2", "Cisco IOS 12.2SE 12.2(55)SE". */
  label: string;
  name: string;
  /** A service pack (CSAF branch service_pack). */
  servicePack?: string;
  /** A version (CSAF branch product_version). */
  version?: string;
}

export type VersionsRef = "all" | string[];
export type ProductRefs = Partial<Record<ProductId, VersionsRef>>;
export type StatusValue = ProductStatusId | Partial<Record<ProductStatusId, VersionsRef>>;

/** The versions a testedVersions list stands for, one per service pack or version. */
export function expandVersions(list: readonly VersionInput[] = []): ExpandedVersion[] {
  const out: ExpandedVersion[] = [];
  for (const v of list) {
    if (v.servicePacks) for (const sp of v.servicePacks) out.push({ label: `${v.name} ${sp}`, name: v.name, servicePack: sp });
    else if (v.versions) for (const ver of v.versions) out.push({ label: `${v.name} ${ver}`, name: v.name, version: ver });
    else if (v.servicePack) out.push({ label: `${v.name} ${v.servicePack}`, name: v.name, servicePack: v.servicePack });
    else out.push({ label: v.name, name: v.name });
  }
  return out;
}

/** The labels a reference names: `all` → every version; [] means the product itself (it lists no versions). */
export function resolveVersions(ref: VersionsRef, versions: readonly ExpandedVersion[]): string[] {
  return ref === "all" ? versions.map((v) => v.label) : [...ref];
}

/** Labels in `ref` that the product does not list (for the cross-check); a product without versions lists none. */
export function unknownVersions(ref: VersionsRef, versions: readonly ExpandedVersion[]): string[] {
  if (ref === "all") return [];
  const known = new Set(versions.map((v) => v.label));
  return ref.filter((label) => !known.has(label));
}

/** A status value as status → labels ([] = the product itself). */
export function statusByCategory(value: StatusValue, versions: readonly ExpandedVersion[]): Map<ProductStatusId, string[]> {
  const out = new Map<ProductStatusId, string[]>();
  if (typeof value === "string") {
    out.set(value, resolveVersions("all", versions));
    return out;
  }
  for (const status of PRODUCT_STATUS_IDS) {
    const ref = value[status];
    if (ref !== undefined) out.set(status, resolveVersions(ref, versions));
  }
  return out;
}

const AFFECTED: readonly ProductStatusId[] = ["known-affected", "first-affected", "last-affected"];
const NOT_AFFECTED: readonly ProductStatusId[] = ["known-not-affected", "fixed", "first-fixed"];
export const isAffectedStatus = (s: ProductStatusId): boolean => AFFECTED.includes(s);
export const isNotAffectedStatus = (s: ProductStatusId): boolean => NOT_AFFECTED.includes(s);

/** Versions (labels; "" = the product itself) that a status value puts in two contradicting groups (CSAF 6.1.6). */
export function contradictions(value: StatusValue, versions: readonly ExpandedVersion[]): { label: string; groups: string[] }[] {
  const groupsOf = new Map<string, Set<string>>();
  for (const [status, labels] of statusByCategory(value, versions)) {
    const group = STATUS_GROUPS[status];
    if (!group) continue;
    for (const label of labels.length ? labels : [""]) {
      const set = groupsOf.get(label) ?? new Set<string>();
      set.add(group);
      groupsOf.set(label, set);
    }
  }
  return [...groupsOf].filter(([, g]) => g.size > 1).map(([label, g]) => ({ label, groups: [...g] }));
}

/** CVSS v3's qualitative rating of a score (also used for v2 scores on pages, where CVSS v2 has none of its own). */
export function cvssSeverity(score: number): "none" | "low" | "medium" | "high" | "critical" {
  if (score === 0) return "none";
  if (score < 4) return "low";
  if (score < 7) return "medium";
  if (score < 9) return "high";
  return "critical";
}

/** "3.1", "3.0" or "2.0", from the vector's form. */
export function cvssVersion(vector: string): "3.1" | "3.0" | "2.0" {
  if (vector.startsWith("CVSS:3.1/")) return "3.1";
  if (vector.startsWith("CVSS:3.0/")) return "3.0";
  return "2.0";
}

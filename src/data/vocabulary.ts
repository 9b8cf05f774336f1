/**
 * The controlled vocabularies of the content model: kinds, severities and impacts, and the shape of a
 * site's products. Content files name them by id; display names come from here (and from the site's
 * products.yaml), so a name is spelled the same way on every page, in both languages.
 */
import type { Lang } from "../i18n/languages.ts";

export type Names = Record<Lang, string>;

/**
 * A product id. Products are the site's own: they come from products.yaml in the site folder
 * (src/data/stages/read-products.ts), not from Keikoku, so every id is a string here.
 */
export type ProductId = string;

/** One product of a site's vocabulary: its names, an optional short name for narrow places, its vendor. */
export interface Product extends Names {
  short?: Names;
  vendor: string;
}

/** A site's products by id, in display order. */
export type Products = Readonly<Record<ProductId, Product>>;

/** What kind of entry a file is; decides its folder, its layout and its badge. */
export const KINDS = {
  incident: { ja: "インシデント", en: "Incident" },
  bulletin: { ja: "セキュリティ情報", en: "Bulletin" },
  guidance: { ja: "対策", en: "Guidance" },
  hoax: { ja: "デマ情報", en: "Hoax" },
} as const satisfies Record<string, Names>;
export type Kind = keyof typeof KINDS;
export const ADVISORY_KINDS = ["incident", "bulletin", "guidance"] as const;
export type AdvisoryKind = (typeof ADVISORY_KINDS)[number];

/** Microsoft's 2004 severity scale, with the Japanese terms the Japanese bulletins used. */
export const SEVERITIES = {
  critical: { ja: "緊急", en: "Critical" },
  important: { ja: "重要", en: "Important" },
  moderate: { ja: "警告", en: "Moderate" },
  low: { ja: "注意", en: "Low" },
  none: { ja: "なし", en: "None" },
  "not-critical": { ja: "緊急ではない", en: "Not critical" },
} as const satisfies Record<string, Names>;
export type SeverityId = keyof typeof SEVERITIES;
export const SEVERITY_IDS = Object.keys(SEVERITIES) as [SeverityId, ...SeverityId[]];

/** The impact of a vulnerability, as a bulletin states it. */
export const IMPACTS = {
  "remote-code-execution": { ja: "リモートでコードが実行される", en: "Remote code execution" },
  "denial-of-service": { ja: "サービス拒否", en: "Denial of service" },
  "elevation-of-privilege": { ja: "特権の昇格", en: "Elevation of privilege" },
} as const satisfies Record<string, Names>;
export type ImpactId = keyof typeof IMPACTS;
export const IMPACT_IDS = Object.keys(IMPACTS) as [ImpactId, ...ImpactId[]];

/**
 * CSAF 2.0's product status categories (§3.2.3.9), for a vulnerability's per-product `status`. The ids are
 * CSAF's names in kebab-case (known_affected → known-affected). Order here is display order.
 */
export const PRODUCT_STATUSES = {
  "known-affected": { ja: "影響あり", en: "Affected" },
  "first-affected": { ja: "影響あり (最初のバージョン)", en: "Affected (first version)" },
  "last-affected": { ja: "影響あり (最後のバージョン)", en: "Affected (last version)" },
  "under-investigation": { ja: "調査中", en: "Under investigation" },
  "known-not-affected": { ja: "影響なし", en: "Not affected" },
  "first-fixed": { ja: "修正済み (最初のバージョン)", en: "Fixed (first version)" },
  fixed: { ja: "修正済み", en: "Fixed" },
  recommended: { ja: "推奨", en: "Recommended" },
} as const satisfies Record<string, Names>;
export type ProductStatusId = keyof typeof PRODUCT_STATUSES;
export const PRODUCT_STATUS_IDS = Object.keys(PRODUCT_STATUSES) as [ProductStatusId, ...ProductStatusId[]];

/**
 * CSAF's groups of product status that contradict each other (test 6.1.6): a version is in at most one.
 * `recommended` belongs to none of them.
 */
export const STATUS_GROUPS: Record<ProductStatusId, "affected" | "not-affected" | "fixed" | "under-investigation" | undefined> = {
  "known-affected": "affected",
  "first-affected": "affected",
  "last-affected": "affected",
  "under-investigation": "under-investigation",
  "known-not-affected": "not-affected",
  "first-fixed": "fixed",
  fixed: "fixed",
  recommended: undefined,
};

/** CSAF 2.0's remediation categories (§3.2.3.12.2), kebab-case like the other ids. */
export const REMEDIATIONS = {
  "vendor-fix": { ja: "ベンダーの修正", en: "Vendor fix" },
  workaround: { ja: "回避策", en: "Workaround" },
  mitigation: { ja: "緩和策", en: "Mitigation" },
  "no-fix-planned": { ja: "修正の予定なし", en: "No fix planned" },
  "none-available": { ja: "修正なし", en: "None available" },
} as const satisfies Record<string, Names>;
export type RemediationId = keyof typeof REMEDIATIONS;
export const REMEDIATION_IDS = Object.keys(REMEDIATIONS) as [RemediationId, ...RemediationId[]];

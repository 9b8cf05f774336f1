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

/**
 * External links made from identifiers, never typed by hand: KB articles, CVE records, vendor bulletins.
 */
import type { Lang } from "../i18n/languages.ts";

export const kbUrl = (n: number): string => `https://support.microsoft.com/help/${n}`;
export const cveUrl = (id: string): string => `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;
/** Microsoft's bulletin archive: MS04-011 → …/securitybulletins/2004/ms04-011 in the reader's language. */
export const bulletinUrl = (id: string, lang: Lang): string =>
  `https://learn.microsoft.com/${lang === "ja" ? "ja-jp" : "en-us"}/security-updates/securitybulletins/20${id.slice(2, 4)}/${id.toLowerCase()}`;

/** Microsoft's own bulletin ids (MS04-011) have an archive URL; other vendors' ids (cisco-sa-…, RHSA-…) do not. */
export const isMicrosoftBulletin = (id: string): boolean => /^MS\d{2}-\d{3}$/.test(id);
/** The CWE's page at MITRE: CWE-611 → https://cwe.mitre.org/data/definitions/611.html */
export const cweUrl = (id: string): string => `https://cwe.mitre.org/data/definitions/${id.replace(/^CWE-/, "")}.html`;

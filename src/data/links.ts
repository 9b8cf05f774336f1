/**
 * External links made from identifiers, never typed by hand: KB articles, CVE records, vendor bulletins.
 */
import type { Lang } from "../i18n/languages.ts";

export const kbUrl = (n: number): string => `https://support.microsoft.com/help/${n}`;
export const cveUrl = (id: string): string => `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;
/** Microsoft's bulletin archive: MS04-011 → …/securitybulletins/2004/ms04-011 in the reader's language. */
export const bulletinUrl = (id: string, lang: Lang): string =>
  `https://learn.microsoft.com/${lang === "ja" ? "ja-jp" : "en-us"}/security-updates/securitybulletins/20${id.slice(2, 4)}/${id.toLowerCase()}`;

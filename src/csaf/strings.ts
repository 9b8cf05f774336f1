/**
 * Text that only CSAF documents carry, in each language. Labels that the pages also show (claim, truth,
 * affected, …) come from the site's UI strings (src/i18n) instead, so a document and its page use the same words.
 */
import type { Lang } from "../i18n/languages.ts";

export interface CsafStrings {
  details: string;
  hoaxFacts: string;
  selfJson: string;
  selfHtml: string;
  original: (id: string) => string;
  bulletin: (id: string) => string;
  kb: (n: number) => string;
  relatedDocument: (title: string) => string;
  vendorFix: (kb: number, bulletins: string[]) => string;
  vendorFixBulletin: (bulletin: string) => string;
  noFixPlanned: (kb: number) => string;
  vulnerabilityDescription: (name: string, cve: string | undefined, impact: string | undefined) => string;
  remediation: (category: string, url: string | undefined) => string;
  basedOnTitle: string;
  basedOn: (publisher: string, id: string, version: string, status: string | undefined, source: string, sha256: string) => string;
  incidentVulnerability: (cve: string) => string;
  unratedTitle: string;
  unrated: (names: string[]) => string;
  list: (items: string[]) => string;
  colon: string;
  canSystemName: string;
}

export const CSAF_STRINGS: Record<Lang, CsafStrings> = {
  ja: {
    details: "詳細",
    hoaxFacts: "名称と初確認",
    selfJson: "この文書 (CSAF 2.0 形式)",
    selfHtml: "この文書の Web ページ",
    original: (id) => `原文 (日本語): ${id}`,
    bulletin: (id) => `Microsoft セキュリティ情報 ${id}`,
    kb: (n) => `Microsoft サポート技術情報 ${n}`,
    relatedDocument: (title) => `関連: ${title} (CSAF 2.0 形式)`,
    vendorFix: (kb, bulletins) => `セキュリティ更新プログラム ${kb}${bulletins.length ? ` (${bulletins.join("、")})` : ""} を適用してください。`,
    vendorFixBulletin: (bulletin) => `${bulletin} のセキュリティ更新プログラムを適用してください。`,
    noFixPlanned: (kb) => `この製品向けのセキュリティ更新プログラム ${kb} は提供されていません。`,
    vulnerabilityDescription: (name, cve, impact) => `${name}${cve ? ` (${cve})` : ""}。${impact ? `影響: ${impact}。` : ""}`,
    remediation: (category, url) => `${category}${url ? `: ${url}` : ""}。詳しくはこの文書の Web ページをご覧ください。`,
    basedOnTitle: "もとにした文書",
    basedOn: (publisher, id, version, status, source, sha256) =>
      `${publisher} の ${id} (バージョン ${version}${status ? `、${status === "interim" ? "暫定版" : "草案"}` : ""}) にもとづく。読み込んだファイル: ${source} (SHA-256: ${sha256})`,
    incidentVulnerability: (cve) => `このインシデントに関係する脆弱性 ${cve} です。`,
    unratedTitle: "脆弱性ごとの深刻度が記載されていない製品",
    unrated: (names) => `次の製品も影響を受けるソフトウェアとして挙げられていますが、脆弱性ごとの深刻度はこの文書に記載されていないため、製品ツリーと製品の状態には含めていません: ${names.join("、")}`,
    list: (items) => items.join("、"),
    colon: ": ",
    canSystemName: "CVE 候補番号 (CAN, 2004年当時の番号)",
  },
  en: {
    details: "Details",
    hoaxFacts: "Names and first sighting",
    selfJson: "This document (CSAF 2.0)",
    selfHtml: "This document as a web page",
    original: (id) => `Original document (Japanese): ${id}`,
    bulletin: (id) => `Microsoft Security Bulletin ${id}`,
    kb: (n) => `Microsoft Knowledge Base article ${n}`,
    relatedDocument: (title) => `Related: ${title} (CSAF 2.0)`,
    vendorFix: (kb, bulletins) => `Install security update ${kb}${bulletins.length ? ` (${bulletins.join(", ")})` : ""}.`,
    vendorFixBulletin: (bulletin) => `Install the security update of ${bulletin}.`,
    noFixPlanned: (kb) => `Security update ${kb} is not offered for this product.`,
    vulnerabilityDescription: (name, cve, impact) => `${name}${cve ? ` (${cve})` : ""}.${impact ? ` Impact: ${impact}.` : ""}`,
    remediation: (category, url) => `${category}${url ? `: ${url}` : ""}. See this document's web page for the details.`,
    basedOnTitle: "Based on",
    basedOn: (publisher, id, version, status, source, sha256) =>
      `Based on ${publisher}'s ${id}, version ${version}${status ? ` (${status})` : ""}. File read: ${source} (SHA-256: ${sha256})`,
    incidentVulnerability: (cve) => `The vulnerability ${cve}, which this incident concerns.`,
    unratedTitle: "Products without per-vulnerability ratings",
    unrated: (names) => `These products are also listed as affected software, but this document has no per-vulnerability rating for them, so they are not in the product tree or the product status: ${names.join(", ")}`,
    list: (items) => items.join(", "),
    colon: ": ",
    canSystemName: "CVE candidate (CAN) id, as used in 2004",
  },
};

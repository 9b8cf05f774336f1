/**
 * Identifier pages: /{lang}/kb/{number}/ and /{lang}/cve/{cve-id}/ list everything that references a KB
 * article or a CVE, so a partner can link by the number they already have.
 */
import type { Entry } from "../data/entries.ts";
import type { Lang } from "../i18n/languages.ts";

export interface IdentifierReference {
  entry: Entry;
  /** For CVEs: the vulnerability of a bulletin that carries the id (name, ratings). */
  vulnerability?: Entry["vulnerabilities"][number];
}

export interface IdentifierPage {
  lang: Lang;
  type: "kb" | "cve";
  /** As displayed: "KB835732", "CVE-2003-0533". */
  label: string;
  /** As in the URL: "835732", "cve-2003-0533". */
  slug: string;
  url: string;
  otherUrl: string;
  references: IdentifierReference[];
}

export function identifierPages(entries: Entry[], langs: readonly Lang[]): IdentifierPage[] {
  const pages: IdentifierPage[] = [];
  for (const lang of langs) {
    const mine = entries.filter((e) => e.lang === lang);
    const kbs = [...new Set(mine.flatMap((e) => e.kb))].sort((a, b) => a - b);
    const cves = [...new Set(mine.flatMap((e) => [...e.cve, ...e.vulnerabilities.map((v) => v.cve)]))].sort();
    const other = lang === "ja" ? "en" : "ja";
    for (const kb of kbs) {
      const slug = String(kb);
      pages.push({
        lang, type: "kb", label: `KB${kb}`, slug, url: `/${lang}/kb/${slug}/`, otherUrl: `/${other}/kb/${slug}/`,
        references: mine.filter((e) => e.kb.includes(kb)).map((entry) => ({ entry })),
      });
    }
    for (const cve of cves) {
      const slug = cve.toLowerCase();
      pages.push({
        lang, type: "cve", label: cve, slug, url: `/${lang}/cve/${slug}/`, otherUrl: `/${other}/cve/${slug}/`,
        references: mine
          .filter((e) => e.cve.includes(cve) || e.vulnerabilities.some((v) => v.cve === cve))
          .map((entry) => {
            const vulnerability = entry.vulnerabilities.find((v) => v.cve === cve);
            return vulnerability ? { entry, vulnerability } : { entry };
          }),
      });
    }
  }
  return pages;
}

/**
 * Identifier pages: /{lang}/kb/{number}/ and /{lang}/cve/{cve-id}/ list everything that references a KB
 * article or a CVE, so a partner can link by the number they already have.
 */
import type { Entry } from "../data/entries.ts";
import { otherLang, type Lang } from "../i18n/languages.ts";
import { routes } from "../routes/routes.ts";

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
    // Identifier → references in one pass over the entries (newest first, as entries are): comparing every
    // identifier with every entry took seconds at archive scale.
    const byKb = new Map<number, IdentifierReference[]>();
    const byCve = new Map<string, IdentifierReference[]>();
    for (const entry of entries) {
      if (entry.lang !== lang) continue;
      for (const kb of new Set(entry.kb)) push(byKb, kb, { entry });
      const cves = new Set([...entry.cve, ...entry.vulnerabilities.flatMap((v) => (v.cve ? [v.cve] : []))]);
      for (const cve of cves) {
        const vulnerability = entry.vulnerabilities.find((v) => v.cve === cve);
        push(byCve, cve, vulnerability ? { entry, vulnerability } : { entry });
      }
    }
    const other = otherLang(lang);
    for (const kb of [...byKb.keys()].sort((a, b) => a - b)) {
      const slug = String(kb);
      pages.push({ lang, type: "kb", label: `KB${kb}`, slug, url: routes.kb(lang, slug), otherUrl: routes.kb(other, slug), references: byKb.get(kb)! });
    }
    for (const cve of [...byCve.keys()].sort()) {
      const slug = cve.toLowerCase();
      pages.push({ lang, type: "cve", label: cve, slug, url: routes.cve(lang, slug), otherUrl: routes.cve(other, slug), references: byCve.get(cve)! });
    }
  }
  return pages;
}

function push<K>(map: Map<K, IdentifierReference[]>, key: K, reference: IdentifierReference): void {
  const list = map.get(key);
  if (list) list.push(reference);
  else map.set(key, [reference]);
}

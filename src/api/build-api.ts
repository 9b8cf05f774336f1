/**
 * Builds the data API document from the validated entries, and its JSON Schema from the zod schema.
 */
import { z } from "zod";
import { entryById, type Entry, type SiteData } from "../data/entries.ts";
import { apiDocumentSchema, type ApiDocument } from "./schema.ts";
import { routes } from "../routes/routes.ts";

/** The site's name and publisher, as site.yaml says them. */
export interface ApiSource {
  name: { ja: string; en: string };
  publisher: string;
}

export function buildApiDocument(site: SiteData, source: ApiSource, fullUrl: (path: string) => string, csafUrl?: (entry: Entry) => string): ApiDocument {
  const ids = [...new Set(site.entries.map((e) => e.id))];
  const entries = ids.map((id) => {
    const ja = entryById(site, id, "ja")!;
    const en = entryById(site, id, "en")!;
    return {
      id,
      kind: ja.kind,
      title: { ja: ja.title, en: en.title },
      summary: { ja: ja.summary, en: en.summary },
      published: ja.published,
      updated: ja.updated,
      revision: ja.revision,
      severity: ja.severity ?? null,
      affected: ja.affected,
      notAffected: ja.notAffected,
      kb: ja.kb,
      cve: [...new Set([...ja.cve, ...ja.vulnerabilities.flatMap((v) => (v.cve ? [v.cve] : []))])],
      bulletins: ja.bulletins,
      translated: { ja: true, en: !en.isFallback },
      urls: { ja: fullUrl(ja.url), en: fullUrl(en.url) },
      // The English document is the translation's, even when the English page is still a fallback.
      csaf: csafUrl ? { ja: fullUrl(csafUrl(ja)), en: fullUrl(csafUrl({ ...en, contentLang: "en" })) } : null,
    };
  });
  const doc: ApiDocument = {
    $schema: fullUrl(routes.api("advisories.schema.json")),
    generator: "Keikoku",
    site: { name: source.name, publisher: source.publisher },
    updated: site.lastUpdated,
    products: Object.fromEntries(Object.entries(site.products).map(([id, names]) => [id, { ja: names.ja, en: names.en }])),
    entries,
  };
  // Never publish a document that does not match its own schema.
  return apiDocumentSchema(Object.keys(site.products)).parse(doc);
}

export function buildApiSchema(productIds: readonly string[], fullUrl: (path: string) => string): object {
  return { ...z.toJSONSchema(apiDocumentSchema(productIds)), $id: fullUrl(routes.api("advisories.schema.json")), title: "Keikoku advisories API" };
}

/**
 * The data API's document (/api/advisories.json): one language-neutral list of every advisory and hoax.
 * This zod schema is the single definition; its JSON Schema (/api/advisories.schema.json) is generated from it.
 */
import { z } from "zod";
import { productIdEnum, SeverityId, KINDS_ENUM } from "./vocabulary-schemas.ts";

const Localized = z.strictObject({ ja: z.string(), en: z.string() }).describe("The same text in Japanese and English.");
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("A day, YYYY-MM-DD.");

/** The document's schema for a site's product ids (the API's JSON Schema lists them). */
export function apiDocumentSchema(productIds: readonly string[]) {
  const ProductId = productIdEnum(productIds);
  const ApiEntrySchema = z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe("Stable ASCII id, shared by both languages."),
    kind: KINDS_ENUM.describe("incident, bulletin, guidance or hoax."),
    title: Localized,
    summary: Localized,
    published: Day.describe("First publication."),
    updated: Day.describe("The last revision's date."),
    revision: z.int().positive().describe("The current revision number."),
    severity: SeverityId.nullable().describe("Highest severity, or null."),
    affected: z.array(ProductId).describe("Affected product ids (see /api/advisories.schema.json for names)."),
    notAffected: z.array(ProductId).describe("Product ids confirmed not affected."),
    kb: z.array(z.int()).describe("Microsoft Knowledge Base numbers."),
    cve: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/)).describe("CVE ids."),
    bulletins: z.array(z.string()).describe("Vendor bulletin ids."),
    translated: z.strictObject({ ja: z.boolean(), en: z.boolean() }).describe("Whether each language has its own text (false: the page shows the source text)."),
    urls: z.strictObject({ ja: z.url(), en: z.url() }).describe("Absolute URLs of the two pages."),
    csaf: z.strictObject({ ja: z.url(), en: z.url() }).nullable().describe("Absolute URLs of the CSAF 2.0 documents (original and translation), or null when CSAF output is off."),
  });

  const ApiDocumentSchema = z.strictObject({
    $schema: z.url().describe("URL of this document's JSON Schema."),
    generator: z.literal("Keikoku"),
    site: z.strictObject({
      name: Localized.describe("The site's name in each language."),
      publisher: z.string().describe("Who publishes the site (the CSAF publisher's name)."),
    }).describe("The site this document describes."),
    updated: Day.describe("The newest revision date of any entry."),
    products: z.record(z.string(), Localized).describe("Display names of every product id."),
    entries: z.array(ApiEntrySchema),
  });
  return ApiDocumentSchema;
}
export type ApiDocument = z.output<ReturnType<typeof apiDocumentSchema>>;

/**
 * The schema: the single source of truth for what an advisory, a hoax and a page are.
 * Source files (Japanese) carry every language-neutral fact; translation files carry translated text and
 * may restate a neutral fact only if it is equal (proved in cross-check.ts).
 */
import { z } from "zod";
// The URI test the CSAF validator runs (csaf-validator-lib builds its ajv with ajv-formats).
import { fullFormats } from "ajv-formats/dist/formats.js";
const isUri = fullFormats.uri as (text: string) => boolean;
import { ADVISORY_KINDS, IMPACT_IDS, PRODUCT_STATUS_IDS, REMEDIATION_IDS, SEVERITY_IDS } from "./vocabulary.ts";
import { problemCode } from "../i18n/problem-text.ts";

// Control characters and Unicode direction overrides/isolates (text that reads differently from how it is stored).
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Non-empty text without control characters. */
export const Text = z
  .string({ error: problemCode("text.expected") })
  .trim()
  .min(1, { error: problemCode("text.empty") })
  .refine((s) => !CONTROL_CHARS.test(s), { error: problemCode("text.control-character") });

/** An ASCII id: lower-case letters, digits and single hyphens (`sasser`, `ms04-011`, `sulfnbk-exe`). */
export const Id = z
  .string({ error: problemCode("id.expected") })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: problemCode("id.invalid") });

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Which problem a date that is not a calendar day has: written wrong (`2004-5-8`, `2004-13-01`) or written
 * right for a day that does not exist (`2004-02-30`), which says so instead of repeating the format.
 */
function dateProblem(input: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 ? problemCode("date.nonexistent") : problemCode("date.malformed");
}

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = z
  .string({ error: problemCode("date.expected") })
  .refine(
    (s) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
    },
    { error: (iss) => dateProblem(String(iss.input)) },
  );

/** A day, a month or a year: `2002-05-01`, `2001-04` or `1998`. */
export const PartialDate = z
  .union([z.string(), z.number()], { error: problemCode("date.expected-partial") })
  .transform((v) => String(v))
  .refine(
    (s) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
      if (!m) return false;
      const month = m[2] ? Number(m[2]) : 1;
      return month >= 1 && month <= 12 && isRealDate(Number(m[1]), month, m[3] ? Number(m[3]) : 1);
    },
    { error: (iss) => dateProblem(String(iss.input)) },
  );

/**
 * An absolute `https:` or `http:` URL; nothing else may become a link. It must also be a URI as RFC 3986
 * writes one (ajv-formats' "uri", the test the CSAF validator runs on every reference): the WHATWG parser
 * behind z.url() accepts a space or a second URL pasted after the first, and the build's CSAF step then
 * failed on content that check had passed.
 */
export const HttpUrl = z
  .url({
    protocol: /^https?$/,
    error: problemCode("url.not-http"),
  })
  .refine((url) => isUri(url), { error: problemCode("url.not-uri") });

/**
 * A product id of the site's vocabulary (products.yaml). Without a readable vocabulary (its own problems are
 * reported), any id is let through, so one mistake there is not reported again at every advisory.
 */
export function productIdSchema(products: readonly string[] | undefined): z.ZodType<string> {
  if (!products) return Id;
  const error = problemCode("product.unknown");
  if (!products.length) return z.string().refine(() => false, { error });
  return z.enum(products as [string, ...string[]], { error });
}
export const SeverityId = z.enum(SEVERITY_IDS, { error: problemCode("severity.unknown") });
export const ImpactId = z.enum(IMPACT_IDS, { error: problemCode("impact.unknown") });
export const CveId = z
  .string()
  .regex(/^CVE-\d{4}-\d{4,}$/, { error: problemCode("cve.malformed") });
export const CanId = z
  .string()
  .regex(/^CAN-\d{4}-\d{4,}$/, { error: problemCode("can.malformed") });
export const KbNumber = z
  .int({ error: problemCode("kb.malformed") })
  .min(100000, { error: problemCode("kb.malformed") })
  .max(9999999, { error: problemCode("kb.malformed") });
/**
 * A vendor's id for its advisory, as the vendor writes it: MS04-011, cisco-sa-20180328-smi2, RHSA-2019:1862,
 * BSI-2022-0001 (a CSAF document's tracking id). Printable ASCII without spaces at either end; an id that
 * starts like Microsoft's (MS and a digit) must be one of Microsoft's, MSyy-nnn, so a typo there is still caught.
 */
export const BulletinId = z
  .string()
  .regex(/^[!-~](?:[ -~]{0,98}[!-~])?$/, { error: problemCode("bulletin.malformed") })
  .refine((s) => !/^MS\d/i.test(s) || /^MS\d{2}-\d{3}$/.test(s), { error: problemCode("bulletin.malformed") });
export const ProductStatusId = z.enum(PRODUCT_STATUS_IDS, { error: problemCode("status.unknown") });
export const RemediationId = z.enum(REMEDIATION_IDS, { error: problemCode("remediation.unknown") });
export const CweId = z
  .string()
  .regex(/^CWE-[1-9]\d*$/, { error: problemCode("cwe.malformed") });
/** A CVSS v3.0/v3.1 vector (`CVSS:3.1/AV:N/…`) or a CVSS v2 vector (`AV:N/AC:L/Au:N/C:C/I:C/A:C`). */
export const CvssVector = z
  .string()
  .regex(/^(?:CVSS:3\.[01](?:\/[A-Z]{1,3}:[A-Z])+|AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC](?:\/[A-Za-z]{1,3}:[A-Z]{1,3})*)$/, {
    error: problemCode("cvss.malformed"),
  });

/** One entry of the revision history. */
export const RevisionSchema = z.strictObject({
  /** 1, 2, 3 … in order; the last one is the entry's current revision. */
  number: z.int().positive().describe("Revision number, counting from 1."),
  /** The day of the revision; the last revision's date is the entry's "updated" date. */
  date: IsoDate.describe("Day of the revision, YYYY-MM-DD."),
  /** What changed, in the file's language. */
  note: Text.describe("What changed, in the file's language."),
});

/** Where a fact comes from. */
export const SourceSchema = z.strictObject({
  /** The source's title as published. */
  title: Text.describe("Title of the source as published."),
  /** Its address, http(s) only; leave it out when no verified URL is known. */
  url: HttpUrl.optional().describe("http(s) URL of the source, when a verified one is known."),
});

/**
 * Which versions of a product a fact applies to: `all` (every version listed in `testedVersions`, or the product
 * itself when it lists none), or the versions by their full names ("Windows 2000 Service Pack 2").
 */
export const VersionsSchema = z
  .union([z.literal("all"), z.array(Text).min(1, { error: problemCode("versions.empty") })], { error: problemCode("versions.expected") })
  .describe("all, or version names as testedVersions spells them (name and service pack or version).");
export type Versions = z.output<typeof VersionsSchema>;

/**
 * Machine-readable facts for CSAF output (src/csaf): optional, language-neutral, Japanese file only.
 */
/** One version of a product as the vendor lists it among the affected software: a leaf of CSAF's product tree. */
export const ProductVersionSchema = z
  .strictObject({
    /** The product or edition as the vendor names it, without the service pack: "Windows NT Server 4.0". */
    name: Text.describe("Product or edition as the vendor names it, without the service pack."),
    /** The service pack, when the vendor lists one: "Service Pack 6a". */
    servicePack: Text.optional().describe("Service pack, when the vendor lists one."),
    /** Several service packs of the same name in one line: each is a version "name servicePack". */
    servicePacks: z.array(Text).min(1).optional().describe("Several service packs of this name, each a version of its own."),
    /** Versions of the same name in one line (CSAF product_version): each is a version "name version". */
    versions: z.array(Text).min(1).optional().describe("Several versions of this name (CSAF product_version), each a version of its own."),
  })
  .refine((v) => [v.servicePack, v.servicePacks, v.versions].filter((x) => x !== undefined).length <= 1, {
    error: problemCode("versions.one-of"),
  });

/** The vendor document an imported entry is based on (npm run import): what was read, and which version. */
export const BasedOnSchema = z.strictObject({
  /** The document's publisher: CSAF /document/publisher/name. */
  publisher: Text.describe("Publisher of the document (CSAF document.publisher.name)."),
  /** The document's tracking id; also listed in `bulletins`. */
  trackingId: BulletinId.describe("Tracking id of the document; also listed in bulletins."),
  /** The document's version when it was last imported. */
  version: Text.describe("Version of the document (CSAF tracking.version) last imported."),
  /** The document's status when not final: interim (may still change) or draft. */
  status: z.enum(["interim", "draft"], { error: problemCode("based-on.status-unknown") }).optional().describe("interim or draft, when the document was not final."),
  /** The file name or URL the import read. */
  source: Text.describe("File name or URL the import read."),
  /** SHA-256 of the bytes read, in lower-case hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: problemCode("sha256.malformed") }).describe("SHA-256 of the bytes read, lower-case hex."),
});

const common = {
  /** The entry's title. */
  title: Text.describe("Title of the entry."),
  /** One or two sentences shown in lists, feeds and search results. */
  summary: Text.describe("One or two plain-text sentences for lists, feeds and search results."),
  /** The day the entry was first published. */
  published: IsoDate.describe("Day of first publication, YYYY-MM-DD."),
  /** Every revision, oldest first. */
  revisions: z.array(RevisionSchema).min(1, { error: problemCode("revisions.empty") }).describe("Revision history, oldest first."),
  /** Ids of related advisories and hoaxes. */
  related: z.array(Id).default([]).describe("Ids of related advisories and hoaxes."),
  /** Identifiers and file names readers may search for. */
  keywords: z.array(Text).default([]).describe("Identifiers and file names readers may search for."),
  /** Where the facts come from. */
  sources: z.array(SourceSchema).default([]).describe("Sources of the facts."),
  /** Old URL paths of this entry, kept working as redirects. */
  aliases: z.array(Text).default([]).describe("Old site paths of this entry, served as redirects."),
};

/**
 * The schemas that name products, for one site's vocabulary (products.yaml): a bulletin's vulnerabilities
 * and update, and the advisory itself. The rest of the content model does not depend on the site.
 */
function productSchemas(products: readonly string[] | undefined) {
  const ProductId = productIdSchema(products);
  /** Products (and their versions) a fact applies to: product id → all | [version names]. */
  const ProductRefsSchema = z
    .partialRecord(ProductId, VersionsSchema)
    .refine((r) => Object.keys(r).length > 0, { error: problemCode("products.empty") })
    .describe("Product id → all, or the version names it applies to.");

  /** A vulnerability's CSAF product status for one product: one status for all its versions, or versions per status. */
  const ProductStatusSchema = z
    .union([
      ProductStatusId,
      z.partialRecord(ProductStatusId, VersionsSchema).refine((r) => Object.keys(r).length > 0, { error: problemCode("status.empty") }),
    ], { error: problemCode("status.expected") })
    .describe("One product status for every version, or status → all | [version names].");

  /** A CVSS score the vendor gives a vulnerability. */
  const ScoreSchema = z.strictObject({
    /** The vector as the vendor published it; its version (2.0, 3.0, 3.1) comes from its form. */
    vector: CvssVector.describe("CVSS vector: CVSS:3.1/AV:N/… (v3.x) or AV:N/AC:L/Au:N/… (v2)."),
    /** The base score; must be the one the vector gives. */
    baseScore: z.number({ error: problemCode("score.expected") }).min(0).max(10).describe("Base score, 0–10; checked against the vector."),
    /** The products the score is for; left out: every affected product of the vulnerability. */
    products: ProductRefsSchema.optional().describe("Products the score is for; default: every affected product of the vulnerability."),
  });

  /** A remediation the vendor names: a fix, a workaround, a mitigation, or none. The text is the page's prose. */
  const RemediationSchema = z.strictObject({
    /** CSAF's remediation category. */
    category: RemediationId.describe("vendor-fix, workaround, mitigation, no-fix-planned or none-available."),
    /** Where the fix or the instructions are, http(s) only. */
    url: HttpUrl.optional().describe("The vendor's URL for the fix or the instructions."),
    /** The day the vendor made it available. */
    date: IsoDate.optional().describe("Day it became available, YYYY-MM-DD."),
    /** The products it is for; left out: every affected product of the vulnerability. */
    products: ProductRefsSchema.optional().describe("Products it applies to; default: every affected product of the vulnerability."),
  });

  /** One vulnerability of a bulletin, with the vendor's rating per product. */
  const VulnerabilitySchema = z.strictObject({
    /** ASCII id shared by both languages, also the row's anchor. */
    id: Id.describe("ASCII id shared by both languages."),
    /** The vulnerability's name in the file's language. */
    name: Text.describe("Name in the file's language."),
    /** The current CVE id; left out when the vendor names none. */
    cve: CveId.optional().describe("Current CVE id, when there is one."),
    /** The historical CVE candidate id of 2004, if any. */
    can: CanId.optional().describe("Historical CVE candidate (CAN) id."),
    /** Other ids the vendor gives it (bug ids, tracker issues). */
    ids: z.array(z.strictObject({
      /** The id's system as the vendor names it: "Cisco Bug ID". */
      system: Text.describe("The system the id belongs to, as the vendor names it."),
      /** The id. */
      text: Text.describe("The id."),
    })).default([]).describe("Other ids of the vulnerability (vendor bug ids, tracker issues)."),
    /** The weakness (CWE) as the vendor classifies it. */
    cwe: z.strictObject({
      /** CWE-611. */
      id: CweId.describe("CWE id, e.g. CWE-611."),
      /** The CWE's name as MITRE's list spells it. */
      name: Text.describe("The CWE's name, as in MITRE's list."),
    }).optional().describe("The weakness (CWE)."),
    /** What an attacker gains, when the vendor says it in these terms. */
    impact: ImpactId.optional().describe("Impact of the vulnerability."),
    /** The vendor's severity rating per product. */
    ratings: z.partialRecord(ProductId, SeverityId).default({}).describe("Vendor severity rating per product id."),
    /** CSAF product status per product, for products without a rating (a rating already implies one). */
    status: z.partialRecord(ProductId, ProductStatusSchema).default({}).describe("CSAF product status per product id (known-affected, fixed, …), for products without a rating."),
    /** CVSS scores. */
    scores: z.array(ScoreSchema).default([]).describe("CVSS scores, with the products each is for."),
    /** What the vendor offers against it, with links. */
    remediations: z.array(RemediationSchema).default([]).describe("Vendor fixes, workarounds and mitigations, with their URLs."),
    /** A footnote in the file's language. */
    note: Text.optional().describe("Footnote in the file's language."),
  });

  /** The vendor's security update that fixes a bulletin's vulnerabilities. */
  const UpdateSchema = z.strictObject({
    /** Its Knowledge Base number; also listed in `kb`. */
    kb: KbNumber.describe("Knowledge Base number of the update; also listed in kb."),
    /** Affected products the vendor offers no update for (CSAF: no_fix_planned instead of vendor_fix). */
    notOfferedFor: z.array(ProductId).default([]).describe("Affected product ids the vendor offers no update for."),
  });



  /** A Japanese advisory: an incident, a bulletin or guidance. */
  const AdvisorySchema = z.strictObject({
    /** What kind of advisory this is. */
    kind: z.enum(ADVISORY_KINDS, { error: (iss) => problemCode(iss.input === undefined ? "kind.missing" : "kind.unknown") }).describe("incident, bulletin or guidance."),
    ...common,
    /** The highest severity. */
    severity: SeverityId.optional().describe("Highest severity."),
    /** Products affected. */
    affected: z.array(ProductId).default([]).describe("Affected product ids."),
    /** Products confirmed not affected. */
    notAffected: z.array(ProductId).default([]).describe("Product ids confirmed not affected."),
    /** Microsoft Knowledge Base article numbers. */
    kb: z.array(KbNumber).default([]).describe("Microsoft Knowledge Base numbers."),
    /** CVE ids. */
    cve: z.array(CveId).default([]).describe("CVE ids."),
    /** Vendor bulletin ids. */
    bulletins: z.array(BulletinId).default([]).describe("Vendor bulletin ids such as MS04-011 or cisco-sa-20180328-smi2."),
    /** A bulletin's vulnerabilities with per-product ratings. */
    vulnerabilities: z.array(VulnerabilitySchema).default([]).describe("Vulnerabilities with per-product ratings."),
    /** CSAF: the versions the vendor tested, per product id (the bulletin's affected-software list). */
    testedVersions: z.partialRecord(ProductId, z.array(ProductVersionSchema).min(1)).optional().describe("Versions the vendor tested, per product id (CSAF product tree)."),
    /** CSAF: the vendor's security update (CSAF remediations). */
    update: UpdateSchema.optional().describe("The vendor's security update: KB number and products it is not offered for."),
    /** The vendor document this entry was imported from (npm run import). */
    basedOn: BasedOnSchema.optional().describe("The vendor CSAF document this entry was imported from: publisher, tracking id, version, file or URL, SHA-256."),
  });
  return { ProductRefsSchema, ProductStatusSchema, ScoreSchema, RemediationSchema, VulnerabilitySchema, UpdateSchema, AdvisorySchema };
}

/** When and where a hoax was first seen. */
export const FirstSeenSchema = z.strictObject({
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: PartialDate.describe("YYYY, YYYY-MM or YYYY-MM-DD."),
  /** True when the date is approximate. */
  approximate: z.boolean().default(false).describe("The date is approximate."),
  /** Where, in the file's language. */
  where: Text.describe("Where it was first seen, in the file's language."),
});

const hoaxText = {
  /** Every name the hoax goes by. */
  names: z.array(Text).min(1, { error: problemCode("names.empty") }).describe("Every name the hoax goes by."),
  /** What the mail claims (Markdown). */
  claim: Text.describe("What the hoax claims (Markdown)."),
  /** What is actually true (Markdown). */
  truth: Text.describe("What is true (Markdown)."),
  /** What to do (Markdown). */
  action: Text.describe("What to do (Markdown)."),
  /** What to do if you already acted on it (Markdown). */
  ifActed: Text.describe("What to do if you already acted on it (Markdown)."),
};

/** A Japanese hoax entry. */
export const HoaxSchema = z.strictObject({
  /** Always `hoax`. */
  kind: z.literal("hoax", { error: (iss) => problemCode(iss.input === undefined ? "kind.missing-hoax" : "kind.not-hoax") }).describe("Always hoax."),
  ...common,
  ...hoaxText,
  firstSeen: FirstSeenSchema.describe("When and where the hoax was first seen."),
  /** The file the hoax tells you to delete, if any. */
  file: Text.optional().describe("The file the hoax tells you to delete."),
});
export type Hoax = z.output<typeof HoaxSchema>;

/** A free page (about, the hoax list's introduction). */
export const PageSchema = z.strictObject({
  title: Text.describe("Title of the page."),
  summary: Text.optional().describe("One sentence for the page's description."),
  /** Words that, typed alone into search, should bring this page first (e.g. デマ, hoax). */
  keywords: z.array(Text).default([]).describe("Search words that name this page."),
});
export type Page = z.output<typeof PageSchema>;

/** Makes every field optional without its default, so "not restated" stays distinguishable from "empty". */
function restatable<T extends z.ZodRawShape>(shape: T): { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> } {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    out[key] = inner.optional();
  }
  return out as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> };
}

/** Fields of a source that a translation may restate (and must then equal). */
const NEUTRAL_ADVISORY_KEYS = {
  kind: true, published: true, severity: true, affected: true, notAffected: true, kb: true, cve: true,
  bulletins: true, related: true, keywords: true, sources: true, aliases: true, basedOn: true,
} as const;
const NEUTRAL_HOAX = HoaxSchema.pick({
  kind: true, published: true, related: true, keywords: true, sources: true, aliases: true, file: true,
});

/** A translated revision note; the date may be restated. */
export const TranslatedRevisionSchema = z.strictObject({
  number: z.int().positive().describe("The source's revision number."),
  date: IsoDate.optional().describe("Restated date; must equal the source's."),
  note: Text.describe("Translated note."),
});

const translationCommon = {
  /** The source revision this translation was made from. */
  translationOf: z.int().positive().describe("The source revision number this translation follows."),
  title: common.title,
  summary: common.summary,
  revisions: z.array(TranslatedRevisionSchema).default([]).describe("Translated revision notes, by number."),
};

/** An English hoax entry: translated text of the Japanese source. */
export const HoaxTranslationSchema = z.strictObject({
  ...restatable(NEUTRAL_HOAX.shape),
  ...translationCommon,
  ...hoaxText,
  firstSeen: z
    .strictObject({ date: PartialDate.optional(), approximate: z.boolean().optional(), where: Text })
    .describe("Translated place; the date may be restated."),
});
export type HoaxTranslation = z.output<typeof HoaxTranslationSchema>;

/** Keys that a translation may restate, per kind, for the cross-check. */
export const NEUTRAL_KEYS = {
  advisory: Object.keys(NEUTRAL_ADVISORY_KEYS),
  hoax: Object.keys(NEUTRAL_HOAX.shape),
} as const;

/**
 * Every schema of the content model for one site's product vocabulary (undefined: any product id, when
 * products.yaml has problems of its own).
 *   contentSchemas(["windows-2000", "windows-xp"]).AdvisorySchema.safeParse(frontmatter)
 */
export function contentSchemas(products: readonly string[] | undefined) {
  const { ProductRefsSchema, ProductStatusSchema, ScoreSchema, RemediationSchema, VulnerabilitySchema, UpdateSchema, AdvisorySchema } = productSchemas(products);
  /** An English advisory: translated text of the Japanese source. */
  const AdvisoryTranslationSchema = z.strictObject({
    ...restatable(AdvisorySchema.pick(NEUTRAL_ADVISORY_KEYS).shape),
    ...translationCommon,
    vulnerabilities: z
      .array(z.strictObject({ id: Id, name: Text, note: Text.optional() }))
      .default([])
      .describe("Translated vulnerability names, by id."),
  });
  return {
    ProductRefsSchema, ProductStatusSchema, ScoreSchema, RemediationSchema,
    VulnerabilitySchema, UpdateSchema, AdvisorySchema, AdvisoryTranslationSchema, HoaxSchema, HoaxTranslationSchema, PageSchema,
  };
}
export type ContentSchemas = ReturnType<typeof contentSchemas>;
export type Advisory = z.output<ContentSchemas["AdvisorySchema"]>;
export type AdvisoryTranslation = z.output<ContentSchemas["AdvisoryTranslationSchema"]>;
export type ProductVersion = z.output<typeof ProductVersionSchema>;
export type ProductRefs = z.output<ContentSchemas["ProductRefsSchema"]>;
export type ProductStatus = z.output<ContentSchemas["ProductStatusSchema"]>;
export type Score = z.output<ContentSchemas["ScoreSchema"]>;
export type Remediation = z.output<ContentSchemas["RemediationSchema"]>;

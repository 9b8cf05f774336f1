/**
 * The schema: the single source of truth for what an advisory, a hoax and a page are.
 * Source files (Japanese) carry every language-neutral fact; translation files carry translated text and
 * may restate a neutral fact only if it is equal (proved in cross-check.ts).
 */
import { z } from "zod";
import { ADVISORY_KINDS, IMPACT_IDS, SEVERITY_IDS } from "./vocabulary.ts";

// Control characters and Unicode direction overrides/isolates (text that reads differently from how it is stored).
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Non-empty text without control characters. */
export const Text = z
  .string({ error: "expected text" })
  .trim()
  .min(1, { error: "must not be empty" })
  .refine((s) => !CONTROL_CHARS.test(s), { error: "contains a control character" });

/** An ASCII id: lower-case letters, digits and single hyphens (`sasser`, `ms04-011`, `sulfnbk-exe`). */
export const Id = z
  .string({ error: "expected an id" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: (iss) => `invalid id "${String(iss.input)}"` });

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = z
  .string({ error: "expected a date written as YYYY-MM-DD" })
  .refine(
    (s) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
    },
    { error: (iss) => `malformed date "${String(iss.input)}"` },
  );

/** A day, a month or a year: `2002-05-01`, `2001-04` or `1998`. */
export const PartialDate = z
  .union([z.string(), z.number()], { error: "expected a date written as YYYY, YYYY-MM or YYYY-MM-DD" })
  .transform((v) => String(v))
  .refine(
    (s) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
      if (!m) return false;
      const month = m[2] ? Number(m[2]) : 1;
      return month >= 1 && month <= 12 && isRealDate(Number(m[1]), month, m[3] ? Number(m[3]) : 1);
    },
    { error: (iss) => `malformed date "${String(iss.input)}"` },
  );

/** An absolute `https:` or `http:` URL; nothing else may become a link. */
export const HttpUrl = z.url({
  protocol: /^https?$/,
  error: (iss) => `not an http(s) URL: "${String(iss.input)}"`,
});

/**
 * A product id of the site's vocabulary (products.yaml). Without a readable vocabulary (its own problems are
 * reported), any id is let through, so one mistake there is not reported again at every advisory.
 */
export function productIdSchema(products: readonly string[] | undefined): z.ZodType<string> {
  if (!products) return Id;
  const error = (iss: { input?: unknown }) => `unknown product "${String(iss.input)}"`;
  if (!products.length) return z.string().refine(() => false, { error });
  return z.enum(products as [string, ...string[]], { error });
}
export const SeverityId = z.enum(SEVERITY_IDS, { error: (iss) => `unknown severity "${String(iss.input)}"` });
export const ImpactId = z.enum(IMPACT_IDS, { error: (iss) => `unknown impact "${String(iss.input)}"` });
export const CveId = z
  .string()
  .regex(/^CVE-\d{4}-\d{4,}$/, { error: (iss) => `malformed CVE id "${String(iss.input)}"` });
export const CanId = z
  .string()
  .regex(/^CAN-\d{4}-\d{4,}$/, { error: (iss) => `malformed CAN id "${String(iss.input)}"` });
export const KbNumber = z
  .int({ error: (iss) => `malformed KB number "${String(iss.input)}"` })
  .min(100000, { error: (iss) => `malformed KB number "${String(iss.input)}"` })
  .max(9999999, { error: (iss) => `malformed KB number "${String(iss.input)}"` });
export const BulletinId = z
  .string()
  .regex(/^MS\d{2}-\d{3}$/, { error: (iss) => `malformed bulletin id "${String(iss.input)}"` });

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
 * Machine-readable facts for CSAF output (src/csaf): optional, language-neutral, Japanese file only.
 */
/** One version of a product as the vendor lists it among the affected software: a leaf of CSAF's product tree. */
export const ProductVersionSchema = z.strictObject({
  /** The product or edition as the vendor names it, without the service pack: "Windows NT Server 4.0". */
  name: Text.describe("Product or edition as the vendor names it, without the service pack."),
  /** The service pack, when the vendor lists one: "Service Pack 6a". */
  servicePack: Text.optional().describe("Service pack, when the vendor lists one."),
});

const common = {
  /** The entry's title. */
  title: Text.describe("Title of the entry."),
  /** One or two sentences shown in lists, feeds and search results. */
  summary: Text.describe("One or two plain-text sentences for lists, feeds and search results."),
  /** The day the entry was first published. */
  published: IsoDate.describe("Day of first publication, YYYY-MM-DD."),
  /** Every revision, oldest first. */
  revisions: z.array(RevisionSchema).min(1, { error: "needs at least one revision" }).describe("Revision history, oldest first."),
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
  /** One vulnerability of a bulletin, with the vendor's rating per product. */
  const VulnerabilitySchema = z.strictObject({
    /** ASCII id shared by both languages, also the row's anchor. */
    id: Id.describe("ASCII id shared by both languages."),
    /** The vulnerability's name in the file's language. */
    name: Text.describe("Name in the file's language."),
    /** The current CVE id. */
    cve: CveId.describe("Current CVE id."),
    /** The historical CVE candidate id of 2004, if any. */
    can: CanId.optional().describe("Historical CVE candidate (CAN) id."),
    /** What an attacker gains. */
    impact: ImpactId.describe("Impact of the vulnerability."),
    /** The vendor's severity rating per product. */
    ratings: z.partialRecord(ProductId, SeverityId).describe("Vendor severity rating per product id."),
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
    kind: z.enum(ADVISORY_KINDS, { error: (iss) => `unknown kind "${String(iss.input)}"` }).describe("incident, bulletin or guidance."),
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
    bulletins: z.array(BulletinId).default([]).describe("Vendor bulletin ids such as MS04-011."),
    /** A bulletin's vulnerabilities with per-product ratings. */
    vulnerabilities: z.array(VulnerabilitySchema).default([]).describe("Vulnerabilities with per-product ratings."),
    /** CSAF: the versions the vendor tested, per product id (the bulletin's affected-software list). */
    testedVersions: z.partialRecord(ProductId, z.array(ProductVersionSchema).min(1)).optional().describe("Versions the vendor tested, per product id (CSAF product tree)."),
    /** CSAF: the vendor's security update (CSAF remediations). */
    update: UpdateSchema.optional().describe("The vendor's security update: KB number and products it is not offered for."),
  });
  return { VulnerabilitySchema, UpdateSchema, AdvisorySchema };
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
  names: z.array(Text).min(1, { error: "needs at least one name" }).describe("Every name the hoax goes by."),
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
  kind: z.literal("hoax", { error: (iss) => `unknown kind "${String(iss.input)}" for a hoax` }).describe("Always hoax."),
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
  bulletins: true, related: true, keywords: true, sources: true, aliases: true,
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
  const { VulnerabilitySchema, UpdateSchema, AdvisorySchema } = productSchemas(products);
  /** An English advisory: translated text of the Japanese source. */
  const AdvisoryTranslationSchema = z.strictObject({
    ...restatable(AdvisorySchema.pick(NEUTRAL_ADVISORY_KEYS).shape),
    ...translationCommon,
    vulnerabilities: z
      .array(z.strictObject({ id: Id, name: Text, note: Text.optional() }))
      .default([])
      .describe("Translated vulnerability names, by id."),
  });
  return { VulnerabilitySchema, UpdateSchema, AdvisorySchema, AdvisoryTranslationSchema, HoaxSchema, HoaxTranslationSchema, PageSchema };
}
export type ContentSchemas = ReturnType<typeof contentSchemas>;
export type Advisory = z.output<ContentSchemas["AdvisorySchema"]>;
export type AdvisoryTranslation = z.output<ContentSchemas["AdvisoryTranslationSchema"]>;
export type ProductVersion = z.output<typeof ProductVersionSchema>;

/**
 * The typed entries templates receive: one per URL, per language, with every fact resolved
 * (display-ready, but still data: no HTML except the rendered Markdown bodies).
 */
import type { Lang } from "../i18n/languages.ts";
import type { Section } from "../routes/routes.ts";
import type { Kind, ProductId, Products, SeverityId, ImpactId } from "./vocabulary.ts";
import type { ProductStatus, ProductVersion, Remediation, Score } from "./schema.ts";
import type { Notice } from "./problems.ts";

export type { Section };

export interface Revision {
  number: number;
  date: string;
  note: string;
}

export interface VulnerabilityEntry {
  id: string;
  name: string;
  cve?: string;
  can?: string;
  ids: { system: string; text: string }[];
  cwe?: { id: string; name: string };
  impact?: ImpactId;
  ratings: Partial<Record<ProductId, SeverityId>>;
  /** CSAF product status per product (see VulnerabilitySchema.status). */
  status: Partial<Record<ProductId, ProductStatus>>;
  scores: Score[];
  remediations: Remediation[];
  note?: string;
}

export interface Heading {
  id: string;
  text: string;
  level: number;
}

/** One advisory or hoax in one language (a real translation, the source, or a fallback). */
export interface Entry {
  id: string;
  kind: Kind;
  section: Section;
  /** The language of the URL this entry is served at. */
  lang: Lang;
  /** The language the text is written in (differs from `lang` on a fallback page). */
  contentLang: Lang;
  /** True when there is no translation and the source text is served at this language's URL. */
  isFallback: boolean;
  /** For translations: the source revision it follows; stale when lower than the source's revision. */
  translationOf?: number;
  isStale: boolean;
  /** Site-relative URL, without path prefix: `/ja/advisories/sasser/`. */
  url: string;
  /** URL of the same entry in the other language (always exists: real or fallback). */
  otherUrl: string;
  /** URL of the source-language page, for canonical links of fallbacks. */
  canonicalUrl: string;
  /** True when the other language has a real page (not a fallback): only then hreflang. */
  hasTranslation: boolean;
  /** The content file this entry was rendered from. */
  file: string;

  title: string;
  summary: string;
  /** The rendered Markdown body. */
  html: string;
  headings: Heading[];
  published: string;
  updated: string;
  revision: number;
  revisions: Revision[];

  severity?: SeverityId;
  affected: ProductId[];
  notAffected: ProductId[];
  kb: number[];
  cve: string[];
  bulletins: string[];
  related: string[];
  /** The related entries as links in this entry's language (resolved once, not searched per page). */
  relatedLinks: { url: string; title: string; kind: Kind }[];
  keywords: string[];
  sources: { title: string; url?: string }[];
  aliases: string[];
  vulnerabilities: VulnerabilityEntry[];
  /** Products rated in any vulnerability, in vocabulary order: the ratings table's columns. */
  ratedProducts: ProductId[];
  /** CSAF only: the versions the vendor tested, per product (see AdvisorySchema.testedVersions). */
  testedVersions?: Partial<Record<ProductId, ProductVersion[]>>;
  /** CSAF only: the vendor's security update (see AdvisorySchema.update). */
  update?: { kb: number; notOfferedFor: ProductId[] };
  /** The vendor document the entry was imported from (see AdvisorySchema.basedOn). */
  basedOn?: { publisher: string; trackingId: string; version: string; status?: "interim" | "draft"; source: string; sha256: string };

  hoax?: {
    names: string[];
    firstSeen: { date: string; approximate: boolean; where: string };
    file?: string;
    claimHtml: string;
    truthHtml: string;
    actionHtml: string;
    ifActedHtml: string;
  };
}

export interface PageEntry {
  id: string;
  lang: Lang;
  contentLang: Lang;
  isFallback: boolean;
  title: string;
  summary?: string;
  keywords: string[];
  /** Site-relative URL without prefix. */
  url: string;
  html: string;
  headings: Heading[];
  file: string;
}

/** Everything the site is built from, validated. */
export interface SiteData {
  entries: Entry[];
  pages: PageEntry[];
  /** The site's products (products.yaml), in display order. */
  products: Products;
  /** The newest revision date of any entry: when the site was last updated. */
  lastUpdated: string;
  /** Non-fatal notes for the build report (fallback pages, stale translations). */
  notices: Notice[];
}

const indexes = new WeakMap<SiteData, Map<string, Entry>>();

/**
 * An entry by id and page language, from an index built once per site: looking entries up with
 * `site.entries.find` inside a loop over the entries made the CSAF and API steps quadratic (profiled at
 * 10,000 advisories: 170 s of a 1,033 s build).
 */
export function entryById(site: SiteData, id: string, lang: string): Entry | undefined {
  let index = indexes.get(site);
  if (!index) indexes.set(site, (index = new Map(site.entries.map((e) => [`${e.lang}/${e.id}`, e]))));
  return index.get(`${lang}/${id}`);
}

const bulletinIndexes = new WeakMap<SiteData, Map<string, Entry[]>>();

/**
 * The bulletin entries in `lang` that carry a vendor bulletin id (MS04-011), in the site's order (newest
 * first), from an index built once per site: the CSAF step asks for each CVE of each incident.
 */
export function bulletinEntries(site: SiteData, bulletinId: string, lang: string): Entry[] {
  let index = bulletinIndexes.get(site);
  if (!index) {
    bulletinIndexes.set(site, (index = new Map()));
    for (const e of site.entries) {
      if (e.kind !== "bulletin") continue;
      for (const b of new Set(e.bulletins)) {
        const key = `${e.lang}/${b}`;
        const list = index.get(key);
        if (list) list.push(e);
        else index.set(key, [e]);
      }
    }
  }
  return index.get(`${lang}/${bulletinId}`) ?? [];
}

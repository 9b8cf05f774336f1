/**
 * The site's product vocabulary as the import sees it: a plain value, `id → { ja, en, vendor? }`, given by the
 * caller (the site's own list of products), never read from a module here. What the vocabulary lacks comes back
 * as proposed entries, written as YAML in the same shape for the author to review and add.
 *
 *   matchProduct(vocabulary, "Cisco", ["IOS"])  → "cisco-ios" when an entry's en or ja name is "IOS" (vendor Cisco)
 *   proposalsYaml([{ id: "cisco-ios", en: "IOS", ja: "IOS", vendor: "Cisco", … }], …)
 *     → "cisco-ios:\n  ja: IOS\n  en: IOS\n  vendor: Cisco\n  # from CSAF: 145 products, e.g. …"
 */
import { Document, parseDocument, isMap } from "yaml";
import { PRODUCTS } from "../data/vocabulary.ts";
import { PRODUCT_VENDORS } from "../csaf/product-tree.ts";

export interface VocabularyEntry {
  ja: string;
  en: string;
  vendor?: string;
}

export type Vocabulary = Record<string, VocabularyEntry>;

/** A product the vocabulary lacks, as the import proposes it. */
export interface ProposedProduct {
  /** Lower-case ASCII id made from the vendor and the product name. */
  id: string;
  vendor?: string;
  /** The vendor's name for the product. */
  en: string;
  /** The same name: product names are rarely translated; the author changes it if readers know another. */
  ja: string;
  /** The CSAF product ids it stands for, in document order. */
  csafProductIds: string[];
  /** Their full product names, in document order. */
  names: string[];
}

/** Today's built-in vocabulary (src/data/vocabulary.ts), with the vendors src/csaf names for it. */
export function builtInVocabulary(): Vocabulary {
  return Object.fromEntries(
    Object.entries(PRODUCTS).map(([id, names]) => [id, { ja: names.ja, en: names.en, vendor: PRODUCT_VENDORS[id as keyof typeof PRODUCTS] }]),
  );
}

/** Lower-case ASCII words joined by hyphens: "Cisco IOS XE Software" → "cisco-ios-xe-software". */
export const slugify = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

const normalize = (text: string): string => text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The vocabulary id for a product the document names `names` (most specific first) under `vendor`: an entry whose
 * en or ja name is one of them (and whose vendor, when both say one, is the same), or whose id is the name's slug.
 */
export function matchProduct(vocabulary: Vocabulary, vendor: string | undefined, names: readonly string[]): string | undefined {
  const sameVendor = (e: VocabularyEntry) => !vendor || !e.vendor || normalize(e.vendor) === normalize(vendor);
  for (const name of names) {
    const n = normalize(name);
    const byName = Object.entries(vocabulary).find(([, e]) => sameVendor(e) && (normalize(e.en) === n || normalize(e.ja) === n));
    if (byName) return byName[0];
    const byId = Object.entries(vocabulary).find(([id, e]) => sameVendor(e) && id === name);
    if (byId) return byId[0];
  }
  return undefined;
}

/** An id for a proposed product, not taken by the vocabulary or another proposal. */
export function proposeId(vendor: string | undefined, name: string, taken: ReadonlySet<string>): string {
  const v = vendor ? slugify(vendor) : "";
  const n = slugify(name) || "product";
  const base = v && !n.startsWith(v) ? `${v}-${n}` : n;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * Proposed entries as YAML, added to `existing` (a proposals file written before): entries already there are
 * kept as they are, so a re-run never undoes the author's edits. Returns the text and the ids added.
 */
export function proposalsYaml(proposals: readonly ProposedProduct[], from: string, existing = ""): { text: string; added: string[] } {
  const doc = existing.trim() ? parseDocument(existing) : new Document({});
  if (!isMap(doc.contents)) return { text: existing, added: [] };
  const added: string[] = [];
  for (const p of proposals) {
    if (doc.has(p.id)) continue;
    const entry = doc.createNode({ ja: p.ja, en: p.en, ...(p.vendor ? { vendor: p.vendor } : {}) });
    const shown = p.names.slice(0, 3).map((n) => `"${n}"`).join(", ");
    entry.commentBefore = ` from ${from}: ${p.csafProductIds.length} CSAF ${p.csafProductIds.length === 1 ? "product" : "products"}, e.g. ${shown}${p.names.length > 3 ? ", …" : ""}`;
    doc.set(p.id, entry);
    added.push(p.id);
  }
  if (!existing.trim()) {
    doc.commentBefore = [
      " Products that documents imported with `npm run import` name and the site's product vocabulary lacks.",
      " Review each name (ja is the vendor's name until you change it), then move the entries into the site's",
      " product vocabulary; the imported drafts use these ids already.",
    ].join("\n");
  }
  return { text: doc.toString({ lineWidth: 0 }), added };
}

/** A vocabulary written as YAML (`id: { ja, en, vendor }`), as the site keeps it; problems name the entry. */
export function parseVocabulary(text: string): { vocabulary: Vocabulary; problems: string[] } {
  const doc = parseDocument(text);
  const problems = doc.errors.map((e) => e.message.split("\n")[0]!);
  const data = problems.length ? {} : (doc.toJS() as unknown);
  const vocabulary: Vocabulary = {};
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { vocabulary, problems: problems.length ? problems : ["expected a mapping of product id → { ja, en, vendor }"] };
  for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
    const e = value as Partial<VocabularyEntry> | null;
    if (!e || typeof e.ja !== "string" || typeof e.en !== "string" || (e.vendor !== undefined && typeof e.vendor !== "string")) {
      problems.push(`${id}: expected { ja: name, en: name, vendor: name }`);
      continue;
    }
    vocabulary[id] = { ja: e.ja, en: e.en, ...(e.vendor ? { vendor: e.vendor } : {}) };
  }
  return { vocabulary, problems };
}

/**
 * The site's product vocabulary as the import sees it: a plain value, `id → { ja, en, vendor? }` (the site's
 * products.yaml, read by the caller). What the vocabulary lacks comes back as proposed entries, which the import
 * adds to products.yaml, each under a comment saying where it came from, for the author to review.
 *
 *   matchProduct(vocabulary, "Cisco", ["IOS"])  → "cisco-ios" when an entry's en or ja name is "IOS" (vendor Cisco)
 *   addProposals("…products.yaml text…", [{ id: "cisco-ios", en: "IOS", ja: "IOS", vendor: "Cisco", … }], "cisco-sa-…", "Cisco PSIRT")
 *     → { text: "…\n# Proposed by npm run import from cisco-sa-…: 180 CSAF products, e.g. …\ncisco-ios:\n  ja: IOS\n…", added: ["cisco-ios"] }
 */
import { parse, stringify } from "yaml";

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
 * `text` (a products.yaml) with the proposals the vocabulary lacks appended, each under a comment that names the
 * document it came from and the CSAF products it stands for; entries already there are left as the author wrote
 * them. `vendor` stands in for a product the document names no vendor for. Returns the text and the ids added.
 */
export function addProposals(text: string, proposals: readonly ProposedProduct[], from: string, vendor: string): { text: string; added: string[] } {
  const existing = parse(text) as Record<string, unknown> | null;
  const has = (id: string) => !!existing && typeof existing === "object" && id in existing;
  const blocks: string[] = [];
  const added: string[] = [];
  for (const p of proposals) {
    if (has(p.id) || added.includes(p.id)) continue;
    // On one line each: a name with a line break (valid CSAF) would end the comment and break the file.
    const shown = p.names.slice(0, 3).map((n) => `"${n.replace(/\s+/g, " ").trim()}"`).join(", ");
    const count = `${p.csafProductIds.length} CSAF ${p.csafProductIds.length === 1 ? "product" : "products"}`;
    const entry = stringify({ [p.id]: { ja: p.ja, en: p.en, vendor: p.vendor ?? vendor } }, { lineWidth: 0 });
    blocks.push(`# Proposed by npm run import from ${from} (${count}, e.g. ${shown}${p.names.length > 3 ? ", …" : ""}):\n# review the names (ja is the vendor's until you change it).\n${entry}`);
    added.push(p.id);
  }
  if (!blocks.length) return { text, added };
  // A file with no products yet may hold an empty flow mapping ("{}", maybe with a comment after it); the new
  // entries replace it, and the comment stays.
  const empty = !existing || (typeof existing === "object" && !Object.keys(existing).length);
  const kept = empty ? text.replace(/^\s*\{\s*\}[ \t]*(?=#|$)/m, "") : text;
  const base = kept.trim() ? `${kept.replace(/\s*$/, "")}\n\n` : "";
  return { text: `${base}${blocks.join("\n")}`, added };
}

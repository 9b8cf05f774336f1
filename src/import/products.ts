/**
 * A CSAF product tree → Keikoku products and their versions (pure). Every CSAF product id ends up as one version
 * of one product, matched to the site's vocabulary or proposed for it; none is dropped.
 *
 * A product is the vendor's product family or product name (the first such branch below the vendor, or the most
 * specific one the vocabulary knows); what lies below it becomes its versions, grouped so that a tree of hundreds
 * of versions stays a few lines:
 *   Cisco › IOS › 12.2SE › 12.2(55)SE (CVRFPID-103763, "Cisco IOS 12.2SE 12.2(55)SE")
 *     → product "IOS" (vendor Cisco), version { name: "Cisco IOS 12.2SE", servicePack: "12.2(55)SE" }
 *   Microsoft › Windows 2000 › Windows 2000 › Service Pack 2   (Keikoku's own output)
 *     → windows-2000, version { name: "Windows 2000", servicePack: "Service Pack 2" }
 * Products without a tree (full_product_names) are grouped by their CPE or PURL product, or stand alone;
 * a relationship's product (a component installed on a platform) is a version of the platform's product.
 */
import type { ProductVersion } from "../data/schema.ts";
import type { InputBranch, InputProduct, InputProductTree } from "./csaf-input.ts";
import { matchProduct, proposeId, type ProposedProduct, type Vocabulary } from "./vocabulary.ts";

/** Where one CSAF product id went. */
export interface MappedProduct {
  /** The Keikoku product id (from the vocabulary, or proposed). */
  product: string;
  /** The version's full name; "" when the CSAF product is the Keikoku product itself. */
  label: string;
}

export interface ProductMap {
  /** CSAF product id → product and version. */
  byCsafId: Map<string, MappedProduct>;
  /** Keikoku product ids in document order. */
  products: string[];
  /** Versions per product, as testedVersions writes them (products without versions are absent). */
  testedVersions: Record<string, ProductVersion[]>;
  /** Every version label per product, in order ([] for a product without versions). */
  labels: Map<string, string[]>;
  /** Display name (the vocabulary's en name, or the vendor's) per product. */
  names: Map<string, string>;
  /** Products the vocabulary lacks. */
  proposals: ProposedProduct[];
  /** What the mapping had to decide, for the import report. */
  notes: string[];
}

interface Leaf {
  product: InputProduct;
  /** Branches from the top of the tree down to (and including) the leaf's own branch; [] without a tree. */
  path: InputBranch[];
  relatesTo?: string;
}

interface Group {
  key: string;
  vendor?: string;
  name: string;
  /** The vocabulary id when matched. */
  match?: string;
  /** Depth of the product's branch in the leaves' paths (-1: the leaf is the product). */
  depth: number;
  leaves: Leaf[];
}

function collectLeaves(branches: readonly InputBranch[] = [], path: InputBranch[] = [], out: Leaf[] = []): Leaf[] {
  for (const b of branches) {
    const here = [...path, b];
    if (b.product) out.push({ product: b.product, path: here });
    collectLeaves(b.branches, here, out);
  }
  return out;
}

/** The product a CPE (2.2 or 2.3) or PURL names, without its version: "cpe:/a:csaf-tools:cvrf-csaf-converter:1.0" → vendor, product. */
function helperProduct(p: InputProduct): { key: string; vendor?: string; name: string } | undefined {
  const cpe = p.product_identification_helper?.cpe;
  const m = cpe ? (/^cpe:2\.3:[aho\*\-]:([^:]+):([^:]+)/.exec(cpe) ?? /^cpe:\/[aho]:([^:]+):([^:]+)/.exec(cpe)) : null;
  if (m) return { key: `cpe:${m[1]}:${m[2]}`, vendor: m[1]!.replace(/_/g, " "), name: m[2]!.replace(/_/g, " ") };
  const purl = p.product_identification_helper?.purl;
  const q = purl ? /^pkg:([^/]+)\/(?:([^@?#]+)\/)?([^/@?#]+)/.exec(purl) : null;
  if (q) return { key: `purl:${q[1]}/${q[2] ?? ""}/${q[3]}`, ...(q[2] ? { vendor: decodeURIComponent(q[2]) } : {}), name: decodeURIComponent(q[3]!) };
  return undefined;
}

/** The longest run of whole words that every name starts with. */
function commonPrefix(names: readonly string[]): string {
  const words = names.map((n) => n.split(" "));
  const out: string[] = [];
  for (let i = 0; words.every((w) => i < w.length - 1 && w[i] === words[0]![i]); i++) out.push(words[0]![i]!);
  return out.join(" ");
}

export function mapProducts(tree: InputProductTree | undefined, vocabulary: Vocabulary): ProductMap {
  const notes: string[] = [];
  const groups = new Map<string, Group>();
  const groupOf = new Map<string, Group>();
  const add = (key: string, make: () => Omit<Group, "leaves" | "key">, leaf: Leaf) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, ...make(), leaves: [] }));
    g.leaves.push(leaf);
    groupOf.set(leaf.product.product_id, g);
  };

  // Products in the tree: grouped under their family or product name.
  for (const leaf of collectLeaves(tree?.branches)) {
    const vendorIndex = leaf.path.map((b) => b.category).lastIndexOf("vendor");
    const vendor = vendorIndex >= 0 ? leaf.path[vendorIndex]!.name : undefined;
    const candidates = leaf.path.map((b, depth) => ({ b, depth })).filter(({ b, depth }) => depth > vendorIndex && (b.category === "product_family" || b.category === "product_name"));
    // The most specific product the vocabulary knows; of several branches that all mean that product
    // (a family and a product name of the same name), the outermost, so what is below it are its versions.
    const matches = candidates.map((c) => ({ ...c, match: matchProduct(vocabulary, vendor, [c.b.name, ...(c.b.product ? [c.b.product.product_id] : [])]) }));
    const deepest = [...matches].reverse().find((m) => m.match);
    const outermost = deepest ? matches.find((m) => m.match === deepest.match)! : undefined;
    let chosen: { depth: number; name: string; match?: string } | undefined = outermost ? { depth: outermost.depth, name: outermost.b.name, match: outermost.match! } : undefined;
    chosen ??= candidates[0] ? { depth: candidates[0].depth, name: candidates[0].b.name } : undefined;
    if (!chosen) {
      // No family or product name above it (vendor › product_version): the product is the leaf itself.
      const match = matchProduct(vocabulary, vendor, [leaf.product.name, leaf.product.product_id]);
      add(`leaf:${leaf.product.product_id}`, () => ({ ...(vendor ? { vendor } : {}), name: leaf.product.name, ...(match ? { match } : {}), depth: -1 }), leaf);
      continue;
    }
    const pathKey = leaf.path.slice(0, chosen.depth + 1).map((b) => `${b.category}:${b.name}`).join("›");
    const c = chosen;
    add(`tree:${pathKey}`, () => ({ ...(vendor ? { vendor } : {}), name: c.name, ...(c.match ? { match: c.match } : {}), depth: c.depth }), leaf);
  }

  // Products without a tree: by their CPE or PURL product, else each on its own.
  const flat = tree?.full_product_names ?? [];
  const byHelper = new Map<string, InputProduct[]>();
  for (const p of flat) {
    const h = helperProduct(p);
    if (h) byHelper.set(h.key, [...(byHelper.get(h.key) ?? []), p]);
  }
  for (const p of flat) {
    const h = helperProduct(p);
    const direct = matchProduct(vocabulary, h?.vendor, [p.name, p.product_id]);
    if (direct || !h) {
      add(`name:${direct ?? p.product_id}`, () => ({ ...(h?.vendor ? { vendor: h.vendor } : {}), name: p.name, ...(direct ? { match: direct } : {}), depth: -1 }), { product: p, path: [] });
      continue;
    }
    const members = byHelper.get(h.key)!;
    const name = members.length > 1 ? commonPrefix(members.map((m) => m.name)) || h.name : p.name;
    const match = matchProduct(vocabulary, h.vendor, [name, h.name]);
    add(`helper:${h.key}`, () => ({ ...(h.vendor ? { vendor: h.vendor } : {}), name, ...(match ? { match } : {}), depth: members.length > 1 ? 0 : -1 }), { product: p, path: [] });
  }

  // Relationships: a component of (or installed on) a platform is a version of the platform's product.
  for (const r of tree?.relationships ?? []) {
    const platform = groupOf.get(r.relates_to_product_reference);
    const leaf: Leaf = { product: r.full_product_name, path: [], relatesTo: r.relates_to_product_reference };
    if (platform) {
      platform.leaves.push(leaf);
      groupOf.set(r.full_product_name.product_id, platform);
    } else {
      add(`rel:${r.full_product_name.product_id}`, () => ({ name: r.full_product_name.name, depth: -1 }), leaf);
    }
  }

  // Ids: the vocabulary's, or proposed; two groups that match the same vocabulary product become one product.
  const taken = new Set(Object.keys(vocabulary));
  const byCsafId = new Map<string, MappedProduct>();
  const products: string[] = [];
  const testedVersions: Record<string, ProductVersion[]> = {};
  const labels = new Map<string, string[]>();
  const names = new Map<string, string>();
  const proposals: ProposedProduct[] = [];
  // A leaf that is the product itself is kept in place ("itself") until we know whether the product has versions.
  const versionsOf = new Map<string, ({ name: string; servicePack?: string; version?: string; label: string } | { itself: string; fullName: string })[]>();
  for (const g of groups.values()) {
    let id = g.match;
    if (!id) {
      id = proposeId(g.vendor, g.name, taken);
      taken.add(id);
      proposals.push({ id, ...(g.vendor ? { vendor: g.vendor } : {}), en: g.name, ja: g.name, csafProductIds: [], names: [] });
    }
    if (!products.includes(id)) products.push(id);
    names.set(id, g.match ? vocabulary[g.match]!.en : g.name);
    const proposal = proposals.find((p) => p.id === id);
    const list = versionsOf.get(id) ?? [];
    versionsOf.set(id, list);
    for (const leaf of g.leaves) {
      proposal?.csafProductIds.push(leaf.product.product_id);
      proposal?.names.push(leaf.product.name);
      const version = versionOf(g, leaf, vocabulary);
      if (!version) {
        byCsafId.set(leaf.product.product_id, { product: id, label: "" });
        list.push({ itself: leaf.product.product_id, fullName: leaf.product.name.trim() });
        continue;
      }
      const same = list.find((v) => "label" in v && v.label === version.label);
      if (same) notes.push(`two CSAF products are both named "${version.label}" (${leaf.product.product_id} and another): they are one version of ${id}`);
      else list.push(version);
      byCsafId.set(leaf.product.product_id, { product: id, label: version.label });
    }
  }
  for (const [id, entries] of versionsOf) {
    // A product that is both itself and versions: the product itself is a version too, under its own full name.
    const hasVersions = entries.some((v) => "label" in v);
    const list: { name: string; servicePack?: string; version?: string; label: string }[] = [];
    for (const v of entries) {
      if ("label" in v) list.push(v);
      else if (hasVersions) {
        if (!list.some((x) => x.label === v.fullName)) list.push({ name: v.fullName, label: v.fullName });
        byCsafId.set(v.itself, { product: id, label: v.fullName });
      }
    }
    labels.set(id, list.map((v) => v.label));
    if (list.length) testedVersions[id] = groupVersions(list);
  }
  const helpers = [...groups.values()].flatMap((g) => g.leaves).filter((l) => l.product.product_identification_helper).length;
  if (helpers) notes.push(`${helpers} product identification ${helpers === 1 ? "helper" : "helpers"} (CPE, PURL, …) are not kept: the site's products carry none`);
  return { byCsafId, products, testedVersions, labels, names, proposals, notes };
}

/** The version a leaf is of its group's product, or undefined when the leaf is the product itself. */
function versionOf(g: Group, leaf: Leaf, vocabulary: Vocabulary): { name: string; servicePack?: string; version?: string; label: string } | undefined {
  const full = leaf.product.name.trim();
  const own = leaf.path.at(-1);
  const isProductItself = g.depth === -1 ? g.leaves.length === 1 && !leaf.relatesTo : leaf.path.length === g.depth + 1;
  const productName = g.match ? vocabulary[g.match]!.en : g.name;
  if (isProductItself && (full === productName || full === g.name || (g.match && full === vocabulary[g.match]!.ja))) return undefined;
  if (own && (own.category === "service_pack" || own.category === "product_version") && full.endsWith(` ${own.name}`) && full.length > own.name.length + 1) {
    const name = full.slice(0, -own.name.length - 1);
    return own.category === "service_pack" ? { name, servicePack: own.name, label: full } : { name, version: own.name, label: full };
  }
  return { name: full, label: full };
}

/** Versions of the same name and kind share one line: { name, servicePacks: […] } or { name, versions: […] }. */
export function groupVersions(list: readonly { name: string; servicePack?: string; version?: string }[]): ProductVersion[] {
  const out: ProductVersion[] = [];
  const open = new Map<string, ProductVersion>();
  for (const v of list) {
    if (v.servicePack === undefined && v.version === undefined) {
      out.push({ name: v.name });
      continue;
    }
    const key = `${v.servicePack !== undefined ? "sp" : "v"}:${v.name}`;
    const line = open.get(key);
    if (v.servicePack !== undefined) {
      if (!line) {
        const fresh: ProductVersion = { name: v.name, servicePack: v.servicePack };
        open.set(key, fresh);
        out.push(fresh);
      } else if (line.servicePacks) line.servicePacks.push(v.servicePack);
      else {
        line.servicePacks = [line.servicePack!, v.servicePack];
        delete line.servicePack;
      }
    } else if (!line) {
      const fresh: ProductVersion = { name: v.name, versions: [v.version!] };
      open.set(key, fresh);
      out.push(fresh);
    } else line.versions!.push(v.version!);
  }
  return out;
}

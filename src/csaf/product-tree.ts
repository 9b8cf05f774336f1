/**
 * The product tree of a document: vendor → product family → product (→ service pack), as far as the data
 * goes. Products come from the vocabulary; versions from the entry's optional `testedVersions`:
 *   windows-2000 with [{ name: "Windows 2000", servicePack: "Service Pack 2" }, …]
 *     → vendor "Microsoft" › product_family "Windows 2000" › product_name "Windows 2000" › service_pack "Service Pack 2"
 *       (product id windows-2000-service-pack-2)
 *   windows-server-2003 without versions → vendor "Microsoft" › product_name "Windows Server 2003" (product id windows-server-2003)
 *   cisco-ios with [{ name: "Cisco IOS 12.2SE", versions: ["12.2(55)SE", "12.2(58)SE"] }]
 *     → vendor "Cisco" › product_family "Cisco IOS" › product_name "Cisco IOS 12.2SE" › product_version "12.2(55)SE"
 *       (product id cisco-ios-12-2se-12-2-55-se); `servicePacks` likewise, with service_pack branches
 * A vocabulary product then stands for all of its listed versions: a rating for windows-2000 applies to each.
 * Names and vendors come from the site's products (products.yaml).
 */
import type { Lang } from "../i18n/languages.ts";
import type { Entry } from "../data/entries.ts";
import type { ProductId, Products } from "../data/vocabulary.ts";
import { expandVersions, type ExpandedVersion } from "../data/versions.ts";
import type { Branch, ProductTree } from "./csaf-types.ts";
import type { DataProblem } from "./data-problem.ts";

export type TestedVersions = NonNullable<Entry["testedVersions"]>;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The full name of a tested version: "Windows 2000 Service Pack 2". */
export function versionName(version: { name: string; servicePack?: string }): string {
  return version.servicePack ? `${version.name} ${version.servicePack}` : version.name;
}

/** The product id of a version: its full name in lower-case ASCII words. */
export const versionProductId = (label: string): string => slug(label);

/** The product ids a vocabulary product stands for in the tree: one per tested version, or the product itself. */
export function productIds(product: ProductId, versions: TestedVersions = {}): string[] {
  const list = expandVersions(versions[product]);
  return list.length ? list.map((v) => versionProductId(v.label)) : [product];
}

/** Display names of a product for notes: its tested versions, or its vocabulary name. */
export function productNames(products: Products, product: ProductId, lang: Lang, versions: TestedVersions = {}): string[] {
  const list = expandVersions(versions[product]);
  return list.length ? list.map((v) => v.label) : [products[product]![lang]];
}

export interface BuiltTree {
  tree: ProductTree;
  /** Product ids per vocabulary product, in tree order. */
  ids: Map<ProductId, string[]>;
  /** Per vocabulary product: the product id of each version, by its full name ("" = the product itself). */
  byLabel: Map<ProductId, Map<string, string>>;
  /** Problems in the data (two versions that would get the same product id). */
  problems: DataProblem[];
}

/** Builds the tree for `products` (vocabulary order, each once). */
export function buildProductTree(vocabulary: Products, products: readonly ProductId[], lang: Lang, versions: TestedVersions = {}): BuiltTree {
  const ordered = Object.keys(vocabulary).filter((p) => products.includes(p));
  const ids = new Map<ProductId, string[]>();
  const byLabel = new Map<ProductId, Map<string, string>>();
  const seen = new Map<string, string>();
  const problems: DataProblem[] = [];
  const vendors = new Map<string, Branch[]>();

  for (const product of ordered) {
    const name = vocabulary[product]![lang];
    const list: ExpandedVersion[] = expandVersions(versions[product]);
    const productIdsOf = productIds(product, versions);
    productIdsOf.forEach((id, i) => {
      const label = list[i] ? list[i].label : name;
      const other = seen.get(id);
      if (other !== undefined) problems.push({ field: ["testedVersions", product], code: "csaf.product-id-clash", params: { version: label, other, id }, hint: "csaf.product-id-clash" });
      seen.set(id, label);
    });
    ids.set(product, productIdsOf);
    byLabel.set(product, new Map(list.length ? list.map((v, i) => [v.label, productIdsOf[i]!]) : [["", product]]));

    let branch: Branch;
    if (!list.length) {
      branch = { category: "product_name", name, product: { name, product_id: product } };
    } else {
      // Versions sharing a name become one product_name branch with a service_pack (or product_version) branch
      // each. A version without either (e.g. Windows XP before SP1) is a product_name leaf of its own.
      const children: Branch[] = [];
      const groups = new Map<string, Branch[]>();
      list.forEach((version, i) => {
        const product = { name: version.label, product_id: productIdsOf[i]! };
        const leaf = version.servicePack ?? version.version;
        if (leaf === undefined) {
          children.push({ category: "product_name", name: version.name, product });
          return;
        }
        let group = groups.get(version.name);
        if (!group) {
          group = [];
          groups.set(version.name, group);
          children.push({ category: "product_name", name: version.name, branches: group });
        }
        group.push({ category: version.servicePack !== undefined ? "service_pack" : "product_version", name: leaf, product });
      });
      branch = { category: "product_family", name, branches: children };
    }
    const vendor = vocabulary[product]!.vendor;
    vendors.set(vendor, [...(vendors.get(vendor) ?? []), branch]);
  }

  const branches: Branch[] = [...vendors].map(([vendor, children]) => ({ category: "vendor", name: vendor, branches: children }));
  return { tree: { branches }, ids, byLabel, problems };
}

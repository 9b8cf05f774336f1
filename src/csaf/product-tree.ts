/**
 * The product tree of a document: vendor → product family → product (→ service pack), as far as the data
 * goes. Products come from the vocabulary; versions from the entry's optional `testedVersions`:
 *   windows-2000 with [{ name: "Windows 2000", servicePack: "Service Pack 2" }, …]
 *     → vendor "Microsoft" › product_family "Windows 2000" › product_name "Windows 2000" › service_pack "Service Pack 2"
 *       (product id windows-2000-service-pack-2)
 *   windows-server-2003 without versions → vendor "Microsoft" › product_name "Windows Server 2003" (product id windows-server-2003)
 * A vocabulary product then stands for all of its listed versions: a rating for windows-2000 applies to each.
 * Names and vendors come from the site's products (products.yaml).
 */
import type { Lang } from "../i18n/languages.ts";
import type { Entry } from "../data/entries.ts";
import type { ProductId, Products } from "../data/vocabulary.ts";
import type { Branch, ProductTree } from "./csaf-types.ts";

export type TestedVersions = NonNullable<Entry["testedVersions"]>;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The full name of a tested version: "Windows 2000 Service Pack 2". */
export function versionName(version: { name: string; servicePack?: string }): string {
  return version.servicePack ? `${version.name} ${version.servicePack}` : version.name;
}

/** The product ids a vocabulary product stands for in the tree: one per tested version, or the product itself. */
export function productIds(product: ProductId, versions: TestedVersions = {}): string[] {
  const list = versions[product];
  return list?.length ? list.map((v) => slug(versionName(v))) : [product];
}

/** Display names of a product for notes: its tested versions, or its vocabulary name. */
export function productNames(products: Products, product: ProductId, lang: Lang, versions: TestedVersions = {}): string[] {
  const list = versions[product];
  return list?.length ? list.map(versionName) : [products[product]![lang]];
}

export interface BuiltTree {
  tree: ProductTree;
  /** Product ids per vocabulary product, in tree order. */
  ids: Map<ProductId, string[]>;
  /** Problems in the data (two versions that would get the same product id). */
  problems: string[];
}

/** Builds the tree for `products` (vocabulary order, each once). */
export function buildProductTree(vocabulary: Products, products: readonly ProductId[], lang: Lang, versions: TestedVersions = {}): BuiltTree {
  const ordered = Object.keys(vocabulary).filter((p) => products.includes(p));
  const ids = new Map<ProductId, string[]>();
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const vendors = new Map<string, Branch[]>();

  for (const product of ordered) {
    const name = vocabulary[product]![lang];
    const list = versions[product] ?? [];
    const productIdsOf = productIds(product, versions);
    productIdsOf.forEach((id, i) => {
      const label = list[i] ? versionName(list[i]) : name;
      const other = seen.get(id);
      if (other !== undefined) problems.push(`testedVersions: "${label}" and "${other}" both become product id "${id}" — give each version a distinct name or service pack`);
      seen.set(id, label);
    });
    ids.set(product, productIdsOf);

    let branch: Branch;
    if (!list.length) {
      branch = { category: "product_name", name, product: { name, product_id: product } };
    } else {
      // Versions sharing a name become one product_name branch with a service_pack branch per service pack.
      // A version without a service pack (e.g. Windows XP before SP1) is a product_name leaf of its own.
      const children: Branch[] = [];
      const groups = new Map<string, Branch[]>();
      list.forEach((version, i) => {
        const product = { name: versionName(version), product_id: productIdsOf[i]! };
        if (!version.servicePack) {
          children.push({ category: "product_name", name: version.name, product });
          return;
        }
        let group = groups.get(version.name);
        if (!group) {
          group = [];
          groups.set(version.name, group);
          children.push({ category: "product_name", name: version.name, branches: group });
        }
        group.push({ category: "service_pack", name: version.servicePack, product });
      });
      branch = { category: "product_family", name, branches: children };
    }
    const vendor = vocabulary[product]!.vendor;
    vendors.set(vendor, [...(vendors.get(vendor) ?? []), branch]);
  }

  const branches: Branch[] = [...vendors].map(([vendor, children]) => ({ category: "vendor", name: vendor, branches: children }));
  return { tree: { branches }, ids, problems };
}

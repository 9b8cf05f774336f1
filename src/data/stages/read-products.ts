/**
 * Stage 2, read-products: the site's product vocabulary, products.yaml in the site folder, validated like
 * content (every problem at its line and column). Content files name products by these ids; pages, feeds,
 * the API and CSAF take names and vendors from here. A site without the file has no products.
 *
 *   windows-xp: { ja: Windows XP, en: Windows XP, short: { ja: XP, en: XP }, vendor: Microsoft }
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { displayPath } from "../display-path.ts";
import { parseYaml } from "../frontmatter.ts";
import { readContentFile } from "../read-file.ts";
import { Id, Text } from "../schema.ts";
import { PRODUCTS_FILE } from "../site-files.ts";
import { zodProblems } from "../zod-problems.ts";
import { yamlProblem } from "../yaml-problem.ts";
import type { ContentProblem } from "../problems.ts";
import type { Products } from "../vocabulary.ts";
import type { LoadState } from "./state.ts";

const Names = z.strictObject({
  /** The name in Japanese. */
  ja: Text.describe("Name in Japanese."),
  /** The name in English. */
  en: Text.describe("Name in English."),
});

/** One product. */
export const ProductSchema = z.strictObject({
  ...Names.shape,
  /** A short name for narrow places such as the columns of a ratings table ("XP" for Windows XP). */
  short: Names.optional().describe("Short name for narrow places, e.g. a ratings table's columns."),
  /** The vendor, as CSAF's product tree names it. */
  vendor: Text.describe("The vendor (CSAF product tree)."),
});

/** products.yaml: product id → product, in display order. */
export const ProductsSchema = z.record(Id, ProductSchema);

/**
 * Reads and validates a site folder's products.yaml: `{ products }` ({} when there is none), or its problems.
 * Also used on its own by `npm run schemas` (the editors' schemas list the site's product ids).
 */
export function readProductsFile(root: string, contentDir: string): { products: Products; problems: [] } | { products?: undefined; problems: ContentProblem[] } {
  const path = join(contentDir, PRODUCTS_FILE);
  if (!existsSync(path)) return { products: {}, problems: [] };
  const file = displayPath(root, contentDir, path);
  const read = readContentFile(path, file);
  if ("problems" in read) return { problems: read.problems };
  const parsed = parseYaml(read.text);
  if (parsed.syntaxErrors.length) {
    return {
      problems: parsed.syntaxErrors.map((e) => yamlProblem(file, e)),
    };
  }
  const result = ProductsSchema.safeParse(parsed.data ?? {}, { reportInput: true });
  if (!result.success) return { problems: zodProblems(file, parsed, ProductsSchema, result.error, "the comment at the top of products.yaml") };
  return { products: result.data, problems: [] };
}

export function readProducts(state: LoadState): void {
  const read = readProductsFile(state.root, state.contentDir);
  state.products = read.products;
  state.problems.push(...read.problems);
}

/**
 * How a file is named in reports: relative to the project when the site folder lives inside it
 * (content/ja/advisories/sasser.md), else relative to the site folder's parent (my-site/ja/advisories/x.md).
 */
import { dirname, relative } from "node:path";

export function displayPath(root: string, siteDir: string, path: string): string {
  const inside = !relative(root, siteDir).startsWith("..");
  return relative(inside ? root : dirname(siteDir), path).split("\\").join("/");
}

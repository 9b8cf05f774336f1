/** How two folders differ: files only in one, files whose bytes differ, folders only in one (empty ones too). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

function entries(dir: string, prefix = ""): Map<string, "dir" | "file"> {
  const found = new Map<string, "dir" | "file">();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      found.set(`${path}/`, "dir");
      for (const [inner, kind] of entries(dir, path)) found.set(inner, kind);
    } else found.set(path, "file");
  }
  return found;
}

/** One line per difference ("only in a: /x", "differs: /y"), sorted; empty when the folders are the same. */
export function treeDifferences(a: string, b: string): string[] {
  const left = entries(a);
  const right = entries(b);
  const out: string[] = [];
  for (const [path, kind] of left) {
    if (!right.has(path)) out.push(`only in ${a}: ${path}`);
    else if (kind === "file" && !readFileSync(join(a, path)).equals(readFileSync(join(b, path)))) out.push(`differs: ${path}`);
  }
  for (const path of right.keys()) if (!left.has(path)) out.push(`only in ${b}: ${path}`);
  return out.sort();
}

/** Every file below a folder, as absolute paths, in a stable order (sorted names at each level). */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function walkFiles(dir: string, skipDir: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDir(entry.name)) out.push(...walkFiles(path, skipDir));
    } else out.push(path);
  }
  return out;
}

/** A folder's files and bytes, to prove a failed build left it exactly as it was. */
import { readFileSync } from "node:fs";
import { walkFiles } from "../../src/links/walk-files.ts";

export function snapshot(dir: string): Map<string, string> {
  return new Map(walkFiles(dir).map((path) => [path.slice(dir.length), readFileSync(path).toString("base64")]));
}

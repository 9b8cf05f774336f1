/**
 * `npm run fix-ids`: add the missing `{#id}` to the section headings of every translated entry, in both
 * languages (src/authoring/fix-heading-ids.ts), and show each changed line. Only ` {#id}` is ever appended;
 * an entry whose two languages have different heading structures is left alone and named.
 * Exit codes: 0 nothing left to do by hand, 1 something was left alone (named), 2 usage.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { displayPath } from "../data/display-path.ts";
import { fixHeadingIds, type HeadingEdit } from "../authoring/fix-heading-ids.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const FIX_IDS: CommandSpec = {
  name: "fix-ids",
  usage: "[ID …] [--content DIR] [--dry-run]",
  summary: "Add the missing {#id} to the section headings of translated entries, in both languages, from the English heading.",
  options: {
    content: CONTENT_OPTION,
    "dry-run": { type: "boolean", description: "show what would change, change nothing" },
  },
  positionals: [0, Infinity],
};

const SECTIONS = ["advisories", "hoaxes"] as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(FIX_IDS, argv, io);
  if (typeof parsed === "number") return parsed;
  const siteDir = siteDirOf(parsed.values, io);
  const dryRun = parsed.values["dry-run"] === true;
  const only = new Set(parsed.positionals);
  const show = (path: string) => displayPath(io.cwd, siteDir, path);
  const diff = (path: string, edits: HeadingEdit[]) => edits.flatMap((e) => [`${show(path)}:${e.line}`, `- ${e.before}`, `+ ${e.after}`]);

  let added = 0;
  let files = 0;
  let refused = 0;
  const seen = new Set<string>();
  for (const section of SECTIONS) {
    const dir = join(siteDir, "ja", section);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".md")).sort()) {
      const id = name.slice(0, -3);
      seen.add(id);
      if (only.size && !only.has(id)) continue;
      const jaPath = join(dir, name);
      const enPath = join(siteDir, "en", section, name);
      // An entry without a translation has nothing to match.
      if (!existsSync(enPath)) continue;
      const result = fixHeadingIds(readFileSync(jaPath, "utf8"), readFileSync(enPath, "utf8"), section);
      for (const reason of result.refused) io.stderr(`✖ ${show(jaPath)}, ${show(enPath)}: ${reason}\n`);
      refused += result.refused.length;
      for (const [path, edits, text] of [[jaPath, result.edits.ja, result.ja], [enPath, result.edits.en, result.en]] as const) {
        if (!edits.length) continue;
        io.stdout(`${diff(path, edits).join("\n")}\n`);
        added += edits.length;
        files++;
        if (!dryRun) writeFileSync(path, text);
      }
    }
  }
  const unknown = [...only].filter((id) => !seen.has(id));
  if (unknown.length) {
    io.stderr(`✖ no entry ${unknown.map((id) => `"${id}"`).join(", ")} in ${show(siteDir)}\n`);
    return 1;
  }
  const verb = dryRun ? "would add" : "added";
  io.stdout(added ? `✔ ${verb} ${added} heading ${added === 1 ? "id" : "ids"} in ${files} ${files === 1 ? "file" : "files"}${dryRun ? " (--dry-run: nothing was changed)" : ""}\n` : "✔ every heading of a translated entry already has its id\n");
  return refused ? 1 : 0;
}

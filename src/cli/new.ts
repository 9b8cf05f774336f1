/**
 * `npm run new`: start something new from a template, valid as written (placeholders say TODO).
 *   npm run new -- <incident|bulletin|guidance|hoax> <id> [--date YYYY-MM-DD] [--content DIR]
 *       a new entry in both languages: <site>/ja/{advisories|hoaxes}/<id>.md and <site>/en/…
 *   npm run new -- site DIR
 *       a new, empty site in DIR: site.yaml, the about and hoax-list pages in both languages, a URL manifest
 * Exit codes: 0 written, 2 usage error or refused (unknown kind, invalid id or date, id already used, folder not empty).
 */
import { relative, resolve } from "node:path";
import { SCAFFOLD_KINDS, today, writeScaffold } from "../authoring/scaffold.ts";
import { writeSite } from "../authoring/new-site.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const NEW: CommandSpec = {
  name: "new",
  usage: `<${SCAFFOLD_KINDS.join("|")}> <id> [--date YYYY-MM-DD] [--content DIR]  |  site <DIR>`,
  summary: "Start a new entry in both languages, or a new site, from a template that is valid as written.",
  options: {
    date: { type: "string", value: "YYYY-MM-DD", description: "an entry's publication date (default: today, local time)" },
    content: CONTENT_OPTION,
  },
  positionals: [2, 2],
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(NEW, argv, io);
  if (typeof parsed === "number") return parsed;
  const [kind, target] = parsed.positionals as [string, string];
  /** Files inside the current folder by their relative path (content/ja/…), others by their absolute path. */
  const shown = (full: string) => {
    const rel = relative(io.cwd, full);
    return (rel.startsWith("..") ? full : rel).split("\\").join("/");
  };

  if (kind === "site") {
    const dir = resolve(io.cwd, target);
    const result = writeSite(dir);
    if (!result.ok) {
      io.stderr(`✖ ${result.error} — ${result.hint}\n`);
      return 2;
    }
    io.stdout(`✔ new site in ${shown(dir)}:\n${result.written.map((p) => `  wrote ${shown(resolve(dir, p))}\n`).join("")}
Next steps:
  1. Replace every "TODO" in ${shown(resolve(dir, "site.yaml"))} and the two pages (npm run check -- --content ${target} lists them).
  2. Build and look:  npm run build -- --content ${target} --output ${target}-site   (or npm start -- --content ${target})
  3. Write entries:   npm run new -- incident my-first-advisory --content ${target}
  4. Before publishing, record the URLs: npm run urls -- --update --content ${target}
`);
    return 0;
  }

  const siteDir = siteDirOf(parsed.values, io);
  const result = writeScaffold({ kind, id: target, date: (parsed.values.date as string | undefined) ?? today(), contentDir: siteDir, display: (path) => shown(resolve(siteDir, path)) });
  if (!result.ok) {
    io.stderr(`✖ ${result.error} — ${result.hint}\n`);
    return 2;
  }
  const section = kind === "hoax" ? "hoaxes" : "advisories";
  const contentFlag = parsed.values.content ? ` -- --content ${String(parsed.values.content)}` : "";
  io.stdout(`✔ new ${kind} "${target}":\n${result.written.map((path) => `  wrote ${shown(resolve(siteDir, path))}\n`).join("")}
Next steps:
  1. Replace every "TODO" in both files. Facts (dates, products, KB, CVE, related ids) go in the
     Japanese file only; the English file holds translated text (see docs/authoring.md).
  2. Validate:  npm run check${contentFlag}  (with --lang ja, the messages are in Japanese)
  3. Preview:   npm start${contentFlag}, then open /ja/${section}/${target}/ and /en/${section}/${target}/
  4. Publish:   record the new URLs with npm run urls -- --update${parsed.values.content ? ` --content ${String(parsed.values.content)}` : ""}
  Later, each revision of the Japanese text gets a new entry in "revisions"; update the English file
  and its translationOf to match (npm run i18n:status lists translations that fall behind).
`);
  return 0;
}

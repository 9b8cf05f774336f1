/**
 * `npm run new -- <kind> <id>`: start a new entry in both languages from a template.
 *   kind            incident | bulletin | guidance | hoax
 *   id              lower-case ASCII letters, digits and single hyphens: the file name and the URL
 *   --date DATE     the publication date, YYYY-MM-DD (default: today, local time)
 *   --content DIR   write into another content folder (also KEIKOKU_CONTENT)
 * Writes content/ja/{advisories|hoaxes}/<id>.md and content/en/…, valid at once (placeholders say TODO).
 * Exit codes: 0 written, 2 usage error or refused (unknown kind, invalid id or date, id already used).
 */
import { relative, resolve } from "node:path";
import { SCAFFOLD_KINDS, today, writeScaffold } from "../authoring/scaffold.ts";

const USAGE = `usage: npm run new -- <${SCAFFOLD_KINDS.join("|")}> <id> [--date YYYY-MM-DD] [--content DIR]`;

const args = process.argv.slice(2);
const positional: string[] = [];
const options: Record<string, string> = {};
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--help" || arg === "-h") {
    console.log(USAGE);
    process.exit(0);
  }
  if (arg === "--date" || arg === "--content") {
    const value = args[++i];
    if (value === undefined) {
      console.error(`✖ ${arg} needs a value\n${USAGE}`);
      process.exit(2);
    }
    options[arg] = value;
  } else if (arg.startsWith("--")) {
    console.error(`✖ unknown option "${arg}"\n${USAGE}`);
    process.exit(2);
  } else positional.push(arg);
}
if (positional.length !== 2) {
  console.error(`✖ expected a kind and an id\n${USAGE}`);
  process.exit(2);
}
const [kind, id] = positional as [string, string];
const contentDir = resolve(options["--content"] ?? process.env.KEIKOKU_CONTENT ?? "content");
/** Files inside the project by their relative path (content/ja/…), others by their absolute path. */
const shown = (path: string) => {
  const full = resolve(contentDir, path);
  const rel = relative(process.cwd(), full);
  return (rel.startsWith("..") ? full : rel).split("\\").join("/");
};
const result = writeScaffold({ kind, id, date: options["--date"] ?? today(), contentDir, display: shown });
if (!result.ok) {
  console.error(`✖ ${result.error} — ${result.hint}`);
  process.exit(2);
}

const section = kind === "hoax" ? "hoaxes" : "advisories";
const checkCommand = options["--content"] ? `npm run check -- --content ${options["--content"]}` : "npm run check";
console.log(`✔ new ${kind} "${id}":`);
for (const path of result.written) console.log(`  wrote ${shown(path)}`);
console.log(`
Next steps:
  1. Replace every "TODO" in both files. Facts (dates, products, KB, CVE, related ids) go in the
     Japanese file only; the English file holds translated text (see docs/authoring.md).
  2. Validate:  ${checkCommand}  (with --lang ja, the messages are in Japanese)
  3. Preview:   npm start, then open /ja/${section}/${id}/ and /en/${section}/${id}/
  4. Publish:   record the new URLs with npm run urls -- --update
  Later, each revision of the Japanese text gets a new entry in "revisions"; update the English file
  and its translationOf to match (npm run i18n:status lists translations that fall behind).`);

/**
 * `npm run i18n:status`: which advisories, hoaxes and pages are translated, stale or missing, per language,
 * and whether every UI string exists in both languages.
 *   --strict        fail when any translation is stale or missing, or a UI string is missing (for CI)
 *   --format json   machine-readable status on stdout
 *   --content DIR   another content folder (also KEIKOKU_CONTENT)
 * "Stale by N": the translation's `translationOf` is N revisions behind the source's latest revision.
 * "Missing": there is no translation file; readers get the source text under a notice.
 * Exit codes: 0 status printed (with --strict: everything translated and current), 1 the content is
 * invalid (the report is printed, as by `npm run check`), 2 usage error, 3 --strict and something is
 * stale or missing.
 */
import { resolve } from "node:path";
import { LANGS, SOURCE_LANG, type Lang } from "../i18n/languages.ts";
import { loadContent } from "../data/load-content.ts";
import { formatReport } from "../data/problems.ts";
import { formatStatusTable, totals, translationStatus } from "../authoring/translation-status.ts";

const USAGE = "usage: npm run i18n:status -- [--strict] [--format text|json] [--content DIR]";
const args = process.argv.slice(2);
const known = new Set(["--strict", "--format", "--content"]);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (!known.has(arg)) {
    console.error(`Unknown argument "${arg}"\n${USAGE}`);
    process.exit(2);
  }
  if (arg !== "--strict") i++;
}
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) {
    console.error(`${name} needs a value\n${USAGE}`);
    process.exit(2);
  }
  return value;
};
const strict = args.includes("--strict");
const format = option("--format") ?? "text";
if (format !== "text" && format !== "json") {
  console.error(`Unknown --format "${format}": use text or json`);
  process.exit(2);
}
const contentDir = option("--content") ?? process.env.KEIKOKU_CONTENT;

const result = loadContent({ root: process.cwd(), cache: true, html: false, ...(contentDir ? { contentDir: resolve(contentDir) } : {}) });
if (!result.site) {
  if (format === "json") console.log(JSON.stringify({ ok: false, problems: result.problems }, null, 2));
  else console.error(formatReport(result.problems));
  process.exit(1);
}

// src/i18n/i18n.ts refuses to load when a UI string is missing (it throws while being imported), so it is
// imported here, where that can be caught and reported like the rest.
interface UiStrings {
  keys: number;
  missing: { lang: Lang; key: string }[];
  error?: string;
}
let ui: UiStrings;
try {
  const { MESSAGES, missingKeys } = await import("../i18n/i18n.ts");
  ui = { keys: new Set(LANGS.flatMap((lang) => Object.keys(MESSAGES[lang]))).size, missing: missingKeys() };
} catch (error) {
  ui = { keys: 0, missing: [], error: error instanceof Error ? error.message : String(error) };
}
const uiOk = !ui.error && ui.missing.length === 0;

const rows = translationStatus(result.site);
const count = totals(rows);
const complete = count.stale === 0 && count.missing === 0 && uiOk;

if (format === "json") {
  console.log(JSON.stringify({ ok: complete, strict, sourceLang: SOURCE_LANG, langs: LANGS, totals: count, entries: rows, uiStrings: ui }, null, 2));
} else {
  const entries = rows.filter((r) => r.section !== "pages").length;
  const pages = rows.length - entries;
  console.log(`Translations (${SOURCE_LANG} is the source language; stale = translationOf behind the source's latest revision)\n`);
  console.log(formatStatusTable(rows));
  console.log("");
  if (ui.error) console.log(`UI strings: ✖ ${ui.error}`);
  else if (ui.missing.length) console.log(`UI strings: ✖ ${ui.missing.length} missing: ${ui.missing.map((m) => `${m.key} in src/i18n/locales/${m.lang}.json`).join(", ")}`);
  else console.log(`UI strings: ✔ all ${ui.keys} keys are present in ${LANGS.join(" and ")}`);
  const mark = complete ? "✔" : "⚠";
  console.log(`${mark} ${entries} advisories and hoaxes, ${pages} pages: ${count.translated} translated, ${count.stale} stale, ${count.missing} missing`);
}
process.exitCode = strict && !complete ? 3 : 0;

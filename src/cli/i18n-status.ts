/**
 * `npm run i18n:status`: which advisories, hoaxes and pages are translated, stale or missing, per language,
 * and whether every UI string exists in both languages.
 * "Stale by N": the translation's `translationOf` is N revisions behind the source's latest revision.
 * "Missing": there is no translation file; readers get the source text under a notice.
 * Exit codes: 0 status printed (with --strict: everything translated and current), 1 the content is
 * invalid (the report is printed, as by `npm run check`), 2 usage error, 3 --strict and something is
 * stale or missing.
 */
import { LANGS, SOURCE_LANG, type Lang } from "../i18n/languages.ts";
import { loadContent } from "../data/load-content.ts";
import { formatReport, sortProblems } from "../data/problems.ts";
import { problemJson } from "../i18n/problem-text.ts";
import { formatStatusTable, totals, translationStatus } from "../authoring/translation-status.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const I18N_STATUS: CommandSpec = {
  name: "i18n:status",
  usage: "[--content DIR] [--strict] [--format text|json]",
  summary: "Show every entry's translation status per language, and whether every UI string exists in both languages.",
  options: {
    content: CONTENT_OPTION,
    strict: { type: "boolean", description: "exit 3 when a translation is stale or missing or a UI string is missing (for CI)" },
    format: { type: "string", value: "text|json", description: "text for people (default), json for machines" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(I18N_STATUS, argv, io);
  if (typeof parsed === "number") return parsed;
  const strict = parsed.values.strict === true;
  const format = (parsed.values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") {
    io.stderr(`✖ unknown --format "${format}": use text or json\n`);
    return 2;
  }
  const result = loadContent({ root: io.cwd, contentDir: siteDirOf(parsed.values, io), cache: io.env.KEIKOKU_CACHE !== "off", html: false });
  if (!result.site) {
    if (format === "json") io.stdout(`${JSON.stringify({ ok: false, problems: sortProblems(result.problems).map((p) => problemJson(p, "en")) }, null, 2)}\n`);
    else io.stderr(`${formatReport(result.problems, "en", "check")}\n`);
    return 1;
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
    io.stdout(`${JSON.stringify({ ok: complete, strict, sourceLang: SOURCE_LANG, langs: LANGS, totals: count, entries: rows, uiStrings: ui }, null, 2)}\n`);
  } else {
    const entries = rows.filter((r) => r.section !== "pages").length;
    const pages = rows.length - entries;
    const lines = [`Translations (${SOURCE_LANG} is the source language; stale = translationOf behind the source's latest revision)`, "", formatStatusTable(rows), ""];
    if (ui.error) lines.push(`UI strings: ✖ ${ui.error}`);
    else if (ui.missing.length) lines.push(`UI strings: ✖ ${ui.missing.length} missing: ${ui.missing.map((m) => `${m.key} in src/i18n/locales/${m.lang}.json`).join(", ")}`);
    else lines.push(`UI strings: ✔ all ${ui.keys} keys are present in ${LANGS.join(" and ")}`);
    lines.push(`${complete ? "✔" : "⚠"} ${entries} advisories and hoaxes, ${pages} pages: ${count.translated} translated, ${count.stale} stale, ${count.missing} missing`);
    io.stdout(`${lines.join("\n")}\n`);
  }
  return strict && !complete ? 3 : 0;
}

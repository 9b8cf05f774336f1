/**
 * `npm run check`: validate the site's settings and all its content without rendering anything. Fast enough
 * for a pre-commit hook.
 * Exit codes: 0 valid, 1 problems, 2 usage.
 */
import { performance } from "node:perf_hooks";
import { loadContent, locatedProblem } from "../data/load-content.ts";
import { csafDataProblems } from "../csaf/generate.ts";
import { csafConfig } from "../csaf/config.ts";
import { manifestProblems } from "../links/content-urls.ts";
import { formatReport, sortProblems } from "../data/problems.ts";
import { readSettings } from "../settings/settings.ts";
import { formatReportJa, translateNotice, translateProblem } from "../authoring/messages-ja.ts";
import { CONTENT_OPTION, LANG_OPTION, messageLang, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const CHECK: CommandSpec = {
  name: "check",
  usage: "[--content DIR] [--format text|json] [--lang ja|en]",
  summary: "Validate the site's settings (site.yaml) and every content file; nothing is rendered or written.",
  options: {
    content: CONTENT_OPTION,
    format: { type: "string", value: "text|json", description: "text for people (default), json for editors and CI (with a lang property)" },
    lang: LANG_OPTION,
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(CHECK, argv, io);
  if (typeof parsed === "number") return parsed;
  const format = (parsed.values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") {
    io.stderr(`✖ unknown --format "${format}": use text or json\n`);
    return 2;
  }
  const lang = messageLang(parsed.values, CHECK, io);
  if (!lang) return 2;
  const ja = lang === "ja";
  const siteDir = siteDirOf(parsed.values, io);
  const started = performance.now();
  const read = readSettings({ siteDir, root: io.cwd, env: io.env });
  // Content is checked even when the settings are not valid, so every problem is reported at once.
  const result = loadContent({ root: io.cwd, contentDir: siteDir, cache: read.settings?.switches.contentCache ?? io.env.KEIKOKU_CACHE !== "off", html: false });
  // What the build's CSAF step would refuse, found here: check refuses everything the build would.
  const csaf = result.site && read.settings?.switches.csaf ? csafDataProblems(result.site, csafConfig(read.settings)).map((p) => locatedProblem(result.locate, p)) : [];
  // And the URLs the build's manifest step would find gone (an entry's pages, its CSAF documents' year, …).
  const urls = result.site && read.settings ? manifestProblems(result.site, { siteDir, root: io.cwd, idPrefix: csafConfig(read.settings).idPrefix, csaf: read.settings.switches.csaf }) : [];
  const problems = [...read.problems, ...result.problems, ...csaf, ...urls];
  const ms = Math.round(performance.now() - started);

  if (format === "json") {
    const sorted = sortProblems(problems);
    const shown = ja ? sorted.map(translateProblem) : sorted;
    io.stdout(`${JSON.stringify({ ok: shown.length === 0, lang, problems: shown, entries: result.site?.entries.length ?? 0, ms, ...(result.cacheUse ? { cacheUse: result.cacheUse } : {}) }, null, 2)}\n`);
  } else if (result.site && !problems.length) {
    const sources = new Set(result.site.entries.map((e) => e.id)).size;
    const pages = result.site.entries.length;
    const use = result.cacheUse;
    const reused = use && use.reused ? (ja ? `、${use.files} ファイル中 ${use.reused} は前回から変更なし` : `; ${use.reused} of ${use.files} files unchanged since the last run`) : "";
    io.stdout(`${ja
      ? `✔ コンテンツに問題はありません: セキュリティ情報とデマ情報 ${sources} 件、2 言語で ${pages} ページ (${ms} ms${reused})`
      : `✔ content is valid: ${sources} advisories and hoaxes, ${pages} pages in 2 languages (${ms} ms${reused})`}\n`);
    for (const notice of [...(read.settings?.notices ?? []), ...result.site.notices]) io.stdout(ja ? `  注: ${translateNotice(notice)}\n` : `  note: ${notice}\n`);
  } else {
    io.stderr(`${ja ? formatReportJa(problems) : formatReport(problems)}\n`);
  }
  return problems.length ? 1 : 0;
}

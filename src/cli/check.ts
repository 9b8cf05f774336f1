/**
 * `npm run check`: validate all content without rendering anything. Fast enough for a pre-commit hook.
 *   --format json   machine-readable report on stdout (with a `lang` property)
 *   --content DIR   check another content folder
 *   --lang ja       every message and hint in Japanese (src/authoring/messages-ja.ts); default en
 * Exit codes: 0 valid, 1 content problems, 2 usage error.
 */
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../data/load-content.ts";
import { formatReport, sortProblems } from "../data/problems.ts";
import { formatReportJa, translateNotice, translateProblem } from "../authoring/messages-ja.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const format = option("--format") ?? "text";
if (!["text", "json"].includes(format)) {
  console.error(`Unknown --format "${format}": use text or json`);
  process.exit(2);
}
const lang = option("--lang") ?? "en";
if (lang !== "en" && lang !== "ja") {
  console.error(`Unknown --lang "${lang}": use en or ja`);
  process.exit(2);
}
const ja = lang === "ja";
const contentDir = option("--content") ?? process.env.KEIKOKU_CONTENT;
const started = performance.now();
const result = loadContent({ root: process.cwd(), cache: true, html: false, ...(contentDir ? { contentDir: resolve(contentDir) } : {}) });
const ms = Math.round(performance.now() - started);

if (format === "json") {
  const sorted = sortProblems(result.problems);
  const problems = ja ? sorted.map(translateProblem) : sorted;
  console.log(JSON.stringify({ ok: problems.length === 0, lang, problems, entries: result.site?.entries.length ?? 0, ms, ...(result.cacheUse ? { cacheUse: result.cacheUse } : {}) }, null, 2));
} else if (result.site) {
  const sources = new Set(result.site.entries.map((e) => e.id)).size;
  const pages = result.site.entries.length;
  const use = result.cacheUse;
  const reused = use && use.reused ? (ja ? `、${use.files} ファイル中 ${use.reused} は前回から変更なし` : `; ${use.reused} of ${use.files} files unchanged since the last run`) : "";
  console.log(ja
    ? `✔ コンテンツに問題はありません: セキュリティ情報とデマ情報 ${sources} 件、2 言語で ${pages} ページ (${ms} ms${reused})`
    : `✔ content is valid: ${sources} advisories and hoaxes, ${pages} pages in 2 languages (${ms} ms${reused})`);
  for (const notice of result.site.notices) console.log(ja ? `  注: ${translateNotice(notice)}` : `  note: ${notice}`);
} else {
  console.error(ja ? formatReportJa(result.problems) : formatReport(result.problems));
}
process.exitCode = result.problems.length ? 1 : 0;

/**
 * `npm run check`: validate all content without rendering anything. Fast enough for a pre-commit hook.
 *   --format json   machine-readable report on stdout
 *   --content DIR   check another content folder
 * Exit codes: 0 valid, 1 content problems, 2 usage error.
 */
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../data/load-content.ts";
import { formatReport, sortProblems } from "../data/problems.ts";

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
const contentDir = option("--content") ?? process.env.KEIKOKU_CONTENT;
const started = performance.now();
const result = loadContent({ root: process.cwd(), ...(contentDir ? { contentDir: resolve(contentDir) } : {}) });
const ms = Math.round(performance.now() - started);

if (format === "json") {
  const problems = sortProblems(result.problems);
  console.log(JSON.stringify({ ok: problems.length === 0, problems, entries: result.site?.entries.length ?? 0, ms }, null, 2));
} else if (result.site) {
  const sources = new Set(result.site.entries.map((e) => e.id)).size;
  console.log(`✔ content is valid: ${sources} advisories and hoaxes, ${result.site.entries.length} pages in 2 languages (${ms} ms)`);
  for (const notice of result.site.notices) console.log(`  note: ${notice}`);
} else {
  console.error(formatReport(result.problems));
}
process.exitCode = result.problems.length ? 1 : 0;

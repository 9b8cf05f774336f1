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
import { noticeText, problemJson, renderTemplate } from "../i18n/problem-text.ts";
import { readSettings } from "../settings/settings.ts";
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
  const siteDir = siteDirOf(parsed.values, io);
  const started = performance.now();
  const read = readSettings({ siteDir, root: io.cwd, env: io.env });
  // Content is checked even when the settings are not valid, so every problem is reported at once.
  const result = loadContent({ root: io.cwd, contentDir: siteDir, cache: read.settings?.switches.contentCache ?? io.env.KEIKOKU_CACHE !== "off", html: false, siteUrl: read.settings?.siteUrl });
  // What the build's CSAF step would refuse, found here: check refuses everything the build would.
  const csaf = result.site && read.settings?.switches.csaf ? csafDataProblems(result.site, csafConfig(read.settings)).map((p) => locatedProblem(result.locate, p)) : [];
  // And the URLs the build's manifest step would find gone (an entry's pages, its CSAF documents' year, …).
  const csafSettings = read.settings ? csafConfig(read.settings) : undefined;
  const urls = result.site && read.settings && csafSettings ? manifestProblems(result.site, { siteDir, root: io.cwd, idPrefix: csafSettings.idPrefix, tlp: csafSettings.tlp, csaf: read.settings.switches.csaf }) : [];
  const problems = [...read.problems, ...result.problems, ...csaf, ...urls];
  const ms = Math.round(performance.now() - started);

  if (format === "json") {
    // Each problem keeps its code and params (for editors and CI) beside its text in the chosen language.
    const shown = sortProblems(problems).map((p) => problemJson(p, lang));
    io.stdout(`${JSON.stringify({ ok: shown.length === 0, lang, problems: shown, entries: result.site?.entries.length ?? 0, ms, ...(result.cacheUse ? { cacheUse: result.cacheUse } : {}) }, null, 2)}\n`);
  } else if (result.site && !problems.length) {
    const sources = new Set(result.site.entries.map((e) => e.id)).size;
    const pages = result.site.entries.length;
    const use = result.cacheUse;
    const reused = use && use.reused ? renderTemplate(lang, "report.reused", { reused: use.reused, files: use.files }) : "";
    io.stdout(`${renderTemplate(lang, "report.valid", { sources, pages, ms, reused })}\n`);
    for (const notice of [...(read.settings?.notices ?? []), ...result.site.notices]) io.stdout(`  ${renderTemplate(lang, "report.note", { note: noticeText(notice, lang) })}\n`);
  } else {
    io.stderr(`${formatReport(problems, lang, "check")}\n`);
  }
  return problems.length ? 1 : 0;
}

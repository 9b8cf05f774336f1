/**
 * What a build tells its author. A successful build is one line, then only what the author must act on, each
 * naming the file at fault; everything else is counted in that line and listed with `--verbose`:
 *
 *   ✔ built 72 pages (ja, en) into _site in 6.2 s; 3 notes, 192 known CSAF warnings (--verbose)
 *     ⚠ content/ja/advisories/exa-2026-001.md: CSAF 6.2.2 Missing Remediation ×2 in …json at /vulnerabilities/0/…: …
 *
 * Pure: the build collects (src/site/build-site.ts), `npm run build` and the dev server print.
 */
import { LANGS } from "../i18n/languages.ts";
import { noticeText } from "../i18n/problem-text.ts";
import type { Notice } from "../data/problems.ts";
import type { CsafWritten } from "../csaf/write-files.ts";
import { TEST_TITLES, UNAVOIDABLE_WARNINGS, testSection, type CsafProblem } from "../csaf/validate.ts";

export interface BuildReport {
  /** What the author must act on, each naming the file at fault: printed after the summary line. */
  actions: string[];
  /** Worth knowing, nothing to fix (untranslated pages, signing off, …): counted, listed with --verbose. */
  notes: string[];
  /** Accepted CSAF warnings (UNAVOIDABLE_WARNINGS, or caused by the deployment's settings): counted. */
  knownWarnings: number;
  /** Only for --verbose, not counted: how many documents were validated, the known warnings by test. */
  details: string[];
}

export const emptyReport = (): BuildReport => ({ actions: [], notes: [], knownWarnings: 0, details: [] });

/** A note the author must act on: content or settings that still hold placeholders from `npm run new`. */
/** Notices that ask the author to do something (the rest are notes, listed with --verbose). */
const ACTION_NOTICES: ReadonlySet<Notice["code"]> = new Set(["todo"]);

/** Sorts the data layer's and the settings' notices into actions and notes, in the report's language (English). */
export function addNotices(report: BuildReport, notices: readonly Notice[]): void {
  for (const notice of notices) (ACTION_NOTICES.has(notice.code) ? report.actions : report.notes).push(noticeText(notice, "en"));
}

/**
 * Warnings that come from the deployment's settings, not from any file: they are counted with the reason, and
 * never blamed on the content file whose document showed them first.
 */
const SETTINGS_WARNINGS: Record<string, (settings: { siteUrl: string }) => string | undefined> = {
  // Every document's self reference is made from SITE_URL: http:// fails test 6.2.11 in every document at once.
  "6.2.11": ({ siteUrl }) => (siteUrl.startsWith("https:") ? undefined : `SITE_URL ${siteUrl} is not https`),
};

const title = (section: string) => `${section}${TEST_TITLES[section] ? ` ${TEST_TITLES[section]}` : ""}`;

/** The CSAF step's warnings and notes, sorted into the report. */
export function addCsafReport(report: BuildReport, output: Pick<CsafWritten, "documentCount" | "warnings" | "notes">, settings: { siteUrl: string }): void {
  const known = new Map<string, { count: number; reason: string }>();
  const byFileAndTest = new Map<string, CsafProblem[]>();
  for (const w of output.warnings) {
    const section = testSection(w.test);
    const reason = section ? (UNAVOIDABLE_WARNINGS[section] ?? SETTINGS_WARNINGS[section]?.(settings)) : undefined;
    if (section && reason) {
      const entry = known.get(section) ?? { count: 0, reason };
      entry.count++;
      known.set(section, entry);
      continue;
    }
    const key = `${w.file}\0${w.test}`;
    const list = byFileAndTest.get(key);
    // Pushed, not copied: 40,000 warnings at 10,000 advisories made a copy per warning cost 129 s.
    if (list) list.push(w);
    else byFileAndTest.set(key, [w]);
  }
  for (const list of byFileAndTest.values()) {
    const first = list[0]!;
    const section = testSection(first.test);
    const test = section ? `CSAF ${title(section)}` : `CSAF ${first.test}`;
    const where = `${first.output} at ${first.path || "/"}`;
    report.actions.push(`${first.file}: ${test}${list.length > 1 ? ` ×${list.length}, e.g.` : ""} in ${where}: ${first.message}`);
  }
  report.details.push(`CSAF: ${output.documentCount} documents valid`);
  for (const [section, { count, reason }] of [...known].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
    report.knownWarnings += count;
    report.details.push(`known CSAF warning ${title(section)} ×${count}: ${reason}`);
  }
  report.notes.push(...output.notes);
}

export interface SummaryInput {
  pages: number;
  /** The output folder as the author named it (`_site`, `../public`). */
  output: string;
  seconds: number;
  report: BuildReport;
  verbose: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The build's lines: the summary, then what to act on, then (verbose) the notes and details. */
export function formatBuildReport({ pages, output, seconds, report, verbose }: SummaryInput): string[] {
  const counts = [
    report.actions.length ? `${plural(report.actions.length, "thing")} to fix below` : "",
    report.notes.length ? plural(report.notes.length, "note") : "",
    report.knownWarnings ? plural(report.knownWarnings, "known CSAF warning") : "",
  ].filter(Boolean);
  const more = !verbose && (report.notes.length || report.knownWarnings) ? " (--verbose)" : "";
  const lines = [`✔ built ${plural(pages, "page")} (${LANGS.join(", ")}) into ${output} in ${seconds.toFixed(1)} s${counts.length ? `; ${counts.join(", ")}${more}` : ""}`];
  lines.push(...report.actions.map((a) => `  ⚠ ${a}`));
  if (verbose) lines.push(...report.notes.map((n) => `  note: ${n}`), ...report.details.map((d) => `  ${d}`));
  return lines;
}

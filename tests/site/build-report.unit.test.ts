/**
 * The build's report (src/site/build-report.ts): one summary line, then only what the author must act on, each
 * naming its file; accepted CSAF warnings and notes are counted and listed with --verbose; a warning caused by
 * the settings never names a content file. Pure: no build.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { addCsafReport, addNotices, emptyReport, formatBuildReport } from "../../src/site/build-report.ts";
import type { CsafProblem } from "../../src/csaf/validate.ts";

const warning = (test: string, file: string, output = "x.json"): CsafProblem => ({ severity: "warning", file, output, test, path: "/document/references", message: "a message" });
const HTTP = { siteUrl: "http://localhost:8080" };
const HTTPS = { siteUrl: "https://advisories.example.jp" };
const documentCount = 22;

test("accepted CSAF warnings are counted, with their reason, and listed only in the details", () => {
  const report = emptyReport();
  const warnings = [
    ...Array.from({ length: 3 }, () => warning("optionalTest_6_2_3", "content/ja/advisories/ms04-011.md")),
    warning("optionalTest_6_2_16", "content/ja/advisories/sasser.md"),
  ];
  addCsafReport(report, { documentCount, warnings, notes: [] }, HTTPS);
  assert.deepEqual(report.actions, []);
  assert.equal(report.knownWarnings, 4);
  assert.deepEqual(report.details.slice(0, 2), ["CSAF: 22 documents valid", "known CSAF warning 6.2.3 Missing Score ×3: no CVSS score: Microsoft's 2004 bulletins rated severity only, and no verified score is in the data"]);
});

test("a warning the settings cause (6.2.11 without https) is counted, named after SITE_URL, never after a content file", () => {
  const report = emptyReport();
  const warnings = ["sasser", "ms04-011", "good-times"].map((id) => warning("optionalTest_6_2_11", `content/ja/advisories/${id}.md`));
  addCsafReport(report, { documentCount, warnings, notes: [] }, HTTP);
  assert.deepEqual(report.actions, []);
  assert.equal(report.knownWarnings, 3);
  const lines = formatBuildReport({ pages: 72, output: "_site", seconds: 1, report, verbose: true });
  assert.ok(lines.includes("  known CSAF warning 6.2.11 Missing Canonical URL ×3: SITE_URL http://localhost:8080 is not https"), lines.join("\n"));
  assert.ok(!lines.some((l) => l.includes("content/")), lines.join("\n"));
});

test("the same warning with an https SITE_URL is about the file, and each file is named", () => {
  const report = emptyReport();
  addCsafReport(report, { documentCount, warnings: [warning("optionalTest_6_2_11", "content/ja/advisories/sasser.md", "2004/keikoku-2004-sasser.json")], notes: [] }, HTTPS);
  assert.deepEqual(report.actions, ["content/ja/advisories/sasser.md: CSAF 6.2.11 Missing Canonical URL in 2004/keikoku-2004-sasser.json at /document/references: a message"]);
});

test("other warnings are actions, one per file and test, each naming its file", () => {
  const report = emptyReport();
  const warnings = [
    warning("optionalTest_6_2_2", "site/ja/advisories/a.md", "a.json"),
    warning("optionalTest_6_2_2", "site/ja/advisories/a.md", "a-en.json"),
    warning("optionalTest_6_2_2", "site/ja/advisories/b.md", "b.json"),
  ];
  addCsafReport(report, { documentCount, warnings, notes: ["OpenPGP signing not configured"] }, HTTPS);
  assert.deepEqual(report.actions, [
    "site/ja/advisories/a.md: CSAF 6.2.2 Missing Remediation ×2, e.g. in a.json at /document/references: a message",
    "site/ja/advisories/b.md: CSAF 6.2.2 Missing Remediation in b.json at /document/references: a message",
  ]);
  assert.deepEqual(report.notes, ["OpenPGP signing not configured"]);
  assert.equal(report.knownWarnings, 0);
});

test("placeholders left from npm run new are actions; untranslated pages are notes", () => {
  const report = emptyReport();
  addNotices(report, [{ code: "todo", params: { file: "my-site/ja/advisories/x.md" } }, { code: "fallback", params: { pageLang: "en", id: "beta", sourceLang: "ja", url: "/en/hoaxes/beta/" } }]);
  assert.deepEqual(report.actions, ["my-site/ja/advisories/x.md still has TODO: placeholders (from npm run new)"]);
  assert.deepEqual(report.notes, ["en: beta has no translation; serving the ja text at /en/hoaxes/beta/"]);
});

test("a build with nothing to act on is one line; --verbose adds the notes and the details", () => {
  const report = emptyReport();
  addCsafReport(report, { documentCount, warnings: [warning("optionalTest_6_2_3", "content/ja/advisories/ms04-011.md")], notes: ["signing is off", "security.txt is not published"] }, HTTP);
  assert.deepEqual(formatBuildReport({ pages: 72, output: "_site", seconds: 6.24, report, verbose: false }), [
    "✔ built 72 pages (ja, en) into _site in 6.2 s; 2 notes, 1 known CSAF warning (--verbose)",
  ]);
  assert.deepEqual(formatBuildReport({ pages: 72, output: "_site", seconds: 6.24, report, verbose: true }), [
    "✔ built 72 pages (ja, en) into _site in 6.2 s; 2 notes, 1 known CSAF warning",
    "  note: signing is off",
    "  note: security.txt is not published",
    "  CSAF: 22 documents valid",
    "  known CSAF warning 6.2.3 Missing Score ×1: no CVSS score: Microsoft's 2004 bulletins rated severity only, and no verified score is in the data",
  ]);
  assert.deepEqual(formatBuildReport({ pages: 1, output: "out", seconds: 0.04, report: emptyReport(), verbose: false }), ["✔ built 1 page (ja, en) into out in 0.0 s"]);
});

test("what to act on follows the summary line, and the line says how many", () => {
  const report = emptyReport();
  addNotices(report, [{ code: "todo", params: { file: "site/ja/advisories/x.md" } }]);
  assert.deepEqual(formatBuildReport({ pages: 4, output: "_site", seconds: 1, report, verbose: false }), [
    "✔ built 4 pages (ja, en) into _site in 1.0 s; 1 thing to fix below",
    "  ⚠ site/ja/advisories/x.md still has TODO: placeholders (from npm run new)",
  ]);
});

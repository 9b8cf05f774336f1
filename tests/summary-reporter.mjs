/**
 * A node:test reporter that writes one JSON summary of a run, for tests/run.ts: how many tests passed, failed
 * and were skipped, the time each test file took, and each failure with its message. The human-readable log
 * comes from the spec reporter beside it (tests/run.ts asks for both).
 *
 * A file is the top-level suite tests/tier.ts wraps it in, or, when Node runs a process per file (`--test`),
 * the file its top-level tests come from. Plain JavaScript: with `--test`, Node loads reporters before tsx's hooks.
 * The summary's shape is RunSummary in tests/run.ts.
 */
import { relative } from "node:path";

const ROOT = relative(process.cwd(), `${import.meta.dirname}/..`) || ".";

function fileOf(data) {
  if (data.file && !data.file.endsWith("tier.ts")) return relative(ROOT, data.file);
  return data.nesting === 0 ? data.name : "(tier)";
}

/** What an assertion or a thrown error said, without node:test's wrapping. */
function messageOf(error) {
  const inner = error?.cause instanceof Error ? error.cause : error;
  return (inner?.message ?? String(error)).split("\n").slice(0, 20).join("\n");
}

export default async function* summaryReporter(source) {
  const summary = { tests: 0, pass: 0, fail: 0, skip: 0, files: {}, failures: [] };
  let currentFile = "(tier)";
  for await (const { type, data } of source) {
    if (type === "test:start" && data.nesting === 0) currentFile = fileOf(data);
    if (type !== "test:pass" && type !== "test:fail") continue;
    const file = data.nesting === 0 ? fileOf(data) : data.file && !data.file.endsWith("tier.ts") ? fileOf(data) : currentFile;
    if (data.nesting === 0) summary.files[file] = (summary.files[file] ?? 0) + (data.details.duration_ms ?? 0) / 1000;
    const isSuite = data.details.type === "suite";
    // A suite fails on its own when a hook or its file's import throws; when only its tests failed, they say so.
    if (isSuite && (type === "test:pass" || data.details.error?.failureType === "subtestsFailed")) continue;
    summary.tests++;
    if (type === "test:fail") {
      summary.fail++;
      summary.failures.push({ name: data.name, file, message: messageOf(data.details.error) });
    } else if (data.skip || data.todo) summary.skip++;
    else summary.pass++;
  }
  yield `${JSON.stringify(summary)}\n`;
}

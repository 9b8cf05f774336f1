/**
 * The differential test of issue #17: `check` is the authority, so for any content it must fail exactly when
 * the build fails, and name the file the build blames. One case copies a site to a temporary folder, mutates
 * it (mutations.ts), runs `check --format json` and `build` in this process (their `main(argv, io)`, as
 * `npm run` would), and compares the two outcomes:
 *
 *   runCase({ siteDir: "content", seed: 42, caseNumber: 7 })
 *     → { mutations: [{ kind: "bad-date", file: "ja/hoaxes/good-times.md", … }],
 *         check: { failed: true, files: ["content/ja/hoaxes/good-times.md"], … },
 *         build: { failed: true, files: ["content/ja/hoaxes/good-times.md"], stackTrace: false, … },
 *         disagreements: [] }
 *
 * The build runs with search off (KEIKOKU_SEARCH=off): Pagefind indexes whatever HTML it is given and cannot
 * fail because of content, and it is the slowest step. The content cache is off so every case starts cold
 * and no temporary folder leaves an entry in node_modules/.cache.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Command, CommandIo } from "../cli/command.ts";
import { main as check } from "../cli/check.ts";
import { main as build } from "../cli/build.ts";
import { caseRandom, mutateSite, readSiteFiles, writeSiteFiles, type Mutation } from "./mutations.ts";

/** What one command said about the mutated content. */
export interface Outcome {
  failed: boolean;
  /** The content files it names, as reports name them (`content/ja/advisories/sasser.md`). */
  files: string[];
  /** A stack trace reached the author: a content mistake must never be reported that way. */
  stackTrace: boolean;
  /** What it printed (the build's includes what Eleventy and the CSAF step logged while it ran). */
  output: string;
}

export interface CaseResult {
  seed: number;
  caseNumber: number;
  mutations: Mutation[];
  check: Outcome;
  build: Outcome;
  disagreements: string[];
  ms: number;
}

export interface CaseOptions {
  /** The site to mutate a copy of (the bundled content/). */
  siteDir: string;
  seed: number;
  caseNumber: number;
  /** Keep the temporary folder (its path is in the result's output) to replay a case by hand. */
  keep?: boolean;
}

/** The name the site folder gets in the temporary folder, so reports name `content/…` as for the bundled site. */
const SITE = "content";

export async function runCase(options: CaseOptions): Promise<CaseResult> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "keikoku-fuzz-"));
  const siteDir = join(work, SITE);
  try {
    cpSync(options.siteDir, siteDir, { recursive: true });
    const files = readSiteFiles(siteDir);
    const mutations = mutateSite(files, caseRandom(options.seed, options.caseNumber));
    writeSiteFiles(siteDir, files);

    const outcomes = await checkAndBuild(work, siteDir);
    return { seed: options.seed, caseNumber: options.caseNumber, mutations, ...outcomes, ms: Math.round(performance.now() - started) };
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs check and the build on a site folder that is already as it should be (`work` is the folder that holds
 * it, where the build's output goes), and compares them: for a case, or for content written by hand.
 */
export async function checkAndBuild(work: string, siteDir: string): Promise<{ check: Outcome; build: Outcome; disagreements: string[] }> {
  const check = await runCheck(work, siteDir);
  const build = await runBuild(work, siteDir, join(work, "out"));
  return { check, build, disagreements: compareOutcomes(check, build) };
}

/**
 * Where check and the build disagree (empty when they agree). Pure, so the test can feed it a known
 * disagreement: check fails ⇔ build fails; when both fail, every file the build names is one check names
 * too (check may name more: it reports every problem, the build stops at the first step that fails); and
 * no failure reaches the author as a stack trace.
 */
export function compareOutcomes(check: Outcome, build: Outcome): string[] {
  const found: string[] = [];
  if (!check.failed && build.failed) found.push("the build fails, check passes");
  if (check.failed && !build.failed) found.push("check fails, the build passes");
  if (check.failed && build.failed) {
    const missing = build.files.filter((f) => !check.files.includes(f));
    if (!build.files.length) found.push("the build fails without naming a file");
    else if (missing.length) found.push(`the build names ${missing.join(", ")}, check does not (check names ${check.files.join(", ") || "no file"})`);
  }
  if (check.stackTrace) found.push("check prints a stack trace");
  if (build.stackTrace) found.push("the build's failure reaches the author as a stack trace");
  return found;
}

/** A JavaScript stack frame, as Node prints one ("    at render (/…/file.ts:12:3)"). */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
/** A content file as reports name it (site folder first), with or without :line:column. */
const NAMED_FILE = new RegExp(`(?<![\\w/.-])${SITE}/[\\w./-]+?\\.(?:md|ya?ml|txt)\\b`, "g");

/**
 * The files a report blames: those that start a line as `file:line:column` (a located problem), else, for a
 * report without located problems (a crash), every content file it mentions. A file named inside a message
 * ("section ids differ from content/ja/…") is context, not blame.
 */
export function namedFiles(text: string): string[] {
  const located = [...text.matchAll(new RegExp(`^\\s*(${NAMED_FILE.source}):\\d+:\\d+`, "gm"))].map((m) => m[1]!);
  return [...new Set(located.length ? located : (text.match(NAMED_FILE) ?? []))].sort();
}

async function runCheck(cwd: string, siteDir: string): Promise<Outcome> {
  const { status, stdout, stderr, thrown } = await runInProcess("check", ["--content", siteDir, "--format", "json"], cwd, { KEIKOKU_CACHE: "off" });
  let files: string[] = [];
  try {
    const report = JSON.parse(stdout) as { problems: { file: string }[] };
    files = [...new Set(report.problems.map((p) => p.file))].sort();
  } catch {
    files = namedFiles(stderr + stdout);
  }
  const output = stdout + stderr + (thrown ?? "");
  return { failed: status !== 0, files, stackTrace: STACK_FRAME.test(output), output };
}

async function runBuild(cwd: string, siteDir: string, output: string): Promise<Outcome> {
  // What Eleventy and the CSAF step log goes straight to the console; it is caught here so a stack trace
  // printed there (Eleventy's "Problem writing Eleventy templates") counts as reaching the author.
  const { value, log } = await capturingConsole(() => runInProcess("build", ["--content", siteDir, "--output", output], cwd, { KEIKOKU_SEARCH: "off", KEIKOKU_CACHE: "off" }));
  const text = value.stderr + value.stdout + log + (value.thrown ?? "");
  const failed = value.status !== 0;
  // A successful build's notes name files too (a stale translation); only a failure's count.
  const blamed = failed ? namedFiles(value.stderr + (value.thrown ?? "")) : [];
  return { failed, files: blamed, stackTrace: failed && STACK_FRAME.test(text), output: text };
}

interface InProcessRun {
  status: number;
  stdout: string;
  stderr: string;
  /** A command that throws instead of returning an exit code: a finding in itself. */
  thrown?: string;
}

/** The two commands compared, imported directly (not through src/cli/commands.ts, which lists `fuzz` itself). */
const COMPARED: Record<"check" | "build", Command> = { check, build };

async function runInProcess(name: "check" | "build", argv: string[], cwd: string, env: Record<string, string>): Promise<InProcessRun> {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd };
  try {
    const status = await COMPARED[name](argv, io);
    return { status, stdout, stderr };
  } catch (error) {
    return { status: 1, stdout, stderr, thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

async function capturingConsole<T>(run: () => Promise<T>): Promise<{ value: T; log: string }> {
  // The console's methods, not process.stdout.write: under `node --test` the test runner's own events travel on
  // this process's stdout, and swallowing them lost the results of the tests that ran before this one.
  let log = "";
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const saved = methods.map((name) => console[name]);
  for (const name of methods) console[name] = (...args: unknown[]) => void (log += `${args.map(String).join(" ")}\n`);
  try {
    return { value: await run(), log };
  } finally {
    methods.forEach((name, i) => (console[name] = saved[i]!));
  }
}

/**
 * `npm test`: every tier, typecheck included, on a fresh machine too. `npm run test:unit` (and :site, :build,
 * :browser) run one tier: `node --import tsx tests/run.ts unit`.
 *
 *   1. Refuses test files that name no tier (tests/tiers.ts).
 *   2. For the browser tier, makes sure Debian's Chromium and a Japanese font are there: installs them when it
 *      runs as root on Debian (as CI and a fresh machine do), otherwise stops and prints the command. Only
 *      KEIKOKU_SKIP_BROWSER=1 skips the browser tier, and the summary says so.
 *   3. Runs the jobs in two lanes, one per core: shared site builds → site tier, and typecheck → unit tier;
 *      then both lanes take from one queue, longest first: the build tier's files (a process each) and the
 *      browser tier, split in two processes of about equal length when the build tier is the shorter
 *      (tests/job-seconds.ts remembers how long each file took). Each job's spec log goes to
 *      test-results/<job>.log.
 *   4. Prints one line per tier (tests, passed, failed, skipped, seconds), the slowest files, every failure
 *      with its message, and exits 1 if anything failed.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { filesOf, TIERS, untiered, type Tier } from "./tiers.ts";
import { balance, expectedSeconds, rememberedSeconds, rememberSeconds } from "./job-seconds.ts";

const ROOT = join(import.meta.dirname, "..");
const RESULTS = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BROWSER_PACKAGES = ["chromium", "fonts-noto-cjk"];

/** What tests/summary-reporter.mjs writes for a tier. */
interface RunSummary {
  tests: number;
  pass: number;
  fail: number;
  skip: number;
  /** Seconds per test file. */
  files: Record<string, number>;
  failures: { name: string; file: string; message: string }[];
}

interface JobResult {
  name: string;
  ok: boolean;
  seconds: number;
  summary?: RunSummary;
  log: string;
}

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !TIERS.includes(a as Tier));
if (unknown.length) {
  console.error(`✖ unknown tier ${unknown.map((u) => `"${u}"`).join(", ")}\nusage: node --import tsx tests/run.ts [${TIERS.join("|")} …] (no tier: all of them, and the typecheck)`);
  process.exit(2);
}
const tiers: Tier[] = asked.length ? TIERS.filter((t) => asked.includes(t)) : [...TIERS];
const whole = asked.length === 0;

const loose = untiered();
if (loose.length) {
  console.error(`✖ test files without a tier (name them <name>.<${TIERS.join("|")}>.test.ts; see tests/tiers.ts):\n${loose.map((f) => `  ${f}`).join("\n")}`);
  process.exit(1);
}

/** Why the browser tier cannot run here, or undefined. */
function browserMissing(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  const fonts = spawnSync("fc-list", [":lang=ja", "family"], { encoding: "utf8" });
  if (fonts.error || !fonts.stdout.trim()) missing.push("a Japanese font (fc-list :lang=ja finds none)");
  return missing.length ? missing.join(" and ") : undefined;
}

/** Installs the browser tier's packages when this process may (root, apt-get); true when they are there after. */
function installBrowser(): boolean {
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) return false;
  console.log(`… installing ${BROWSER_PACKAGES.join(" and ")} from Debian for the browser tests (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...BROWSER_PACKAGES]]) {
    const r = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (r.status !== 0) return false;
  }
  return !browserMissing();
}

let skippedBrowser: string | undefined;
if (tiers.includes("browser")) {
  const missing = browserMissing();
  if (missing && process.env.KEIKOKU_SKIP_BROWSER === "1") skippedBrowser = `${missing} missing, KEIKOKU_SKIP_BROWSER=1`;
  else if (missing && !installBrowser()) {
    console.error(
      `✖ the browser tests need ${missing}. Install them (Debian):\n  sudo apt-get install -y ${BROWSER_PACKAGES.join(" ")}\n` +
        "or run the other tiers only (npm run test:unit, test:site, test:build), or set KEIKOKU_SKIP_BROWSER=1 to skip this tier knowingly.",
    );
    process.exit(1);
  }
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

/** A tier's summary; undefined when its process ended before writing one (its log says why). */
function readSummary(file: string): RunSummary | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as RunSummary;
  } catch {
    return undefined;
  }
}

/** Runs one command with its output in test-results/<name>.log (and a JSON summary when it is a test tier). */
function job(name: string, args: string[], options: { tier?: boolean } = {}): () => Promise<JobResult> {
  return () =>
    new Promise((resolve) => {
      const file = name.replace(/[:/]/g, "-");
      const log = join(RESULTS, `${file}.log`);
      const summaryFile = join(RESULTS, `${file}.json`);
      const reporters = options.tier
        ? ["--test-reporter=spec", `--test-reporter-destination=${log}`, `--test-reporter=${join(import.meta.dirname, "summary-reporter.mjs")}`, `--test-reporter-destination=${summaryFile}`]
        : [];
      const started = performance.now();
      const [command, ...rest] = args;
      const child = spawn(command === "node" ? process.execPath : command!, command === "node" ? [...rest.slice(0, 2), ...reporters, ...rest.slice(2)] : rest, {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, FORCE_COLOR: "0" },
      });
      const output: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
      child.on("close", (code) => {
        const seconds = (performance.now() - started) / 1000;
        const printed = Buffer.concat(output).toString("utf8");
        const summary = readSummary(summaryFile);
        const ok = code === 0 && (!options.tier || (summary !== undefined && summary.fail === 0));
        // The log on disk holds what the tests reported and, after it, whatever the process printed besides.
        if (printed.trim()) appendFileSync(log, `${options.tier ? "\n--- printed outside the test reports ---\n" : ""}${printed}`);
        const logText = existsSync(log) ? readFileSync(log, "utf8") : "";
        console.log(`${ok ? "✔" : "✖"} ${name} (${seconds.toFixed(1)} s)`);
        resolve({ name, ok, seconds, summary, log: logText });
      });
    });
}

const tsx = ["--import", "tsx"];
const tierJob = (tier: Tier) => job(tier, ["node", ...tsx, join("tests", "tier.ts"), tier], { tier: true });

// Two lanes, one per core. Each starts with what it alone needs first: lane A builds the shared sites and runs the
// site tier, lane B the typecheck and the unit tier. Then both take from one queue, longest first so that the
// last jobs are short: the build tier's files, a process each (they build on purpose and may not share one), and
// the browser tier (one Chromium per process), which waits for the shared sites. When the build tier is the
// shorter, the browser tier runs as two processes of about equal length, so that no lane idles while the other
// runs the whole browser tier.
const laneA: (() => Promise<JobResult>)[] = [];
const laneB: (() => Promise<JobResult>)[] = [];
const wanted = (t: Tier) => tiers.includes(t) && !(t === "browser" && skippedBrowser);
let sitesBuilt: Promise<unknown> = Promise.resolve();
if (wanted("site") || wanted("browser")) {
  const prebuild = job("shared-sites", ["node", ...tsx, join("tests", "prebuild.ts")]);
  let done: (value: unknown) => void = () => undefined;
  sitesBuilt = new Promise((resolve) => (done = resolve));
  laneA.push(() => prebuild().finally(() => done(undefined)));
}
if (wanted("site")) laneA.push(tierJob("site"));
// Incremental: tsc keeps what it learnt about each file (by its hash) and checks again only what changed and what
// depends on it, with the same diagnostics (about 16 → 6 CPU-s here when little changed). One record per checkout,
// as worktrees may share node_modules.
const typecheckRecord = join(ROOT, "node_modules/.cache/keikoku", `typecheck-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.tsbuildinfo`);
if (whole) laneB.push(job("typecheck", [process.execPath, join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "--incremental", "--tsBuildInfoFile", typecheckRecord]));
if (wanted("unit")) laneB.push(tierJob("unit"));
const remembered = rememberedSeconds();
const seconds = (file: string) => expectedSeconds(file, remembered);
const BUILD_JOB = "build:";
const BROWSER_JOB = "browser:";
const queue: { seconds: number; run: () => Promise<JobResult> }[] = [];
if (wanted("build")) {
  for (const file of filesOf("build")) {
    queue.push({ seconds: seconds(file), run: job(`${BUILD_JOB}${file.replace(/^tests\//, "").replace(/\.build\.test\.ts$/, "")}`, ["node", ...tsx, "--test", file], { tier: true }) });
  }
}
if (wanted("browser")) {
  // Two processes only when the build tier's files cannot keep the other lane busy while the browser tier runs:
  // a second process costs its own start-up and Chromium, and two Chromiums on two cores slow each other down.
  const total = (files: string[]) => files.reduce((n, f) => n + seconds(f), 0);
  const parts = total(filesOf("browser")) > (wanted("build") ? total(filesOf("build")) : 0) ? 2 : 1;
  balance(filesOf("browser"), parts, seconds).forEach((files, i) => {
    const part = job(`${BROWSER_JOB}${i + 1}`, ["node", ...tsx, join("tests", "tier.ts"), "browser", ...files], { tier: true });
    queue.push({ seconds: files.reduce((n, f) => n + seconds(f), 0), run: () => sitesBuilt.then(part) });
  });
}
queue.sort((a, b) => b.seconds - a.seconds);

const started = performance.now();
const runLane = async (lane: (() => Promise<JobResult>)[]) => {
  const results: JobResult[] = [];
  for (const next of lane) results.push(await next());
  for (let next = queue.shift(); next; next = queue.shift()) results.push(await next.run());
  return results;
};
const jobs = (await Promise.all([runLane(laneA), runLane(laneB)])).flat();
const wall = (performance.now() - started) / 1000;

// The build tier's files, and the browser tier's two processes, as one row each: their tests added up, their
// seconds as the time they kept a lane busy.
const combined = (name: string, parts: JobResult[]): JobResult => {
  const sum = (pick: (s: RunSummary) => number) => parts.reduce((n, r) => n + (r.summary ? pick(r.summary) : 0), 0);
  return {
    name,
    ok: parts.every((r) => r.ok),
    seconds: parts.reduce((n, r) => n + r.seconds, 0),
    summary: parts.some((r) => r.summary)
      ? { tests: sum((s) => s.tests), pass: sum((s) => s.pass), fail: sum((s) => s.fail), skip: sum((s) => s.skip), files: Object.assign({}, ...parts.map((r) => r.summary?.files ?? {})), failures: parts.flatMap((r) => r.summary?.failures ?? []) }
      : undefined,
    log: parts.filter((r) => !r.ok).map((r) => `${r.name}:\n${r.log}`).join("\n"),
  };
};
const partsOf = (prefix: string) => jobs.filter((r) => r.name.startsWith(prefix));
const results: JobResult[] = jobs.filter((r) => !r.name.startsWith(BUILD_JOB) && !r.name.startsWith(BROWSER_JOB));
if (partsOf(BROWSER_JOB).length) results.push(combined("browser", partsOf(BROWSER_JOB)));
if (partsOf(BUILD_JOB).length) results.push(combined("build", partsOf(BUILD_JOB)));

// What each file took, for the next run's balance: a build file's whole process, a browser file's own tests.
rememberSeconds(Object.fromEntries([
  ...partsOf(BUILD_JOB).flatMap((r) => Object.keys(r.summary?.files ?? {}).map((file) => [file, r.seconds] as const)),
  ...partsOf(BROWSER_JOB).flatMap((r) => Object.entries(r.summary?.files ?? {})),
]));

// The report: one line per tier, the slowest files, then every failure.
const rows = results.filter((r) => r.summary);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n${"tier".padEnd(9)}${pad("files", 6)}${pad("tests", 7)}${pad("pass", 6)}${pad("fail", 6)}${pad("skip", 6)}${pad("seconds", 9)}`);
for (const r of rows) {
  const s = r.summary!;
  console.log(`${r.name.padEnd(9)}${pad(Object.keys(s.files).length, 6)}${pad(s.tests, 7)}${pad(s.pass, 6)}${pad(s.fail, 6)}${pad(s.skip, 6)}${pad(r.seconds.toFixed(1), 9)}`);
}
if (skippedBrowser) console.log(`${"browser".padEnd(9)}   SKIPPED: ${skippedBrowser}`);
const slowest = rows.flatMap((r) => Object.entries(r.summary!.files).map(([file, s]) => [file, s] as const)).sort((a, b) => b[1] - a[1]).slice(0, 5);
if (slowest.length) console.log(`slowest files: ${slowest.map(([f, s]) => `${f.replace(/^tests\//, "")} ${s.toFixed(1)} s`).join(", ")}`);

const failed = results.filter((r) => !r.ok);
for (const r of failed) {
  const failures = r.summary?.failures ?? [];
  console.log(`\n✖ ${r.name}${failures.length ? `: ${failures.length} failed` : " failed"} (log: test-results/${r.name === "build" || r.name === "browser" ? `${r.name}-*` : r.name}.log)`);
  for (const f of failures) console.log(`  ✖ ${f.file} › ${f.name}\n${f.message.replace(/^/gm, "      ")}`);
  // A job without test results (typecheck, a crash before any test ran): its own output says why.
  if (!failures.length) console.log(r.log.trim().split("\n").slice(-40).join("\n").replace(/^/gm, "    "));
}
const total = rows.reduce((n, r) => n + r.summary!.tests, 0);
const passed = rows.reduce((n, r) => n + r.summary!.pass, 0);
console.log(
  failed.length
    ? `\n✖ ${failed.map((r) => r.name).join(", ")} failed; ${passed} of ${total} tests passed (${wall.toFixed(0)} s)`
    : !results.length
      ? `\n✔ no tier ran${skippedBrowser ? ": the browser tier was SKIPPED" : ""}`
      : `\n✔ ${passed} tests passed${rows.some((r) => r.summary!.skip) ? `, ${rows.reduce((n, r) => n + r.summary!.skip, 0)} skipped` : ""} in ${tiers.filter(wanted).join(", ")}${whole ? " + typecheck" : ""} (${wall.toFixed(0)} s)${skippedBrowser ? "; the browser tier was SKIPPED" : ""}`,
);
process.exitCode = failed.length ? 1 : 0;

/**
 * The edit loop an author lives in: Eleventy's dev server under Keikoku's config (what `npm start` runs,
 * but with its output in a temporary folder instead of the project's _site/) serving the corpus; one
 * advisory is saved with a new sentence, and the page is polled over HTTP until the sentence appears.
 *
 *   coldStartMs     spawn → the edited page's URL answers 200 (first full build, search index included
 *                   once /pagefind/pagefind-entry.json answers too: coldSearchMs)
 *   pageMs          writeFileSync returned → GET <page> contains the new sentence (polled every 25 ms)
 *   searchMs        writeFileSync returned → /pagefind/pagefind-entry.json differs from before the edit
 *                   (the rebuilt index is in place; polled every 50 ms)
 *   searchFoundMs   last edit only: writeFileSync returned → the real search page in Chromium (polled)
 *                   lists a result for the new word (when Chromium exists; searchVerified says if it ever did)
 * Each edit waits for the previous rebuild (page and index) to finish; the file is restored at the end.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { killTree, watchTree, type ProcessPeak } from "./measure.ts";
import { freePort } from "../headless/free-port.ts";

export interface IncrementalOptions {
  root: string;
  contentDir: string;
  /** Source file to edit and the URL path of its Japanese page. */
  file: string;
  urlPath: string;
  output: string;
  edits: number;
  timeoutMs: number;
  /** Polls the real search UI until it finds `word` (true) or the deadline passes (false); undefined skips it. */
  verifySearch?: (origin: string, word: string, deadline: number) => Promise<boolean>;
  log?: (line: string) => void;
}

export interface EditTiming {
  pageMs: number;
  searchMs?: number;
  /** Last edit only, with Chromium: save → the search page lists the edited page for the new word. */
  searchFoundMs?: number;
}

export interface IncrementalResult {
  ok: boolean;
  error?: string;
  coldStartMs?: number;
  coldSearchMs?: number;
  edits: EditTiming[];
  searchVerified?: boolean;
  /** Peak RSS per process of the dev server's tree over the whole session. */
  processes: ProcessPeak[];
  treeRssKb: number;
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchText(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined;
  }
}

/** Polls until `test` returns true; returns the elapsed ms from `since`, or undefined at the deadline. */
async function pollUntil(test: () => Promise<boolean>, since: number, deadline: number, everyMs: number): Promise<number | undefined> {
  while (performance.now() < deadline) {
    if (await test()) return performance.now() - since;
    await sleep(everyMs);
  }
  return undefined;
}

export async function measureIncremental(options: IncrementalOptions): Promise<IncrementalResult> {
  const log = options.log ?? (() => undefined);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/run.ts", "dev-server", "--port", String(port), "--output", options.output, "--content", options.contentDir], {
    cwd: options.root,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const watch = watchTree(child.pid!, 200);
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (output += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (output += s));
  let exited = false;
  child.on("exit", () => (exited = true));
  const original = readFileSync(options.file, "utf8");
  const result: IncrementalResult = { ok: false, edits: [], processes: [], treeRssKb: 0 };
  const page = `${origin}${options.urlPath}`;
  const entryJson = `${origin}/pagefind/pagefind-entry.json`;
  try {
    const deadline = () => performance.now() + options.timeoutMs;
    const alive = () => {
      if (exited) throw new Error(`the dev server exited:\n${output.slice(-2000)}`);
    };
    const cold = await pollUntil(async () => (alive(), (await fetchText(page))?.status === 200), started, deadline(), 100);
    if (cold === undefined) throw new Error(`the dev server did not serve ${options.urlPath} in time:\n${output.slice(-2000)}`);
    result.coldStartMs = cold;
    const coldSearch = await pollUntil(async () => (alive(), (await fetchText(entryJson))?.status === 200), started, deadline(), 100);
    if (coldSearch !== undefined) result.coldSearchMs = coldSearch;
    log(`dev server up: page after ${(cold / 1000).toFixed(1)} s, search index after ${coldSearch === undefined ? "—" : (coldSearch / 1000).toFixed(1)} s`);
    let word = "";
    for (let k = 1; k <= options.edits; k++) {
      // Let the watcher settle so the save is seen as one change.
      await sleep(500);
      // Letters only, so that no segmenter splits it: kbenchb…, kbenchc…
      word = `kbench${String.fromCharCode(97 + (k % 26))}${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
      const before = (await fetchText(entryJson))?.text;
      writeFileSync(options.file, `${original.replace(/\s*$/, "")}\n\n追記 ${word} の確認。\n`);
      const saved = performance.now();
      const pageMs = await pollUntil(async () => (alive(), !!(await fetchText(page))?.text.includes(word)), saved, deadline(), 25);
      if (pageMs === undefined) throw new Error(`edit ${k}: the page did not show the edit in time:\n${output.slice(-2000)}`);
      const searchMs = await pollUntil(async () => (alive(), ((await fetchText(entryJson))?.text ?? before) !== before), saved, deadline(), 50);
      const timing: EditTiming = { pageMs, ...(searchMs !== undefined ? { searchMs } : {}) };
      if (k === options.edits && options.verifySearch) {
        // Two minutes after the index was replaced is plenty; longer means it never will.
        result.searchVerified = await options.verifySearch(origin, word, Math.min(deadline(), performance.now() + 120_000));
        if (result.searchVerified) timing.searchFoundMs = performance.now() - saved;
      }
      result.edits.push(timing);
      const s = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
      log(`edit ${k}: page ${s(pageMs)}, search index replaced ${s(searchMs)}${k === options.edits && options.verifySearch ? `, found by the search page ${s(timing.searchFoundMs)}` : ""}`);
    }
    result.ok = true;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    writeFileSync(options.file, original);
    const polled = watch.stop();
    result.processes = polled.processes;
    result.treeRssKb = polled.treeRssKb;
    if (!exited) {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      killTree(child.pid!, "SIGTERM");
      await Promise.race([gone, sleep(5000)]);
      if (!exited) killTree(child.pid!, "SIGKILL");
    }
  }
  return result;
}

/**
 * How long each test file took the last time `npm test` ran here, so that tests/run.ts can balance the next run
 * over its two lanes: kept in node_modules/.cache/keikoku/test-seconds.json (a file never timed gets a guess).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const FILE = join(ROOT, "node_modules/.cache/keikoku/test-seconds.json");

/**
 * Files much longer than their size suggests, for a machine that never ran them (a fresh clone, CI): the
 * benchmark's smoke run starts a dozen processes, Chromium and the dev server among them.
 */
const FIRST_GUESS: Record<string, number> = { "tests/bench/bench.build.test.ts": 60 };

export function rememberedSeconds(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(FILE, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/** Adds this run's seconds per file to what is remembered. */
export function rememberSeconds(seconds: Record<string, number>): void {
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify({ ...rememberedSeconds(), ...seconds }, null, 1));
}

/** The seconds a test file is expected to take: as last time, else a guess from its size (about 300 bytes a second). */
export function expectedSeconds(file: string, remembered: Record<string, number>): number {
  return remembered[file] ?? FIRST_GUESS[file] ?? (existsSync(join(ROOT, file)) ? statSync(join(ROOT, file)).size / 300 : 10);
}

/** `files` in `parts` groups of about equal expected seconds: the longest first, each into the lightest group so far. */
export function balance(files: string[], parts: number, secondsOf: (file: string) => number): string[][] {
  const groups = Array.from({ length: parts }, () => ({ files: [] as string[], seconds: 0 }));
  for (const file of [...files].sort((a, b) => secondsOf(b) - secondsOf(a))) {
    const lightest = groups.reduce((min, g) => (g.seconds < min.seconds ? g : min));
    lightest.files.push(file);
    lightest.seconds += secondsOf(file);
  }
  return groups.map((g) => g.files.sort()).filter((g) => g.length > 0);
}

/**
 * The test tiers. A test file names its tier in its own name, so a new file cannot be forgotten by a list:
 *
 *   tests/<feature>/<name>.unit.test.ts     no site build, no browser, no child process (pure parts, small
 *                                           fixtures through loadContent, commands called in-process)
 *   tests/<feature>/<name>.site.test.ts     reads sites built once by sharedSite() and never writes into them
 *   tests/<feature>/<name>.build.test.ts    builds on purpose (failed builds, the dev server, the benchmark's
 *                                           smoke run, child processes), each file in a process of its own
 *   tests/<feature>/<name>.browser.test.ts  drives Chromium on shared builds
 *
 * unit, site and browser run each as ONE process (tests/tier.ts): a file's hooks stay its own (each file is a
 * suite), but Node, tsx, the CSAF validator, Eleventy and Chromium start once per tier instead of once per file,
 * which was most of the suite's time (the unit tier: 81 s as 31 processes, 16 s as one).
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const TIERS = ["unit", "site", "build", "browser"] as const;
export type Tier = (typeof TIERS)[number];

/** Tiers whose files share one process; the others run a process per file. */
export const ONE_PROCESS: ReadonlySet<Tier> = new Set(["unit", "site", "browser"]);

export const TESTS_DIR = import.meta.dirname;

/** Every test file below tests/, relative to the project root, sorted. */
export function allTestFiles(): string[] {
  return readdirSync(TESTS_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".test.ts") && !name.split(/[\\/]/).includes("fixtures"))
    .map((name) => relative(join(TESTS_DIR, ".."), join(TESTS_DIR, name)).split("\\").join("/"))
    .sort();
}

export const tierOf = (file: string): Tier | undefined => TIERS.find((tier) => file.endsWith(`.${tier}.test.ts`));

export const filesOf = (tier: Tier): string[] => allTestFiles().filter((file) => tierOf(file) === tier);

/** Test files that name no tier: npm test refuses to run until each has one. */
export const untiered = (): string[] => allTestFiles().filter((file) => !tierOf(file));

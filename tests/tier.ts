/**
 * Runs every test file of one tier in this one process: `node --import tsx tests/tier.ts unit`, or only the
 * files named (`tests/tier.ts browser tests/a.browser.test.ts …`: tests/run.ts splits the browser tier in two).
 * Each file is imported inside a suite named after it, so its before/after hooks run around its own tests only,
 * as they would in a process of its own.
 */
import { describe } from "node:test";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { filesOf, ONE_PROCESS, TESTS_DIR, TIERS, type Tier } from "./tiers.ts";

const [tier, ...named] = process.argv.slice(2) as [Tier, ...string[]];
const files = named.length ? named : filesOf(tier);
const strangers = files.filter((file) => !filesOf(tier).includes(file));
if (!TIERS.includes(tier) || !ONE_PROCESS.has(tier) || strangers.length) {
  console.error(`usage: node --import tsx tests/tier.ts <${[...ONE_PROCESS].join("|")}> [file of that tier …]${strangers.length ? `\nnot files of the ${tier} tier: ${strangers.join(", ")}` : ""}`);
  process.exit(2);
}
// The shared Chromium closes in a root-level `after` that its module registers when first imported. Imported
// first inside a file's suite, that hook would belong to the suite, and the browser would close after one file.
if (tier === "browser") await import("./helpers/browser.ts");

for (const file of files) {
  describe(file, async () => {
    await import(pathToFileURL(join(TESTS_DIR, "..", file)).href);
  });
}

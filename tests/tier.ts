/**
 * Runs every test file of one tier in this one process: `node --import tsx tests/tier.ts unit`. Each file is
 * imported inside a suite named after it, so its before/after hooks run around its own tests only, as they
 * would in a process of its own.
 */
import { describe } from "node:test";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { filesOf, ONE_PROCESS, TESTS_DIR, TIERS, type Tier } from "./tiers.ts";

const tier = process.argv[2] as Tier;
if (!TIERS.includes(tier) || !ONE_PROCESS.has(tier)) {
  console.error(`usage: node --import tsx tests/tier.ts <${[...ONE_PROCESS].join("|")}>`);
  process.exit(2);
}
// The shared Chromium closes in a root-level `after` that its module registers when first imported. Imported
// first inside a file's suite, that hook would belong to the suite, and the browser would close after one file.
if (tier === "browser") await import("./helpers/browser.ts");

for (const file of filesOf(tier)) {
  describe(file, async () => {
    await import(pathToFileURL(join(TESTS_DIR, "..", file)).href);
  });
}

/** Every test file names its tier, so `npm test` runs it: a file without one would be silently left out. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { allTestFiles, filesOf, TIERS, untiered } from "../tiers.ts";

test("every test file under tests/ names one tier, and every tier has files", () => {
  assert.deepEqual(untiered(), []);
  for (const tier of TIERS) assert.ok(filesOf(tier).length > 0, `no ${tier} files`);
  assert.equal(TIERS.reduce((n, tier) => n + filesOf(tier).length, 0), allTestFiles().length);
  assert.ok(allTestFiles().includes("tests/meta/tiers.unit.test.ts"), "the list is read from the folder, this file included");
});

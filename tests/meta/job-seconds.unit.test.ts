/** How tests/run.ts balances its lanes: the browser tier's files in two processes of about equal length. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { balance, expectedSeconds } from "../job-seconds.ts";

test("balance puts every file in exactly one group, longest first into the lightest group", () => {
  const seconds: Record<string, number> = { a: 60, b: 43, c: 34, d: 26, e: 15, f: 12, g: 10, h: 9 };
  const groups = balance(Object.keys(seconds), 2, (f) => seconds[f]!);
  assert.deepEqual(groups.flat().sort(), Object.keys(seconds).sort());
  const totals = groups.map((g) => g.reduce((n, f) => n + seconds[f]!, 0));
  // 60+26+12+9 and 43+34+15+10: the groups differ by less than the shortest file.
  assert.deepEqual(totals.sort((x, y) => x - y), [102, 107]);
  assert.deepEqual(groups.map((g) => g.includes("a") && g.includes("b")), [false, false], "the two longest files run apart");
});

test("balance leaves no empty group and keeps a lone file whole", () => {
  assert.deepEqual(balance(["only"], 2, () => 5), [["only"]]);
  assert.deepEqual(balance([], 2, () => 5), []);
});

test("a file's expected seconds: as last time, else a guess from its size", () => {
  assert.equal(expectedSeconds("tests/meta/job-seconds.unit.test.ts", { "tests/meta/job-seconds.unit.test.ts": 7 }), 7);
  const guess = expectedSeconds("tests/meta/job-seconds.unit.test.ts", {});
  assert.ok(guess > 0 && guess < 20, String(guess));
  assert.ok(expectedSeconds("tests/bench/bench.build.test.ts", {}) >= 60, "the benchmark's smoke run is known to be long");
});

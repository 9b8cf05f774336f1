/**
 * Values flow down the build, never through side channels (DESIGN.md, "The architecture"): the environment
 * is read in one module below the command line, no plugin emits events or looks up another's filters, no
 * module keeps the site in mutable state, and every layout shares one <head>. Read from the source, so a
 * side channel fails the tests the day it is written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../helpers/fixtures.ts";

const sources = (dir: string, ext: RegExp) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => ext.test(f))
    .map((f) => join(ROOT, dir, f));
const rel = (path: string) => relative(ROOT, path).split("\\").join("/");
const code = [...sources("src", /\.ts$/), join(ROOT, ".eleventy.ts")].filter((f) => !rel(f).startsWith("src/bench/"));

test("only the settings module and the command-line entry points read the environment", () => {
  const readers = code.filter((f) => /process\.env/.test(readFileSync(f, "utf8"))).map(rel);
  assert.deepEqual(readers.filter((f) => !f.startsWith("src/cli/")), ["src/settings/settings.ts"]);
});

test("nothing writes the environment, emits events, hands values over or looks up another plugin's filters", () => {
  for (const file of code) {
    const text = readFileSync(file, "utf8");
    for (const [pattern, what] of [
      [/process\.env(\.[A-Z_]+|\[[^\]]+\])?\s*=[^=]/, "writes the environment"],
      [/\.emit\(/, "emits an event"],
      [/getFilter\(/, "looks up a filter"],
      [/handOver|takeHandedOver/, "hands a value over through module state"],
    ] as const) {
      assert.doesNotMatch(text, pattern, `${rel(file)} ${what}`);
    }
  }
});

/** Module-level variables that are memos of pure computations, not state that carries a site. */
const MEMOS = new Set(["src/data/content-cache.ts:let version: string | undefined;"]);

test("the data layer, the settings and the pipeline keep no mutable state at module level", () => {
  const checked = code.filter((f) => /^src\/(data|settings|site|routes)\//.test(rel(f)));
  assert.ok(checked.length > 20);
  for (const file of checked) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/^(export )?(let|var) /.test(line)) assert.ok(MEMOS.has(`${rel(file)}:${line}`), `${rel(file)} has a module-level variable: ${line}`);
    }
  }
});

test("every layout shares one <head>", () => {
  const heads = sources("layouts", /\.njk$/).filter((f) => /<head[ >]/.test(readFileSync(f, "utf8"))).map(rel);
  assert.deepEqual(heads, ["layouts/partials/head.njk"]);
});

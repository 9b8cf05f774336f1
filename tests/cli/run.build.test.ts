/**
 * The one file Node runs (src/cli/run.ts) hands its arguments to the command and exits with the command's code:
 * what `npm run <name>` does. Every other test calls the commands in-process; this one starts Node for real.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers/fixtures.ts";

const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/run.ts"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });

test("src/cli/run.ts calls the command's main and exits with its code", () => {
  const wrong = run("import", "--nope");
  assert.equal(wrong.status, 2, wrong.stderr);
  assert.match(wrong.stderr, /^✖ unknown option "--nope"$/m);
  assert.match(wrong.stderr.trim().split("\n").at(-1)!, /^usage: npm run import -- /);
  const help = run("check", "--help");
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /usage: npm run check -- /);
});

test("src/cli/run.ts without a known command exits 2 and lists the commands", () => {
  const r = run("frobnicate");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^usage: node --import tsx src\/cli\/run\.ts <build\|check\|/);
});

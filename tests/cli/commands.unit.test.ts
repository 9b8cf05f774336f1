/**
 * Every command behaves the same way with arguments it does not understand: an unknown flag exits 2 with the
 * one-line usage, --help exits 0 with the usage and the options. Read from src/cli/commands.ts, so a new
 * command is covered without a line here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { COMMANDS } from "../../src/cli/commands.ts";
import { runCommand } from "../helpers/run-command.ts";
import { makeFixture } from "../helpers/fixtures.ts";

for (const name of Object.keys(COMMANDS)) {
  // The dev server runs under `npm start` (src/cli/serve.ts restarts it), so that is the name its usage gives.
  const shownAs = name === "dev-server" ? "start" : name;
  test(`npm run ${name}: an unknown flag exits 2 with the usage; --help exits 0`, async () => {
    const f = makeFixture();
    try {
      const wrong = await runCommand(name, ["--bogus"], { cwd: f.dir });
      assert.equal(wrong.status, 2, wrong.stderr);
      assert.equal(wrong.stdout, "");
      const lines = wrong.stderr.trim().split("\n");
      assert.equal(lines[0], '✖ unknown option "--bogus"');
      assert.match(lines.at(-1)!, new RegExp(`^usage: npm run ${shownAs} -- `));
      const help = await runCommand(name, ["--help"], { cwd: f.dir });
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`usage: npm run ${shownAs} -- `));
      assert.match(help.stdout, /--help\s+show this help/);
    } finally {
      f.cleanup();
    }
  });
}

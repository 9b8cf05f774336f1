/**
 * A quiet build: `npm run build` of the bundled site prints one line when it succeeds — nothing of Eleventy's,
 * nothing of the CSAF step's — and `--verbose` prints the notes, the known CSAF warnings and Eleventy's lines.
 * The dev server follows the same policy after each rebuild, and says nothing of CSAF while the content is
 * invalid. Builds on purpose (in-process), so it is in the build tier.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand, type CommandRun } from "../helpers/run-command.ts";
import { MINIMAL, makeFixture } from "../helpers/fixtures.ts";
import { settingsFor } from "../helpers/settings.ts";
import { startDevServer } from "../../src/preview/dev-server.ts";
import { freePort } from "../../src/headless/free-port.ts";

const tmp = mkdtempSync(join(tmpdir(), "keikoku-quiet-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Everything written to the console while `run` runs: Eleventy and the CSAF step used to log there, behind the
 * command's io. (process.stdout itself carries the test runner's own messages, so it is left alone.)
 */
async function captureConsole<T>(run: () => Promise<T>): Promise<{ result: T; printed: string }> {
  let printed = "";
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const keep = (...args: unknown[]) => void (printed += `${args.map(String).join(" ")}\n`);
  Object.assign(console, { log: keep, info: keep, warn: keep, error: keep });
  try {
    return { result: await run(), printed };
  } finally {
    Object.assign(console, saved);
  }
}

test("a successful build of the bundled site prints one line; --verbose prints the notes and Eleventy's output", async () => {
  const output = join(tmp, "_site");
  const quiet = await captureConsole(() => runCommand("build", ["--output", output]));
  const run: CommandRun = quiet.result;
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, "");
  assert.equal(quiet.printed, "", "nothing printed behind the command's back (Eleventy, the CSAF step)");
  const lines = run.stdout.split("\n").filter(Boolean);
  assert.equal(lines.length, 1, run.stdout);
  assert.match(lines[0]!, /^✔ built 72 pages \(ja, en\) into .*_site in \d+\.\d s; 3 notes, \d+ known CSAF warnings \(--verbose\)$/);

  const loud = await captureConsole(() => runCommand("build", ["--output", output, "--verbose"]));
  assert.equal(loud.result.status, 0, loud.result.stderr);
  assert.match(loud.printed, /\[11ty\] .*Wrote \d+ files/, "Eleventy's own summary");
  const verbose = loud.result.stdout;
  assert.match(verbose, /^✔ built 72 pages \(ja, en\) into .*_site in \d+\.\d s; 3 notes, \d+ known CSAF warnings\n/);
  assert.match(verbose, /^ {2}note: security\.txt is not published: set csaf\.securityTxtExpires/m);
  assert.match(verbose, /^ {2}note: OpenPGP signing not configured/m);
  assert.match(verbose, /^ {2}note: SITE_URL http:\/\/localhost:8080 is not https/m);
  assert.match(verbose, /^ {2}CSAF: 22 documents valid$/m);
  assert.match(verbose, /^ {2}known CSAF warning 6\.2\.11 Missing Canonical URL ×22: SITE_URL http:\/\/localhost:8080 is not https$/m);
  assert.ok(!/6\.2\.11.*content\//.test(verbose), "a warning about the settings names no content file");
});


test("the dev server reports each rebuild the same way, and nothing of CSAF while the content is invalid", async () => {
  const fixture = makeFixture();
  const logged: string[] = [];
  try {
    const { result: server, printed } = await captureConsole(async () =>
      startDevServer({ settings: settingsFor({ contentDir: fixture.content }), output: join(tmp, "dev", "_site"), port: await freePort(), log: (line) => logged.push(line) }),
    );
    assert.equal(printed, "");
    try {
      assert.equal(logged.length, 1, logged.join("\n---\n"));
      assert.match(logged[0]!, /^\[keikoku\] ✔ built \d+ pages \(ja, en\) into \S+ in \d+\.\d s; \d+ notes?, \d+ known CSAF warnings? \(--verbose\)$/);

      // The watcher's event may come late on a busy machine: settled() can only wait for what the server has seen.
      const seen = async (count: number) => {
        while (logged.length < count) await new Promise((r) => setTimeout(r, 20));
      };
      fixture.write("ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!.replace("affected: [windows-2000, windows-xp]", "affected: [windows-2001]"));
      await seen(2);
      await server.settled();
      const whileBroken = logged.slice(1);
      assert.ok(whileBroken.some((l) => /alpha\.md:\d+:\d+ affected\[0\]/.test(l)), whileBroken.join("\n---\n"));
      assert.ok(!whileBroken.some((l) => /CSAF|✔ built/.test(l)), whileBroken.join("\n---\n"));

      // Back to what was built: the update finds nothing to render and says so in one line.
      const broken = logged.length;
      fixture.write("ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!);
      await seen(broken + 1);
      assert.equal(await server.settled(), "update");
      assert.match(logged.at(-1)!, /^\[keikoku\] ✔ no page changed \(checked in \d+\.\d s\)$/);

      // An edit: one line when the pages are in place, one when search and CSAF are.
      const before = logged.length;
      fixture.write("ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!.replace("アルファ ワーム", "アルファ ワーム改"));
      await seen(before + 1);
      assert.equal(await server.settled(), "update");
      const lines = logged.slice(before);
      assert.equal(lines.length, 2, lines.join("\n---\n"));
      assert.match(lines[0]!, /^\[keikoku\] ✔ updated \d+ pages: the entry's pages in \d+\.\d\d s, the lists in \d+\.\d s; search and CSAF follow$/);
      assert.match(lines[1]!, /^\[keikoku\] ✔ search updated \(ja\) in \d+\.\d s, CSAF in \d+\.\d s \(\d+ files written\)$/);
    } finally {
      await server.close();
    }
  } finally {
    fixture.cleanup();
  }
});

/**
 * `npm run remove` leaves a site that builds: the URL manifest, updated without a build, agrees with what the
 * build publishes afterwards (the build fails on any listed URL that disappears).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../helpers/run-command.ts";
import { copyBundledContent } from "../helpers/fixtures.ts";

test("after removing an entry with --redirect-to, the site builds and its URL manifest check passes", async () => {
  const fixture = copyBundledContent();
  try {
    const env = { KEIKOKU_CACHE: "off" };
    const removed = await runCommand("remove", ["good-times", "--redirect-to", "it-takes-guts", "--content", fixture.content], { cwd: fixture.dir, env });
    assert.equal(removed.status, 0, removed.stderr);
    const build = await runCommand("build", ["--content", fixture.content, "--output", join(fixture.dir, "_site")], { cwd: fixture.dir, env });
    assert.equal(build.status, 0, build.stderr);
    assert.doesNotMatch(build.stdout, /url-manifest/, "no URL left to record either");
  } finally {
    fixture.cleanup();
  }
});

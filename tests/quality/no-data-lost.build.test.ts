/**
 * No data lost: whatever fails — a template that crashes, Pagefind dying, the disk filling up — the
 * previous _site/ stays complete and unchanged, and the build says what went wrong. Also: two clean builds
 * of the same content are byte-identical, search bundle included.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { settingsFor } from "../helpers/settings.ts";
import { SITES, sharedSite } from "../helpers/shared-site.ts";


let output: string;
let before_: Map<string, string>;
before(async () => {
  // "The previous site": a copy of the shared bundled build (tests/helpers/shared-site.ts), which the failed
  // builds below must leave byte-for-byte as it was.
  output = join(mkdtempSync(join(tmpdir(), "keikoku-keep-")), "_site");
  cpSync((await sharedSite(SITES.bundled)).dir, output, { recursive: true });
  before_ = snapshot(output);
});

/** Runs the real build command in a child process, optionally under a shell limit. */
function buildCommand(env: Record<string, string> = {}, shellPrefix = "") {
  const command = `${shellPrefix} exec "${process.execPath}" --import tsx src/cli/run.ts build --output "${output}"`;
  return spawnSync("bash", ["-c", command], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
}

test("a template that crashes leaves the previous site unchanged", async () => {
  // A copy of the layouts whose entry layout throws while rendering.
  const layouts = join(mkdtempSync(join(tmpdir(), "keikoku-broken-")), "layouts");
  cpSync(join(ROOT, "layouts"), layouts, { recursive: true });
  const entry = join(layouts, "partials/entry-page.njk");
  const layout = readFileSync(entry, "utf8");
  assert.ok(layout.includes("{% block main %}"));
  writeFileSync(entry, layout.replace("{% block main %}", "{% block main %}{{ entry.title | product(lang) }}"));
  await assert.rejects(buildSite(settingsFor(), { output, layouts }), /Having trouble rendering njk template .*entry\.njk/);
  assert.deepEqual(snapshot(output), before_);
});

test("Pagefind failing fails the build with its message and leaves the previous site unchanged", () => {
  const result = buildCommand({ PAGEFIND_BINARY_PATH: "/bin/false", PAGEFIND_EXTENDED_BINARY_PATH: "/bin/false" });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /Pagefind (backend closed|failed while)/);
  assert.match(result.stderr, /was left unchanged/);
  assert.deepEqual(snapshot(output), before_);
});

test("a full disk (files limited to 16 KB) fails the build and leaves the previous site unchanged", () => {
  const result = buildCommand({}, "ulimit -f 16;");
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /EFBIG|file too large|Pagefind/);
  assert.deepEqual(snapshot(output), before_);
  // The next good build cleans up what the failed one left behind.
  const again = buildCommand();
  assert.equal(again.status, 0, again.stderr);
  const parent = join(output, "..");
  assert.deepEqual(readdirSync(parent).filter((n) => n.includes("staging")), []);
});

test("two clean builds are byte-identical, the search bundle included", async () => {
  // One build here and the shared one, made by another process (often another run): the same bytes.
  const a = (await sharedSite(SITES.bundled)).dir;
  const b = join(mkdtempSync(join(tmpdir(), "keikoku-b-")), "_site");
  await buildSite(settingsFor(), { output: b });
  const sa = snapshot(a);
  const sb = snapshot(b);
  assert.ok(existsSync(join(a, "pagefind/pagefind-entry.json")));
  assert.deepEqual([...sa.keys()].sort(), [...sb.keys()].sort());
  const differing = [...sa.keys()].filter((k) => sa.get(k) !== sb.get(k));
  assert.deepEqual(differing, []);
});

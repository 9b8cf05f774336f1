/**
 * `npm run i18n:status`: translated, stale by N, missing; --strict fails CI on stale or missing;
 * --format json; invalid content gets the report and exit code 1.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeFixture, MINIMAL } from "../helpers/fixtures.ts";
import { MESSAGES } from "../../src/i18n/i18n.ts";
import type { StatusRow, StatusTotals } from "../../src/authoring/translation-status.ts";
import { runCli } from "./helpers.ts";

const alphaEn = MINIMAL["en/advisories/alpha.md"]!;

interface StatusJson {
  ok: boolean;
  totals: StatusTotals;
  entries: StatusRow[];
  uiStrings: { keys: number; missing: unknown[] };
}
const status = (content: string, ...args: string[]) => runCli("i18n-status.ts", ["--content", content, ...args]);
const line = (stdout: string, id: string) => stdout.split("\n").find((l) => l.startsWith(`${id} `)) ?? "";

test("every entry and page translated and current: a table of ✔, --strict passes", async () => {
  const fixture = makeFixture();
  try {
    const run = await status(fixture.content);
    assert.equal(run.status, 0, run.stderr);
    assert.match(line(run.stdout, "alpha"), /^alpha +incident +source, rev 2 +✔ translated$/);
    assert.match(line(run.stdout, "beta"), /^beta +hoax +source, rev 1 +✔ translated$/);
    assert.match(line(run.stdout, "about"), /^about +page +source +✔ translated$/);
    assert.match(line(run.stdout, "hoaxes"), /^hoaxes +page +source +✔ translated$/);
    assert.ok(run.stdout.includes(`UI strings: ✔ all ${Object.keys(MESSAGES.ja).length} keys are present in ja and en`), run.stdout);
    assert.match(run.stdout, /✔ 2 advisories and hoaxes, 2 pages: 4 translated, 0 stale, 0 missing/);
    assert.equal((await status(fixture.content, "--strict")).status, 0);
  } finally {
    fixture.cleanup();
  }
});

test("a translation of revision 1 when the source is at revision 2 is stale by 1; --strict fails; translationOf: 2 clears it", async () => {
  const fixture = makeFixture({ "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: 1") });
  try {
    const run = await status(fixture.content);
    assert.equal(run.status, 0, "without --strict the status is only reported");
    assert.match(line(run.stdout, "alpha"), /^alpha +incident +source, rev 2 +⚠ stale by 1 \(translationOf 1, source at rev 2\)$/);
    assert.match(run.stdout, /⚠ 2 advisories and hoaxes, 2 pages: 3 translated, 1 stale, 0 missing/);

    const strict = (await status(fixture.content, "--strict"));
    assert.notEqual(strict.status, 0);
    assert.equal(strict.status, 3);

    const json = JSON.parse((await status(fixture.content, "--format", "json")).stdout) as StatusJson;
    assert.equal(json.ok, false);
    assert.deepEqual(json.totals, { translated: 3, stale: 1, missing: 0 });
    const alpha = json.entries.find((e) => e.id === "alpha")!;
    assert.equal(alpha.revision, 2);
    assert.deepEqual(alpha.langs.en, { status: "stale", translationOf: 1, behind: 1, file: "content/en/advisories/alpha.md" });
    assert.equal(alpha.langs.ja.status, "source");

    fixture.write("en/advisories/alpha.md", alphaEn);
    const fixed = (await status(fixture.content, "--strict"));
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.match(line(fixed.stdout, "alpha"), /✔ translated$/);
  } finally {
    fixture.cleanup();
  }
});

test("a missing translation (entry or page) shows as missing, and --strict fails", async () => {
  const fixture = makeFixture({ "en/hoaxes/beta.md": null, "en/pages/about.md": null });
  try {
    const run = await status(fixture.content);
    assert.equal(run.status, 0);
    assert.match(line(run.stdout, "beta"), /^beta +hoax +source, rev 1 +✖ missing \(shows the ja text\)$/);
    assert.match(line(run.stdout, "about"), /^about +page +source +✖ missing \(shows the ja text\)$/);
    assert.match(run.stdout, /2 translated, 0 stale, 2 missing/);
    assert.equal((await status(fixture.content, "--strict")).status, 3);
    const json = JSON.parse((await status(fixture.content, "--format", "json", "--strict")).stdout) as StatusJson;
    assert.equal(json.entries.find((e) => e.id === "beta")!.langs.en.status, "missing");
    assert.equal(json.entries.find((e) => e.id === "about")!.langs.en.status, "missing");
    assert.deepEqual(json.totals, { translated: 2, stale: 0, missing: 2 });
    assert.deepEqual(json.uiStrings.missing, []);
  } finally {
    fixture.cleanup();
  }
});

test("invalid content: the report, exit code 1; unknown options: exit code 2", async () => {
  const fixture = makeFixture({ "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: 5") });
  try {
    const run = await status(fixture.content);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /translationOf: revision 5 does not exist in content\/ja\/advisories\/alpha\.md \(latest is 2\)/);
    assert.match(run.stderr, /✖ 1 content problem in 1 file/);
    assert.equal((await status(fixture.content, "--verbose")).status, 2);
    assert.equal((await status(fixture.content, "--format", "xml")).status, 2);
  } finally {
    fixture.cleanup();
  }
});

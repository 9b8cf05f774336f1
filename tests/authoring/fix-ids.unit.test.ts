/**
 * `npm run fix-ids` on fixture copies: adds the missing `{#id}` to a translated entry's headings in both
 * languages (from the English heading, or from the language that already has one), shows each changed line,
 * never changes anything but appending ` {#id}`, and refuses when the two languages' headings differ.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../helpers/run-command.ts";
import { MINIMAL, copyBundledContent, makeFixture } from "../helpers/fixtures.ts";
import { fixHeadingIds } from "../../src/authoring/fix-heading-ids.ts";

const ENV = { KEIKOKU_CACHE: "off" };
const stripIds = (text: string) => text.replace(/^(#{2,3} .*?) \{#[a-z0-9-]+\}$/gm, "$1");

test("usage: an unknown flag exits 2 with the usage; --help exits 0", async () => {
  const bogus = await runCommand("fix-ids", ["--bogus"]);
  assert.equal(bogus.status, 2);
  assert.match(bogus.stderr, /^✖ unknown option "--bogus"\nusage: npm run fix-ids -- /);
  const help = await runCommand("fix-ids", ["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--dry-run/);
});

test("ids missing in both languages come from the English headings, shown line by line, and check passes", async () => {
  const fixture = makeFixture({ "ja/advisories/alpha.md": stripIds(MINIMAL["ja/advisories/alpha.md"]!), "en/advisories/alpha.md": stripIds(MINIMAL["en/advisories/alpha.md"]!) });
  try {
    assert.equal((await runCommand("check", ["--content", fixture.content], { cwd: fixture.dir, env: ENV })).status, 1, "without ids the section check fails");
    const run = await runCommand("fix-ids", ["--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, [
      "content/ja/advisories/alpha.md:21", "- ## 概要", "+ ## 概要 {#overview}",
      "content/ja/advisories/alpha.md:25", "- ## 駆除", "+ ## 駆除 {#removal}",
      "content/en/advisories/alpha.md:11", "- ## Overview", "+ ## Overview {#overview}",
      "content/en/advisories/alpha.md:15", "- ## Removal", "+ ## Removal {#removal}",
      "✔ added 4 heading ids in 2 files", "",
    ].join("\n"));
    // The files are the originals again: only " {#id}" was appended.
    assert.equal(readFileSync(join(fixture.content, "ja/advisories/alpha.md"), "utf8"), MINIMAL["ja/advisories/alpha.md"]);
    assert.equal(readFileSync(join(fixture.content, "en/advisories/alpha.md"), "utf8"), MINIMAL["en/advisories/alpha.md"]);
    assert.equal((await runCommand("check", ["--content", fixture.content], { cwd: fixture.dir, env: ENV })).status, 0);
  } finally {
    fixture.cleanup();
  }
});

test("an id one language has is given to the other; --dry-run changes nothing", async () => {
  const en = stripIds(MINIMAL["en/hoaxes/beta.md"]!);
  const fixture = makeFixture({ "en/hoaxes/beta.md": en });
  try {
    const dry = await runCommand("fix-ids", ["beta", "--dry-run", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^\+ ## Background \{#background\}$/m);
    assert.match(dry.stdout, /would add 1 heading id in 1 file \(--dry-run: nothing was changed\)/);
    assert.equal(readFileSync(join(fixture.content, "en/hoaxes/beta.md"), "utf8"), en);
    await runCommand("fix-ids", ["beta", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(readFileSync(join(fixture.content, "en/hoaxes/beta.md"), "utf8"), MINIMAL["en/hoaxes/beta.md"]);
  } finally {
    fixture.cleanup();
  }
});

test("different heading structures are refused, named, and left alone", async () => {
  const ja = stripIds(MINIMAL["ja/advisories/alpha.md"]!);
  const en = `${stripIds(MINIMAL["en/advisories/alpha.md"]!)}\n### Extra\n\nMore.\n`;
  const fixture = makeFixture({ "ja/advisories/alpha.md": ja, "en/advisories/alpha.md": en });
  try {
    const run = await runCommand("fix-ids", ["--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, "✖ content/ja/advisories/alpha.md, content/en/advisories/alpha.md: the two languages have different heading structures (ja: ## ##; en: ## ## ###): match them, or add the {#id}s by hand\n");
    assert.equal(readFileSync(join(fixture.content, "ja/advisories/alpha.md"), "utf8"), ja);
    assert.equal(readFileSync(join(fixture.content, "en/advisories/alpha.md"), "utf8"), en);
  } finally {
    fixture.cleanup();
  }
});

test("on the bundled site without any ids: only ' {#id}' is appended, never other text", async () => {
  const fixture = copyBundledContent();
  try {
    const paths = ["ja/advisories/ms04-011.md", "en/advisories/ms04-011.md"];
    const stripped = paths.map((p) => stripIds(readFileSync(join(fixture.content, p), "utf8")));
    paths.forEach((p, i) => fixture.write(p, stripped[i]!));
    const run = await runCommand("fix-ids", ["ms04-011", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    paths.forEach((p, i) => {
      const before = stripped[i]!.split("\n");
      const after = readFileSync(join(fixture.content, p), "utf8").split("\n");
      assert.equal(after.length, before.length);
      const changed = after.filter((line, n) => line !== before[n]);
      assert.ok(changed.length > 10, `${p}: ${changed.length} headings`);
      after.forEach((line, n) => {
        if (line !== before[n]) assert.match(line, new RegExp(`^${before[n]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\{#[a-z0-9-]+\\}$`), p);
      });
    });
    // Both languages got the same ids, in the same order.
    const ids = (p: string) => [...readFileSync(join(fixture.content, p), "utf8").matchAll(/^#{2,3} .* \{#([a-z0-9-]+)\}$/gm)].map((m) => m[1]);
    assert.deepEqual(ids(paths[0]!), ids(paths[1]!));
  } finally {
    fixture.cleanup();
  }
});

test("a heading whose slug the layout renders itself, or with no ASCII words, is left for the author", () => {
  const ja = "---\nx: 1\n---\n## 出典\n\n## 日本語\n";
  const en = "---\nx: 1\n---\n## Sources\n\n## 日本語\n";
  const result = fixHeadingIds(ja, en, "advisories");
  assert.deepEqual(result.edits, { ja: [], en: [] });
  assert.deepEqual(result.refused, [
    "heading 1 would get #sources, which the layout renders itself: add another {#id} by hand",
    "heading 2 (\"日本語\", en line 6) has no ASCII words to make an id from: add one by hand",
  ]);
});

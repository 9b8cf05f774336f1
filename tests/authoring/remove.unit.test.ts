/**
 * `npm run remove -- ID [--redirect-to OTHER-ID]` on copies of the bundled site: the entry's files in both
 * languages go, every URL only it published leaves the URL manifest at once, or its pages become aliases of
 * another entry; it refuses (naming the files) while other files link to it, unless redirected. No build: the
 * manifest is compared with what the content says (a build of the result: tests/authoring/remove.build.test.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../helpers/run-command.ts";
import { copyBundledContent } from "../helpers/fixtures.ts";
import { readManifest } from "../../src/links/url-manifest.ts";
import { editFrontmatterList } from "../../src/authoring/remove-entry.ts";

const ENV = { KEIKOKU_CACHE: "off" };

test("usage: an unknown flag or a missing id exits 2 with the usage; --help exits 0", async () => {
  const bogus = await runCommand("remove", ["sasser", "--bogus"]);
  assert.equal(bogus.status, 2);
  assert.match(bogus.stderr, /^✖ unknown option "--bogus"\nusage: npm run remove -- ID \[--redirect-to OTHER-ID\]/);
  assert.equal((await runCommand("remove", [])).status, 2);
  assert.equal((await runCommand("remove", ["a", "b"])).status, 2);
  const help = await runCommand("remove", ["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--redirect-to OTHER-ID/);
});

test("an entry other files link to is refused, every link named, and nothing changes", async () => {
  const fixture = copyBundledContent();
  try {
    const before = readFileSync(join(fixture.content, "url-manifest.txt"), "utf8");
    const run = await runCommand("remove", ["good-times", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^✖ other files link to good-times: remove the links first, or redirect its URLs to another entry with --redirect-to OTHER-ID$/m);
    assert.match(run.stderr, /^ {2}content\/ja\/hoaxes\/it-takes-guts\.md:40: link hoax:good-times$/m);
    assert.match(run.stderr, /^ {2}content\/ja\/hoaxes\/virtual-card\.md:\d+: related: good-times$/m);
    assert.ok(existsSync(join(fixture.content, "ja/hoaxes/good-times.md")));
    assert.equal(readFileSync(join(fixture.content, "url-manifest.txt"), "utf8"), before);
  } finally {
    fixture.cleanup();
  }
});

test("removing an entry nobody links to deletes both files and accepts all its URLs at once", async () => {
  const fixture = copyBundledContent();
  try {
    const listed = readManifest(fixture.content)!;
    const own = listed.filter((u) => u.includes("life-is-beautiful"));
    assert.ok(own.length >= 8, own.join("\n"));
    const run = await runCommand("remove", ["life-is-beautiful", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^✔ removed life-is-beautiful \(hoaxes\) in both languages\n {2}removed content\/ja\/hoaxes\/life-is-beautiful\.md\n {2}removed content\/en\/hoaxes\/life-is-beautiful\.md\n/);
    assert.match(run.stdout, new RegExp(`content/url-manifest\\.txt: accepted the removal of ${own.length} URLs`));
    assert.ok(!existsSync(join(fixture.content, "ja/hoaxes/life-is-beautiful.md")));
    assert.ok(!existsSync(join(fixture.content, "en/hoaxes/life-is-beautiful.md")));
    const after = readManifest(fixture.content)!;
    assert.deepEqual(after, listed.filter((u) => !own.includes(u)));
    assert.equal((await runCommand("check", ["--content", fixture.content], { cwd: fixture.dir, env: ENV })).status, 0);
  } finally {
    fixture.cleanup();
  }
});

test("--redirect-to keeps the entry's pages as aliases of another, points links there, and drops only its data files", async () => {
  const fixture = copyBundledContent();
  try {
    const listed = readManifest(fixture.content)!;
    const run = await runCommand("remove", ["good-times", "--redirect-to", "it-takes-guts", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ {2}aliases of it-takes-guts \(redirect pages\): \/ja\/hoaxes\/good-times\/, \/en\/hoaxes\/good-times\/$/m);
    const target = readFileSync(join(fixture.content, "ja/hoaxes/it-takes-guts.md"), "utf8");
    assert.match(target, /^aliases: \[\/ja\/hoaxes\/good-times\/, \/en\/hoaxes\/good-times\/\]$/m);
    // The target's own mention keeps its text, without a link to itself.
    assert.match(target, /1994年のGood Timesと同じ型です/);
    assert.match(readFileSync(join(fixture.content, "ja/hoaxes/virtual-card.md"), "utf8"), /^related: \[it-takes-guts\]$/m);
    const after = readManifest(fixture.content)!;
    assert.ok(after.includes("/ja/hoaxes/good-times/") && after.includes("/en/hoaxes/good-times/"), "the pages stay, as redirects");
    assert.deepEqual(listed.filter((u) => !after.includes(u)), listed.filter((u) => u.startsWith("/.well-known/csaf/2004/keikoku-2004-good-times")));
    assert.equal((await runCommand("check", ["--content", fixture.content], { cwd: fixture.dir, env: ENV })).status, 0);
  } finally {
    fixture.cleanup();
  }
});

test("a redirect whose links cannot be kept is undone, byte for byte", async () => {
  const fixture = copyBundledContent();
  try {
    const about = readFileSync(join(fixture.content, "ja/pages/about.md"), "utf8");
    // about.md links to advisory:sasser#fax, a section ms04-011 does not have.
    const run = await runCommand("remove", ["sasser", "--redirect-to", "ms04-011", "--content", fixture.content], { cwd: fixture.dir, env: ENV });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /advisory:ms04-011#fax, but that entry has no section "fax"/);
    assert.match(run.stderr, /✖ removing sasser would leave these problems; nothing was changed\.$/m);
    assert.ok(existsSync(join(fixture.content, "ja/advisories/sasser.md")));
    assert.equal(readFileSync(join(fixture.content, "ja/pages/about.md"), "utf8"), about);
  } finally {
    fixture.cleanup();
  }
});

test("lists in frontmatter are edited in the form they are written, the rest of the file untouched", () => {
  const add = (items: string[]) => [...items, "/ja/x/"];
  assert.equal(editFrontmatterList("---\ntitle: t\n---\nbody\n", "aliases", add), "---\ntitle: t\naliases: [/ja/x/]\n---\nbody\n");
  assert.equal(editFrontmatterList("---\naliases: [/a/]\ntitle: t\n---\n", "aliases", add), "---\naliases: [/a/, /ja/x/]\ntitle: t\n---\n");
  assert.equal(editFrontmatterList("---\naliases:\n    - /a/\ntitle: t\n---\n", "aliases", add), "---\naliases:\n    - /a/\n    - /ja/x/\ntitle: t\n---\n");
  assert.equal(editFrontmatterList("---\nrelated: [a]\ntitle: t\n---\n", "related", () => []), "---\ntitle: t\n---\n");
  assert.equal(editFrontmatterList("---\nrelated:\n  - a\n  - b\n---\n", "related", (i) => i.filter((x) => x !== "a")), "---\nrelated:\n  - b\n---\n");
});

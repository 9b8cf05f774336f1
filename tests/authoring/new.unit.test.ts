/**
 * `npm run new -- <kind> <id>`: both files, valid at once, placeholders that say TODO, the date from
 * --date (or the injected clock); refusals with exit code 2 and nothing written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFixture, ROOT } from "../helpers/fixtures.ts";
import { scaffold, SCAFFOLD_KINDS, today } from "../../src/authoring/scaffold.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { runCli } from "./helpers.ts";

const DATE = "2004-06-01";
const sectionIds = (text: string) => [...text.matchAll(/^#{2,} .* \{#([a-z0-9-]+)\}$/gm)].map((m) => m[1]);
const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();

test("new <kind> <id>: for every kind, both files are written and pass npm run check at once", async () => {
  const fixture = makeFixture();
  try {
    for (const kind of SCAFFOLD_KINDS) {
      const id = `new-${kind}`;
      const run = await runCli("new.ts", [kind, id, "--date", DATE, "--content", fixture.content]);
      assert.equal(run.status, 0, run.stderr);
      const folder = kind === "hoax" ? "hoaxes" : "advisories";
      for (const lang of ["ja", "en"]) {
        const path = join(fixture.content, lang, folder, `${id}.md`);
        assert.ok(existsSync(path), `${path} was not written`);
        assert.ok(run.stdout.includes(`${lang}/${folder}/${id}.md`), `the output does not name ${lang}/${folder}/${id}.md:\n${run.stdout}`);
      }
      assert.match(run.stdout, /Next steps:/);
      assert.match(run.stdout, /npm run check/);
      assert.ok(run.stdout.includes(`/ja/${folder}/${id}/`));
    }
    // The one thing a new advisory cannot have yet is a source, and its CSAF document needs something outside
    // itself (test 6.1.27.2): check asks for it at the sources line of each new Japanese advisory, and nothing else.
    const draft = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(draft.status, 1, draft.stdout);
    const asked = draft.stderr.trim().split("\n").slice(0, -1);
    assert.deepEqual(asked.map((line) => line.replace(/:\d+:\d+ /, " ")), SCAFFOLD_KINDS.filter((kind) => kind !== "hoax").map((kind) =>
      `content/ja/advisories/new-${kind}.md sources: the entry cites nothing outside itself (no source with a URL, KB, CVE, bulletin or related entry), and its CSAF document must (CSAF test 6.1.27.2) — add at least one source with its URL: sources: [{ title: …, url: "https://…" }]`).sort());
    for (const kind of SCAFFOLD_KINDS) {
      const file = join(fixture.content, "ja", kind === "hoax" ? "hoaxes" : "advisories", `new-${kind}.md`);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^sources: \[\].*$/m, 'sources: [{ title: "Source", url: "https://www.example.com/" }]'));
    }
    const check = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /✔ content is valid: 6 advisories and hoaxes/);

    const site = loadContent({ root: ROOT, contentDir: fixture.content }).site!;
    for (const kind of SCAFFOLD_KINDS) {
      const ja = site.entries.find((e) => e.id === `new-${kind}` && e.lang === "ja")!;
      const en = site.entries.find((e) => e.id === `new-${kind}` && e.lang === "en")!;
      assert.equal(ja.kind, kind);
      assert.equal(ja.published, DATE);
      assert.equal(ja.updated, DATE);
      assert.equal(ja.revision, 1);
      assert.equal(en.translationOf, 1);
      assert.equal(en.isFallback, false);
      assert.equal(en.isStale, false);
      assert.match(ja.title, /^TODO/);
      assert.match(en.title, /^TODO/);
      assert.ok(ja.headings.length >= 2);
      assert.deepEqual(en.headings.map((h) => h.id), ja.headings.map((h) => h.id), `${kind}: section ids differ`);
    }
  } finally {
    fixture.cleanup();
  }
});

test("scaffold() is pure and deterministic: same kind, id and date, same text", async () => {
  for (const kind of SCAFFOLD_KINDS) {
    const a = scaffold({ kind, id: "x", date: DATE });
    assert.deepEqual(a, scaffold({ kind, id: "x", date: DATE }));
    const folder = kind === "hoax" ? "hoaxes" : "advisories";
    assert.deepEqual(Object.keys(a), [`ja/${folder}/x.md`, `en/${folder}/x.md`]);
    const ja = a[`ja/${folder}/x.md`]!;
    const en = a[`en/${folder}/x.md`]!;
    assert.match(ja, new RegExp(`^kind: ${kind}$`, "m"));
    assert.match(ja, /^published: 2004-06-01$/m);
    assert.match(ja, /^ {2}- number: 1\n {4}date: 2004-06-01$/m);
    assert.match(en, /^translationOf: 1\b/m);
    assert.deepEqual(sectionIds(en), sectionIds(ja));
    assert.ok(sectionIds(ja).length >= 2);
  }
});

test("the default date is today's, from the clock given", async () => {
  assert.equal(today(new Date(2004, 4, 8, 23, 59)), "2004-05-08");
  assert.equal(today(new Date(2004, 11, 31, 0, 0)), "2004-12-31");
});

test("new refuses an id already used, in either folder and either language, and writes nothing", async () => {
  const fixture = makeFixture({ "en/hoaxes/orphan.md": "---\ntitle: x\n---\n" });
  try {
    const before = listing(fixture.content);
    for (const [kind, id, path] of [
      ["hoax", "alpha", "content/ja/advisories/alpha.md"],
      ["incident", "beta", "content/ja/hoaxes/beta.md"],
      ["bulletin", "orphan", "content/en/hoaxes/orphan.md"],
    ] as const) {
      const run = await runCli("new.ts", [kind, id, "--date", DATE, "--content", fixture.content]);
      assert.equal(run.status, 2, `${id}: ${run.stdout}`);
      assert.match(run.stderr, new RegExp(`✖ id "${id}" is already used by .*${path.replace(/\//g, "\\/").replace(/\./g, "\\.")}`));
      assert.match(run.stderr, /ids are unique across advisories and hoaxes/);
    }
    assert.deepEqual(listing(fixture.content), before);
  } finally {
    fixture.cleanup();
  }
});

test("new refuses an invalid id, an unknown kind, a bad date and missing arguments with exit code 2", async () => {
  const fixture = makeFixture();
  try {
    const before = listing(fixture.content);
    for (const id of ["Sasser", "ms04_011", "-worm", "worm-", "two--hyphens", "ワーム", "a/b", "x.md"]) {
      const run = await runCli("new.ts", ["incident", id, "--content", fixture.content]);
      assert.equal(run.status, 2, id);
      assert.ok(run.stderr.includes(`✖ invalid id "${id}"`), run.stderr);
      assert.match(run.stderr, /lower-case ASCII letters, digits and single hyphens/);
    }
    const kind = await runCli("new.ts", ["worm", "x", "--content", fixture.content]);
    assert.equal(kind.status, 2);
    assert.match(kind.stderr, /✖ unknown kind "worm" — use one of: incident, bulletin, guidance, hoax/);
    const date = await runCli("new.ts", ["incident", "x", "--date", "2004-02-30", "--content", fixture.content]);
    assert.equal(date.status, 2);
    assert.match(date.stderr, /✖ invalid date "2004-02-30"/);
    const missing = await runCli("new.ts", ["incident"]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /usage: npm run new -- <incident\|bulletin\|guidance\|hoax> <id>/);
    const option = await runCli("new.ts", ["incident", "x", "--dry-run"]);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /unknown option "--dry-run"/);
    assert.deepEqual(listing(fixture.content), before);
  } finally {
    fixture.cleanup();
  }
});

test("the scaffolded files read as placeholders: every text field says TODO", async () => {
  const files = scaffold({ kind: "hoax", id: "x", date: DATE });
  const ja = files["ja/hoaxes/x.md"]!;
  for (const field of ["title", "summary", "where"]) assert.match(ja, new RegExp(`^\\s*${field}: "TODO: `, "m"));
  for (const field of ["claim", "truth", "action", "ifActed"]) assert.match(ja, new RegExp(`^${field}: \\|\\n {2}TODO: `, "m"));
  const en = files["en/hoaxes/x.md"]!;
  for (const field of ["title", "summary", "where"]) assert.match(en, new RegExp(`^\\s*${field}: "TODO: `, "m"));
});

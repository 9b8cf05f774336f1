/**
 * `npm run check -- --lang ja`: every message and hint the data layer can produce comes out in Japanese,
 * with file names, positions and field paths unchanged; `--format json` still parses.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeFixture, MINIMAL, ROOT } from "../helpers/fixtures.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { formatProblem, type ContentProblem } from "../../src/data/problems.ts";
import { applyRules, HINTS_JA, MESSAGES_JA, NOTICES_JA, translateProblem } from "../../src/authoring/messages-ja.ts";
import { BROKEN, NOTICES_EXPECTED, WITH_NOTICES } from "./broken-content.ts";
import { englishLeft, inBatches, runCli } from "./helpers.ts";
import { messageSites } from "./message-sites.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;

function assertJapanese(p: ContentProblem, context: string): void {
  const left = englishLeft(p.message);
  assert.equal(left, undefined, `${context}: English left in the message (${JSON.stringify(left)}):\n  ${formatProblem(p)}`);
  assert.doesNotMatch(p.message, /パーサーのメッセージ/, `${context}: a YAML error without a Japanese line:\n  ${formatProblem(p)}`);
  if (p.hint !== undefined) {
    const hintLeft = englishLeft(p.hint);
    assert.equal(hintLeft, undefined, `${context}: English left in the hint (${JSON.stringify(hintLeft)}):\n  ${formatProblem(p)}`);
  }
}

test("every message and hint written in src/data (its stages included) has a Japanese line", async () => {
  const sites = messageSites();
  assert.ok(sites.length > 100, `found only ${sites.length} message sites; is the scanner still finding them?`);
  const missing: string[] = [];
  for (const site of sites) {
    const rules = site.role === "message" ? MESSAGES_JA : site.role === "hint" ? HINTS_JA : NOTICES_JA;
    const ja = applyRules(rules, site.text);
    if (ja === undefined) missing.push(`${site.file}:${site.line} ${site.role}: ${site.text}`);
    else if (englishLeft(ja) !== undefined) missing.push(`${site.file}:${site.line} ${site.role}: ${site.text} → ${ja} (English left: ${englishLeft(ja)})`);
  }
  assert.deepEqual(missing, [], `add these to src/authoring/messages-ja.ts:\n${missing.join("\n")}`);
});

test("the broken fixtures produce the messages they are meant to (in English, before translation)", async () => {
  for (const c of BROKEN) {
    const fixture = makeFixture(c.changes);
    try {
      const result = loadContent({ root: ROOT, contentDir: fixture.content });
      const report = result.problems.map(formatProblem).join("\n");
      for (const line of c.expect) assert.ok(report.includes(line), `${c.name}: the report lacks\n  ${line}\nreport:\n${report}`);
    } finally {
      fixture.cleanup();
    }
  }
});

test("check --lang ja --format json: every broken fixture's messages and hints are Japanese", async () => {
  const fixtures = BROKEN.map((c) => ({ c, fixture: makeFixture(c.changes) }));
  try {
    const runs = await inBatches(fixtures.map(({ fixture }) => () => runCli("check.ts", ["--lang", "ja", "--format", "json", "--content", fixture.content])));
    runs.forEach((run, i) => {
      const { c, fixture } = fixtures[i]!;
      assert.equal(run.status, 1, `${c.name}: exit code\n${run.stderr}`);
      const json = JSON.parse(run.stdout) as { ok: boolean; lang: string; problems: ContentProblem[] };
      assert.equal(json.ok, false);
      assert.equal(json.lang, "ja");
      assert.ok(json.problems.length > 0);
      // Same problems as in English, in the same order, with only message and hint changed.
      const english = loadContent({ root: ROOT, contentDir: fixture.content }).problems;
      assert.equal(json.problems.length, english.length, c.name);
      for (const p of json.problems) {
        assertJapanese(p, c.name);
        assert.ok(english.some((e) => e.file === p.file && e.line === p.line && e.column === p.column && e.field === p.field), `${c.name}: ${formatProblem(p)} has no English counterpart`);
      }
    });
  } finally {
    for (const { fixture } of fixtures) fixture.cleanup();
  }
});

test("check --lang ja: the text report is Japanese, file:line:column and field as in English, with a count", async () => {
  const fixture = makeFixture({
    "ja/advisories/alpha.md": alpha.replace("affected: [", "afected: [").replace("kb: [835732]", "kb: [1]"),
    "ja/hoaxes/beta.md": MINIMAL["ja/hoaxes/beta.md"]!.replace("published: 2004-05-08", "published: 2004-13-01"),
  });
  try {
    const ja = await runCli("check.ts", ["--lang", "ja", "--content", fixture.content]);
    assert.equal(ja.status, 1);
    const lines = ja.stderr.trimEnd().split("\n");
    assert.deepEqual(lines, [
      "content/ja/advisories/alpha.md:14:1 afected: 不明なフィールド \"afected\" です — \"affected\" の誤りではありませんか?",
      "content/ja/advisories/alpha.md:16:6 kb[0]: KB 番号 \"1\" の形式が正しくありません — 記事番号の数字だけを書いてください(例: 835732)",
      "content/ja/hoaxes/beta.md:5:12 published: 日付 \"2004-13-01\" が正しくありません — 日付は YYYY-MM-DD の形で書いてください(例: 2004-05-08)。firstSeen では YYYY-MM や YYYY も使えます",
      "✖ 3 件の問題があります(2 ファイル)。何も書き出していません。",
    ]);
    const en = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(en.status, 1);
    assert.match(en.stderr, /afected: unknown field "afected" — did you mean "affected"\?/);
    assert.match(en.stderr, /✖ 3 content problems in 2 files; nothing was written\.$/m);
  } finally {
    fixture.cleanup();
  }
});

test("check --format json: still parses, says its language, English by default", async () => {
  const fixture = makeFixture({ "ja/advisories/alpha.md": alpha.replace("affected: [", "afected: [") });
  try {
    const en = await runCli("check.ts", ["--format", "json", "--content", fixture.content]);
    assert.equal(en.status, 1);
    const json = JSON.parse(en.stdout) as { ok: boolean; lang: string; problems: ContentProblem[]; entries: number };
    assert.equal(json.lang, "en");
    assert.equal(json.problems[0]!.message, "unknown field \"afected\"");
    assert.equal(json.problems[0]!.hint, "did you mean \"affected\"?");
    const ja = JSON.parse((await runCli("check.ts", ["--format", "json", "--lang", "ja", "--content", fixture.content])).stdout) as typeof json;
    assert.deepEqual(ja.problems, json.problems.map(translateProblem));
    assert.equal(ja.problems[0]!.message, "不明なフィールド \"afected\" です");
  } finally {
    fixture.cleanup();
  }
});

test("check --lang ja on valid content: the summary and the notes (fallbacks, stale translations) are Japanese", async () => {
  const fixture = makeFixture(WITH_NOTICES);
  try {
    const en = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(en.status, 0, en.stderr);
    for (const notice of NOTICES_EXPECTED) assert.ok(en.stdout.includes(`note: ${notice}`), `missing note: ${notice}\n${en.stdout}`);
    const ja = await runCli("check.ts", ["--lang", "ja", "--content", fixture.content]);
    assert.equal(ja.status, 0, ja.stderr);
    const lines = ja.stdout.trimEnd().split("\n");
    assert.match(lines[0]!, /^✔ コンテンツに問題はありません: セキュリティ情報とデマ情報 2 件、2 言語で 4 ページ \(\d+ ms(、\d+ ファイル中 \d+ は前回から変更なし)?\)$/);
    assert.equal(lines.length, 1 + NOTICES_EXPECTED.length);
    for (const line of lines.slice(1)) {
      assert.match(line, /^ {2}注: /);
      assert.equal(englishLeft(line.slice(5)), undefined, line);
    }
    assert.ok(lines.includes("  注: en: alpha の翻訳は改訂 1 にもとづいています(原文は改訂 2 です)"), lines.join("\n"));
    assert.ok(lines.includes("  注: en: beta は未翻訳です。/en/hoaxes/beta/ では日本語の原文を表示します"), lines.join("\n"));
  } finally {
    fixture.cleanup();
  }
});

test("check: an unknown --lang is a usage error", async () => {
  const run = await runCli("check.ts", ["--lang", "fr"]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Unknown --lang "fr": use en or ja/);
});

/**
 * `npm run check` says what is wrong, in English and in Japanese, from the same templates: each message pinned
 * with file:line:column, field and hint through the command itself (`--lang`, `--format json`), on small
 * fixture sites; and every broken fixture's problems render in Japanese without English left.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeFixture, MINIMAL, ROOT } from "../helpers/fixtures.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { formatProblem, problemLine, type ContentProblem } from "../../src/data/problems.ts";
import { problemText } from "../../src/i18n/problem-text.ts";
import { BROKEN, NOTICES_EXPECTED, WITH_NOTICES } from "./broken-content.ts";
import { englishLeft, inBatches, runCli } from "./helpers.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;
const beta = MINIMAL["ja/hoaxes/beta.md"]!;

/** One site with each of the messages issue 17 asked for. */
const MISTAKES = {
  "site.yaml": `${MINIMAL["site.yaml"]!}url: https://advisories.example.jp\n`,
  // A real hoax whose id is longer than the one the links below use.
  "ja/hoaxes/sulfnbk-exe.md": beta.replace("title: ベータ デマ", "title: SULFNBK.EXE デマ"),
  // A day that does not exist, and a date written wrong.
  "ja/hoaxes/gamma.md": beta.replace("published: 2004-05-08", "published: 2004-02-30").replace("date: 2002-05,", "date: 2002-5,"),
  // A Japanese heading without {#id}, while the English one has it.
  "ja/hoaxes/beta.md": beta.replace("## 経緯 {#background}", "## 経緯"),
  // Links: an id shortened, a kind mistyped, paths, the site's own origin, and an external link that is fine.
  "ja/advisories/alpha.md": `${alpha}
[SULFNBK](hoax:sulfnbk) のデマ。

[ベータ](hoaks:beta) も。

[アルファ](/ja/advisories/alpha/) の続き。

[ベータ](../beta/) を参照。

[ベータの主張](https://advisories.example.jp/en/hoaxes/beta/#claim) も参照。

[外部](https://example.org/hoaxes/) は使えます。
`,
};

const EXPECTED_EN = [
  `content/ja/advisories/alpha.md:29:1 (body): link to unknown hoax "sulfnbk" — did you mean "hoax:sulfnbk-exe"?`,
  `content/ja/advisories/alpha.md:31:1 (body): unknown link kind "hoaks:" in (hoaks:beta) — did you mean "hoax:beta"?`,
  `content/ja/advisories/alpha.md:33:1 (body): the link (/ja/advisories/alpha/) is a path; link to pages of this site by id — write (advisory:alpha): it works in both languages and under any path prefix`,
  `content/ja/advisories/alpha.md:35:1 (body): the link (../beta/) is a path; link to pages of this site by id — write (hoax:beta): it works in both languages and under any path prefix`,
  `content/ja/advisories/alpha.md:37:1 (body): the link (https://advisories.example.jp/en/hoaxes/beta/#claim) points at this site; link to its pages by id — write (hoax:beta#claim): it works in both languages and under any path prefix`,
  `content/ja/hoaxes/beta.md:15:1 (body): the heading "経緯" has no section id {#id}, so its deep link differs from content/en/hoaxes/beta.md — end the heading with {#background}, the id it has in content/en/hoaxes/beta.md (npm run fix-ids adds the missing ids in both languages)`,
  `content/ja/hoaxes/gamma.md:5:12 published: there is no 30 February 2004 — February 2004 has 29 days`,
  `content/ja/hoaxes/gamma.md:8:20 firstSeen.date: malformed date "2002-5" — write dates as YYYY-MM-DD, e.g. 2004-05-08 (firstSeen also takes YYYY-MM or YYYY)`,
  `✖ 8 content problems in 3 files.`,
];

const EXPECTED_JA = [
  `content/ja/advisories/alpha.md:29:1 (body): リンク先のデマ情報 "sulfnbk" が見つかりません — "hoax:sulfnbk-exe" の誤りではありませんか？`,
  `content/ja/advisories/alpha.md:31:1 (body): リンク（hoaks:beta）の種類 "hoaks:" は使えません — "hoax:beta" の誤りではありませんか？`,
  `content/ja/advisories/alpha.md:33:1 (body): リンク（/ja/advisories/alpha/）がパスで書かれています。このサイトのページへは id でリンクしてください — （advisory:alpha）と書いてください。両方の言語で、どのパスのもとでも正しいリンクになります`,
  `content/ja/advisories/alpha.md:35:1 (body): リンク（../beta/）がパスで書かれています。このサイトのページへは id でリンクしてください — （hoax:beta）と書いてください。両方の言語で、どのパスのもとでも正しいリンクになります`,
  `content/ja/advisories/alpha.md:37:1 (body): リンク（https://advisories.example.jp/en/hoaxes/beta/#claim）がこのサイト自身を指しています。このサイトのページへは id でリンクしてください — （hoax:beta#claim）と書いてください。両方の言語で、どのパスのもとでも正しいリンクになります`,
  `content/ja/hoaxes/beta.md:15:1 (body): 見出し「経緯」にセクション id {#id} がないため、content/en/hoaxes/beta.md とアンカーが一致しません — 見出しの末尾に、content/en/hoaxes/beta.md と同じ {#background} を付けてください（npm run fix-ids で、足りない id を両方の言語にまとめて付けられます）`,
  `content/ja/hoaxes/gamma.md:5:12 published: 2004年2月30日は存在しません — 2004年2月は29日までです`,
  `content/ja/hoaxes/gamma.md:8:20 firstSeen.date: 日付 "2002-5" の形式が正しくありません — 日付は YYYY-MM-DD の形で書いてください（例：2004-05-08）。firstSeen では YYYY-MM や YYYY も使えます`,
  `✖ 8 件の問題があります（3 ファイル）。`,
];

test("check names each mistake in English: a day that does not exist, the file without the {#id}, did-you-mean for links, path links", async () => {
  const fixture = makeFixture(MISTAKES);
  try {
    const run = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stderr.trimEnd().split("\n"), EXPECTED_EN);
    assert.doesNotMatch(run.stderr, /nothing was written/, "check never writes, so it does not say so");
  } finally {
    fixture.cleanup();
  }
});

test("check --lang ja: the same problems, at the same places, in Japanese", async () => {
  const fixture = makeFixture(MISTAKES);
  try {
    const run = await runCli("check.ts", ["--lang", "ja", "--content", fixture.content]);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stderr.trimEnd().split("\n"), EXPECTED_JA);
  } finally {
    fixture.cleanup();
  }
});

test("check --format json keeps each problem's code and params beside its text in the chosen language", async () => {
  const fixture = makeFixture(MISTAKES);
  try {
    type Json = { ok: boolean; lang: string; problems: (ContentProblem & { message: string; hint?: string; hintCode?: string })[] };
    const en = JSON.parse((await runCli("check.ts", ["--format", "json", "--content", fixture.content])).stdout) as Json;
    const ja = JSON.parse((await runCli("check.ts", ["--format", "json", "--lang", "ja", "--content", fixture.content])).stdout) as Json;
    assert.equal(en.ok, false);
    assert.equal(en.lang, "en");
    assert.equal(ja.lang, "ja");
    const date = en.problems.find((p) => p.field === "published")!;
    assert.deepEqual(date, {
      file: "content/ja/hoaxes/gamma.md", line: 5, column: 12, field: "published",
      code: "date.nonexistent", params: { value: "2004-02-30", year: 2004, month: 2, day: 30, days: 29 }, hintCode: "date.nonexistent",
      message: "there is no 30 February 2004", hint: "February 2004 has 29 days",
    });
    const link = en.problems.find((p) => p.code === "link.unknown-id")!;
    assert.deepEqual([link.params, link.hintCode], [{ kind: "hoax", id: "sulfnbk", suggestion: "hoax:sulfnbk-exe" }, "did-you-mean"]);
    // The same problems in the same order; only the text changes with the language.
    assert.deepEqual(ja.problems.map(({ message: _m, hint: _h, ...rest }) => rest), en.problems.map(({ message: _m, hint: _h, ...rest }) => rest));
    assert.equal(ja.problems.find((p) => p.field === "published")!.message, "2004年2月30日は存在しません");
  } finally {
    fixture.cleanup();
  }
});

test("an id link, a link inside the page, mailto: and an external link are fine; another scheme and a path link in a translation are not", async () => {
  const alphaEn = MINIMAL["en/advisories/alpha.md"]!;
  const fixture = makeFixture({
    "ja/advisories/alpha.md": `${alpha}\n[対処](advisory:alpha#removal)、[上](#overview)、[連絡](mailto:security@example.jp)、[外部](https://example.org/)。\n\n[FTP](ftp://ftp.example.jp/pub/)\n`,
    "en/advisories/alpha.md": `${alphaEn}\nSee [the hoax](/en/hoaxes/beta/).\n`,
  });
  try {
    const run = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stderr.trimEnd().split("\n"), [
      `content/en/advisories/alpha.md:${alphaEn.split("\n").length + 1}:1 (body): the link (/en/hoaxes/beta/) is a path; link to pages of this site by id — write (hoax:beta): it works in both languages and under any path prefix`,
      `content/ja/advisories/alpha.md:${alpha.split("\n").length + 3}:1 (body): the link (ftp://ftp.example.jp/pub/) uses "ftp:", which content cannot link with — link to entries as advisory:ID, hoax:ID or page:ID, and elsewhere with https://, mailto: or tel:`,
      "✖ 2 content problems in 2 files.",
    ]);
  } finally {
    fixture.cleanup();
  }
});

test("a malformed date keeps the format hint; a month that does not exist is a format error, not a missing day", () => {
  const fixture = makeFixture({ "ja/hoaxes/beta.md": beta.replace("published: 2004-05-08", "published: 2004-13-01") });
  try {
    const [p] = loadContent({ root: ROOT, contentDir: fixture.content }).problems;
    assert.equal(formatProblem(p!), `content/ja/hoaxes/beta.md:5:12 published: malformed date "2004-13-01" — write dates as YYYY-MM-DD, e.g. 2004-05-08 (firstSeen also takes YYYY-MM or YYYY)`);
    assert.equal(problemLine(p!, "ja"), `content/ja/hoaxes/beta.md:5:12 published: 日付 "2004-13-01" の形式が正しくありません — 日付は YYYY-MM-DD の形で書いてください（例：2004-05-08）。firstSeen では YYYY-MM や YYYY も使えます`);
  } finally {
    fixture.cleanup();
  }
});

test("the broken fixtures produce the messages they are meant to, and each reads in Japanese without English left", async () => {
  const fixtures = BROKEN.map((c) => ({ c, fixture: makeFixture(c.changes) }));
  try {
    await inBatches(fixtures.map(({ c, fixture }) => async () => {
      const problems = loadContent({ root: ROOT, contentDir: fixture.content }).problems;
      const report = problems.map(formatProblem).join("\n");
      for (const line of c.expect) assert.ok(report.includes(line), `${c.name}: the report lacks\n  ${line}\nreport:\n${report}`);
      for (const p of problems) {
        const ja = problemText(p, "ja");
        // A YAML error the parser words in a way no Japanese template covers keeps the parser's sentence.
        if (p.code === "yaml.syntax") continue;
        assert.equal(englishLeft(ja.message), undefined, `${c.name}: English left in ${problemLine(p, "ja")}`);
        if (ja.hint !== undefined) assert.equal(englishLeft(ja.hint), undefined, `${c.name}: English left in the hint of ${problemLine(p, "ja")}`);
      }
    }));
  } finally {
    for (const { fixture } of fixtures) fixture.cleanup();
  }
});

test("check on valid content: the summary and the notes (fallbacks, stale translations) in either language", async () => {
  const fixture = makeFixture(WITH_NOTICES);
  try {
    const en = await runCli("check.ts", ["--content", fixture.content]);
    assert.equal(en.status, 0, en.stderr);
    for (const notice of NOTICES_EXPECTED) assert.ok(en.stdout.includes(`note: ${notice}`), `missing note: ${notice}\n${en.stdout}`);
    const ja = await runCli("check.ts", ["--lang", "ja", "--content", fixture.content]);
    assert.equal(ja.status, 0, ja.stderr);
    const lines = ja.stdout.trimEnd().split("\n");
    assert.match(lines[0]!, /^✔ コンテンツに問題はありません：セキュリティ情報とデマ情報 2 件、2 言語で 4 ページ（\d+ ms(、\d+ ファイル中 \d+ は前回から変更なし)?）$/);
    assert.deepEqual(lines.slice(1).sort(), [
      "  注：英語版の alpha は原文の改訂 1 にもとづいています（原文は改訂 2 まであります）",
      "  注：英語版の beta は未翻訳です。/en/hoaxes/beta/ では日本語の原文を表示します",
      "  注：英語版のページ \"about\" は未翻訳です。/en/about/ では日本語の原文を表示します",
    ]);
  } finally {
    fixture.cleanup();
  }
});

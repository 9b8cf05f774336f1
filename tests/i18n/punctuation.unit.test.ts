/**
 * Japanese UI strings use full-width punctuation (JLREQ); the checker that enforces it here and on every rendered
 * Japanese page (tests/reading/typesetting.browser.test.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MESSAGES } from "../../src/i18n/i18n.ts";
import { halfWidthPunctuation, PUNCTUATION_EXCEPTIONS } from "../helpers/japanese-punctuation.ts";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/fixtures.ts";

test("the checker finds half-width ( ) : ? ! next to Japanese, with or without a space between", () => {
  const found = (text: string) => halfWidthPunctuation(text).map((p) => p.char).join("");
  assert.equal(found("デマ情報の一覧(8件)"), "()");
  assert.equal(found("最終更新日: 2004年5月8日"), ":");
  assert.equal(found("ではありませんか?"), "?");
  assert.equal(found("今すぐ見てください!!!"), "!");
  assert.equal(found("IPA (情報処理推進機構) に"), "()");
  assert.equal(found("脆弱性 (MS04-011) を悪用"), "()");
});

test("the checker leaves Latin punctuation inside Japanese text, URLs, paths and the reviewed exceptions alone", () => {
  for (const ok of [
    "デマ情報の一覧（8件）",
    "最終更新日：2004年5月8日",
    "CVE-2003-0533 (CAN-2003-0533)",
    "MS04-011: Microsoft Windowsのセキュリティ修正プログラム",
    "URLは`http://www.microsoft.com/japan/`です",
    "C:\\WINDOWSフォルダ",
    "Windows Millennium Edition (Me)では",
    "Windows Millennium Edition (Me)（下記参照）",
    "Good Times Virus Hoax FAQ (1995)",
  ]) assert.deepEqual(halfWidthPunctuation(ok), [], ok);
});

test("every exception is text the Japanese content really shows, with half-width punctuation in it", () => {
  const dir = join(ROOT, "content/ja");
  const text = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  for (const exception of PUNCTUATION_EXCEPTIONS) {
    assert.ok(text.includes(exception), `${exception} appears in no Japanese content file`);
    assert.match(exception, /[():?!]/);
  }
  assert.ok(PUNCTUATION_EXCEPTIONS.length <= 5, "the list stays short and reviewed");
});

test("Japanese UI strings: no half-width ( ) : ? ! next to Japanese characters", () => {
  const problems = Object.entries(MESSAGES.ja).flatMap(([key, value]) => halfWidthPunctuation(value).map((p) => `${key}: “${p.context}”`));
  assert.deepEqual(problems, []);
});

test("Japanese UI strings: no typed space between Japanese and Latin text (CSS spaces them)", () => {
  const JA = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー";
  const typed = new RegExp(`[${JA}] [A-Za-z0-9{]|[A-Za-z0-9}] [${JA}]`, "u");
  // The site's name is a wordmark: 警告 and Keikoku side by side, as in the logo. The content report's templates
  // (problem., hint., note., report., term.) are read in a terminal or an editor, where no stylesheet spaces ids,
  // paths and values apart from the Japanese around them, so they keep typed spaces.
  const REPORT = /^(problem|hint|note|report|term)\./;
  const problems = Object.entries(MESSAGES.ja).filter(([key, value]) => key !== "site.name" && !REPORT.test(key) && typed.test(value)).map(([key, value]) => `${key}: ${value}`);
  assert.deepEqual(problems, []);
});

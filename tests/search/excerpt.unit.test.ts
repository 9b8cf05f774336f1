/**
 * Search excerpts (src/search/browser/excerpt.ts), on text shaped as Pagefind stores it: Japanese segmented with
 * U+200B, English split on spaces, ". " after blocks that end without punctuation, < and > escaped.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildExcerpt, type ExcerptPart } from "../../src/search/browser/excerpt.ts";

/** Pagefind's raw_content for Japanese: words joined with U+200B. */
const zws = (...words: string[]) => words.join("\u200B");
const text = (parts: ExcerptPart[]) => parts.map((p) => p.text).join("");
const marks = (parts: ExcerptPart[]) => parts.filter((p) => p.mark).map((p) => p.text);
/** Word indices of every word equal to one of `terms`. */
const at = (raw: string, ...terms: string[]) =>
  (raw.includes("\u200B") ? raw.split("\u200B") : raw.split(/\s+/)).flatMap((w, i) => (terms.some((t) => w.trim().replace(/[.,]$/, "") === t) ? [i] : []));

const GOOD_TIMES = zws("「", "Good ", "Times", "」", "ウイルス", "の", "デマ", ". ", "「", "Good ", "Times", "」", "という", "件名", "の", "メール", "を", "読む", "と",
  "ハードディスク", "の", "内容", "が", "消える", "という", "警告", "は", "デマ", "です", "。", "その", "よう", "な", "ウイルス", "は", "存在", "しま", "せん", "。 ",
  "メール", "の", "主張", ". ", "「", "Good ", "Times", "」", "という", "件名", "の", "メール", "を", "読む", "だけ", "で", "…", "と", "警告", "しま", "す", "。");

test("a Japanese excerpt starts at a sentence, not with the title, and marks the query", () => {
  const parts = buildExcerpt(GOOD_TIMES, at(GOOD_TIMES, "デマ"), { title: "「Good Times」ウイルスのデマ" });
  assert.equal(text(parts), "「Good Times」という件名のメールを読むとハードディスクの内容が消えるという警告はデマです。そのようなウイルスは存在しません。");
  assert.deepEqual(marks(parts), ["デマ"]);
});

test("the first matching sentence after the title wins; with no match, the first sentence after the title", () => {
  const raw = zws("表題", ". ", "最初", "の", "文", "です", "。", "次", "の", "文", "に", "語", "が", "あり", "ます", "。", "語", "が", "また", "あり", "ます", "。");
  assert.equal(text(buildExcerpt(raw, at(raw, "語"), { title: "表題", maxLength: 12 })), "次の文に語があります。");
  assert.equal(text(buildExcerpt(raw, [], { title: "表題", maxLength: 12 })), "最初の文です。");
});

test("a sentence too long for the excerpt is cut after a comma before the match, with …, and before its end", () => {
  const raw = zws("2004", "年", "4", "月", "30", "日頃", "から", "、", "Windows ", "2000", "と", "Windows ", "XP", "の", "LSASS", "の", "脆弱", "性", "を", "悪用", "し", "て",
    "感染", "を", "広", "げた", "Sasser", "ワーム", "について", "、", "症状", "、", "亜", "種", "、", "駆除", "ツール", "、", "対処", "の", "手順", "を", "まとめ", "まし", "た", "。");
  const parts = buildExcerpt(raw, at(raw, "ワーム"), { maxLength: 70 });
  assert.equal(parts[0]!.text, "…");
  assert.match(text(parts), /^…Windows 2000とWindows XPのLSASSの脆弱性を悪用して感染を広げたSasserワーム/);
  assert.match(text(parts), /…$/);
  assert.deepEqual(marks(parts), ["ワーム"]);
  // Never from a particle: a cut without a comma starts at a word that is not kana only.
  const noComma = zws("長い", "文", "の", "中", "で", "は", "最後", "の", "ほう", "に", "ある", "語", "を", "探し", "ます", "。");
  const cut = text(buildExcerpt(noComma, at(noComma, "語"), { maxLength: 8 }));
  assert.match(cut, /^…[^\p{Script=Hiragana}]/u, cut);
});

test("Pagefind's '. ' after a Japanese heading reads as 。, and a heading is not added to a short excerpt", () => {
  const raw = zws("表題", ". ", "見分け", "方", ". ", "転送", "を", "求める", "メール", "は", "デマ", "です", "。", "出典", ". ");
  assert.equal(text(buildExcerpt(raw, at(raw, "見分け"), { title: "表題" })), "見分け方。転送を求めるメールはデマです。");
  assert.equal(text(buildExcerpt(raw, at(raw, "デマ"), { title: "表題" })), "転送を求めるメールはデマです。");
});

test("English: marks cover the word, not the punctuation after it", () => {
  const raw = "SULFNBK.EXE deletion hoax. An e-mail telling you to delete SULFNBK.EXE because it is a virus is a hoax. SULFNBK.EXE is a genuine Windows file.";
  const parts = buildExcerpt(raw, at(raw, "hoax"), { title: "SULFNBK.EXE deletion hoax" });
  assert.equal(text(parts), "An e-mail telling you to delete SULFNBK.EXE because it is a virus is a hoax. SULFNBK.EXE is a genuine Windows file.");
  assert.deepEqual(marks(parts), ["hoax"]);
});

test("escaped markup in the index stays text", () => {
  const raw = "Title. A page about &lt;script&gt;alert(1)&lt;/script&gt; in a hoax.";
  const parts = buildExcerpt(raw, at(raw, "hoax"), { title: "Title" });
  assert.equal(text(parts), "A page about <script>alert(1)</script> in a hoax.");
  assert.ok(parts.every((p) => typeof p.text === "string"));
});

test("no text, no excerpt", () => {
  assert.deepEqual(buildExcerpt("", []), []);
  assert.deepEqual(buildExcerpt("   ", [0]), []);
});

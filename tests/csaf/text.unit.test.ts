/**
 * Rendered Markdown → the plain text of CSAF notes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createMarkdown } from "../../src/markdown/markdown.ts";
import { htmlToText } from "../../src/csaf/text.ts";

const md = createMarkdown();
const text = (markdown: string) => htmlToText(md.render(markdown));

test("paragraphs, headings and emphasis become plain paragraphs", () => {
  assert.equal(text("## Overview {#overview}\n\nA **bold** and `code` word.\n\nSecond."), "Overview\n\nA bold and code word.\n\nSecond.");
});

test("heading permalinks and screen-reader labels are dropped", () => {
  const out = text("## 概要 {#overview}\n\n本文。");
  assert.equal(out, "概要\n\n本文。");
  assert.doesNotMatch(out, /#/);
});

test("lists keep their markers, numbers and nesting; separate lists stay apart", () => {
  assert.equal(text("- a\n- b\n  - c\n\n1. x\n2. y\n"), "- a\n- b\n  - c\n\n1. x\n2. y");
});

test("code blocks keep their text and line breaks", () => {
  assert.equal(text("Run:\n\n```\necho a\necho b\n```\n"), "Run:\n\necho a\necho b");
});

test("tables become one line per row", () => {
  assert.equal(text("| 日付 | 内容 |\n| --- | --- |\n| 2004/04/14 | 公開 |\n"), "日付 | 内容\n2004/04/14 | 公開");
});

test("links keep their text; markup in text stays text", () => {
  assert.equal(htmlToText('<p><a href="/ja/advisories/sasser/">Sasser</a> &lt;script&gt;alert(1)&lt;/script&gt;</p><script>alert(2)</script>'), "Sasser <script>alert(1)</script>");
});

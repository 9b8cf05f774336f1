/**
 * The dev server's error page speaks from the same templates as `npm run check`, in the page's language.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorPage } from "../../src/preview/error-page.ts";
import type { ContentProblem } from "../../src/data/problems.ts";

const problem: ContentProblem = {
  file: "content/ja/hoaxes/beta.md", line: 5, column: 12, field: "published",
  code: "date.nonexistent", params: { value: "2004-02-30", year: 2004, month: 2, day: 30, days: 29 }, hint: "date.nonexistent",
};

test("the error page lists each problem in the page's language, escaped", () => {
  const ja = errorPage([problem], "ja");
  assert.match(ja, /<html lang="ja">/);
  assert.ok(ja.includes("<li><code>content/ja/hoaxes/beta.md:5:12 published: 2004年2月30日は存在しません — 2004年2月は29日までです</code></li>"), ja);
  const en = errorPage([{ ...problem, code: "link.path", params: { link: "<script>" }, hint: "link.id-form" }], "en");
  assert.match(en, /<html lang="en">/);
  assert.ok(en.includes("the link (&#60;script&#62;) is a path"), en);
  assert.doesNotMatch(en, /<script>/);
});

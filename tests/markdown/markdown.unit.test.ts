/**
 * The markdown-it setup: raw HTML off, only http(s) links, explicit ASCII heading ids, entry links,
 * and hostile input that stays text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { createMarkdown, asciiSlug } from "../../src/markdown/markdown.ts";

const md = createMarkdown();
const render = (src: string, env: Record<string, unknown> = {}) => md.render(src, env);

test("explicit heading ids are kept and stripped from the text", () => {
  const $ = cheerio.load(render("## 症状 {#symptoms}\n"));
  assert.equal($("h2").attr("id"), "symptoms");
  assert.equal($("h2").text(), "症状");
  assert.equal($("h2 > a").attr("href"), "#symptoms");
});

test("a heading's text links to its own anchor, unless it holds a link already (links cannot nest)", () => {
  const $ = cheerio.load(render("## Removal {#removal}\n\n### See [MS04-011](https://example.com/) {#see}\n"));
  assert.equal($.html($("h2")), '<h2 id="removal"><a href="#removal">Removal</a></h2>');
  assert.equal($("h3").attr("id"), "see");
  assert.equal($("h3 a").length, 1);
  assert.equal($("a a").length, 0);
});

test("headings without an id get an ASCII one; Japanese-only falls back to section", () => {
  const $ = cheerio.load(render("## Removal tool\n\n## 概要\n\n## 対策\n"));
  assert.deepEqual($("h2").map((_, h) => $(h).attr("id")).get(), ["removal-tool", "section", "section-1"]);
  assert.equal(asciiSlug("ＭＳ０４－０１１ の概要"), "ms04-011");
});

test("an id with anything but [a-z0-9-] stays literal text and injects no attribute", () => {
  const $ = cheerio.load(render('## Title {#x" onclick="alert(1)}\n'));
  assert.equal($("[onclick]").length, 0);
  assert.match($("h2").text(), /\{#x" onclick="alert\(1\)\}/);
});

const XSS: [string, (html: string) => void][] = [
  ["<script>alert(1)</script>", (html) => assert.ok(!html.includes("<script>") && html.includes("&lt;script&gt;"))],
  ['"><img src=x onerror=alert(1)>', (html) => assert.equal(cheerio.load(html)("img").length, 0)],
  ["[x](javascript:alert(1))", (html) => assert.equal(cheerio.load(html)("a").length, 0)],
  ["[x](JaVaScRiPt:alert(1))", (html) => assert.equal(cheerio.load(html)("a").length, 0)],
  ["[x](data:text/html;base64,PHNjcmlwdD4=)", (html) => assert.equal(cheerio.load(html)("a").length, 0)],
  ["[x](vbscript:msgbox)", (html) => assert.equal(cheerio.load(html)("a").length, 0)],
  ["![x](javascript:alert(1))", (html) => assert.equal(cheerio.load(html)("img").length, 0)],
  ["<a href=\"https://evil.example\">x</a>", (html) => assert.equal(cheerio.load(html)("a").length, 0)],
  ["{{ 7*7 }} {% raw %}", (html) => assert.ok(html.includes("{{ 7*7 }} {% raw %}"))],
  ["<iframe src=//evil.example></iframe>", (html) => assert.equal(cheerio.load(html)("iframe").length, 0)],
];

for (const [input, check] of XSS) {
  test(`hostile Markdown stays text: ${input}`, () => check(render(input)));
}

test("external links get rel=noopener noreferrer", () => {
  const $ = cheerio.load(render("[IPA](https://www.ipa.go.jp/)"));
  assert.equal($("a").attr("rel"), "noopener noreferrer");
});

test("entry links are resolved through the environment, with anchors", () => {
  const seen: string[] = [];
  const env = {
    resolveEntryLink: (kind: string, id: string, anchor: string | undefined) => {
      seen.push(`${kind}:${id}#${anchor ?? ""}`);
      return `/en/${kind === "hoax" ? "hoaxes" : "advisories"}/${id}/${anchor ? `#${anchor}` : ""}`;
    },
  };
  const $ = cheerio.load(render("[a](advisory:sasser#removal) [b](hoax:sulfnbk-exe)", env));
  assert.deepEqual($("a").map((_, a) => $(a).attr("href")).get(), ["/en/advisories/sasser/#removal", "/en/hoaxes/sulfnbk-exe/"]);
  assert.deepEqual(seen, ["advisory:sasser#removal", "hoax:sulfnbk-exe#"]);
});

test("wide tables are wrapped so they scroll on a phone", () => {
  const $ = cheerio.load(render("| a | b |\n| - | - |\n| 1 | 2 |\n"));
  assert.equal($(".table-wrap > table").length, 1);
});

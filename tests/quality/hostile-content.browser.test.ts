/**
 * Hostile content: every frontmatter string and the body carry attacks. Either validation rejects the file
 * with a clear error, or the page builds and, in Chromium, runs no injected script (no dialog, no request)
 * while the text shows literally.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { MINIMAL, makeFixture } from "../helpers/fixtures.ts";
import type { BuiltSite } from "../helpers/site.ts";
import { useServedSite } from "../helpers/served-site.ts";
import type { StaticServer } from "../../src/headless/static-server.ts";
import { chromiumMissingReason } from "../helpers/browser.ts";
import { watchedPage } from "../helpers/browser-page.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { formatProblem } from "../../src/data/problems.ts";

const ATTACK = `<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*7 }}{% raw %}x{% endraw %}<svg onload=alert(3)>`;
const yaml = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML scalar

const HOSTILE_ADVISORY = [
  "---",
  "kind: incident",
  `title: ${yaml(`Alpha ${ATTACK}`)}`,
  `summary: ${yaml(`Summary ${ATTACK}`)}`,
  "published: 2004-05-01",
  "revisions:",
  "  - number: 1",
  "    date: 2004-05-01",
  `    note: ${yaml(`Note ${ATTACK}`)}`,
  `keywords: [${yaml(ATTACK)}]`,
  "related: [beta]",
  "sources:",
  `  - title: ${yaml(`Source ${ATTACK}`)}`,
  `    url: "https://example.com/?q=%22%3E%3Cscript%3Ealert(4)%3C/script%3E"`,
  "---",
  `## Body ${ATTACK} {#overview}`,
  "",
  ATTACK,
  "",
  "[click](javascript:alert(5)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==) ![img](javascript:alert(7))",
  "",
  "<iframe src=\"https://evil.example/\"></iframe> <a href=\"javascript:alert(8)\">raw</a>",
  "",
  "`{{ constructor.constructor('alert(9)')() }}`",
  "",
].join("\n");

const HOSTILE_HOAX = MINIMAL["ja/hoaxes/beta.md"]!
  .replace("names: [BETA.EXE]", `names: [${yaml(ATTACK)}]`)
  .replace("where: ブラジル", `where: ${yaml(ATTACK)}`)
  .replace("file: BETA.EXE", `file: ${yaml(ATTACK)}`)
  .replace("claim: ファイルを削除せよ。", `claim: ${yaml(`${ATTACK} [x](javascript:alert(10))`)}`);

let site: BuiltSite;
let server: StaticServer | undefined;
let browser: Browser | undefined;
const skip = chromiumMissingReason();

useServedSite({
  contentDir: () => makeFixture({ "ja/advisories/alpha.md": HOSTILE_ADVISORY, "en/advisories/alpha.md": null, "ja/hoaxes/beta.md": HOSTILE_HOAX }).content,
  built: (built) => {
    site = built;
  },
  setUp: async (s) => {
    server = s.server;
    browser = s.browser;
  },
});

test("hostile strings build into pages that contain no markup from the content", () => {
  for (const path of ["/ja/advisories/alpha/", "/en/advisories/alpha/", "/ja/hoaxes/beta/", "/ja/", "/ja/advisories/", "/ja/hoaxes/"]) {
    const $ = site.page(path);
    assert.equal($("script:not([src])").length, 0, path);
    assert.equal($("img, iframe, svg").length, 0, path);
    $("*").each((_, el) => {
      for (const attr of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) assert.doesNotMatch(attr, /^on/i, path);
    });
    $("a[href]").each((_, a) => assert.doesNotMatch($(a).attr("href")!, /^\s*(javascript|data|vbscript):/i, path));
  }
  const $ = site.page("/ja/advisories/alpha/");
  assert.equal($("h1").text(), `Alpha ${ATTACK}`, "the title shows literally, template syntax included");
  assert.ok($(".entry-body").text().includes("{{ constructor.constructor('alert(9)')() }}"));
  assert.ok(site.file("/ja/feed.xml").includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
});

test("in Chromium no injected script runs and nothing is requested elsewhere", { skip }, async () => {
  const w = await watchedPage(browser!, server!.origin);
  const dialogs: string[] = [];
  w.page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  try {
    for (const path of ["/ja/advisories/alpha/", "/en/advisories/alpha/", "/ja/hoaxes/beta/", "/ja/advisories/", `/ja/search/?q=${encodeURIComponent("<script>alert(11)</script>")}`]) {
      await w.page.goto(`${server!.origin}${path}`);
      await w.page.waitForTimeout(300);
    }
    await w.page.goto(`${server!.origin}/ja/search/?q=Alpha`);
    await w.page.locator(".search-results li").first().waitFor({ timeout: 10_000 });
    for (const link of await w.page.locator("a").all()) {
      const href = await link.getAttribute("href");
      assert.doesNotMatch(href ?? "", /^javascript:/i);
    }
    assert.equal(await w.page.locator(".search-results img, .search-results script").count(), 0);
  } finally {
    await w.close();
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(w.foreignRequests, []);
});

test("what cannot be shown safely is rejected with a clear error", () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ["ja/hoaxes/beta.md", MINIMAL["ja/hoaxes/beta.md"]!.replace("title: ベータ デマ", "title: \"ベータ\\u202Eデマ\""), /beta\.md:\d+:\d+ title: contains a control character|contains a Unicode direction control/],
    ["ja/hoaxes/beta.md", MINIMAL["ja/hoaxes/beta.md"]!.replace("truth: 正規のファイルです。", "truth: \"正規\\0です\""), /beta\.md:\d+:\d+ truth: contains a control character/],
    ["ja/hoaxes/beta.md", MINIMAL["ja/hoaxes/beta.md"]! + "x".repeat(5 * 1024 * 1024), /beta\.md:1:1 \(file\): the file is 5\.0 MB; the limit is 1 MB/],
    ["ja/hoaxes/beta.md", Buffer.concat([Buffer.from(MINIMAL["ja/hoaxes/beta.md"]!), Buffer.from([0xff, 0xfe])]), /beta\.md:\d+:\d+ \(file\): the file is not valid UTF-8/],
    ["ja/hoaxes/beta.md", MINIMAL["ja/hoaxes/beta.md"]!.replace("truth: 正規のファイルです。", "truth: 正規\u0000です"), /beta\.md:\d+:\d+ \(file\): contains a NUL byte \(U\+0000\)/],
    ["ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!.replace("related: [beta]", "related: [beta]\nsources:\n  - title: x\n    url: \"data:text/html,<script>alert(1)</script>\""), /alpha\.md:22:10 sources\[0\]\.url: not an http\(s\) URL/],
  ];
  for (const [path, text, expected] of cases) {
    const fixture = makeFixture({ [path]: text });
    try {
      const result = loadContent({ contentDir: fixture.content });
      assert.ok(!result.site, `${path} should be rejected`);
      const report = result.problems.map(formatProblem).join("\n");
      assert.match(report, expected);
    } finally {
      fixture.cleanup();
    }
  }
});

/**
 * The search page tells the truth, in Chromium on the bundled site: filter counts are the query's, filters live
 * in the URL and come back from it, a zero-result message names the filters that cause it, excerpts start at a
 * sentence and hold no badge or label text, the first result is on a phone's first screen, and the header box
 * links to all results, closes on a click outside and never shows an older query's answer.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useServedSite } from "../helpers/served-site.ts";
import { watchedPage } from "../helpers/browser-page.ts";
import { halfWidthPunctuation } from "../helpers/japanese-punctuation.ts";

const served = useServedSite();
const { skip } = served;
const origin = () => served.server.origin;
const DEMA = encodeURIComponent("デマ");

/** The visible filter choices with their counts: { "デマ情報": 8, … }. */
async function counts(page: Page): Promise<Record<string, number>> {
  return page.locator(".search-filters label:not([hidden])").evaluateAll((labels) =>
    Object.fromEntries(labels.filter((l) => !l.closest("fieldset")!.hidden).map((l) => [l.textContent!.replace(/[（(]\d+[）)]\s*$/, "").trim(), Number(/(\d+)[）)]\s*$/.exec(l.textContent!)?.[1])])),
  );
}

async function statusOf(page: Page, pattern: RegExp): Promise<string> {
  await page.locator(".search-status").filter({ hasText: pattern }).waitFor({ timeout: 10_000 });
  return page.locator(".search-status").innerText();
}

const resultUrls = (page: Page, scope = ".search-results") => page.locator(`${scope} a.entry-title`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

test("filter counts are the query's: they change with it, and a choice the query has no result for is not offered", { skip }, async () => {
  const w = await watchedPage(served.browser, origin());
  try {
    await w.page.goto(`${origin()}/ja/search/?q=${DEMA}`);
    await statusOf(w.page, /検索結果/);
    await w.page.waitForFunction(() => document.querySelector(".search-filters .count")?.textContent !== "");
    const dema = await counts(w.page);
    assert.deepEqual(dema, { デマ情報: 8, 2004: 8 }, "デマ: hoaxes only, no incident, no Windows product");
    await w.page.fill("#search-input", "ワーム");
    // The counts are written before the status line, so they are the new query's once it shows.
    await statusOf(w.page, /「ワーム」の検索結果/);
    const worm = await counts(w.page);
    assert.notDeepEqual(worm, dema);
    assert.ok((worm["インシデント"] ?? 0) >= 1, JSON.stringify(worm));
    assert.ok((worm["Windows 2000"] ?? 0) >= 1, JSON.stringify(worm));
    // Counts and labels read as Japanese: デマ情報（8）, not デマ情報 (8).
    const labels = await w.page.locator(".search-filters label:not([hidden])").allInnerTexts();
    assert.deepEqual(labels.flatMap((l) => halfWidthPunctuation(l)), []);
    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.foreignRequests, []);
  } finally {
    await w.close();
  }
});

test("filters live in the URL: a filter in the URL is applied on load, and ticking one updates the URL", { skip }, async () => {
  const w = await watchedPage(served.browser, origin());
  try {
    await w.page.goto(`${origin()}/en/search/?q=windows&kind=bulletin`);
    await statusOf(w.page, /result/);
    assert.equal(await w.page.locator('.search-filters input[name="kind"][value="bulletin"]').isChecked(), true);
    assert.deepEqual(await resultUrls(w.page), ["/en/advisories/ms04-011/"]);
    await w.page.locator('.search-filters input[name="kind"][value="bulletin"]').uncheck();
    await w.page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 1);
    assert.equal(new URL(w.page.url()).searchParams.get("kind"), null);
    await w.page.locator('.search-filters input[name="kind"][value="guidance"]').check();
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get("kind") === "guidance");
    assert.equal(new URL(w.page.url()).searchParams.get("q"), "windows");
    // Japanese too, with a product: ids in the URL, names on the page.
    await w.page.goto(`${origin()}/ja/search/?q=${encodeURIComponent("ワーム")}&product=windows-xp`);
    await statusOf(w.page, /検索結果/);
    assert.equal(await w.page.locator('.search-filters input[value="windows-xp"]').isChecked(), true);
    assert.ok((await resultUrls(w.page)).every((url) => /\/advisories\/(sasser|ms04-011|measures)\//.test(url)));
    assert.deepEqual(w.consoleErrors, []);
  } finally {
    await w.close();
  }
});

test("no results because of the filters: the message names them, and one click clears them", { skip }, async () => {
  const w = await watchedPage(served.browser, origin());
  try {
    await w.page.goto(`${origin()}/ja/search/?q=${DEMA}&kind=incident`);
    const status = await statusOf(w.page, /絞り込み/);
    assert.match(status, /「デマ」に一致するページは、選んだ絞り込み（種類：インシデント）の中にはありません。絞り込みを解除すると10件あります。/);
    assert.doesNotMatch(status, /一致するページはありませんでした/, "never the plain, untrue 'nothing matches'");
    await w.page.getByRole("button", { name: "絞り込みを解除" }).click();
    await statusOf(w.page, /検索結果：10件/);
    assert.equal(new URL(w.page.url()).searchParams.get("kind"), null);
    await w.page.goto(`${origin()}/en/search/?q=hoax&kind=incident`);
    assert.match(await statusOf(w.page, /filters/), /Nothing matches “hoax” with the filters you chose \(Kind: Incident\)\. Without them there are 10 results\./);
  } finally {
    await w.close();
  }
});

test("excerpts for デマ start where a sentence starts and hold no badge or label text, in the index either", { skip }, async () => {
  const w = await watchedPage(served.browser, origin());
  try {
    await w.page.goto(`${origin()}/ja/search/?q=${DEMA}`);
    await statusOf(w.page, /検索結果/);
    const results = await w.page.locator(".search-results .search-result").evaluateAll((items) =>
      items.map((li) => ({ url: new URL(li.querySelector("a")!.href).pathname, badge: li.querySelector(".badge")?.textContent ?? "", excerpt: li.querySelector("p")!.textContent! })),
    );
    assert.ok(results.length >= 9);
    const reader = await served.browser.newPage();
    const problems: string[] = [];
    try {
      for (const r of results) {
        if (r.excerpt.startsWith(r.badge)) problems.push(`${r.url}: starts with its badge "${r.badge}": ${r.excerpt}`);
        if (/公開日|最終更新日|初確認|機械可読形式/.test(r.excerpt)) problems.push(`${r.url}: a fact label in "${r.excerpt}"`);
        await reader.goto(`${origin()}${r.url}`);
        // The page's indexed text as a reader sees it: blocks end with a line break.
        const text = (await reader.locator("[data-pagefind-body]").innerText()).replace(/[ \t]+/g, " ");
        const body = r.excerpt.replace(/^…/, "");
        const at = text.indexOf(body.slice(0, 12));
        if (at < 0) {
          problems.push(`${r.url}: "${body.slice(0, 12)}" not found on the page`);
          continue;
        }
        const before = text.slice(0, at).replace(/ +$/, "").slice(-1);
        const boundary = r.excerpt.startsWith("…") ? /^$|[\n。！？、，,;]/.test(before) || !/^\p{Script=Hiragana}/u.test(body) : /^$|[\n。！？]/.test(before);
        if (!boundary) problems.push(`${r.url}: starts mid-sentence after "${text.slice(Math.max(0, at - 10), at)}": ${r.excerpt}`);
      }
    } finally {
      await reader.close();
    }
    assert.ok(problems.length === 0, problems.join("\n"));
    // What Pagefind indexed: no page's text opens with its badge, none holds the fact labels.
    const indexed = await w.page.evaluate(async () => {
      const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
      await pagefind.options({ noWorker: true });
      const found = await pagefind.search("デマ");
      return Promise.all(found.results.map(async (r: { data(): Promise<{ url: string; content: string }> }) => {
        const d = await r.data();
        return { url: d.url, start: d.content.slice(0, 12), labels: /公開日|最終更新日|初確認|機械可読形式/.test(d.content) };
      }));
    });
    for (const page of indexed) {
      assert.ok(!page.start.startsWith("デマ情報"), `${page.url} is indexed from its badge: ${page.start}`);
      assert.equal(page.labels, false, `${page.url} indexes a fact label`);
    }
  } finally {
    await w.close();
  }
});

for (const lang of ["ja", "en"] as const) {
  test(`on a 390 px phone (${lang}) the first result is on the first screen, the filters behind their summary`, { skip }, async () => {
    for (const scheme of ["light", "dark"] as const) {
      const context = await served.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      try {
        await page.goto(`${origin()}/${lang}/search/?q=${lang === "ja" ? DEMA : "hoax"}`);
        await page.locator(".search-results li").first().waitFor({ timeout: 10_000 });
        const layout = await page.evaluate(() => ({
          first: document.querySelector(".search-results li")!.getBoundingClientRect().toJSON() as DOMRect,
          header: document.querySelector(".site-header")!.getBoundingClientRect().height,
          filtersOpen: document.querySelector<HTMLDetailsElement>(".search-filters")!.open,
          searchBoxes: [...document.querySelectorAll("input[type=search]")].filter((i) => (i as HTMLElement).offsetParent !== null).length,
        }));
        assert.ok(layout.first.top >= 0 && layout.first.top + 40 <= 844, `${scheme}: first result at ${Math.round(layout.first.top)} px`);
        assert.equal(layout.filtersOpen, false);
        assert.equal(layout.searchBoxes, 1, "one search box on the search page");
        assert.ok(layout.header < 110, `${scheme}: header ${layout.header} px`);
      } finally {
        await context.close();
      }
    }
  });
}

test("the header box: the first five, a link to all results, closed by a click outside, reopened on focus", { skip }, async () => {
  const w = await watchedPage(served.browser, origin());
  try {
    await w.page.goto(`${origin()}/ja/advisories/`);
    await w.page.fill("#header-search-input", "デマ");
    await w.page.locator(".header-results .search-results li").first().waitFor({ timeout: 10_000 });
    assert.equal(await w.page.locator(".header-results .search-results li").count(), 5);
    const all = w.page.locator(".header-results .search-all a");
    assert.equal(await all.innerText(), "すべての検索結果（10件）を見る");
    assert.equal(new URL(await all.evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get("q"), "デマ");
    assert.equal(new URL(await all.evaluate((a) => (a as HTMLAnchorElement).href)).pathname, "/ja/search/");
    await w.page.locator("main h1").click();
    assert.equal(await w.page.locator(".header-results").isHidden(), true, "a click outside closes it");
    await w.page.locator("#header-search-input").focus();
    assert.equal(await w.page.locator(".header-results").isVisible(), true, "focus brings it back");
    await w.page.keyboard.press("Escape");
    assert.equal(await w.page.locator(".header-results").isHidden(), true);
    // Fewer results than the box shows: no link.
    await w.page.fill("#header-search-input", "SULFNBK");
    await w.page.locator(".header-results .search-status").filter({ hasText: "SULFNBK" }).waitFor();
    assert.equal(await w.page.locator(".header-results .search-all").isHidden(), true);
    assert.deepEqual(w.consoleErrors, []);
  } finally {
    await w.close();
  }
});

test("the header box never shows an older query's results after a newer one's", { skip }, async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  // While `slow`, result files are held back 2 s: the first query's answer then arrives after the second one's.
  let slow = false;
  let held = 0;
  await context.route("**/pagefind/fragment/**", async (route) => {
    if (slow) {
      held++;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    await route.continue();
  });
  try {
    await page.goto(`${origin()}/ja/advisories/`);
    // Search once, so that Pagefind and its index are loaded before the race.
    await page.fill("#header-search-input", "MS04-011");
    await page.locator(".header-results .search-status").filter({ hasText: "MS04-011" }).waitFor({ timeout: 10_000 });
    slow = true;
    await page.fill("#header-search-input", "デマ");
    await expectSoon(() => held >= 5);
    slow = false;
    await page.fill("#header-search-input", "LSASS");
    await page.locator(".header-results .search-status").filter({ hasText: "LSASS" }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(2500);
    assert.match(await page.locator(".header-results .search-status").innerText(), /LSASS/);
    const urls = await resultUrls(page, ".header-results .search-results");
    assert.ok(urls.length > 0 && urls.every((u) => u.startsWith("/ja/advisories/")), urls.join(", "));
  } finally {
    await context.close();
  }
});

async function expectSoon(condition: () => boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

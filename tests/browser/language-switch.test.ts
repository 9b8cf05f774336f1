/**
 * A reader on the Japanese Sasser page switches to English in a real browser: the switch is a plain link,
 * lands on the same advisory, keeps a deep link's section, and nothing errors or leaves the site.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { buildTestSite, type BuiltSite } from "../helpers/site.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { launchChromium, chromiumMissingReason } from "../helpers/browser.ts";
import { watchedPage } from "../helpers/browser-page.ts";

const skip = chromiumMissingReason();
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  site = await buildTestSite();
  server = await serveStatic(site.dir);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("switching /ja/advisories/sasser/ to English lands on /en/advisories/sasser/", { skip }, async () => {
  const w = await watchedPage(browser, server.origin);
  try {
    await w.page.goto(`${server.origin}/ja/advisories/sasser/`);
    assert.equal(await w.page.locator("html").getAttribute("lang"), "ja");
    await w.page.getByRole("link", { name: "English", exact: true }).click();
    await w.page.waitForURL(`${server.origin}/en/advisories/sasser/`);
    assert.equal(await w.page.locator("html").getAttribute("lang"), "en");
    assert.match(await w.page.locator("h1").innerText(), /Sasser/);
    await w.page.getByRole("link", { name: "日本語", exact: true }).click();
    await w.page.waitForURL(`${server.origin}/ja/advisories/sasser/`);
    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.foreignRequests, []);
  } finally {
    await w.close();
  }
});

test("a deep link to a section works in both languages", { skip }, async () => {
  const w = await watchedPage(browser, server.origin);
  try {
    for (const lang of ["ja", "en"]) {
      await w.page.goto(`${server.origin}/${lang}/advisories/sasser/#removal`);
      const top = await w.page.locator("#removal").evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(Math.abs(top) < 80, `${lang}: #removal is scrolled into view (top ${top})`);
    }
    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.foreignRequests, []);
  } finally {
    await w.close();
  }
});

test("pages work without JavaScript: the header search is a plain GET form", { skip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}/en/hoaxes/`);
    assert.equal(await page.locator(".entry-list li").count(), 8);
    await page.fill("#header-search-input", "SULFNBK");
    await page.press("#header-search-input", "Enter");
    await page.waitForURL(`${server.origin}/en/search/?q=SULFNBK`);
  } finally {
    await context.close();
  }
});

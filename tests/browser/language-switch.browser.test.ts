/**
 * A reader on the Japanese Sasser page switches to English in a real browser: the switch is a plain link,
 * lands on the same advisory, keeps a deep link's section, and nothing errors or leaves the site.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "../helpers/browser-page.ts";
import { useServedSite } from "../helpers/served-site.ts";

const served = useServedSite();
const { skip } = served;

test("switching /ja/advisories/sasser/ to English lands on /en/advisories/sasser/", { skip }, async () => {
  const w = await watchedPage(served.browser, served.server.origin);
  try {
    await w.page.goto(`${served.server.origin}/ja/advisories/sasser/`);
    assert.equal(await w.page.locator("html").getAttribute("lang"), "ja");
    await w.page.getByRole("link", { name: "English", exact: true }).click();
    await w.page.waitForURL(`${served.server.origin}/en/advisories/sasser/`);
    assert.equal(await w.page.locator("html").getAttribute("lang"), "en");
    assert.match(await w.page.locator("h1").innerText(), /Sasser/);
    await w.page.getByRole("link", { name: "日本語", exact: true }).click();
    await w.page.waitForURL(`${served.server.origin}/ja/advisories/sasser/`);
    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.foreignRequests, []);
  } finally {
    await w.close();
  }
});

test("the language switch keeps the section a reader is on: /ja/advisories/sasser/#removal → /en/advisories/sasser/#removal", { skip }, async () => {
  const w = await watchedPage(served.browser, served.server.origin);
  try {
    await w.page.goto(`${served.server.origin}/ja/advisories/sasser/#removal`);
    await w.page.getByRole("link", { name: "English", exact: true }).click();
    await w.page.waitForURL(`${served.server.origin}/en/advisories/sasser/#removal`);
    const top = await w.page.locator("#removal").evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 80, `#removal is scrolled into view after the switch (top ${top})`);
    assert.deepEqual(w.consoleErrors, []);
  } finally {
    await w.close();
  }
});

test("a deep link to a section works in both languages", { skip }, async () => {
  const w = await watchedPage(served.browser, served.server.origin);
  try {
    for (const lang of ["ja", "en"]) {
      await w.page.goto(`${served.server.origin}/${lang}/advisories/sasser/#removal`);
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
  const context = await served.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${served.server.origin}/en/hoaxes/`);
    assert.equal(await page.locator(".entry-list li").count(), 8);
    await page.fill("#header-search-input", "SULFNBK");
    await page.press("#header-search-input", "Enter");
    await page.waitForURL(`${served.server.origin}/en/search/?q=SULFNBK`);
  } finally {
    await context.close();
  }
});

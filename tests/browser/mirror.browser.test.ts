/**
 * A partner mirrors the site under /security/: in Chromium, links, the language switch, the search bundle
 * and the header search all work under the prefix, and nothing is requested outside it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "../helpers/browser-page.ts";
import { searchFor } from "../../src/headless/search-page.ts";
import { useServedSite } from "../helpers/served-site.ts";
import { SITES } from "../helpers/shared-site.ts";

const served = useServedSite({ ...SITES.mirror, prefix: "/security/" });
const { skip } = served;

test("under /security/: follow links, switch language, search", { skip }, async () => {
  const w = await watchedPage(served.browser, served.server.origin);
  try {
    await w.page.goto(`${served.server.origin}/security/`);
    await w.page.getByRole("link", { name: /日本語/ }).click();
    await w.page.waitForURL(`${served.server.origin}/security/ja/`);
    await w.page.getByRole("link", { name: "デマ情報", exact: true }).first().click();
    await w.page.waitForURL(`${served.server.origin}/security/ja/hoaxes/`);
    await w.page.locator(".entry-list").getByRole("link", { name: /SULFNBK/ }).click();
    await w.page.waitForURL(`${served.server.origin}/security/ja/hoaxes/sulfnbk-exe/`);
    await w.page.getByRole("link", { name: "English", exact: true }).click();
    await w.page.waitForURL(`${served.server.origin}/security/en/hoaxes/sulfnbk-exe/`);
    assert.equal(await w.page.locator("html").getAttribute("lang"), "en");

    const results = await searchFor(w.page, served.server.origin, "en", "teddy bear", "/security/");
    assert.equal(results[0], "/security/en/hoaxes/jdbgmgr-exe/");
    const pinned = await searchFor(w.page, served.server.origin, "ja", "KB835732", "/security/");
    assert.equal(pinned[0], "/security/ja/advisories/ms04-011/");

    await w.page.goto(`${served.server.origin}/security/en/about/`);
    await w.page.fill("#header-search-input", "sasser");
    await w.page.locator(".header-results .search-results a").first().waitFor({ timeout: 10_000 });

    assert.deepEqual(w.consoleErrors, []);
    assert.deepEqual(w.foreignRequests, []);
    const outside = served.server.requests.filter((p) => !p.startsWith("/security/"));
    assert.deepEqual(outside, [], "every request stays under the prefix");
  } finally {
    await w.close();
  }
});

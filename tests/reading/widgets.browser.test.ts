/**
 * What partners see first: the embeddable lists, the feed, the API and the home page lead with Sasser and MS04-011
 * (the site's "newest first" is date, then importance, then severity), the latest-advisories widget lists
 * advisories only and shows their severity, a hoax widget exists, and both fit the iframe the README documents,
 * 320 px wide, in both languages and both colour schemes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { useServedSite } from "../helpers/served-site.ts";
import type { BuiltSite } from "../helpers/site.ts";
import { ROOT } from "../helpers/fixtures.ts";

let site: BuiltSite;
const served = useServedSite({
  built: (built) => {
    site = built;
  },
});
const { skip } = served;

const LANGS = ["ja", "en"] as const;
const pathOf = (href: string) => new URL(href, "http://localhost:8080").pathname;

test("the latest-advisories widget: advisories only, newest and most important first, each with its severity", () => {
  for (const lang of LANGS) {
    const $ = site.page(`/${lang}/embed/latest/`);
    const items = $("main li").map((_, li) => ({ url: $(li).find("a").attr("href")!, severity: $(li).find(".severity").text() })).get();
    assert.deepEqual(items.map((i) => i.url), [`/${lang}/advisories/sasser/`, `/${lang}/advisories/ms04-011/`, `/${lang}/advisories/measures/`], lang);
    assert.deepEqual(items.map((i) => i.severity), lang === "ja" ? ["深刻度：緊急", "深刻度：緊急", ""] : ["Severity: Critical", "Severity: Critical", ""]);
    assert.equal($("main a[href*='/hoaxes/']").length, 0, `${lang}: no hoax in the latest advisories`);
    assert.equal($("main a").filter((_, a) => $(a).attr("target") !== "_top").length, 0, "every link opens in the top window");
    assert.ok(site.file(`/${lang}/embed/latest/`).length < 5 * 1024);
  }
});

test("the hoax widget: hoaxes only, and a link to the hoax list", () => {
  for (const lang of LANGS) {
    const $ = site.page(`/${lang}/embed/hoaxes/`);
    const links = $("main a").map((_, a) => $(a).attr("href")).get();
    assert.ok(links.filter((href) => /\/hoaxes\/[a-z0-9-]+\/$/.test(href)).length >= 4, links.join(" "));
    assert.ok(links.every((href) => href === `/${lang}/` || href.startsWith(`/${lang}/hoaxes/`)), links.join(" "));
    assert.equal($("main a").filter((_, a) => $(a).attr("target") !== "_top").length, 0);
    assert.equal($("script").length, 0);
    assert.ok(site.file(`/${lang}/embed/hoaxes/`).length < 5 * 1024);
  }
});

test("the feed: Sasser and MS04-011 first, kind and severity as categories", async () => {
  for (const lang of LANGS) {
    const feed = parseFeed(site.file(`/${lang}/feed.xml`));
    const urls = feed.items.map((item) => pathOf(item.url!));
    assert.deepEqual(urls.slice(0, 3), [`/${lang}/advisories/sasser/`, `/${lang}/advisories/ms04-011/`, `/${lang}/advisories/measures/`], lang);
    assert.equal(urls.length, 11);
    const xml = site.file(`/${lang}/feed.xml`);
    const sasser = xml.slice(xml.indexOf("<entry"), xml.indexOf("</entry>"));
    assert.match(sasser, /<category term="incident" scheme="[^"]+#kind" label="[^"]+"\/>/);
    assert.match(sasser, lang === "ja" ? /<category term="critical" scheme="[^"]+#severity" label="深刻度：緊急"\/>/ : /<category term="critical" scheme="[^"]+#severity" label="Severity: Critical"\/>/);
    const hoax = xml.slice(xml.lastIndexOf("<entry"));
    assert.doesNotMatch(hoax, /#severity/, "a hoax has no severity");
  }
});

test("home, the advisory list and the API put Sasser and MS04-011 first", () => {
  for (const lang of LANGS) {
    const home = site.page(`/${lang}/`);
    assert.deepEqual(home("#latest + .entry-list a.entry-title").map((_, a) => home(a).attr("href")).get().slice(0, 2), [`/${lang}/advisories/sasser/`, `/${lang}/advisories/ms04-011/`]);
    const list = site.page(`/${lang}/advisories/`);
    assert.deepEqual(list("#all + .entry-list a.entry-title").map((_, a) => list(a).attr("href")).get().slice(0, 3), [`/${lang}/advisories/sasser/`, `/${lang}/advisories/ms04-011/`, `/${lang}/advisories/measures/`]);
  }
  const api = JSON.parse(site.file("/api/advisories.json")) as { entries: { id: string }[] };
  const ids = api.entries.map((e) => e.id);
  assert.deepEqual(ids.slice(0, 3), ["sasser", "ms04-011", "measures"]);
});

/** The iframes the README tells partners to paste: their src path and height. */
function documentedIframes(): { widget: string; height: number }[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/<iframe src="[^"]*\/embed\/([a-z]+)\/"[^>]*?height="(\d+)"/g)].map((m) => ({ widget: m[1]!, height: Number(m[2]) }));
}

test("the README documents both widgets", () => {
  assert.deepEqual(documentedIframes().map((i) => i.widget).sort(), ["hoaxes", "latest"]);
});

for (const scheme of ["light", "dark"] as const) {
  test(`both widgets fit the README's iframe, 320 px wide, without clipping, ${scheme}`, { skip }, async () => {
    const problems: string[] = [];
    for (const { widget, height } of documentedIframes()) {
      const context = await served.browser.newContext({ viewport: { width: 320, height }, colorScheme: scheme });
      const page = await context.newPage();
      try {
        for (const lang of LANGS) {
          await page.goto(`${served.server.origin}/${lang}/embed/${widget}/`);
          const size = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, bg: getComputedStyle(document.body).backgroundColor }));
          if (size.height > height) problems.push(`${lang} ${widget}: ${size.height} px of content in a ${height} px iframe`);
          if (size.width > 320) problems.push(`${lang} ${widget}: ${size.width} px wide`);
          // Dark follows the reader's setting, as on the site.
          if ((scheme === "dark") !== (size.bg === "rgb(18, 20, 23)")) problems.push(`${lang} ${widget}: background ${size.bg} in ${scheme}`);
        }
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });
}

/**
 * The bundled 2004 site, built with the real pipeline and read with a real HTML parser: every URL of the
 * contract in both languages, lang and hreflang, paired language switches, and the seed's facts on the
 * right pages in both languages.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import type { BuiltSite } from "../helpers/site.ts";
import { sharedSite, SITES } from "../helpers/shared-site.ts";

let site: BuiltSite;
before(async () => {
  site = await sharedSite(SITES.bundled);
});

const LANGS = ["ja", "en"] as const;
const ENTRIES = {
  advisories: ["sasser", "ms04-011", "measures"],
  hoaxes: ["sulfnbk-exe", "jdbgmgr-exe", "good-times", "virtual-card", "life-is-beautiful", "it-takes-guts", "budweiser-frogs", "wtc-survivor"],
};

test("every URL of the contract exists in both languages", () => {
  for (const path of ["/", "/404.html", "/sitemap.xml", "/pagefind/pagefind.js"]) assert.ok(site.exists(path), path);
  for (const lang of LANGS) {
    for (const path of ["", "advisories/", "hoaxes/", "about/", "search/"]) assert.ok(site.exists(`/${lang}/${path}`), `/${lang}/${path}`);
    for (const [section, ids] of Object.entries(ENTRIES)) {
      for (const id of ids) assert.ok(site.exists(`/${lang}/${section}/${id}/`), `/${lang}/${section}/${id}/`);
    }
  }
  assert.ok(ENTRIES.hoaxes.length >= 8);
});

test("the root is a plain language chooser", () => {
  const $ = site.page("/");
  const links = $("main a").map((_, a) => $(a).attr("href")).get();
  assert.deepEqual(links, ["/ja/", "/en/"]);
  assert.equal($("meta[http-equiv=refresh]").length, 0);
});

test("lang, hreflang and the language switch pair every page with its translation", () => {
  for (const lang of LANGS) {
    const other = lang === "ja" ? "en" : "ja";
    for (const [section, ids] of Object.entries(ENTRIES)) {
      for (const id of ids) {
        const url = `/${lang}/${section}/${id}/`;
        const $ = site.page(url);
        assert.equal($("html").attr("lang"), lang, url);
        assert.equal($("article").attr("lang"), undefined, `${url} is a real translation`);
        const switchLink = $("a.lang-switch");
        assert.equal(switchLink.attr("href"), `/${other}/${section}/${id}/`, url);
        assert.equal(switchLink.attr("hreflang"), other);
        const alternates = Object.fromEntries($("link[rel=alternate][hreflang]").map((_, l) => [[$(l).attr("hreflang"), $(l).attr("href")]]).get());
        assert.match(alternates.ja ?? "", new RegExp(`/ja/${section}/${id}/$`), url);
        assert.match(alternates.en ?? "", new RegExp(`/en/${section}/${id}/$`), url);
        assert.match($("link[rel=canonical]").attr("href") ?? "", new RegExp(`${url}$`));
        assert.equal($("h1").length, 1, `${url} has one h1`);
      }
    }
  }
});

test("standard sections have the same ASCII anchors in both languages", () => {
  for (const [section, ids] of Object.entries(ENTRIES)) {
    for (const id of ids) {
      const anchors = LANGS.map((lang) => {
        const $ = site.page(`/${lang}/${section}/${id}/`);
        return $("article [id]").map((_, el) => $(el).attr("id")).get().join(" ");
      });
      assert.equal(anchors[0], anchors[1], `${section}/${id}`);
      assert.match(anchors[0]!, /^[a-z0-9 -]+$/);
    }
  }
  for (const lang of LANGS) {
    const $ = site.page(`/${lang}/advisories/sasser/`);
    for (const id of ["affected", "removal", "revisions", "symptoms", "variants", "fax"]) assert.equal($(`#${id}`).length, 1, `${lang} #${id}`);
  }
});

/** Facts from the seed page, per page and language: each must appear in the page's text. */
const FACTS: Record<string, Record<(typeof LANGS)[number], string[]>> = {
  "/advisories/sasser/": {
    ja: ["MS04-011", "445/TCP", "電子メール", "Windows 2000", "Windows XP", "Windows Server 2003", "Windows NT 4.0", "Windows 95", "Windows 98 / 98 Second Edition", "Windows Millennium Edition (Me)", "KB841720", "ActiveX", "Windows Update", "NetSky", "03-5972-7149", "03-5454-8100", "324788", "324789", "0120-69-0196", "2004年5月8日"],
    en: ["MS04-011", "445/TCP", "e-mail", "Windows 2000", "Windows XP", "Windows Server 2003", "Windows NT 4.0", "Windows 95", "Windows 98 / 98 Second Edition", "Windows Millennium Edition (Me)", "KB841720", "ActiveX", "Windows Update", "NetSky", "03-5972-7149", "03-5454-8100", "324788", "324789", "0120-69-0196", "8 May 2004"],
  },
  "/advisories/ms04-011/": {
    ja: ["KB835732", "CVE-2003-0533", "CAN-2003-0533", "2004年4月14日", "緊急", "LSASS", "841382"],
    en: ["KB835732", "CVE-2003-0533", "CAN-2003-0533", "14 April 2004", "Critical", "LSASS", "841382"],
  },
  "/advisories/measures/": {
    ja: ["Windows Update", "IIS", "IIS Lockdown", "IIS 6.0", "サービス"],
    en: ["Windows Update", "IIS", "IIS Lockdown", "IIS 6.0", "services"],
  },
  "/hoaxes/": {
    ja: ["知らせて", "SULFNBK", "JDBGMGR"],
    en: ["tell everyone you know", "SULFNBK", "JDBGMGR"],
  },
  "/hoaxes/sulfnbk-exe/": { ja: ["SULFNBK.EXE", "長いファイル名"], en: ["SULFNBK.EXE", "long file names"] },
  "/hoaxes/jdbgmgr-exe/": { ja: ["JDBGMGR.EXE", "クマ"], en: ["JDBGMGR.EXE", "bear"] },
  "/about/": { ja: ["営利", "0120-69-0196", "2004年"], en: ["commercial", "0120-69-0196", "2004"] },
};

test("the seed's facts appear on the right pages in both languages", () => {
  for (const [path, byLang] of Object.entries(FACTS)) {
    for (const lang of LANGS) {
      const text = site.page(`/${lang}${path}`)("main").text().replace(/\s+/g, " ");
      for (const fact of byLang[lang]) assert.ok(text.includes(fact), `/${lang}${path} lacks "${fact}"`);
    }
  }
});

test("KB and CVE links are made from the numbers, severity is a labelled badge, revisions are a table", () => {
  for (const lang of LANGS) {
    const $ = site.page(`/${lang}/advisories/ms04-011/`);
    assert.equal($('a[href="https://support.microsoft.com/help/835732"]').first().text(), "KB835732");
    // A CVE in the ratings table links to the site's own page for it, which links on to the CVE record.
    assert.equal($(`table.ratings a[href="/${lang}/cve/cve-2003-0533/"]`).text(), "CVE-2003-0533");
    assert.equal(site.page(`/${lang}/cve/cve-2003-0533/`)('a[href="https://www.cve.org/CVERecord?id=CVE-2003-0533"]').length, 1);
    // Cells carry their rating as a class; "none" cells none, so the ratings that matter stand out.
    const lsass = $("#vuln-lsass td").map((_, td) => $(td).attr("class") ?? "").get();
    assert.deepEqual(lsass, ["", "", "", "", "critical", "critical", "low"]);
    assert.equal($(".entry-badges .severity-critical").text().trim(), lang === "ja" ? "深刻度：緊急" : "Severity: Critical");
    assert.equal($("#revisions").closest("section").find("table tbody tr").length >= 1, true);
    assert.equal($("table.ratings tbody tr").length, 14);
  }
});

test("dates are written in each language's own format", () => {
  assert.match(site.page("/ja/").text(), /2004年5月8日/);
  assert.match(site.page("/en/").text(), /8 May 2004/);
});

test("the sitemap lists every real page with hreflang alternates", () => {
  const xml = site.file("/sitemap.xml");
  for (const lang of LANGS) {
    for (const [section, ids] of Object.entries(ENTRIES)) for (const id of ids) assert.ok(xml.includes(`/${lang}/${section}/${id}/</loc>`), `${lang}/${id}`);
  }
  assert.ok(xml.includes('hreflang="en" href="http://localhost:8080/en/advisories/sasser/"'));
});

test("the 404 page speaks both languages", () => {
  const $ = site.page("/404.html");
  assert.equal($("section[lang=en] h1").text(), "Page not found");
  assert.equal($("section").first().find("h1").text(), "ページが見つかりません");
});

test("no raw template syntax or unescaped markup leaks into pages", () => {
  for (const lang of LANGS) {
    for (const [section, ids] of Object.entries(ENTRIES)) {
      for (const id of ids) {
        const html = site.file(`/${lang}/${section}/${id}/`);
        assert.doesNotMatch(html, /\{\{|\{%|undefined|\[object Object\]/, `${lang}/${id}`);
      }
    }
  }
});

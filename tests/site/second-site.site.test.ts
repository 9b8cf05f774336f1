/**
 * Keikoku is a generator: a second site (tests/fixtures/second-site: another name, tagline, publisher, URL,
 * logo, accent colour and CSAF prefix) built by the same code carries its own name and publisher into every
 * page, feed, the API, the CSAF documents, the provider metadata and security.txt — and nothing of the
 * bundled 2004 site (its name, its 2004 notice, its contacts, its tracking ids, its default URL) leaks in.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { relative } from "node:path";
import { walkFiles } from "../../src/links/walk-files.ts";
import type { BuiltSite } from "../helpers/site.ts";
import { sharedSite, SITES } from "../helpers/shared-site.ts";

let site: BuiltSite;
let files: string[];

before(async () => {
  site = await sharedSite(SITES.second);
  files = walkFiles(site.dir).map((f) => `/${relative(site.dir, f)}`);
});

/** Text the bundled site writes and a second site never may. */
const BUNDLED = [
  /警告 Keikoku/, /2004年当時/, /as of 2004/, /0120-69-0196/, /03-5972-7149/, /KEIKOKU-20\d\d/i, /localhost:8080/, /class="site-mark"/, /SULFNBK/, /MS04-011/, /Windows/,
];

test("every file of the second site is free of the bundled site's name, notice, contacts, ids and URL", () => {
  const textual = files.filter((f) => /\.(html|xml|json|txt|csv|css)$/.test(f) && !f.startsWith("/pagefind/"));
  assert.ok(textual.length > 30, `only ${textual.length} files`);
  for (const file of textual) {
    // Keikoku's own stylesheets may name platforms in comments (fonts "on Windows"); what they style is checked.
    const text = file.endsWith(".css") ? site.file(file).replace(/\/\*[\s\S]*?\*\//g, "") : site.file(file);
    for (const pattern of BUNDLED) assert.doesNotMatch(text, pattern, `${file} contains ${pattern}`);
  }
});

test("every page with the site's frame shows the site's name, logo and footer; the chooser shows both names", () => {
  for (const lang of ["ja", "en"] as const) {
    const name = lang === "ja" ? "サンプル CSIRT セキュリティ情報" : "Example CSIRT Security Advisories";
    const framed = files.filter((f) => f.startsWith(`/${lang}/`) && f.endsWith("/index.html") && !f.includes("/embed/"));
    assert.ok(framed.length >= 8, `${lang}: ${framed.length} pages`);
    for (const file of framed) {
      const $ = site.page(file);
      assert.equal($(".site-name").text().trim(), name, file);
      assert.equal($(".site-name img.site-logo").attr("src"), "/assets/example-csirt.svg", file);
      assert.ok($("title").text().endsWith(` | ${name}`), `${file}: ${$("title").text()}`);
      assert.equal($('link[rel=stylesheet][href="/assets/theme.css"]').length, 1, `${file}: the accent colour's stylesheet`);
      assert.equal($(".site-footer p").length, 2, file);
    }
  }
  const $ = site.page("/");
  assert.match($("title").text(), /サンプル CSIRT セキュリティ情報 \/ Example CSIRT Security Advisories/);
  assert.match($(".chooser-links").text(), /テスト用の架空のサイト/);
  assert.ok(site.exists("/assets/example-csirt.svg"), "the site's own public/ is copied");
  assert.match(site.file("/assets/theme.css"), /--accent: #1d4ed8;[\s\S]*--accent: #93b4ff;/);
});

test("the home page says what site.yaml says; the about page lists the publisher's contacts", () => {
  const home = site.page("/en/");
  assert.equal(home("h1").text(), "Example CSIRT advisories");
  assert.equal(home(".lead").first().text(), "Vulnerabilities and hoaxes that Example CSIRT has looked into.");
  const about = site.page("/ja/about/");
  const contacts = about(".contacts dl div").map((_, el) => `${about(el).find("dt").text()} ${about(el).find("dd").text()}`).get();
  assert.deepEqual(contacts, ["脆弱性の報告 security@csirt.example.jp", "問い合わせフォーム https://csirt.example.jp/contact/"]);
  assert.equal(about('.contacts a[href="mailto:security@csirt.example.jp"]').length, 1);
  assert.equal(about('.contacts a[href="https://csirt.example.jp/contact/"]').attr("rel"), "noopener noreferrer");
});

test("feeds, sitemap and canonical links use the site's URL and name", () => {
  const feed = site.file("/en/feed.xml");
  assert.match(feed, /<title>Example CSIRT Security Advisories: /);
  assert.match(feed, /<author><name>Example CSIRT Security Advisories<\/name><\/author>/);
  assert.match(feed, /<id>https:\/\/csirt\.example\.jp\/en\/<\/id>/);
  assert.match(site.file("/sitemap.xml"), /<loc>https:\/\/csirt\.example\.jp\/ja\/advisories\/exa-2026-001\/<\/loc>/);
  assert.equal(site.page("/ja/advisories/exa-2026-001/")("link[rel=canonical]").attr("href"), "https://csirt.example.jp/ja/advisories/exa-2026-001/");
});

test("pages and the API name the site's own products", () => {
  const $ = site.page("/en/advisories/exa-2026-001/");
  assert.match($(".products-affected").text(), /Sample Server/);
  assert.match($("main").text(), /Sample Client/);
  const api = JSON.parse(site.file("/api/advisories.json"));
  assert.deepEqual(api.products, { "sample-server": { ja: "サンプル サーバー", en: "Sample Server" }, "sample-client": { ja: "サンプル クライアント", en: "Sample Client" } });
});

test("the API names the site and its publisher", () => {
  const api = JSON.parse(site.file("/api/advisories.json"));
  assert.deepEqual(api.site, { name: { ja: "サンプル CSIRT セキュリティ情報", en: "Example CSIRT Security Advisories" }, publisher: "Example CSIRT" });
  assert.deepEqual(api.entries.map((e: { id: string }) => e.id).sort(), ["exa-2026-001", "example-hoax"]);
  assert.equal(api.entries.find((e: { id: string }) => e.id === "exa-2026-001").csaf.ja, "https://csirt.example.jp/.well-known/csaf/2026/excsirt-2026-exa-2026-001.json");
});

test("CSAF documents, provider metadata and security.txt carry the site's publisher, prefix, TLP and contacts", () => {
  const doc = JSON.parse(site.file("/.well-known/csaf/2026/excsirt-2026-exa-2026-001.json"));
  const publisher = { category: "coordinator", contact_details: "mailto:security@csirt.example.jp https://csirt.example.jp/contact/", name: "Example CSIRT", namespace: "https://csirt.example.jp" };
  assert.deepEqual(doc.document.publisher, publisher);
  // Its products are its own (products.yaml), vendor included.
  assert.equal(doc.product_tree.branches[0].category, "vendor");
  assert.equal(doc.product_tree.branches[0].name, "Example Software");
  assert.equal(doc.product_tree.branches[0].branches[0].name, "サンプル サーバー");
  assert.equal(doc.document.tracking.id, "EXCSIRT-2026-EXA-2026-001");
  assert.equal(doc.document.distribution.tlp.label, "GREEN");
  assert.ok(!doc.document.notes.some((n: { text: string }) => /2004/.test(n.text)), "no footer notice: site.yaml has none");
  const english = JSON.parse(site.file("/.well-known/csaf/2026/excsirt-2026-example-hoax-en.json"));
  assert.equal(english.document.tracking.id, "EXCSIRT-2026-EXAMPLE-HOAX-en");
  const metadata = JSON.parse(site.file("/.well-known/csaf/provider-metadata.json"));
  assert.deepEqual(metadata.publisher, publisher);
  assert.equal(metadata.canonical_url, "https://csirt.example.jp/.well-known/csaf/provider-metadata.json");
  assert.ok(site.exists("/.well-known/csaf/feed-tlp-green.json"));
  const txt = site.file("/.well-known/security.txt");
  assert.match(txt, /^# Example CSIRT: /);
  assert.match(txt, /^Contact: mailto:security@csirt\.example\.jp$/m);
  assert.match(txt, /^Contact: https:\/\/csirt\.example\.jp\/contact\/$/m);
  assert.match(txt, /^Expires: 2999-12-31T00:00:00\.000Z$/m);
});

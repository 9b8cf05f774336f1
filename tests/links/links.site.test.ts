/**
 * Links that never break: the whole site's links and anchors at the root and under PATH_PREFIX, feeds
 * read by a real Atom parser, the data API against its own published schema, identifier pages, the embed.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { BuiltSite } from "../helpers/site.ts";
import { sharedSite, SITES } from "../helpers/shared-site.ts";
import { checkLinks } from "../helpers/link-check.ts";

let site: BuiltSite;
let mirror: BuiltSite;
before(async () => {
  site = await sharedSite(SITES.https);
  mirror = await sharedSite(SITES.mirror);
});

test("zero broken internal links or anchors over the whole site", () => {
  const result = checkLinks(site.dir, "https://advisories.example.jp");
  assert.ok(result.pages >= 70 && result.links > 1000, `${result.pages} pages, ${result.links} links`);
  assert.deepEqual(result.broken, []);
});

test("zero broken links or anchors under PATH_PREFIX=/security/, and none escape the prefix", () => {
  const result = checkLinks(mirror.dir, "https://partner.example.jp", "/security/");
  assert.ok(result.links > 1000);
  assert.deepEqual(result.broken, []);
  const $ = mirror.page("/ja/advisories/sasser/");
  assert.equal($("link[rel=canonical]").attr("href"), "https://partner.example.jp/security/ja/advisories/sasser/");
  assert.equal($("a.lang-switch").attr("href"), "/security/en/advisories/sasser/");
  assert.equal($("form.header-search").attr("action"), "/security/ja/search/");
  assert.match(mirror.file("/sitemap.xml"), /<loc>https:\/\/partner\.example\.jp\/security\/en\/hoaxes\/sulfnbk-exe\/<\/loc>/);
});

test("Atom feeds parse, in their language, with an entry per advisory and hoax, updated = last revision", () => {
  for (const lang of ["ja", "en"] as const) {
    const xml = site.file(`/${lang}/feed.xml`);
    const feed = parseFeed(xml);
    assert.equal(feed.meta.type, "atom");
    assert.equal(feed.language, lang);
    assert.equal(feed.items.length, 11);
    const sasser = feed.items.find((i) => i.url === `https://advisories.example.jp/${lang}/advisories/sasser/`);
    assert.ok(sasser, "the Sasser entry");
    assert.equal(sasser.updated?.toISOString(), "2004-05-08T00:00:00.000Z");
    assert.match(sasser.description ?? "", lang === "ja" ? /ワーム/ : /worm/);
    const page = site.page(`/${lang}/`);
    assert.equal(page(`link[rel=alternate][type="application/atom+xml"]`).attr("href"), `/${lang}/feed.xml`);
  }
  const mirrorFeed = parseFeed(mirror.file("/en/feed.xml"));
  assert.ok(mirrorFeed.items.every((i) => i.url?.startsWith("https://partner.example.jp/security/en/")));
});

test("the data API validates against its published JSON Schema and every URL in it resolves", () => {
  const doc = JSON.parse(site.file("/api/advisories.json")) as { entries: { id: string; kb: number[]; cve: string[]; title: { en: string }; urls: Record<string, string>; csaf: Record<string, string> | null }[] };
  const schema = JSON.parse(site.file("/api/advisories.schema.json"));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.equal(doc.entries.length, 11);
  const ms = doc.entries.find((e) => e.id === "ms04-011")!;
  assert.deepEqual(ms.kb, [835732, 841382]);
  assert.equal(ms.cve.length, 14);
  assert.equal(ms.title.en, "MS04-011: Security Update for Microsoft Windows (835732)");
  assert.equal(ms.csaf?.en, "https://advisories.example.jp/.well-known/csaf/2004/keikoku-2004-ms04-011-en.json");
  for (const entry of doc.entries) {
    for (const url of [...Object.values(entry.urls), ...Object.values(entry.csaf ?? {})] as string[]) {
      const path = new URL(url).pathname;
      assert.ok(site.exists(path), `${url} resolves`);
    }
  }
  // A broken document would not validate: the schema has teeth.
  assert.equal(validate({ ...doc, entries: [{ ...doc.entries[0], kind: "rumour" }] }), false);
});

test("identifier pages list everything that references a KB article or CVE", () => {
  const kb = site.page("/ja/kb/835732/");
  const linked = kb(".entry-list a.entry-title").map((_, a) => kb(a).attr("href")).get().sort();
  assert.deepEqual(linked, ["/ja/advisories/measures/", "/ja/advisories/ms04-011/", "/ja/advisories/sasser/"]);
  assert.equal(kb("a[href='https://support.microsoft.com/help/835732']").length, 1);
  const cve = site.page("/en/cve/cve-2003-0533/");
  assert.equal(cve("h1").text(), "CVE-2003-0533");
  assert.ok(cve("a[href='/en/advisories/ms04-011/#vuln-lsass']").length === 1);
  const single = site.page("/en/kb/841720/");
  assert.equal(single(".entry-list li").length, 1, "a good page even with one reference");
});

test("the embed is tiny, has no header or script, and opens links in the top window", () => {
  for (const lang of ["ja", "en"]) {
    const html = site.file(`/${lang}/embed/latest/`);
    assert.ok(Buffer.byteLength(html) < 5 * 1024, `${Buffer.byteLength(html)} bytes`);
    const $ = site.page(`/${lang}/embed/latest/`);
    assert.equal($("header, footer, script").length, 0);
    assert.ok($("a").length >= 4);
    assert.ok($("a").toArray().every((a) => $(a).attr("target") === "_top"));
  }
});

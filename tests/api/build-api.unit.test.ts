/**
 * The data API's document and its JSON Schema, built from the validated bundled content without a site
 * build: one language-neutral record per entry, the site's products, the site's name and publisher, and a
 * document that validates against its own schema.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { buildApiDocument, buildApiSchema } from "../../src/api/build-api.ts";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import type { SiteData } from "../../src/data/entries.ts";
import { absoluteUrl, routes } from "../../src/routes/routes.ts";
import { ROOT } from "../helpers/fixtures.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const base = { siteUrl: "https://advisories.example.jp", pathPrefix: "/" };
const fullUrl = (path: string) => absoluteUrl(base, path);
const csafUrl = (e: { id: string; published: string; contentLang: "ja" | "en" }) => routes.csafDocument("KEIKOKU", e);
let site: SiteData;
before(() => {
  site = loadSiteOrThrow({ root: ROOT });
});

test("one record per advisory and hoax, with both languages' titles and URLs, and the site's name and publisher", () => {
  const doc = buildApiDocument(site, { name: { ja: "警告 Keikoku", en: "Keikoku" }, publisher: "Keikoku" }, fullUrl, csafUrl);
  assert.equal(doc.generator, "Keikoku");
  assert.deepEqual(doc.site, { name: { ja: "警告 Keikoku", en: "Keikoku" }, publisher: "Keikoku" });
  assert.equal(doc.entries.length, new Set(site.entries.map((e) => e.id)).size);
  assert.equal(doc.updated, site.lastUpdated);
  const ms = doc.entries.find((e) => e.id === "ms04-011")!;
  assert.equal(ms.kind, "bulletin");
  assert.deepEqual(ms.urls, { ja: "https://advisories.example.jp/ja/advisories/ms04-011/", en: "https://advisories.example.jp/en/advisories/ms04-011/" });
  assert.deepEqual(ms.csaf, { ja: "https://advisories.example.jp/.well-known/csaf/2004/keikoku-2004-ms04-011.json", en: "https://advisories.example.jp/.well-known/csaf/2004/keikoku-2004-ms04-011-en.json" });
  assert.ok(ms.kb.includes(835732));
  assert.ok(ms.cve.includes("CVE-2003-0533"));
  assert.deepEqual(ms.translated, { ja: true, en: true });
  assert.deepEqual(Object.keys(doc.products), Object.keys(site.products), "the site's products, in their order");
  assert.deepEqual(doc.products["windows-xp"], { ja: "Windows XP", en: "Windows XP" });
});

test("the document validates against its own published JSON Schema, which lists the site's product ids", () => {
  const doc = buildApiDocument(site, { name: { ja: "a", en: "b" }, publisher: "c" }, fullUrl, csafUrl);
  const schema = buildApiSchema(Object.keys(site.products), fullUrl) as Record<string, any>;
  assert.equal(schema.$id, "https://advisories.example.jp/api/advisories.schema.json");
  assert.equal(doc.$schema, schema.$id);
  const validate = addFormats(new Ajv2020({ strict: false, allErrors: true })).compile(schema);
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.deepEqual(schema.properties.entries.items.properties.affected.items.enum, Object.keys(site.products));
  assert.equal(validate({ ...doc, entries: [{ ...doc.entries[0], affected: ["windows-2001"] }] }), false, "an unknown product id is refused");
});

test("a document that does not match its schema is never published", () => {
  const broken = { ...site, lastUpdated: "2004-5-8" };
  assert.throws(() => buildApiDocument(broken, { name: { ja: "a", en: "b" }, publisher: "c" }, fullUrl, csafUrl));
});

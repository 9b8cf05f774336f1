/**
 * The provider directory: complete and consistent (index.txt, changes.csv, hashes, ROLIE feed,
 * provider-metadata.json, security.txt), deterministic, and configurable through the environment.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import type { SiteData } from "../../src/data/entries.ts";
import { SettingsError } from "../../src/settings/settings.ts";
import { csafConfigFor } from "../helpers/settings.ts";
import { generateCsaf, type CsafOutput } from "../../src/csaf/generate.ts";
import { routes } from "../../src/routes/routes.ts";
import { validateProviderMetadata } from "../../src/csaf/validate.ts";
import { MINIMAL, ROOT, copyBundledContent, makeFixture } from "../helpers/fixtures.ts";

// A far-future expiry, given as the settings give it: without one security.txt is not published.
const ENV = { SITE_URL: "https://advisories.example.jp", CSAF_SECURITY_TXT_EXPIRES: "2999-12-31" };
const DIR = ".well-known/csaf";
let site: SiteData;
let output: CsafOutput;
const file = (path: string, out = output) => {
  const text = out.files.get(path);
  assert.ok(text !== undefined, `missing ${path}`);
  return text;
};
// The validator is tested in document.unit.test.ts; here only the directory's shape matters.
const generate = (env: Record<string, string> = ENV, data: SiteData = site) => generateCsaf(data, csafConfigFor(env), { validate: false });

before(async () => {
  site = loadSiteOrThrow({ root: ROOT });
  output = await generate();
});

describe("the directory", () => {
  test("index.txt lists every document once, and every listed document exists", () => {
    const listed = file(`${DIR}/index.txt`).split("\n").filter(Boolean);
    assert.deepEqual(listed, output.documents.map((d) => d.path).sort());
    assert.equal(new Set(listed).size, listed.length);
    for (const path of listed) {
      assert.match(path, /^\d{4}\/[+\-a-z0-9_]+\.json$/);
      assert.equal(file(`${DIR}/${path}`), output.documents.find((d) => d.path === path)!.json);
    }
  });

  test("changes.csv has no header, the same documents, newest first", () => {
    const rows = file(`${DIR}/changes.csv`).split("\n").filter(Boolean).map((line) => {
      const m = /^"(\d{4}\/[^"]+\.json)","(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"$/.exec(line);
      assert.ok(m, `malformed row ${line}`);
      return { path: m[1]!, date: m[2]! };
    });
    assert.deepEqual(rows.map((r) => r.path).sort(), file(`${DIR}/index.txt`).split("\n").filter(Boolean));
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.date >= rows[i]!.date, "newest first");
    for (const r of rows) assert.equal(r.date, output.documents.find((d) => d.path === r.path)!.document.document.tracking.current_release_date);
  });

  test("changes.csv puts a later revision first", async () => {
    const fixture = makeFixture({ "ja/hoaxes/beta.md": MINIMAL["ja/hoaxes/beta.md"]!.replaceAll("2004-05-08", "2004-06-01") });
    try {
      const small = loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content });
      const rows = file(`${DIR}/changes.csv`, await generate(ENV, small)).split("\n").filter(Boolean);
      assert.deepEqual(rows, [
        '"2004/keikoku-2004-beta-en.json","2004-06-01T00:00:00.000Z"',
        '"2004/keikoku-2004-beta.json","2004-06-01T00:00:00.000Z"',
        '"2004/keikoku-2004-alpha-en.json","2004-05-08T00:00:00.000Z"',
        '"2004/keikoku-2004-alpha.json","2004-05-08T00:00:00.000Z"',
      ]);
    } finally {
      fixture.cleanup();
    }
  });

  test("every document has .sha256 and .sha512 files that match it", () => {
    for (const doc of output.documents) {
      const name = doc.path.split("/")[1]!;
      for (const algorithm of ["sha256", "sha512"] as const) {
        const expected = createHash(algorithm).update(file(`${DIR}/${doc.path}`)).digest("hex");
        assert.equal(file(`${DIR}/${doc.path}.${algorithm}`), `${expected}  ${name}\n`);
      }
    }
  });

  test("the ROLIE feed lists every document with its links, newest first", () => {
    const feed = JSON.parse(file(`${DIR}/feed-tlp-white.json`)).feed;
    assert.equal(feed.link[0].href, `https://advisories.example.jp/${DIR}/feed-tlp-white.json`);
    assert.deepEqual(feed.category, [{ scheme: "urn:ietf:params:rolie:category:information-type", term: "csaf" }]);
    assert.equal(feed.entry.length, output.documents.length);
    for (const entry of feed.entry) {
      const doc = output.documents.find((d) => d.trackingId === entry.id)!;
      assert.ok(doc, entry.id);
      assert.deepEqual(entry.link.map((l: { rel: string; href: string }) => `${l.rel} ${l.href}`), [`self ${doc.url}`, `hash ${doc.url}.sha256`, `hash ${doc.url}.sha512`]);
      assert.deepEqual(entry.content, { type: "application/json", src: doc.url });
      assert.deepEqual(entry.format, { schema: "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", version: "2.0" });
      assert.equal(entry.updated, doc.document.document.tracking.current_release_date);
    }
    const service = JSON.parse(file(`${DIR}/service.json`));
    assert.equal(service.service.workspace[0].collection[0].href, feed.link[0].href);
    assert.deepEqual(JSON.parse(file(`${DIR}/category-lang.json`)), { categories: { category: [{ term: "ja" }, { term: "en" }] } });
  });

  test("provider-metadata.json validates and points at the directory and the feed", async () => {
    const text = file(`${DIR}/provider-metadata.json`);
    const metadata = JSON.parse(text);
    assert.deepEqual(await validateProviderMetadata(metadata), []);
    assert.equal(metadata.canonical_url, `https://advisories.example.jp/${DIR}/provider-metadata.json`);
    assert.equal(metadata.role, "csaf_provider");
    assert.equal(metadata.metadata_version, "2.0");
    assert.equal(metadata.list_on_CSAF_aggregators, false);
    assert.equal(metadata.mirror_on_CSAF_aggregators, false);
    assert.equal(metadata.last_updated, `${site.lastUpdated}T00:00:00.000Z`);
    assert.deepEqual(metadata.distributions[0], { directory_url: `https://advisories.example.jp/${DIR}/` });
    assert.deepEqual(metadata.distributions[1].rolie.feeds, [{ summary: "Keikoku CSAF feed (TLP:WHITE)", tlp_label: "WHITE", url: `https://advisories.example.jp/${DIR}/feed-tlp-white.json` }]);
    for (const url of [...metadata.distributions[1].rolie.categories, ...metadata.distributions[1].rolie.services]) {
      assert.ok(output.files.has(url.replace("https://advisories.example.jp/", "")), url);
    }
  });

  test("a broken provider-metadata.json is caught", async () => {
    const metadata = JSON.parse(file(`${DIR}/provider-metadata.json`));
    metadata.role = "csaf_boss";
    metadata.canonical_url = "https://advisories.example.jp/metadata.json";
    delete metadata.last_updated;
    const errors = await validateProviderMetadata(metadata);
    const paths = errors.map((e) => e.path);
    assert.ok(paths.includes("/role"), JSON.stringify(errors));
    assert.ok(paths.includes("/canonical_url"), JSON.stringify(errors));
    assert.ok(errors.some((e) => e.path === "" && /last_updated/.test(e.message)), JSON.stringify(errors));
  });

  test("security.txt has Contact, the Expires of the settings, and the CSAF line", () => {
    const text = file(".well-known/security.txt");
    assert.match(text, /^Contact: https:\/\/advisories\.example\.jp\/ja\/about\/$/m);
    assert.match(text, /^Expires: 2999-12-31T00:00:00\.000Z$/m);
    assert.match(text, /^CSAF: https:\/\/advisories\.example\.jp\/\.well-known\/csaf\/provider-metadata\.json$/m);
    assert.equal(text.match(/^Expires:/gm)?.length, 1);
  });

  test("without an expiry in the settings there is no security.txt, and the provider metadata is still there", async () => {
    const out = await generate({ SITE_URL: "https://advisories.example.jp" });
    assert.ok(!out.files.has(".well-known/security.txt"));
    assert.ok(out.files.has(`${DIR}/provider-metadata.json`));
    assert.ok(out.notes.some((n) => n.startsWith("security.txt is not published: set csaf.securityTxtExpires")), out.notes.join("\n"));
  });

  test("without a key: unsigned, said so, a csaf_provider (signing itself: signing.build.test.ts)", () => {
    assert.ok(output.notes.some((n) => n.startsWith("OpenPGP signing not configured")));
    assert.ok(![...output.files.keys()].some((p) => p.endsWith(".asc")));
    const metadata = JSON.parse(file(`${DIR}/provider-metadata.json`)) as { role: string; public_openpgp_keys?: unknown };
    assert.equal(metadata.role, "csaf_provider");
    assert.equal(metadata.public_openpgp_keys, undefined);
  });
});

describe("content the exporter cannot use", () => {
  test("an update KB that is not in kb fails once, naming the Japanese file and the fix", async () => {
    const fixture = copyBundledContent();
    try {
      const path = "ja/advisories/ms04-011.md";
      const text = readFileSync(join(fixture.content, path), "utf8");
      fixture.write(path, text.replace("update:\n  kb: 835732", "update:\n  kb: 835733"));
      const broken = loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content });
      const out = await generate(ENV, broken);
      assert.equal(out.files.size, 0, "nothing is published");
      // A content problem (named once, at the Japanese file's field, with the fix), not a validator finding.
      assert.deepEqual(out.errors, []);
      assert.deepEqual(out.dataProblems, [
        { file: "content/ja/advisories/ms04-011.md", field: ["update", "kb"], code: "csaf.update-kb", params: { kb: 835733 }, hint: "csaf.update-kb" },
      ]);
    } finally {
      fixture.cleanup();
    }
  });
});

describe("determinism and settings", () => {
  test("two generations are byte-identical", async () => {
    const again = await generate();
    assert.deepEqual([...again.files.keys()], [...output.files.keys()]);
    for (const [path, text] of output.files) assert.equal(again.files.get(path), text, path);
  });

  test("SOURCE_DATE_EPOCH sets every generated date; content dates stay", async () => {
    const out = await generate({ ...ENV, SOURCE_DATE_EPOCH: "1700000000" });
    const stamp = new Date(1700000000 * 1000).toISOString();
    for (const doc of out.documents) {
      assert.equal(doc.document.document.tracking.generator.date, stamp);
      assert.equal(doc.document.document.tracking.current_release_date, `${doc.entry.updated}T00:00:00.000Z`);
    }
    assert.equal(JSON.parse(file(`${DIR}/provider-metadata.json`, out)).last_updated, stamp);
    // security.txt's expiry is the settings', never derived from the build date.
    assert.match(file(".well-known/security.txt", out), /^Expires: 2999-12-31T00:00:00\.000Z$/m);
  });

  test("publisher, TLP and contact come from the environment", async () => {
    const out = await generate({ ...ENV, CSAF_TLP: "green", CSAF_PUBLISHER_NAME: "Partner CERT", CSAF_PUBLISHER_NAMESPACE: "https://cert.example.jp/", CSAF_SECURITY_CONTACT: "mailto:security@example.jp", CSAF_SECURITY_TXT_EXPIRES: "2030-01-01" });
    const doc = out.documents[0]!.document.document;
    assert.deepEqual(doc.publisher, { category: "other", name: "Partner CERT", namespace: "https://cert.example.jp" });
    assert.equal(doc.distribution.tlp.label, "GREEN");
    assert.ok(out.files.has(`${DIR}/feed-tlp-green.json`));
    assert.ok(!out.files.has(`${DIR}/feed-tlp-white.json`));
    assert.equal(JSON.parse(file(`${DIR}/provider-metadata.json`, out)).distributions[1].rolie.feeds[0].tlp_label, "GREEN");
    const txt = file(".well-known/security.txt", out);
    assert.match(txt, /^Contact: mailto:security@example\.jp$/m);
    assert.match(txt, /^Expires: 2030-01-01T00:00:00\.000Z$/m);
  });

  test("TLP:AMBER and TLP:RED are refused for a static site, with the reason and the fix", () => {
    for (const tlp of ["AMBER", "red"]) {
      assert.throws(() => csafConfigFor({ ...ENV, CSAF_TLP: tlp }), (error: unknown) => {
        assert.ok(error instanceof SettingsError);
        assert.match(error.message, /must be access-protected \(CSAF 2\.0 requirement 5\).*set CSAF_TLP=WHITE or GREEN/);
        return true;
      });
    }
    assert.throws(() => csafConfigFor({ CSAF_TLP: "BLUE", CSAF_PUBLISHER_NAMESPACE: "ftp://x", CSAF_SECURITY_CONTACT: "someone" }), (error: unknown) => {
      assert.ok(error instanceof SettingsError);
      assert.equal(error.problems.length, 3, "every problem at once");
      return true;
    });
  });

  test("PATH_PREFIX puts the directory under the prefix; csafUrl stays site-relative", async () => {
    const out = await generate({ ...ENV, PATH_PREFIX: "/security/" });
    const doc = out.documents.find((d) => d.entry.id === "ms04-011" && d.lang === "ja")!;
    assert.equal(doc.url, "https://advisories.example.jp/security/.well-known/csaf/2004/keikoku-2004-ms04-011.json");
    assert.equal(JSON.parse(file(`${DIR}/provider-metadata.json`, out)).canonical_url, "https://advisories.example.jp/security/.well-known/csaf/provider-metadata.json");
    assert.equal(routes.csafDocument("KEIKOKU", doc.entry), "/.well-known/csaf/2004/keikoku-2004-ms04-011.json");
    assert.ok(out.notes.some((n) => n.includes("PATH_PREFIX")));
  });

  test("an untranslated entry has no translation document; its fallback page links the original's", async () => {
    const fixture = makeFixture({ "en/hoaxes/beta.md": null });
    try {
      const small = loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content });
      const out = await generate(ENV, small);
      assert.deepEqual(out.documents.map((d) => d.trackingId).sort(), ["KEIKOKU-2004-ALPHA", "KEIKOKU-2004-ALPHA-en", "KEIKOKU-2004-BETA"]);
      const fallback = small.entries.find((e) => e.id === "beta" && e.lang === "en")!;
      assert.equal(fallback.isFallback, true);
      assert.equal(routes.csafDocument("KEIKOKU", fallback), "/.well-known/csaf/2004/keikoku-2004-beta.json");
      assert.ok(out.notes.some((n) => n.startsWith("en: beta has no translation")));
    } finally {
      fixture.cleanup();
    }
  });
});

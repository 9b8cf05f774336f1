/**
 * Round trip: importing a CSAF document that Keikoku published gives back the facts it was made from.
 *   1. The bundled MS04-011, both of its documents (the Japanese original and the English translation).
 *   2. A vendor's document → a draft → Keikoku's own CSAF document of the draft → imported again.
 * "The facts" are everything Keikoku's document states as data. What it states only as text, and so cannot come
 * back, is listed where it is left out below: products rated in no vulnerability (a note, to assert nothing
 * about them), sources without a URL, related ids, keywords, and another vendor's bulletin id (a note too).
 * Keikoku's documents for imported drafts validate (errors: none; warnings: only the allow-listed kinds).
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadContent, loadSiteOrThrow } from "../../src/data/load-content.ts";
import type { Entry, SiteData } from "../../src/data/entries.ts";
import { expandVersions } from "../../src/data/versions.ts";
import { buildDocument, treeProducts } from "../../src/csaf/document.ts";
import { canonicalJson } from "../../src/csaf/canonical-json.ts";
import { testSection, validateDocument } from "../../src/csaf/validate.ts";
import { readProductsFile } from "../../src/data/stages/read-products.ts";
import { ROOT, makeFixture, type Fixture } from "../helpers/fixtures.ts";
import { csafConfigFor } from "../helpers/settings.ts";
import { fixtureBytes, importInto } from "./helpers.ts";

const config = csafConfigFor({ SITE_URL: "https://advisories.example.jp" });
/** The bundled site's product vocabulary (content/products.yaml): what a re-import is matched against. */
const BUNDLED = readProductsFile(ROOT, join(ROOT, "content")).products!;

/** The facts a Keikoku CSAF document carries as data, in a comparable form. */
function facts(e: Entry) {
  const inTree = new Set(e.kind === "bulletin" && e.vulnerabilities.length ? treeProducts(e) : e.affected);
  return {
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    published: e.published,
    revisions: e.revisions.map((r) => ({ number: r.number, date: r.date, note: r.note })),
    severity: e.severity,
    affected: e.affected.filter((p) => inTree.has(p)).sort(),
    notAffected: [...e.notAffected].sort(),
    kb: [...e.kb].sort(),
    cve: e.cve,
    bulletins: e.bulletins.filter((b) => b !== e.basedOn?.trackingId && !b.startsWith("KEIKOKU-")),
    sources: e.sources.filter((s) => s.url && !s.url.startsWith("https://learn.microsoft.com/")).map((s) => s.url),
    vulnerabilities: e.vulnerabilities.map((v) => ({
      name: v.name, cve: v.cve, can: v.can, ids: v.ids, cwe: v.cwe, impact: v.impact, ratings: v.ratings, status: v.status,
      scores: v.scores, remediations: v.remediations, note: v.note,
    })),
    // Versions of products in the document's product tree (expanded: one line may hold several).
    testedVersions: Object.fromEntries(Object.entries(e.testedVersions ?? {}).filter(([p]) => inTree.has(p as never)).map(([p, list]) => [p, expandVersions(list).map((x) => x.label)])),
    update: e.update,
  };
}

async function reimport(fixture: Fixture, entry: Entry, site: SiteData, id: string) {
  const built = buildDocument(entry, site, config);
  assert.deepEqual(built.problems, []);
  const bytes = Buffer.from(canonicalJson(built.document!.document));
  const outcome = await importInto(fixture, bytes, built.document!.path.split("/").pop()!, { vocabulary: BUNDLED, id });
  assert.equal(outcome.status, "created");
  const result = loadContent({ root: fixture.dir, contentDir: fixture.content });
  assert.deepEqual(result.problems, []);
  return result.site!;
}

const pick = (site: SiteData, id: string, lang: string) => site.entries.find((e) => e.id === id && e.lang === lang)!;

describe("round trip through Keikoku's own CSAF output", () => {
  let bundled: SiteData;
  before(() => {
    bundled = loadSiteOrThrow({ root: ROOT });
  });

  test("MS04-011 (Japanese original): the same facts come back", async () => {
    const fixture = makeFixture();
    try {
      const original = pick(bundled, "ms04-011", "ja");
      const back = pick(await reimport(fixture, original, bundled, "ms04-011"), "ms04-011", "ja");
      assert.deepEqual(facts(back), facts(original));
      // What only text carries: four products the bulletin rates in no vulnerability are in a note of the document.
      assert.deepEqual(original.affected.filter((p) => !back.affected.includes(p)), ["windows-nt-4-tse", "windows-xp-64", "windows-server-2003-64", "netmeeting"]);
      assert.equal(back.basedOn?.trackingId, "KEIKOKU-2004-MS04-011");
    } finally {
      fixture.cleanup();
    }
  });

  test("MS04-011 (English translation): the English text comes back into the English file", async () => {
    const fixture = makeFixture();
    try {
      const original = pick(bundled, "ms04-011", "en");
      const back = pick(await reimport(fixture, original, bundled, "ms04-011"), "ms04-011", "en");
      assert.equal(back.title, original.title);
      assert.equal(back.summary, original.summary);
      assert.deepEqual(back.vulnerabilities.map((v) => [v.name, v.note]), original.vulnerabilities.map((v) => [v.name, v.note]));
      assert.deepEqual(back.revisions.map((r) => r.note), original.revisions.map((r) => r.note));
      const { title: _t, summary: _s, revisions: _r, vulnerabilities: _v, ...rest } = facts(back);
      const { title: _t2, summary: _s2, revisions: _r2, vulnerabilities: _v2, ...restOriginal } = facts(original);
      assert.deepEqual(rest, restOriginal);
    } finally {
      fixture.cleanup();
    }
  });

  for (const file of ["bsi-2022-0001.json", "cisco-sa-20180328-smi2.json", "rhsa-2019_1862.json"]) {
    test(`${file}: vendor → draft → Keikoku's document (valid) → import: the same facts`, async () => {
      const first = makeFixture();
      const second = makeFixture();
      try {
        const outcome = await importInto(first, fixtureBytes(file), file);
        assert.notEqual(outcome.status, "refused");
        const site = loadContent({ root: first.dir, contentDir: first.content }).site!;
        const id = outcome.status === "refused" ? "" : outcome.id;
        for (const lang of ["ja", "en"]) {
          const built = buildDocument(pick(site, id, lang), site, config);
          assert.deepEqual(built.problems, []);
          // As published: canonical JSON (keys sorted, test 6.2.13).
          const findings = await validateDocument(JSON.parse(canonicalJson(built.document!.document)));
          assert.deepEqual(findings.filter((f) => f.severity === "error"), [], `${file} (${lang})`);
          const warned = new Set(findings.map((f) => testSection(f.test)));
          for (const w of warned) assert.ok(w === "6.2.16", `${file} (${lang}): unexpected warning ${w}`);
        }
        const original = pick(site, id, "ja");
        const back = pick(await reimport(second, original, site, id), id, "ja");
        assert.deepEqual(facts(back), facts(original));
      } finally {
        first.cleanup();
        second.cleanup();
      }
    });
  }
});

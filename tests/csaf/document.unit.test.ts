/**
 * CSAF documents of the bundled content: valid under the validator's mandatory and optional tests, and
 * equal to the entries the pages render (product status, CVEs, KB links, dates), in both languages.
 * An invalid document is reported with the test, the JSON path and the content file.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import type { Entry, SiteData } from "../../src/data/entries.ts";
import { cveUrl, kbUrl } from "../../src/data/links.ts";
import { SEVERITIES } from "../../src/data/vocabulary.ts";
import { KEIKOKU_VERSION, type CsafConfig } from "../../src/csaf/config.ts";
import { csafConfigFor } from "../helpers/settings.ts";
import type { Branch, CsafDocument } from "../../src/csaf/csaf-types.ts";
import { generateCsaf, type CsafOutput } from "../../src/csaf/generate.ts";
import { csafFilename, trackingId } from "../../src/routes/csaf-ids.ts";
import { productIds } from "../../src/csaf/product-tree.ts";
import { htmlToText } from "../../src/csaf/text.ts";
import { CsafValidationError, UNAVOIDABLE_WARNINGS, formatCsafProblem, testSection, validateDocument } from "../../src/csaf/validate.ts";
import type { SerializedDocument } from "../../src/csaf/provider.ts";
import { ROOT, makeFixture } from "../helpers/fixtures.ts";

/**
 * The only warnings the bundled content may produce, and why they cannot be avoided:
 * - 6.2.3 Missing Score: Microsoft's 2004 bulletins have severity ratings, not CVSS; no verified score is in the data.
 * - 6.2.16 Missing Product Identification Helper: no verified CPE/PURL for Windows 2000 SP2 and the like.
 * Both concern documents with products (MS04-011 and Sasser) only.
 */
const ALLOWED_WARNINGS = new Set(["6.2.3", "6.2.16"]);

const ENV = { SITE_URL: "https://advisories.example.jp" };
let site: SiteData;
let config: CsafConfig;
let output: CsafOutput;
const docOf = (id: string, lang: string): SerializedDocument => {
  const doc = output.documents.find((d) => d.entry.id === id && d.lang === lang);
  assert.ok(doc, `no document for ${id} (${lang})`);
  return doc;
};

before(async () => {
  site = loadSiteOrThrow({ root: ROOT });
  config = csafConfigFor(ENV);
  // No cache: every document goes through the validator in this run.
  output = await generateCsaf(site, config);
});

describe("validation", () => {
  test("every advisory and hoax has a document in each language, and none has an error", () => {
    assert.deepEqual(output.errors.map(formatCsafProblem), []);
    assert.equal(output.documents.length, site.entries.filter((e) => !e.isFallback).length);
    assert.equal(output.documents.length, 22);
  });

  test("the only warnings are the allow-listed ones, on documents that list products", () => {
    const unexpected = output.warnings.filter((w) => !ALLOWED_WARNINGS.has(testSection(w.test) ?? w.test));
    assert.deepEqual(unexpected.map(formatCsafProblem), []);
    assert.deepEqual(new Set(Object.keys(UNAVOIDABLE_WARNINGS)), ALLOWED_WARNINGS, "the build's list and this test's list agree");
    const warned = new Set(output.warnings.map((w) => w.file));
    assert.deepEqual([...warned].sort(), ["content/en/advisories/ms04-011.md", "content/en/advisories/sasser.md", "content/ja/advisories/ms04-011.md", "content/ja/advisories/sasser.md"]);
  });

  test("the test fixture's documents are valid too (an incident without its bulletin on the site, a hoax without sources)", async () => {
    const fixture = makeFixture({ "en/hoaxes/beta.md": null });
    try {
      const small = loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content });
      const out = await generateCsaf(small, config);
      assert.deepEqual(out.errors.map(formatCsafProblem), []);
      assert.deepEqual(out.warnings.filter((w) => !ALLOWED_WARNINGS.has(testSection(w.test) ?? w.test)).map(formatCsafProblem), []);
      assert.equal(out.documents.length, 3);
    } finally {
      fixture.cleanup();
    }
  });

  test("a hand-broken document fails with the test name, the JSON path and the content file", async () => {
    const broken = structuredClone(docOf("ms04-011", "ja").document) as CsafDocument;
    broken.document.tracking.version = "7";
    delete (broken.document as { category?: string }).category;
    const findings = await validateDocument(broken);
    const errors = findings.filter((f) => f.severity === "error");
    assert.ok(errors.some((e) => e.test === "mandatoryTest_6_1_16" && e.path === "/document/tracking/version"), JSON.stringify(errors));
    assert.ok(errors.some((e) => e.test === "csaf_2_0_strict" && e.path === "/document"), JSON.stringify(errors));
    const error = new CsafValidationError(errors.map((e) => ({ ...e, file: "content/ja/advisories/ms04-011.md", output: ".well-known/csaf/2004/keikoku-2004-ms04-011.json" })));
    assert.match(error.message, /^content\/ja\/advisories\/ms04-011\.md: \.well-known\/csaf\/2004\/keikoku-2004-ms04-011\.json: mandatoryTest_6_1_16 \(6\.1\.16 Latest Document Version\) at \/document\/tracking\/version: /m);
    assert.match(error.message, /✖ \d+ CSAF errors in 1 document; nothing was published\./);
  });

  test("a translation whose lang equals its source_lang fails 6.1.28", async () => {
    const broken = structuredClone(docOf("sulfnbk-exe", "en").document) as CsafDocument;
    broken.document.lang = "ja";
    const findings = await validateDocument(broken);
    assert.ok(findings.some((f) => f.severity === "error" && f.test === "mandatoryTest_6_1_28" && f.path === "/document/lang"), JSON.stringify(findings));
  });
});

describe("profiles and the original/translation pair", () => {
  test("each kind gets its profile; informational documents have no products or vulnerabilities", () => {
    for (const doc of output.documents) {
      const d = doc.document;
      const expected = { bulletin: "csaf_security_advisory", incident: "csaf_security_incident_response", guidance: "csaf_informational_advisory", hoax: "csaf_informational_advisory" }[doc.entry.kind];
      assert.equal(d.document.category, expected, doc.path);
      if (expected === "csaf_informational_advisory") {
        assert.equal(d.product_tree, undefined, doc.path);
        assert.equal(d.vulnerabilities, undefined, doc.path);
      }
    }
  });

  test("tracking ids, file names and languages follow the original/translation scheme", () => {
    const ja = docOf("ms04-011", "ja");
    const en = docOf("ms04-011", "en");
    assert.equal(ja.trackingId, "KEIKOKU-2004-MS04-011");
    assert.equal(en.trackingId, "KEIKOKU-2004-MS04-011-en");
    assert.equal(ja.path, "2004/keikoku-2004-ms04-011.json");
    assert.equal(en.path, "2004/keikoku-2004-ms04-011-en.json");
    assert.equal(ja.document.document.lang, "ja");
    assert.equal(ja.document.document.source_lang, undefined);
    assert.equal(en.document.document.lang, "en");
    assert.equal(en.document.document.source_lang, "ja");
    assert.deepEqual(en.document.document.references[0], { category: "external", summary: "Original document (Japanese): KEIKOKU-2004-MS04-011", url: ja.url });
  });

  test("every document names itself with an https self reference ending in its file name (6.2.11)", () => {
    for (const doc of output.documents) {
      const name = csafFilename(doc.document.document.tracking.id);
      assert.equal(doc.path.split("/")[1], name);
      const self = doc.document.document.references.filter((r) => r.category === "self");
      assert.ok(self.some((r) => r.url === `https://advisories.example.jp/.well-known/csaf/${doc.path}`), doc.path);
      assert.ok(self.some((r) => r.url === `https://advisories.example.jp${doc.entry.url}`), doc.path);
    }
  });

  test("file names follow CSAF §5.1", () => {
    assert.equal(csafFilename("EXNL-2004-MS04-011"), "exnl-2004-ms04-011.json");
    assert.equal(csafFilename("MS04-011 (JA)"), "ms04-011_ja_.json");
    assert.equal(csafFilename("A+B__c"), "a+b_c.json");
    assert.equal(trackingId("KEIKOKU", { id: "sulfnbk-exe", published: "2004-05-08" }, "en"), "KEIKOKU-2004-SULFNBK-EXE-en");
  });

  test("the bytes are canonical: sorted keys, 2-space indentation, final newline", () => {
    for (const doc of output.documents) {
      assert.ok(doc.json.endsWith("}\n"));
      assert.match(doc.json, /^\{\n  "document": \{\n    "aggregate_severity"|^\{\n  "document": \{\n    "category"/);
    }
  });
});

/** Every product id below a branch. */
function leafIds(branches: Branch[] = []): string[] {
  return branches.flatMap((b) => (b.product ? [b.product.product_id] : leafIds(b.branches)));
}

describe("round trip: the documents say what the pages say", () => {
  const each = (fn: (entry: Entry, doc: SerializedDocument) => void) => () => {
    for (const doc of output.documents) fn(doc.entry, doc);
  };

  test("titles, summaries, dates, versions and revision history", each((entry, doc) => {
    const d = doc.document.document;
    assert.equal(d.title, entry.title);
    assert.equal(d.notes.find((n) => n.category === "summary")?.text, entry.summary);
    assert.equal(d.tracking.initial_release_date, `${entry.published}T00:00:00.000Z`);
    assert.equal(d.tracking.current_release_date, `${entry.updated}T00:00:00.000Z`);
    assert.equal(d.tracking.version, String(entry.revision));
    assert.equal(d.tracking.status, "final");
    assert.deepEqual(d.tracking.revision_history, entry.revisions.map((r) => ({ date: `${r.date}T00:00:00.000Z`, number: String(r.number), summary: r.note })));
    assert.deepEqual(d.tracking.generator, { date: `${entry.updated}T00:00:00.000Z`, engine: { name: "Keikoku", version: KEIKOKU_VERSION } });
    assert.equal(d.distribution.tlp.label, "WHITE");
    assert.deepEqual(d.publisher, { category: "other", name: "Keikoku", namespace: "https://advisories.example.jp" });
    if (entry.severity) assert.equal(d.aggregate_severity?.text, SEVERITIES[entry.severity][entry.lang]);
  }));

  test("every KB number links to its KB article, every bulletin and CVE is present", each((entry, doc) => {
    const urls = new Set([...doc.document.document.references, ...(doc.document.vulnerabilities ?? []).flatMap((v) => v.references ?? [])].map((r) => r.url));
    for (const n of entry.kb) assert.ok(urls.has(kbUrl(n)), `${doc.path}: KB ${n}`);
    for (const cve of entry.cve) assert.ok(urls.has(cveUrl(cve)), `${doc.path}: ${cve}`);
    for (const s of entry.sources) if (s.url) assert.ok(urls.has(s.url), `${doc.path}: ${s.url}`);
  }));

  test("MS04-011: 14 vulnerabilities with CVE, CAN, status per product from the ratings, fixes and impacts", () => {
    for (const lang of ["ja", "en"] as const) {
      const doc = docOf("ms04-011", lang);
      const entry = doc.entry;
      const vulns = doc.document.vulnerabilities ?? [];
      assert.equal(vulns.length, 14);
      assert.deepEqual(vulns.map((v) => v.cve), entry.cve);
      const tree = leafIds(doc.document.product_tree?.branches);
      for (const v of entry.vulnerabilities) {
        const c = vulns.find((x) => x.cve === v.cve)!;
        assert.equal(c.title, v.name);
        assert.deepEqual(c.ids, v.can ? [{ system_name: c.ids![0]!.system_name, text: v.can }] : undefined);
        const fix = c.remediations?.find((r) => r.category === "vendor_fix");
        const noFix = c.remediations?.find((r) => r.category === "no_fix_planned");
        for (const [product, rating] of Object.entries(v.ratings) as [Parameters<typeof productIds>[0], keyof typeof SEVERITIES][]) {
          const ids = productIds(product, entry.testedVersions);
          for (const id of ids) {
            assert.ok(tree.includes(id), `${id} is in the product tree`);
            // "none" is not affected; every other rating, "not-critical" included, is affected.
            const status = rating === "none" ? c.product_status?.known_not_affected : c.product_status?.known_affected;
            assert.ok(status?.includes(id), `${v.id}: ${id} (${rating})`);
            const threat = c.threats?.find((t) => t.product_ids.includes(id));
            assert.ok(threat?.details.startsWith(SEVERITIES[rating][lang]), `${v.id}: ${id} threat "${threat?.details}"`);
            if (rating !== "none") {
              const offered = !entry.update?.notOfferedFor.includes(product);
              assert.ok((offered ? fix : noFix)?.product_ids.includes(id), `${v.id}: ${id} remediation`);
            }
          }
        }
        assert.equal(fix?.url, kbUrl(835732));
      }
    }
  });

  test("MS04-011: the product tree goes down to service packs, and unrated products are named in a note, not in the tree", () => {
    const doc = docOf("ms04-011", "en");
    const tree = leafIds(doc.document.product_tree?.branches);
    for (const id of ["windows-2000-service-pack-2", "windows-2000-service-pack-3", "windows-2000-service-pack-4", "windows-xp", "windows-xp-service-pack-1", "windows-nt-server-4-0-service-pack-6a"]) {
      assert.ok(tree.includes(id), id);
    }
    const microsoft = doc.document.product_tree?.branches[0];
    assert.equal(microsoft?.category, "vendor");
    assert.equal(microsoft?.name, "Microsoft");
    const unrated = doc.document.document.notes.find((n) => n.title === "Products without per-vulnerability ratings");
    assert.match(unrated?.text ?? "", /Microsoft NetMeeting/);
    assert.ok(!tree.some((id) => id.includes("netmeeting") || id.includes("64-bit") || id.includes("terminal")), tree.join(", "));
  });

  test("Sasser: CVE-2003-0533 known affected on Windows 2000 and XP, fixed by KB 835732", () => {
    for (const lang of ["ja", "en"] as const) {
      const doc = docOf("sasser", lang);
      const [v, ...rest] = doc.document.vulnerabilities ?? [];
      assert.equal(rest.length, 0);
      assert.equal(v?.cve, "CVE-2003-0533");
      assert.deepEqual(v?.product_status, { known_affected: doc.entry.affected });
      assert.equal(v?.remediations?.[0]?.url, kbUrl(835732));
      const products = doc.document.document.notes.find((n) => n.category === "general" && n.text.includes("Windows 95"));
      assert.ok(products, "the not-affected products are named in a note");
    }
  });

  test("hoaxes: claim, truth, what to do and if acted are notes in the document's language", () => {
    for (const doc of output.documents.filter((d) => d.entry.kind === "hoax")) {
      const h = doc.entry.hoax!;
      const texts = doc.document.document.notes.map((n) => n.text);
      for (const html of [h.claimHtml, h.truthHtml, h.actionHtml, h.ifActedHtml]) assert.ok(texts.includes(htmlToText(html)), doc.path);
      assert.ok(texts.every((t) => !/<[a-z]/i.test(t)), `${doc.path}: no HTML in notes`);
      assert.ok(doc.document.document.references.some((r) => r.category === "external"), doc.path);
    }
  });
});

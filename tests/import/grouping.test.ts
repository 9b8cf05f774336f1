/**
 * Several product families of two vendors and 400 versions still make a short, readable draft and page: one
 * frontmatter line per release train, a status per product (all, or the versions it names), and a page that
 * counts versions instead of listing them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import { readCsafConfig } from "../../src/csaf/config.ts";
import { buildDocument } from "../../src/csaf/document.ts";
import { canonicalJson } from "../../src/csaf/canonical-json.ts";
import { validateDocument } from "../../src/csaf/validate.ts";
import { vulnerabilityFacts } from "../../src/i18n/vulnerability-facts.ts";
import { builtInVocabulary } from "../../src/import/vocabulary.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { manyProducts, vendorDoc, versionsOf } from "./fixtures/builders.ts";
import { docBytes, frontmatterOf, importInto, read } from "./helpers.ts";

const FAMILIES = manyProducts(400);
const DOC = vendorDoc({
  families: FAMILIES,
  cves: [{
    cve: "CVE-2024-20001",
    title: "Command injection in the web interface",
    // Router OS and Edge Gateway: every version; Switch Firmware: its 1.x trains; Wireless Controller: none.
    affected: (name) => name.startsWith("Router OS") || name.startsWith("Edge Gateway") || /^Switch Firmware 1\./.test(name),
  }],
});

test("the fixture: 400 versions in four families of two vendors", () => {
  assert.equal(versionsOf(FAMILIES).length, 400);
  assert.deepEqual(FAMILIES.map((f) => [f.vendor, f.family, Object.values(f.trains).flat().length]), [
    ["Example Networks", "Router OS", 100], ["Example Networks", "Switch Firmware", 100], ["Example Networks", "Wireless Controller", 100], ["Sample Devices", "Edge Gateway", 100],
  ]);
});

test("400 products: four proposals, a frontmatter of a few dozen lines, a valid pair and a short page", async () => {
  const f = makeFixture();
  try {
    const proposed = await importInto(f, docBytes(DOC), "many.json", { vocabulary: builtInVocabulary(), id: "many-proposed" });
    if (proposed.status !== "created") assert.fail(proposed.status);
    assert.deepEqual(proposed.draft.products.proposals.map((p) => [p.id, p.csafProductIds.length]), [
      ["example-networks-router-os", 100], ["example-networks-switch-firmware", 100], ["example-networks-wireless-controller", 100], ["sample-devices-edge-gateway", 100],
    ]);

    const outcome = await importInto(f, docBytes(DOC), "many.json");
    if (outcome.status !== "created") assert.fail(outcome.status);
    const text = read(f, `ja/advisories/${outcome.id}.md`);
    const fm = frontmatterOf(text).split("\n");
    assert.ok(fm.length < 100, `${fm.length} frontmatter lines`);
    assert.ok(text.split("\n").length < 150, `${text.split("\n").length} lines in all`);
    const tested = fm.slice(fm.indexOf("testedVersions:"), fm.indexOf("basedOn:"));
    assert.equal(tested.length, 1 + 4 + 40, "a heading, four products, one line per train (ten per family)");
    const v = (outcome.draft.source.vulnerabilities as any[])[0];
    assert.equal(v.status["windows-95"], "known-affected");
    assert.equal(v.status["windows-me"], "fixed");
    assert.deepEqual(Object.keys(v.status["windows-98"]), ["known-affected", "fixed"]);
    assert.equal(v.status["windows-98"]["known-affected"].length, 20);

    const result = loadContent({ root: f.dir, contentDir: f.content });
    assert.deepEqual(result.problems.filter((p) => !p.file.includes("many-proposed")), []);
    const ja = result.site ?? loadContent({ root: f.dir, contentDir: f.content }).site;
    assert.equal(ja, undefined, "the pair with proposed ids waits for the vocabulary; the other is valid");
    f.remove("ja/advisories/many-proposed.md");
    f.remove("en/advisories/many-proposed.md");
    const site = loadContent({ root: f.dir, contentDir: f.content }).site!;
    const entry = site.entries.find((e) => e.id === outcome.id && e.lang === "en")!;
    assert.deepEqual(entry.affected, ["windows-95", "windows-98", "windows-nt-4-tse"]);
    assert.deepEqual(entry.notAffected, ["windows-me"]);
    // On the page: counts, and at most a dozen names for a partial list.
    const facts = vulnerabilityFacts(entry, entry.vulnerabilities[0]!, "en");
    const affected = facts.status.find((s) => s.id === "known-affected")!;
    assert.deepEqual(affected.products.map((p) => p.text.length < 200), [true, true, true]);
    assert.equal(affected.products[0]!.text, "all 100 listed versions");
    assert.match(affected.products[1]!.text, /^Switch Firmware 1\.0 [\d., ]+; Switch Firmware 1\.1 [\d., ]+ and 8 more$/);
    assert.equal(affected.products[2]!.text, "all 100 listed versions");
    // Keikoku's CSAF for it: 400 products, valid.
    const built = buildDocument(entry, site, readCsafConfig({ SITE_URL: "https://advisories.example.jp" }));
    assert.deepEqual(built.problems, []);
    const json = JSON.parse(canonicalJson(built.document!.document));
    assert.equal(json.vulnerabilities[0].product_status.known_affected.length + json.vulnerabilities[0].product_status.fixed.length, 400);
    assert.deepEqual((await validateDocument(json)).filter((x) => x.severity === "error"), []);
  } finally {
    f.cleanup();
  }
});

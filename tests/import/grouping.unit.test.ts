/**
 * Several product families of two vendors and 400 versions still make a short, readable draft and page: one
 * frontmatter line per release train, a status per product (all, or the versions it names), and a page that
 * counts versions instead of listing them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import { buildDocument } from "../../src/csaf/document.ts";
import { canonicalJson } from "../../src/csaf/canonical-json.ts";
import { validateDocument } from "../../src/csaf/validate.ts";
import { vulnerabilityFacts } from "../../src/site/vulnerability-facts.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { csafConfigFor } from "../helpers/settings.ts";
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
    const proposed = await importInto(f, docBytes(DOC), "many.json", { id: "many-proposed" });
    if (proposed.status !== "created") assert.fail(proposed.status);
    const ids = ["example-networks-router-os", "example-networks-switch-firmware", "example-networks-wireless-controller", "sample-devices-edge-gateway"];
    assert.deepEqual(proposed.draft.products.proposals.map((p) => [p.id, p.csafProductIds.length]), ids.map((id) => [id, 100]));
    assert.deepEqual(proposed.proposed, ids, "all four are added to products.yaml");

    // The same document again (under its own id): products.yaml now has the four, so they are matched, not proposed.
    const outcome = await importInto(f, docBytes(DOC), "many.json");
    if (outcome.status !== "created") assert.fail(outcome.status);
    assert.deepEqual(outcome.draft.products.proposals, []);
    assert.deepEqual(outcome.proposed, []);
    assert.deepEqual(outcome.draft.products.products, ids);
    const text = read(f, `ja/advisories/${outcome.id}.md`);
    const fm = frontmatterOf(text).split("\n");
    assert.ok(fm.length < 100, `${fm.length} frontmatter lines`);
    assert.ok(text.split("\n").length < 150, `${text.split("\n").length} lines in all`);
    const tested = fm.slice(fm.indexOf("testedVersions:"), fm.indexOf("basedOn:"));
    assert.equal(tested.length, 1 + 4 + 40, "a heading, four products, one line per train (ten per family)");
    const v = (outcome.draft.source.vulnerabilities as any[])[0];
    assert.equal(v.status["example-networks-router-os"], "known-affected");
    assert.equal(v.status["example-networks-wireless-controller"], "fixed");
    assert.deepEqual(Object.keys(v.status["example-networks-switch-firmware"]), ["known-affected", "fixed"]);
    assert.equal(v.status["example-networks-switch-firmware"]["known-affected"].length, 20);

    // Both pairs pass as written: the one whose products were proposed, and the one that matched them.
    const result = loadContent({ root: f.dir, contentDir: f.content });
    assert.deepEqual(result.problems, []);
    const site = result.site!;
    for (const id of ["many-proposed", outcome.id]) {
      const entry = site.entries.find((e) => e.id === id && e.lang === "en")!;
      assert.deepEqual(entry.affected, ["example-networks-router-os", "example-networks-switch-firmware", "sample-devices-edge-gateway"], id);
      assert.deepEqual(entry.notAffected, ["example-networks-wireless-controller"], id);
    }
    const entry = site.entries.find((e) => e.id === outcome.id && e.lang === "en")!;
    // On the page: counts, and at most a dozen names for a partial list.
    const facts = vulnerabilityFacts(site.products, entry, entry.vulnerabilities[0]!, "en");
    const affected = facts.status.find((s) => s.id === "known-affected")!;
    assert.deepEqual(affected.products.map((p) => p.text.length < 200), [true, true, true]);
    assert.equal(affected.products[0]!.text, "all 100 listed versions");
    assert.match(affected.products[1]!.text, /^Switch Firmware 1\.0 [\d., ]+; Switch Firmware 1\.1 [\d., ]+ and 8 more$/);
    assert.equal(affected.products[2]!.text, "all 100 listed versions");
    // Keikoku's CSAF for it: 400 products, valid.
    const built = buildDocument(entry, site, csafConfigFor({ SITE_URL: "https://advisories.example.jp" }));
    assert.deepEqual(built.problems, []);
    const json = JSON.parse(canonicalJson(built.document!.document));
    assert.equal(json.vulnerabilities[0].product_status.known_affected.length + json.vulnerabilities[0].product_status.fixed.length, 400);
    assert.deepEqual((await validateDocument(json)).filter((x) => x.severity === "error"), []);
  } finally {
    f.cleanup();
  }
});

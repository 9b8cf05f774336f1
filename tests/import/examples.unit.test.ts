/**
 * The three vendor examples (Cisco, Red Hat, BSI; copied verbatim from the OASIS CSAF repository) each import into
 * a Japanese/English pair that passes the data layer's validation, with the facts of the document; the products the
 * site's vocabulary (its products.yaml) lacks are added to it, never dropped, so the drafts pass as written.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { loadContent } from "../../src/data/load-content.ts";
import type { Entry } from "../../src/data/entries.ts";
import { expandVersions } from "../../src/data/versions.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { fixtureBytes, frontmatterOf, importInto, read } from "./helpers.ts";

const EXAMPLES = ["cisco-sa-20180328-smi2.json", "rhsa-2019_1862.json", "bsi-2022-0001.json"];

async function importedSite(files: string[]) {
  const fixture = makeFixture();
  const outcomes = [];
  for (const f of files) outcomes.push(await importInto(fixture, fixtureBytes(f), f));
  const result = loadContent({ root: fixture.dir, contentDir: fixture.content });
  return { fixture, outcomes, result };
}

const entry = (site: { entries: Entry[] }, id: string, lang: string) => site.entries.find((e) => e.id === id && e.lang === lang)!;

describe("the three vendor examples", () => {
  test("each imports into a pair that passes the data layer's validation", async () => {
    const { fixture, outcomes, result } = await importedSite(EXAMPLES);
    try {
      assert.deepEqual(outcomes.map((o) => o.status), ["created", "created", "created"]);
      assert.deepEqual(result.problems, []);
      const ids = new Set(result.site!.entries.map((e) => e.id));
      for (const id of ["cisco-sa-20180328-smi2", "rhsa-2019-1862", "bsi-2022-0001"]) assert.ok(ids.has(id), id);
      // Both languages are real pages (not fallbacks), with the vendor's English in the English file.
      for (const id of ["cisco-sa-20180328-smi2", "rhsa-2019-1862", "bsi-2022-0001"]) {
        assert.equal(entry(result.site!, id, "en").isFallback, false);
        assert.match(entry(result.site!, id, "ja").title, /^TODO: 翻訳してください: /);
      }
    } finally {
      fixture.cleanup();
    }
  });

  test("Cisco: CVE, bug id, CVSS, 259 versions of two products, all affected, the workaround; provenance with the file's SHA-256", async () => {
    const { fixture, result } = await importedSite(["cisco-sa-20180328-smi2.json"]);
    try {
      const ja = entry(result.site!, "cisco-sa-20180328-smi2", "ja");
      const en = entry(result.site!, "cisco-sa-20180328-smi2", "en");
      assert.equal(en.title, "Cisco IOS and IOS XE Software Smart Install Remote Code Execution Vulnerability");
      assert.equal(ja.title, "TODO: 翻訳してください: Cisco IOS and IOS XE Software Smart Install Remote Code Execution Vulnerability");
      assert.match(en.summary, /^A vulnerability in the Smart Install feature of Cisco IOS Software and Cisco IOS XE Software could allow/);
      assert.equal(ja.published, "2018-03-28");
      assert.deepEqual(ja.revisions.map((r) => r.date), ["2018-03-28", "2018-03-29", "2018-04-02", "2018-04-06", "2018-04-09", "2018-04-16", "2018-04-17"]);
      assert.equal(en.revisions[6]!.note, "Updated IOS Software Checker with products found to be vulnerable.");
      assert.deepEqual(ja.bulletins, ["cisco-sa-20180328-smi2"]);
      assert.deepEqual(ja.cve, ["CVE-2018-0171"]);
      assert.deepEqual(ja.affected, ["cisco-ios", "cisco-ios-xe-software"]);
      assert.equal(ja.severity, undefined, "Cisco gives no aggregate severity");
      const v = ja.vulnerabilities[0]!;
      assert.equal(v.cve, "CVE-2018-0171");
      assert.deepEqual(v.ids, [{ system: "Cisco Bug ID", text: "CSCvg76186" }]);
      assert.deepEqual(v.status, { "cisco-ios": "known-affected", "cisco-ios-xe-software": "known-affected" });
      assert.deepEqual(v.scores, [{ vector: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", baseScore: 9.8 }]);
      assert.deepEqual(v.remediations, [{ category: "workaround" }]);
      assert.equal(expandVersions(ja.testedVersions!["cisco-ios"]).length, 180);
      assert.equal(expandVersions(ja.testedVersions!["cisco-ios-xe-software"]).length, 79);
      assert.ok(expandVersions(ja.testedVersions!["cisco-ios"]).some((x) => x.label === "Cisco IOS 12.2SE 12.2(55)SE"));
      const bytes = fixtureBytes("cisco-sa-20180328-smi2.json");
      assert.deepEqual(ja.basedOn, {
        publisher: "Cisco PSIRT", trackingId: "cisco-sa-20180328-smi2", version: "3.0.0", source: "cisco-sa-20180328-smi2.json",
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
      assert.deepEqual(ja.sources.map((s) => s.url), [
        "https://tools.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-20180328-smi2",
        "https://tools.cisco.com/security/center/content/CiscoSecurityBundle/cisco-sa-20180328-bundle",
        "http://tools.cisco.com/security/center/viewErp.x?alertId=ERP-66682",
      ]);
    } finally {
      fixture.cleanup();
    }
  });

  test("Cisco's 259 products make a short frontmatter: one line per release train", async () => {
    const { fixture } = await importedSite(["cisco-sa-20180328-smi2.json"]);
    try {
      const ja = frontmatterOf(read(fixture, "ja/advisories/cisco-sa-20180328-smi2.md"));
      const en = frontmatterOf(read(fixture, "en/advisories/cisco-sa-20180328-smi2.md"));
      const lines = ja.split("\n");
      const tested = lines.slice(lines.indexOf("testedVersions:"), lines.indexOf("basedOn:"));
      assert.equal(tested.length, 1 + 2 + 24 + 18, "a heading, two products, one line per train (24 IOS, 18 IOS XE)");
      assert.ok(lines.length < 110, `${lines.length} lines`);
      assert.ok(en.split("\n").length < 30);
    } finally {
      fixture.cleanup();
    }
  });

  test("BSI: a coordinator's advisory — CWE, CVSS with temporal metrics, affected and fixed versions, the fix's URL and date, severity", async () => {
    const { fixture, result } = await importedSite(["bsi-2022-0001.json"]);
    try {
      const ja = entry(result.site!, "bsi-2022-0001", "ja");
      assert.equal(ja.severity, "moderate", "aggregate severity Moderate is a Keikoku severity's name");
      assert.deepEqual(ja.affected, ["csaf-tools-cvrf-csaf-converter"]);
      const v = ja.vulnerabilities[0]!;
      assert.deepEqual(v.cwe, { id: "CWE-611", name: "Improper Restriction of XML External Entity Reference" });
      assert.deepEqual(v.ids, [{ system: "Github Issue", text: "csaf-tools/CVRF-CSAF-Converter#78" }]);
      assert.deepEqual(v.scores, [{ vector: "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C", baseScore: 6.1 }]);
      const label = (s: string) => `CSAF Tools CVRF-CSAF-Converter ${s}`;
      assert.deepEqual(v.status, {
        "csaf-tools-cvrf-csaf-converter": {
          "known-affected": ["1.0.0-alpha", "1.0.0-dev1", "1.0.0-dev2", "1.0.0-dev3", "1.0.0-rc1"].map(label),
          "first-fixed": [label("1.0.0-rc2")],
          fixed: [label("1.0.0-rc2")],
        },
      });
      assert.deepEqual(v.remediations, [{ category: "vendor-fix", url: "https://github.com/csaf-tools/CVRF-CSAF-Converter/releases/tag/1.0.0-rc2", date: "2022-03-14" }]);
      assert.deepEqual(ja.testedVersions, { "csaf-tools-cvrf-csaf-converter": [{ name: "CSAF Tools CVRF-CSAF-Converter", versions: ["1.0.0-alpha", "1.0.0-dev1", "1.0.0-dev2", "1.0.0-dev3", "1.0.0-rc1", "1.0.0-rc2"] }] });
      // No summary note: a placeholder, not an invention.
      assert.match(ja.summary, /^TODO: /);
      // The vulnerability has no title: its CVE names it, in both languages.
      assert.equal(v.name, "CVE-2022-27193");
      // The acknowledgment and the vendor's description are quoted in the body, to translate.
      const body = read(fixture, "ja/advisories/bsi-2022-0001.md");
      assert.match(body, /> \*\*Vulnerability description\*\* \(ベンダーの原文。/);
      assert.match(body, /Damian Pfammatter \(Cyber-Defense Campus\): Finding and reporting the vulnerability/);
    } finally {
      fixture.cleanup();
    }
  });

  test("Red Hat: a notice without vulnerabilities — its product affected (CSAF's informational profile), severity Low, the references as sources", async () => {
    const { fixture, result } = await importedSite(["rhsa-2019_1862.json"]);
    try {
      const ja = entry(result.site!, "rhsa-2019-1862", "ja");
      assert.deepEqual(ja.bulletins, ["RHSA-2019:1862"]);
      assert.equal(ja.severity, "low");
      assert.deepEqual(ja.affected, ["red-hat-openshift-enterprise"]);
      assert.deepEqual(ja.vulnerabilities, []);
      assert.equal(ja.testedVersions, undefined, "the product is its own only version");
      assert.deepEqual(ja.sources.map((s) => s.url), [
        "https://access.redhat.com/errata/RHSA-2019:1862",
        "https://access.redhat.com/security/updates/classification/#low",
        "https://access.redhat.com/articles/3532971",
        "https://access.redhat.com/security/data/csaf/beta/2019/rhsa-2019_1862.json",
      ]);
      const body = read(fixture, "en/advisories/rhsa-2019-1862.md");
      assert.match(body, /> \*\*Terms of Use\*\* \(the vendor's text: rewrite it for your readers, then remove this quote\)/);
    } finally {
      fixture.cleanup();
    }
  });

  test("with a vocabulary that lacks them, every product is proposed (with every CSAF product id), added to products.yaml under a comment naming the document, and the drafts use the proposed ids and pass as written", async () => {
    const fixture = makeFixture();
    try {
      const before = read(fixture, "products.yaml");
      const expected: Record<string, [string, string, string, number][]> = {
        "cisco-sa-20180328-smi2.json": [["cisco-ios", "IOS", "Cisco", 180], ["cisco-ios-xe-software", "Cisco IOS XE Software", "Cisco", 79]],
        "rhsa-2019_1862.json": [["red-hat-openshift-enterprise", "Red Hat OpenShift Enterprise", "Red Hat", 1]],
        "bsi-2022-0001.json": [["csaf-tools-cvrf-csaf-converter", "CVRF-CSAF-Converter", "CSAF Tools", 6]],
      };
      const affected: Record<string, string[]> = {};
      for (const [file, proposals] of Object.entries(expected)) {
        const outcome = await importInto(fixture, fixtureBytes(file), file);
        if (outcome.status !== "created") assert.fail(`${file}: ${outcome.status}`);
        const got = outcome.draft.products.proposals;
        assert.deepEqual(got.map((p) => [p.id, p.en, p.vendor, p.csafProductIds.length]), proposals, file);
        assert.deepEqual(outcome.proposed, proposals.map((p) => p[0]), `${file}: every proposal is added to products.yaml`);
        for (const p of got) assert.equal(p.ja, p.en, "the vendor's product name, until the author changes it");
        // Every CSAF product id of the document is in some proposal: none is dropped.
        const doc = JSON.parse(fixtureBytes(file).toString("utf8"));
        const defined: string[] = [];
        const walk = (branches: any[] = []) => branches.forEach((b) => (b.product && defined.push(b.product.product_id), walk(b.branches)));
        walk(doc.product_tree.branches);
        assert.deepEqual(got.flatMap((p) => p.csafProductIds).sort(), defined.sort(), file);
        assert.ok(read(fixture, `ja/advisories/${outcome.id}.md`).includes(`affected: [${proposals.map((p) => p[0]).join(", ")}]`));
        // products.yaml: each proposal under a comment naming the document, with the vendor's name in both languages.
        const yaml = read(fixture, "products.yaml");
        const trackingId = doc.document.tracking.id;
        for (const [id, name, vendor, count] of proposals) {
          const block = [
            `# Proposed by npm run import from ${trackingId} (${count} CSAF ${count === 1 ? "product" : "products"}, e.g. "`,
            `# review the names (ja is the vendor's until you change it).\n${id}:\n  ja: ${name}\n  en: ${name}\n  vendor: ${vendor}\n`,
          ];
          const at = yaml.indexOf(block[0]!);
          assert.ok(at >= 0, `${file}: the comment for ${id}`);
          assert.ok(yaml.slice(yaml.indexOf("\n", at) + 1).startsWith(block[1]!), `${file}: ${id} right under its comment`);
        }
        affected[outcome.id] = proposals.map((p) => p[0]);
      }
      // The bundled products are kept as they were, byte for byte; the proposals follow them.
      assert.ok(read(fixture, "products.yaml").startsWith(before));
      // With the products in the site's vocabulary, the drafts have no problems, and name the proposed ids.
      const result = loadContent({ root: fixture.dir, contentDir: fixture.content });
      assert.deepEqual(result.problems, []);
      for (const [id, products] of Object.entries(affected)) {
        assert.deepEqual(entry(result.site!, id, "ja").affected, products, id);
        for (const p of products) assert.ok(p in result.site!.products, p);
      }
    } finally {
      fixture.cleanup();
    }
  });
});

/**
 * Imported drafts build: their CVEs, products and versions, scores, fix links, dates and provenance appear on the
 * built pages in both languages, the pages are valid HTML, and Keikoku publishes a valid CSAF document for each.
 * One build for every test here (the three vendor examples and an interim document).
 */
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { HtmlValidate } from "html-validate";
import { makeFixture, type Fixture } from "../helpers/fixtures.ts";
import type { BuiltSite } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-site.ts";
import { vendorDoc } from "./fixtures/builders.ts";
import { docBytes, fixtureBytes, importInto } from "./helpers.ts";

let fixture: Fixture;
let site: BuiltSite;

before(async () => {
  fixture = makeFixture();
  for (const f of ["cisco-sa-20180328-smi2.json", "rhsa-2019_1862.json", "bsi-2022-0001.json"]) {
    assert.equal((await importInto(fixture, fixtureBytes(f), f)).status, "created");
  }
  assert.equal((await importInto(fixture, docBytes(vendorDoc({ status: "interim" })), "https://psirt.example.com/csaf/exn-2024-001.json")).status, "created");
  site = await sharedSite({ contentDir: fixture.content, env: { SITE_URL: "https://advisories.example.jp" } });
});
after(() => fixture.cleanup());

const PAGES = ["cisco-sa-20180328-smi2", "rhsa-2019-1862", "bsi-2022-0001", "exn-2024-001"].flatMap((id) => ["ja", "en"].map((lang) => `/${lang}/advisories/${id}/`));

describe("imported drafts on the built site", () => {
  test("every page is built and passes html-validate", async () => {
    // long-title off: a vendor's title is often longer than 70 characters (Cisco's is 80), and it is the vendor's.
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
    for (const url of PAGES) {
      const report = await validator.validateString(site.file(url), url);
      assert.ok(report.valid, `${url}: ${report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).join("\n")}`);
    }
  });

  test("Cisco: the CVE links to the site's CVE page, the bug id, the CVSS score, the status and the version count — in both languages", () => {
    for (const [lang, score, status, all] of [
      ["en", "CVSS 3.0 base score 9.8 (Critical)", "Affected", "all 180 listed versions"],
      ["ja", "CVSS 3.0基本値9.8（緊急）", "影響あり", "掲載されている全180バージョン"],
    ] as const) {
      const $ = site.page(`/${lang}/advisories/cisco-sa-20180328-smi2/`);
      const block = $("#vuln-cve-2018-0171");
      assert.equal(block.find(`a[href="/${lang}/cve/cve-2018-0171/"]`).text(), "CVE-2018-0171");
      assert.match(block.text(), /Cisco Bug ID\s*CSCvg76186/);
      assert.ok(block.text().includes(score), block.text());
      assert.ok(block.find(".status-known-affected").text().startsWith(`${status}${lang === "ja" ? "：" : ":"}`));
      assert.ok(block.find(".status-known-affected").text().includes(all));
      assert.ok(block.find(".remediations").text().length > 0);
      // The vendor's versions under each affected product, grouped: never hundreds of lines.
      const versions = $("ul.products-affected small").first().text();
      assert.match(versions, /^Cisco IOS 12\.2SE 12\.2\(55\)SE/);
      assert.ok(versions.length < 400);
      // Another vendor's bulletin id is text, not a link to Microsoft's archive.
      assert.equal($(".entry-facts a").filter((_, a) => $(a).text() === "cisco-sa-20180328-smi2").length, 0);
      assert.ok($(".entry-facts").text().includes("cisco-sa-20180328-smi2"));
      assert.ok(Buffer.byteLength(site.file(`/${lang}/advisories/cisco-sa-20180328-smi2/`)) < 60_000);
    }
  });

  test("BSI: the CWE and the fix link, the first revision's date, the severity — in both languages", () => {
    for (const [lang, date, fixed] of [["en", "17 March 2022", "Fixed"], ["ja", "2022年3月17日", "修正済み"]] as const) {
      const $ = site.page(`/${lang}/advisories/bsi-2022-0001/`);
      assert.equal($('a[href="https://cwe.mitre.org/data/definitions/611.html"]').text(), "CWE-611");
      assert.equal($('a[href="https://github.com/csaf-tools/CVRF-CSAF-Converter/releases/tag/1.0.0-rc2"]').length, 1);
      assert.ok($("time[datetime=2022-03-17]").first().text().includes(date));
      assert.ok($(".status-fixed").text().startsWith(`${fixed}${lang === "ja" ? "：" : ":"}`));
      assert.ok($(".status-fixed").text().includes("CSAF Tools CVRF-CSAF-Converter 1.0.0-rc2"));
      assert.equal($(".badge.severity-moderate").length, 1);
    }
  });

  test("provenance: 'based on' with the publisher, id, version and SHA-256; a URL source is a link; interim is said", () => {
    const en = site.page("/en/advisories/rhsa-2019-1862/");
    assert.match(en(".based-on dd").text(), /^Red Hat Product Security's RHSA-2019:1862, version 1/);
    assert.equal(en(".based-on code.hash").text(), createHash("sha256").update(fixtureBytes("rhsa-2019_1862.json")).digest("hex"));
    assert.equal(en(".based-on dd code").first().text(), "rhsa-2019_1862.json");
    const ja = site.page("/ja/advisories/rhsa-2019-1862/");
    assert.match(ja(".based-on dd").text(), /^Red Hat Product SecurityのRHSA-2019:1862（バージョン1）にもとづく/);
    assert.match(ja(".based-on dt").text(), /^もとにした文書$/);
    const interim = site.page("/en/advisories/exn-2024-001/");
    assert.match(interim(".based-on dd").text(), /version 1 \(interim: the vendor may still change it\)/);
    assert.equal(interim('.based-on a[href="https://psirt.example.com/csaf/exn-2024-001.json"]').length, 1);
  });

  test("Keikoku publishes a CSAF document for each imported entry, in both languages", () => {
    for (const id of ["cisco-sa-20180328-smi2", "rhsa-2019-1862", "bsi-2022-0001", "exn-2024-001"]) {
      for (const lang of ["ja", "en"]) {
        const $ = site.page(`/${lang}/advisories/${id}/`);
        const href = $('a[type="application/json"]').attr("href")!;
        const doc = JSON.parse(site.file(href));
        assert.equal(doc.document.lang, lang);
      }
    }
    const rh = JSON.parse(site.file(site.page("/ja/advisories/rhsa-2019-1862/")('a[type="application/json"]').attr("href")!));
    assert.equal(rh.document.category, "csaf_informational_advisory", "a notice without vulnerabilities stays informational");
  });
});

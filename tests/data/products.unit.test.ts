/**
 * The site's product vocabulary (products.yaml): validated like content and located; the ids content may
 * name; its order is the display order; a change to it is seen through the content cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import { formatProblem } from "../../src/data/problems.ts";
import { MINIMAL, ROOT, withFixture } from "../helpers/fixtures.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;
const report = (contentDir: string, cache = false) => loadContent({ root: ROOT, contentDir, cache, html: false }).problems.map(formatProblem);

test("products.yaml is validated like content: every problem at its line and column, with a hint", () => {
  withFixture((fixture) => {
    const problems = report(fixture.content);
    for (const line of [
      "content/products.yaml:1:1 Windows-XP: invalid id \"Windows-XP\" — ids are lower-case ASCII letters, digits and single hyphens, e.g. ms04-011",
      "content/products.yaml:3:3 windows-2000.vendor: required field \"vendor\" is missing — add \"vendor:\" (see the comment at the top of products.yaml)",
      "content/products.yaml:4:3 windows-2000.name: unknown field \"name\" — remove it; allowed here: ja, en, short, vendor",
    ]) assert.ok(problems.includes(line), `missing:\n  ${line}\nreport:\n${problems.join("\n")}`);
    // While the vocabulary has problems of its own, advisories are not blamed for naming its products.
    assert.ok(!problems.some((p) => p.includes("alpha.md")), problems.join("\n"));
  }, {
    "products.yaml": "Windows-XP: { ja: XP, en: XP, vendor: Microsoft }\nwindows-2000:\n  ja: Windows 2000\n  name: Windows 2000\n  en: Windows 2000\n",
  });
});

test("content names only the site's products; the hint lists them", () => {
  withFixture((fixture) => {
    const problems = report(fixture.content);
    assert.ok(problems.includes("content/ja/advisories/alpha.md:14:12 affected[0]: unknown product \"windows-2000\" — use one of: sample-server, sample-client"), problems.join("\n"));
  }, {
    "products.yaml": "sample-server: { ja: サーバー, en: Server, vendor: Example }\nsample-client: { ja: クライアント, en: Client, vendor: Example }\n",
    "ja/advisories/alpha.md": alpha.replace("notAffected: [windows-95]\n", ""),
  });
});

test("the vocabulary's order is the display order: a ratings table's columns follow it", () => {
  withFixture((fixture) => {
    const rated = (order: string) => {
      fixture.write("products.yaml", order);
      const site = loadContent({ root: ROOT, contentDir: fixture.content }).site!;
      return site.entries.find((e) => e.id === "alpha" && e.lang === "ja")!.ratedProducts;
    };
    const xp = "windows-xp: { ja: XP, en: XP, vendor: Microsoft }\n";
    const w2k = "windows-2000: { ja: Windows 2000, en: Windows 2000, vendor: Microsoft }\n";
    const w95 = "windows-95: { ja: Windows 95, en: Windows 95, vendor: Microsoft }\n";
    assert.deepEqual(rated(w2k + xp + w95), ["windows-2000", "windows-xp"]);
    assert.deepEqual(rated(xp + w95 + w2k), ["windows-xp", "windows-2000"]);
  }, {
    "ja/advisories/alpha.md": alpha.replace("cve: [CVE-2003-0533]", "cve: [CVE-2003-0533]\nvulnerabilities:\n  - { id: lsass, name: LSASS, cve: CVE-2003-0533, impact: remote-code-execution, ratings: { windows-xp: critical, windows-2000: critical } }"),
  });
});

test("a product removed from the vocabulary is reported at the unchanged file that names it, cache or not", () => {
  withFixture((fixture) => {
    assert.deepEqual(report(fixture.content, true), [], "valid, and now cached");
    fixture.write("products.yaml", MINIMAL["products.yaml"]!.replace(/^windows-xp:\n(  .*\n)+/m, ""));
    const expected = "content/ja/advisories/alpha.md:14:26 affected[1]: unknown product \"windows-xp\" — did you mean \"windows-95\"?";
    assert.ok(report(fixture.content, true).includes(expected), report(fixture.content, true).join("\n"));
    assert.ok(report(fixture.content, false).includes(expected));
  });
});

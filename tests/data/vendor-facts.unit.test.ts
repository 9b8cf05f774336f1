/**
 * The schema's vendor-advisory fields (CSAF facts of a bulletin): what they accept, and every mistake reported at
 * its file, line and field with a hint — versions that testedVersions does not list, a rating and a status for the
 * same product, contradicting statuses, a score that is not its vector's, a provenance id missing from bulletins.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import { baseScoreOf } from "../../src/data/cvss.ts";
import { expandVersions } from "../../src/data/versions.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { messageOf, hintOf } from "../helpers/problem-text.ts";

const SHA = "a".repeat(64);

/** A bulletin with vendor facts; `vulnerability` and `extra` replace parts of it. */
function bulletin(vulnerability: string[], extra: string[] = []): string {
  return [
    "---",
    "kind: bulletin",
    "title: ベンダーの脆弱性",
    "summary: ベンダーの製品に脆弱性があります。",
    "published: 2024-03-01",
    "revisions: [{ number: 1, date: 2024-03-01, note: 公開 }]",
    "affected: [windows-2000]",
    "cve: [CVE-2024-10001]",
    "bulletins: [EXN-2024-001, \"RHSA-2019:1862\"]",
    "testedVersions:",
    "  windows-2000:",
    "    - { name: Router OS 5, versions: [5.0.1, 5.0.2] }",
    "    - { name: Router OS 6, servicePacks: [SP1, SP2] }",
    "vulnerabilities:",
    "  - id: cve-2024-10001",
    "    name: 管理画面の脆弱性",
    "    cve: CVE-2024-10001",
    ...vulnerability.map((l) => `    ${l}`),
    "basedOn: { publisher: Example, trackingId: EXN-2024-001, version: \"1\", source: exn.json, sha256: " + SHA + " }",
    ...extra,
    "---",
    "本文。",
    "",
  ].join("\n");
}

function problemsOf(text: string) {
  const f = makeFixture({ "ja/advisories/vendor.md": text });
  try {
    return loadContent({ root: f.dir, contentDir: f.content }).problems.map((p) => ({ line: p.line, field: p.field, message: messageOf(p), hint: hintOf(p) }));
  } finally {
    f.cleanup();
  }
}

test("a bulletin with every vendor fact is valid; versions expand to their full names", () => {
  const ok = bulletin([
    "ids: [{ system: Example Bug, text: EXB-1 }]",
    "cwe: { id: CWE-611, name: Improper Restriction of XML External Entity Reference }",
    "status:",
    "  windows-2000:",
    "    known-affected: [Router OS 5 5.0.1, Router OS 6 SP1]",
    "    fixed: [Router OS 5 5.0.2, Router OS 6 SP2]",
    "scores: [{ vector: \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\", baseScore: 9.8 }, { vector: \"AV:N/AC:L/Au:N/C:C/I:C/A:C\", baseScore: 10, products: { windows-2000: [Router OS 6 SP1] } }]",
    "remediations: [{ category: vendor-fix, url: \"https://example.com/fix\", date: 2024-03-02 }, { category: workaround }]",
  ]);
  assert.deepEqual(problemsOf(ok), []);
  assert.deepEqual(expandVersions([{ name: "Router OS 5", versions: ["5.0.1", "5.0.2"] }, { name: "XP", servicePack: "SP1" }]).map((v) => v.label), ["Router OS 5 5.0.1", "Router OS 5 5.0.2", "XP SP1"]);
});

test("CVSS base scores are computed from the vector (v3.0, v3.1 with FIRST's calculator, v2 with its formula)", () => {
  assert.equal(baseScoreOf("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 9.8);
  assert.equal(baseScoreOf("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C"), 6.1);
  assert.equal(baseScoreOf("AV:N/AC:M/Au:N/C:P/I:N/A:N"), 4.3);
  assert.equal(baseScoreOf("AV:N/AC:L/Au:N/C:C/I:C/A:C"), 10);
  assert.equal(baseScoreOf("CVSS:3.1/AV:Q"), undefined);
});

test("each mistake is located, with the field and a hint", () => {
  const cases: [string[], string[], { field: string; message: RegExp }][] = [
    [["status: { windows-2000: { fixed: [Router OS 7 7.0] } }"], [], { field: "vulnerabilities[0].status.windows-2000.fixed", message: /^not a version of windows-2000 in "testedVersions": "Router OS 7 7\.0"$/ }],
    [["ratings: { windows-2000: critical }", "status: { windows-2000: fixed }"], [], { field: "vulnerabilities[0].status.windows-2000", message: /^windows-2000 has both a rating and a status$/ }],
    [["status: { windows-xp: known-affected }"], [], { field: "vulnerabilities[0].status.windows-xp", message: /^windows-xp is given an affected status but is not listed in "affected"$/ }],
    [["status: { windows-2000: { known-affected: [Router OS 5 5.0.1], fixed: [Router OS 5 5.0.1] } }"], [], { field: "vulnerabilities[0].status.windows-2000", message: /^"Router OS 5 5\.0\.1" is affected and fixed at once$/ }],
    [["scores: [{ vector: \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\", baseScore: 9.1 }]"], [], { field: "vulnerabilities[0].scores[0].baseScore", message: /^9\.1 is not the base score of its vector \(9\.8\)$/ }],
    [["scores: [{ vector: \"CVSS:3.1/AV:N\", baseScore: 9.8 }]"], [], { field: "vulnerabilities[0].scores[0].vector", message: /^the CVSS vector "CVSS:3\.1\/AV:N" cannot be computed$/ }],
    [["scores: [{ vector: \"9.8 critical\", baseScore: 9.8 }]"], [], { field: "vulnerabilities[0].scores[0].vector", message: /^malformed CVSS vector "9\.8 critical"$/ }],
    [["cwe: { id: CWE611, name: XXE }"], [], { field: "vulnerabilities[0].cwe.id", message: /^malformed CWE id "CWE611"$/ }],
    [["status: { windows-2000: broken }"], [], { field: "vulnerabilities[0].status.windows-2000", message: /product status/ }],
    [["remediations: [{ category: patch }]"], [], { field: "vulnerabilities[0].remediations[0].category", message: /^unknown remediation category "patch"$/ }],
  ];
  for (const [vulnerability, extra, expected] of cases) {
    const problems = problemsOf(bulletin(vulnerability, extra));
    const p = problems.find((x) => x.field === expected.field);
    assert.ok(p && expected.message.test(p.message), `${expected.field} ${expected.message}:\n${JSON.stringify(problems, null, 1)}`);
    assert.ok(p.line > 1 && p.hint, JSON.stringify(p));
  }
});

test("provenance and bulletin ids: the tracking id must be listed; other vendors' ids are accepted, a Microsoft typo is not", () => {
  const missing = problemsOf(bulletin([]).replace("bulletins: [EXN-2024-001, \"RHSA-2019:1862\"]", "bulletins: [\"RHSA-2019:1862\"]"));
  assert.ok(missing.some((p) => p.field === "basedOn.trackingId" && p.message === "EXN-2024-001 is not listed in \"bulletins\""), JSON.stringify(missing));
  const typo = problemsOf(bulletin([]).replace("bulletins: [EXN-2024-001, ", "bulletins: [EXN-2024-001, MS4-011, "));
  assert.ok(typo.some((p) => p.field === "bulletins[1]" && p.message === "malformed bulletin id \"MS4-011\""), JSON.stringify(typo));
  const both = problemsOf(bulletin([]).replace("versions: [5.0.1, 5.0.2] }", "versions: [5.0.1], servicePack: SP9 }"));
  assert.ok(both.some((p) => p.message === "give one of servicePack, servicePacks and versions"), JSON.stringify(both));
});

/**
 * Re-importing a newer version of the same vendor document: the facts are updated, the new vendor revision
 * becomes a new revision, the changes are listed, and every byte the author wrote stays as it was — the body,
 * the header comments, title, summary, related, keywords and the English file's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import { fieldSpans, OWNED_SOURCE_FIELDS } from "../../src/import/merge.ts";
import { makeFixture, type Fixture } from "../helpers/fixtures.ts";
import { EXAMPLE_FAMILIES, vendorDoc } from "./fixtures/builders.ts";
import { docBytes, importInto, read } from "./helpers.ts";
import { hintOf, messageOf } from "../helpers/problem-text.ts";

const V1 = vendorDoc();
const V2 = vendorDoc({
  revisions: [["1", "2024-03-01T09:00:00.000Z", "Initial release."], ["2", "2024-03-15T10:30:00.000Z", "Added Switch Firmware 2.4.2 and a second vulnerability."]],
  families: [EXAMPLE_FAMILIES[0]!, { ...EXAMPLE_FAMILIES[1]!, trains: { "2": ["2.4.0", "2.4.1", "2.4.2"] } }],
  cves: [
    { cve: "CVE-2024-10001", title: "Buffer overflow in the management interface" },
    { cve: "CVE-2024-10002", title: "Denial of service in the packet parser", affected: (name) => name.startsWith("Router OS"), score: { vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", base: 7.5 } },
  ],
});

const JA = "ja/advisories/exn-2024-001.md";
const EN = "en/advisories/exn-2024-001.md";

/** The author's work on the draft: translated text, their own prose, a related entry and a keyword. */
function authorEdits(f: Fixture): void {
  const ja = read(f, JA)
    .replace(/^title: .*$/m, "title: Example Networks 製品の管理インターフェイスの脆弱性")
    .replace(/^summary: .*$/m, "summary: Example Networks の Router OS と Switch Firmware に、遠隔からコードを実行される脆弱性があります。修正版に更新してください。")
    .replace(/^related: \[\]$/m, "related: [beta]   # 同じ月のデマ")
    .replace(/^keywords: \[\]$/m, "keywords: [EXN-2024-001, 管理インターフェイス]")
    .replace("name: \"TODO: 翻訳してください: Buffer overflow in the management interface\"", "name: 管理インターフェイスのバッファ オーバーフロー")
    .replace(/\n## 概要 \{#overview\}\n[\s\S]*?\n## /, "\n## 概要 {#overview}\n\n**Router OS と Switch Firmware をお使いの場合は、修正版に更新してください。**\n\n## ");
  f.write(JA, ja);
  const en = read(f, EN)
    .replace(/^summary: .*$/m, "summary: A flaw in the management interface of Example Networks' Router OS and Switch Firmware lets a remote attacker run code. Update now.")
    .replace(/\n## Overview \{#overview\}\n[\s\S]*?\n## /, "\n## Overview {#overview}\n\n**If you run Router OS or Switch Firmware, update to a fixed version.**\n\n## ");
  f.write(EN, en);
}

/** A file without the given fields' lines: what must not change. */
function without(text: string, fields: readonly string[]): string {
  const lines = text.split("\n");
  const end = lines.indexOf("---", 1);
  const spans = fieldSpans(lines.slice(1, end));
  const drop = new Set<number>();
  for (const f of fields) {
    const s = spans.get(f);
    if (s) for (let i = s.start; i < s.end; i++) drop.add(i + 1);
  }
  return lines.filter((_, i) => !drop.has(i)).join("\n");
}

test("re-import of a newer version: facts updated, a revision added, changes listed, the author's bytes kept", async () => {
  const f = makeFixture();
  try {
    const created = await importInto(f, docBytes(V1), "exn-2024-001.json");
    assert.equal(created.status, "created");
    if (created.status === "created") assert.deepEqual(created.proposed, ["example-networks-router-os", "example-networks-switch-firmware"]);
    authorEdits(f);
    assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, []);
    const before = { ja: read(f, JA), en: read(f, EN) };
    const products = read(f, "products.yaml");

    const outcome = await importInto(f, docBytes(V2), "exn-2024-001.json");
    assert.equal(outcome.status, "updated");
    if (outcome.status !== "updated") return;
    // The products are the ones the first import added: matched, not proposed again.
    assert.deepEqual(outcome.proposed, []);
    assert.equal(read(f, "products.yaml"), products);
    assert.equal(outcome.revisionsAdded, 1);
    for (const line of [
      "+ revisions[2]: 2024-03-15 TODO: 翻訳してください: Added Switch Firmware 2.4.2 and a second vulnerability.",
      "+ cve: CVE-2024-10002",
      "+ vulnerabilities[cve-2024-10002]: CVE-2024-10002 TODO: 翻訳してください: Denial of service in the packet parser",
      "+ testedVersions.example-networks-switch-firmware: 1 version (Switch Firmware 2 2.4.2)",
      "~ basedOn.version: 1 → 2",
    ]) assert.ok(outcome.changes.some((c) => c.startsWith(line)), `${line} in:\n${outcome.changes.join("\n")}`);

    const after = { ja: read(f, JA), en: read(f, EN) };
    // Every byte outside the facts the import owns is unchanged: body, comments, title, summary, related, keywords.
    assert.equal(without(after.ja, OWNED_SOURCE_FIELDS), without(before.ja, OWNED_SOURCE_FIELDS));
    // The English file only grows: a revision note and the new vulnerability's name; the rest is byte-identical.
    assert.equal(without(after.en, ["revisions", "vulnerabilities"]), without(before.en, ["revisions", "vulnerabilities"]));
    assert.ok(after.en.includes("  - number: 1\n    note: Initial release.\n  - number: 2\n    note: Added Switch Firmware 2.4.2 and a second vulnerability.\n"));
    // The revisions the author had are kept byte for byte; the new one follows.
    assert.ok(after.ja.includes(before.ja.slice(before.ja.indexOf("revisions:\n"), before.ja.indexOf("\naffected:"))));

    const result = loadContent({ root: f.dir, contentDir: f.content });
    assert.deepEqual(result.problems, []);
    const ja = result.site!.entries.find((e) => e.id === "exn-2024-001" && e.lang === "ja")!;
    const en = result.site!.entries.find((e) => e.id === "exn-2024-001" && e.lang === "en")!;
    assert.deepEqual(ja.revisions.map((r) => [r.number, r.date]), [[1, "2024-03-01"], [2, "2024-03-15"]]);
    assert.equal(ja.title, "Example Networks 製品の管理インターフェイスの脆弱性");
    assert.deepEqual(ja.related, ["beta"]);
    assert.deepEqual(ja.cve, ["CVE-2024-10001", "CVE-2024-10002"]);
    assert.equal(ja.vulnerabilities[0]!.name, "管理インターフェイスのバッファ オーバーフロー", "the author's name is kept");
    assert.match(ja.vulnerabilities[1]!.name, /^TODO: 翻訳してください: Denial of service/);
    assert.match(ja.vulnerabilities[0]!.name, /^管理インターフェイス/, "a name the author wrote is not a placeholder: kept");
    assert.deepEqual(ja.vulnerabilities[1]!.status, { "example-networks-router-os": "known-affected", "example-networks-switch-firmware": "fixed" });
    assert.equal(ja.basedOn!.version, "2");
    // The English text follows revision 1 until its translator says otherwise: the page says so.
    assert.equal(en.translationOf, 1);
    assert.equal(en.isStale, true);

    // The same document again: nothing to do, nothing written.
    const again = await importInto(f, docBytes(V2), "exn-2024-001.json");
    assert.equal(again.status, "unchanged");
    assert.equal(read(f, JA), after.ja);
    // The older version: refused, nothing written.
    const older = await importInto(f, docBytes(V1), "exn-2024-001.json");
    assert.equal(older.status, "refused");
    if (older.status === "refused") assert.match(messageOf(older.problems[0]!), /^version 1 is older than the imported version 2$/);
    assert.equal(read(f, JA), after.ja);
  } finally {
    f.cleanup();
  }
});

test("a name still the import's placeholder follows the vendor's new title; one the author wrote does not", async () => {
  const f = makeFixture();
  try {
    assert.equal((await importInto(f, docBytes(V1), "exn-2024-001.json")).status, "created");
    const renamed = vendorDoc({
      revisions: [["1", "2024-03-01T09:00:00.000Z", "Initial release."], ["2", "2024-03-02T09:00:00.000Z", "Renamed the vulnerability."]],
      cves: [{ cve: "CVE-2024-10001", title: "Stack-based buffer overflow in the management interface" }],
    });
    const outcome = await importInto(f, docBytes(renamed), "exn-2024-001.json");
    assert.equal(outcome.status, "updated");
    assert.match(read(f, JA), /name: "TODO: 翻訳してください: Stack-based buffer overflow in the management interface"/);
    assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, []);
  } finally {
    f.cleanup();
  }
});

test("an id used by an entry that was not imported from this document is refused, and nothing is written", async () => {
  const f = makeFixture();
  try {
    const before = read(f, "ja/advisories/alpha.md");
    const products = read(f, "products.yaml");
    const outcome = await importInto(f, docBytes(V1), "exn-2024-001.json", { id: "alpha" });
    assert.equal(outcome.status, "refused");
    if (outcome.status === "refused") {
      assert.equal(outcome.problems[0]!.file, "content/ja/advisories/alpha.md");
      assert.match(messageOf(outcome.problems[0]!), /^the entry "alpha" exists and was not imported from EXN-2024-001$/);
      assert.match(hintOf(outcome.problems[0]!)!, /--id/);
    }
    assert.equal(read(f, "ja/advisories/alpha.md"), before);
    assert.equal(read(f, "products.yaml"), products, "no product is proposed for a refused import");
    const hoax = await importInto(f, docBytes(V1), "exn-2024-001.json", { id: "beta" });
    assert.equal(hoax.status, "refused");
    assert.equal(read(f, "products.yaml"), products);
  } finally {
    f.cleanup();
  }
});

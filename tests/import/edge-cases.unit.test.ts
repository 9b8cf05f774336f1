/**
 * Documents at the edges: a vulnerability without a CVE, one without a remediation, an interim document,
 * titles in Japanese and in German, products outside a branch tree (CPE groups, relationships, product groups),
 * invisible characters, and notes that try to become Markdown links, HTML or headings.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import type { Entry } from "../../src/data/entries.ts";
import { buildDocument } from "../../src/csaf/document.ts";
import { canonicalJson } from "../../src/csaf/canonical-json.ts";
import { validateDocument } from "../../src/csaf/validate.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { csafConfigFor } from "../helpers/settings.ts";
import { vendorDoc } from "./fixtures/builders.ts";
import { docBytes, importInto, read } from "./helpers.ts";
import { messageOf } from "../helpers/problem-text.ts";

const config = csafConfigFor({ SITE_URL: "https://advisories.example.jp" });

/** Imports one document, checks the pair and Keikoku's CSAF for it, and returns both entries. */
async function imported(doc: unknown, options: { id?: string } = {}) {
  const f = makeFixture();
  try {
    const outcome = await importInto(f, docBytes(doc), "doc.json", options);
    if (outcome.status === "refused") assert.fail(outcome.problems.map((p) => messageOf(p)).join("\n"));
    const result = loadContent({ root: f.dir, contentDir: f.content });
    assert.deepEqual(result.problems, []);
    const pick = (lang: string) => result.site!.entries.find((e) => e.id === outcome.id && e.lang === lang)!;
    for (const lang of ["ja", "en"]) {
      const built = buildDocument(pick(lang), result.site!, config);
      assert.deepEqual(built.problems, []);
      const errors = (await validateDocument(JSON.parse(canonicalJson(built.document!.document)))).filter((x) => x.severity === "error");
      assert.deepEqual(errors, [], `Keikoku's ${lang} document`);
    }
    return { ja: pick("ja"), en: pick("en"), outcome, files: { ja: read(f, `ja/advisories/${outcome.id}.md`), en: read(f, `en/advisories/${outcome.id}.md`) } };
  } finally {
    f.cleanup();
  }
}

test("no CVE: the vendor's id names the vulnerability and is its anchor; no CVE is made up", async () => {
  const { ja } = await imported(vendorDoc({ cves: [{ ids: [{ system_name: "Example Bug", text: "EXB-1234" }], title: "Unauthenticated reboot" }] }));
  assert.deepEqual(ja.cve, []);
  const v = ja.vulnerabilities[0]!;
  assert.equal(v.id, "exb-1234");
  assert.equal(v.cve, undefined);
  assert.deepEqual(v.ids, [{ system: "Example Bug", text: "EXB-1234" }]);
});

test("no remediation: none is written, and none is invented", async () => {
  const { ja } = await imported(vendorDoc({ cves: [{ cve: "CVE-2024-10001", title: "Buffer overflow", fixedUrl: null }] }));
  assert.deepEqual(ja.vulnerabilities[0]!.remediations, []);
  assert.equal(ja.update, undefined);
});

test("no score: none is written", async () => {
  const { ja } = await imported(vendorDoc({ cves: [{ cve: "CVE-2024-10001", title: "Buffer overflow", score: null }] }));
  assert.deepEqual(ja.vulnerabilities[0]!.scores, []);
});

test("an interim document: the draft records the status, and the report says the vendor may change it", async () => {
  const { ja, outcome } = await imported(vendorDoc({ status: "interim" }));
  assert.equal(ja.basedOn!.status, "interim");
  assert.ok(outcome.notes.some((n) => /status is "interim"/.test(n)));
});

test("a Japanese vendor: its Japanese goes into the Japanese file as it is, and the English file gets placeholders", async () => {
  const doc = vendorDoc({
    lang: "ja",
    title: "Router OS の管理画面における認証回避の脆弱性",
    cves: [{ cve: "CVE-2024-10001", title: "管理画面の認証回避" }],
    notes: [{ category: "summary", title: "概要", text: "管理画面に認証を回避される脆弱性があります。\n\n修正版に更新してください。" }, { category: "general", title: "謝辞", text: "報告者に感謝します。" }],
  });
  const { ja, en, files } = await imported(doc);
  assert.equal(ja.title, "Router OS の管理画面における認証回避の脆弱性");
  assert.equal(ja.summary, "管理画面に認証を回避される脆弱性があります。");
  assert.equal(en.title, "TODO: translate: Router OS の管理画面における認証回避の脆弱性");
  assert.equal(ja.vulnerabilities[0]!.name, "管理画面の認証回避");
  assert.equal(en.vulnerabilities[0]!.name, "TODO: translate: 管理画面の認証回避");
  // A note titled in Japanese gets an ASCII heading id, the same in both files.
  assert.match(files.ja, /^### 謝辞 \{#note-1\}$/m);
  assert.match(files.en, /^### 謝辞 \{#note-1\}$/m);
  assert.match(files.ja, /> \*\*概要\*\* \(ベンダーの原文。読者向けに書き直したら、この引用を削除してください\)/);
  assert.match(files.en, /> \*\*概要\*\* \(the vendor's text: translate it into the text above, then remove this quote\)/);
});

test("a German vendor: both files get placeholders that say which language to translate from", async () => {
  const { ja, en } = await imported(vendorDoc({ lang: "de", title: "Schwachstelle in der Verwaltungsoberfläche von Router OS" }));
  assert.equal(ja.title, "TODO: 翻訳してください (原文: de): Schwachstelle in der Verwaltungsoberfläche von Router OS");
  assert.equal(en.title, "TODO: translate from de: Schwachstelle in der Verwaltungsoberfläche von Router OS");
});

test("notes that try to be links, HTML, headings or section ids are quoted as text", async () => {
  const hostile = [
    "[click here](javascript:alert(1)) and [other](advisory:nonexistent) and ![img](http://x/y.png)",
    "<script>alert(1)</script> <a href=\"http://evil\">evil</a> &lt;b&gt;",
    "## Injected {#overview}",
    "# Also {#revisions}",
    "- a list item",
    "1. numbered",
    "| a | b |",
    "{{ 7*7 }} {% raw %}",
    "---",
    "    indented code",
  ].join("\n");
  const doc = vendorDoc({ notes: [{ category: "summary", title: "Summary [x](advisory:y)", text: "Plain summary." }, { category: "general", title: "Details", text: hostile }] });
  const f = makeFixture();
  try {
    const outcome = await importInto(f, docBytes(doc), "doc.json");
    assert.equal(outcome.status, "created");
    const result = loadContent({ root: f.dir, contentDir: f.content });
    assert.deepEqual(result.problems, []);
    const e: Entry = result.site!.entries.find((x) => x.id === "exn-2024-001" && x.lang === "en")!;
    assert.doesNotMatch(e.html, /<script|<a href="javascript|<a href="http:\/\/evil|<img|<h[1-6][^>]*>Injected|<li>|<table/);
    assert.ok(e.html.includes("[click here](javascript:alert(1))"));
    assert.ok(e.html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(e.html.includes("{{ 7*7 }}"));
    assert.deepEqual(e.headings.map((h) => h.id), ["overview", "software", "details", "cve-2024-10001", "what-to-do", "vendor-notes", "note-details"]);
  } finally {
    f.cleanup();
  }
});

test("invisible control characters in the vendor's text are removed, and the report says how many", async () => {
  const doc = vendorDoc({ title: "Router OS\u0007 vulnerability\u202e" });
  const { en, outcome } = await imported(doc);
  assert.equal(en.title, "Router OS vulnerability");
  assert.ok(outcome.notes.includes("2 invisible control characters were removed from the document's text"));
});

test("products outside a branch tree: CPE groups, a relationship, a product group — every product id mapped, none dropped", async () => {
  const doc = vendorDoc();
  delete doc.product_tree.branches;
  doc.product_tree.full_product_names = [
    { name: "Example Agent 1.0", product_id: "P1", product_identification_helper: { cpe: "cpe:2.3:a:example:agent:1.0:*:*:*:*:*:*:*" } },
    { name: "Example Agent 1.1", product_id: "P2", product_identification_helper: { cpe: "cpe:2.3:a:example:agent:1.1:*:*:*:*:*:*:*" } },
    { name: "Example Linux 9", product_id: "P3" },
  ];
  doc.product_tree.relationships = [
    { category: "installed_on", full_product_name: { name: "Example Agent 1.1 on Example Linux 9", product_id: "P4" }, product_reference: "P2", relates_to_product_reference: "P3" },
  ];
  doc.product_tree.product_groups = [{ group_id: "G1", product_ids: ["P1", "P2"] }];
  doc.vulnerabilities[0].product_status = { known_affected: ["P1", "P2", "P4"], known_not_affected: ["P3"] };
  doc.vulnerabilities[0].remediations = [{ category: "vendor_fix", details: "Update the agent.", group_ids: ["G1"], url: "https://psirt.example.com/agent" }];
  doc.vulnerabilities[0].scores[0].products = ["P1", "P2", "P4"];
  const f = makeFixture();
  try {
    const outcome = await importInto(f, docBytes(doc), "doc.json");
    if (outcome.status !== "created") assert.fail(outcome.status);
    const proposals = outcome.draft.products.proposals;
    assert.deepEqual(proposals.map((p) => [p.id, p.en, p.csafProductIds]), [
      ["example-agent", "Example Agent", ["P1", "P2"]],
      ["example-linux-9", "Example Linux 9", ["P3", "P4"]],
    ]);
    // Both are added to the site's products.yaml, so the draft passes the data layer as written.
    assert.deepEqual(outcome.proposed, ["example-agent", "example-linux-9"]);
    assert.match(read(f, "products.yaml"), /^example-agent:\n {2}ja: Example Agent\n {2}en: Example Agent\n {2}vendor: example\n/m);
    assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, []);
    const v = (outcome.draft.source.vulnerabilities as any[])[0];
    assert.deepEqual(v.status, {
      "example-agent": "known-affected",
      "example-linux-9": { "known-affected": ["Example Agent 1.1 on Example Linux 9"], "known-not-affected": ["Example Linux 9"] },
    });
    // The product group's members are the remediation's products, fewer than the affected ones: named.
    assert.deepEqual(v.remediations, [{ category: "vendor-fix", url: "https://psirt.example.com/agent", products: { "example-agent": "all" } }]);
  } finally {
    f.cleanup();
  }
});

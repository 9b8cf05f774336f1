/**
 * A document that is not valid CSAF 2.0 is refused with the validator's findings — the test, the JSON path, the
 * message, and where the value is in the file (line and column) — and nothing is written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../../src/data/problems.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { vendorDoc } from "./fixtures/builders.ts";
import { docBytes, fixtureBytes, importInto, read } from "./helpers.ts";
import { messageOf } from "../helpers/problem-text.ts";

async function refused(bytes: Uint8Array, source = "doc.json") {
  const f = makeFixture();
  try {
    const before = readdirSync(join(f.content, "ja/advisories"));
    const products = read(f, "products.yaml");
    const outcome = await importInto(f, bytes, source);
    assert.deepEqual(readdirSync(join(f.content, "ja/advisories")), before, "nothing was written");
    assert.equal(read(f, "products.yaml"), products, "no product was proposed");
    assert.equal(outcome.status, "refused");
    return outcome.status === "refused" ? outcome.problems : [];
  } finally {
    f.cleanup();
  }
}

test("a version that is not the latest revision: test 6.1.16 at /document/tracking/version, with its line and column", async () => {
  const doc = JSON.parse(fixtureBytes("bsi-2022-0001.json").toString("utf8"));
  doc.document.tracking.version = "2";
  const bytes = docBytes(doc);
  const problems = await refused(bytes, "bsi-2022-0001-broken.json");
  const p = problems.find((x) => x.field === "/document/tracking/version");
  assert.ok(p, JSON.stringify(problems));
  assert.match(messageOf(p), /^mandatoryTest_6_1_16 \(6\.1\.16 Latest Document Version\): /);
  const lines = bytes.toString("utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(`"version": "2"`)) + 1;
  assert.equal(p.line, line);
  assert.equal(p.column, lines[line - 1]!.indexOf(`"2"`) + 1);
  assert.equal(p.file, "bsi-2022-0001-broken.json");
  assert.match(formatProblem(p), /^bsi-2022-0001-broken\.json:\d+:\d+ \/document\/tracking\/version: mandatoryTest_6_1_16 .* — the import takes valid CSAF 2\.0 documents only/);
});

test("a withdrawn document (a CSAF 2.1 status): the 2.0 schema's finding at /document/tracking/status", async () => {
  const doc = vendorDoc({ status: "withdrawn" });
  const problems = await refused(docBytes(doc));
  assert.ok(problems.some((p) => p.field === "/document/tracking/status" && /^csaf_2_0_strict/.test(messageOf(p))), JSON.stringify(problems));
});

test("a product status naming an undefined product: test 6.1.1", async () => {
  const doc = vendorDoc();
  doc.vulnerabilities[0].product_status.known_affected.push("EXPID-9999");
  const problems = await refused(docBytes(doc));
  assert.ok(problems.some((p) => /^mandatoryTest_6_1_1 /.test(messageOf(p)) && p.field.startsWith("/vulnerabilities/0/product_status/known_affected/")), JSON.stringify(problems));
});

test("not JSON (a web page saved by mistake), not UTF-8: refused with the position", async () => {
  const html = await refused(Buffer.from("<!doctype html>\n<title>Advisory</title>\n"), "advisory.html");
  assert.equal(html.length, 1);
  assert.equal(html[0]!.field, "(json)");
  assert.equal(html[0]!.line, 1);
  assert.match(messageOf(html[0]!), /^not JSON: /);
  const broken = await refused(Buffer.from('{\n  "document": {\n    "title": "x",\n  }\n}\n'));
  assert.equal(broken[0]!.field, "(json)");
  assert.equal(broken[0]!.line, 4);
  const latin1 = await refused(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
  assert.match(messageOf(latin1[0]!), /not valid UTF-8/);
});

/**
 * The site's products.yaml as the import leaves it: the products the vocabulary lacked are appended, each under a
 * comment naming the document, the vendor's names for it and the vendor; what the author wrote is never rewritten;
 * a re-import adds nothing twice; and a file with no products yet (only comments, or the "{}" that
 * `npm run new -- site` writes) becomes valid YAML holding the entries.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { siteFiles } from "../../src/authoring/new-site.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { readProductsFile } from "../../src/data/stages/read-products.ts";
import { addProposals } from "../../src/import/vocabulary.ts";
import { ROOT, makeFixture } from "../helpers/fixtures.ts";
import { vendorDoc } from "./fixtures/builders.ts";
import { docBytes, importInto, read, siteVocabulary } from "./helpers.ts";

const BUNDLED = readFileSync(join(ROOT, "content/products.yaml"), "utf8");
const REVIEW = "# review the names (ja is the vendor's until you change it).";

test("the proposals are appended: a comment naming the document and the vendor's names, then the entry with the vendor", async () => {
  const f = makeFixture();
  try {
    const doc = vendorDoc({
      families: [
        { vendor: "Example Networks", family: "Router OS", trains: { "5": ["5.0.1", "5.0.2", "5.0.3"], "6": ["6.1.0"] } },
        { vendor: "Example Networks", family: "Switch Firmware", trains: { "2": ["2.4.0"] } },
      ],
    });
    // A product the document names no vendor for: the publisher stands in.
    doc.product_tree.full_product_names = [{ name: "Example Cloud Console", product_id: "CLOUD-1" }];
    doc.vulnerabilities[0].product_status.known_affected.push("CLOUD-1");
    const outcome = await importInto(f, docBytes(doc), "exn-2024-001.json");
    if (outcome.status !== "created") assert.fail(outcome.status);
    assert.deepEqual(outcome.proposed, ["example-networks-router-os", "example-networks-switch-firmware", "example-cloud-console"]);
    assert.equal(read(f, "products.yaml"), `${BUNDLED.trimEnd()}\n\n${[
      "# Proposed by npm run import from EXN-2024-001 (4 CSAF products, e.g. \"Router OS 5 5.0.1\", \"Router OS 5 5.0.2\", \"Router OS 5 5.0.3\", …):",
      REVIEW,
      "example-networks-router-os:",
      "  ja: Router OS",
      "  en: Router OS",
      "  vendor: Example Networks",
      "",
      "# Proposed by npm run import from EXN-2024-001 (1 CSAF product, e.g. \"Switch Firmware 2 2.4.0\"):",
      REVIEW,
      "example-networks-switch-firmware:",
      "  ja: Switch Firmware",
      "  en: Switch Firmware",
      "  vendor: Example Networks",
      "",
      "# Proposed by npm run import from EXN-2024-001 (1 CSAF product, e.g. \"Example Cloud Console\"):",
      REVIEW,
      "example-cloud-console:",
      "  ja: Example Cloud Console",
      "  en: Example Cloud Console",
      "  vendor: Example Networks PSIRT",
      "",
    ].join("\n")}`);
    // The site's vocabulary now has them, after the bundled products (kept as they were); the draft passes.
    const products = siteVocabulary(f);
    const bundled = readProductsFile(ROOT, join(ROOT, "content")).products!;
    assert.deepEqual(Object.keys(products), [...Object.keys(bundled), ...outcome.proposed]);
    for (const [id, product] of Object.entries(bundled)) assert.deepEqual(products[id], product, id);
    assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, []);
  } finally {
    f.cleanup();
  }
});

test("a vendor's product name with a line break (valid CSAF) stays on one line of the comment: the file stays valid", async () => {
  const f = makeFixture();
  try {
    const doc = vendorDoc();
    doc.product_tree.branches[0].branches[0].branches[0].branches[0].product.name = "Router OS 5\n5.0.1";
    const outcome = await importInto(f, docBytes(doc), "exn-2024-001.json");
    assert.equal(outcome.status, "created");
    assert.ok(read(f, "products.yaml").includes("(3 CSAF products, e.g. \"Router OS 5 5.0.1\", \"Router OS 5 5.0.2\", \"Router OS 6 6.1.0\"):\n"));
    assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, []);
  } finally {
    f.cleanup();
  }
});

test("an entry the author wrote is never rewritten: a product it names is matched; an id it holds is not taken again", async () => {
  const mine = [
    "",
    "# ルーター製品 (the author's own comment)",
    "router-os: { ja: ルーター OS, en: Router OS, vendor: Example Networks }   # 2024年に追加",
    "example-networks-switch-firmware:",
    "  ja: スイッチ ファームウェア",
    "  en: Switch Firmware (old name)",
    "  vendor: Example Networks Inc.",
    "",
  ].join("\n");
  const f = makeFixture({ "products.yaml": `${BUNDLED}${mine}` });
  try {
    const outcome = await importInto(f, docBytes(vendorDoc()), "exn-2024-001.json");
    if (outcome.status !== "created") assert.fail(outcome.status);
    // Router OS is the author's router-os (by its English name and vendor); the other entry is another vendor's
    // product of that id, so the proposal gets an id of its own.
    assert.deepEqual(outcome.proposed, ["example-networks-switch-firmware-2"]);
    const text = read(f, "products.yaml");
    assert.ok(text.startsWith(`${BUNDLED}${mine.trimEnd()}\n\n# Proposed by npm run import from EXN-2024-001 `), "the author's bytes are kept, the proposal follows");
    assert.equal(text.match(/^router-os:/gm)?.length, 1);
    assert.equal(text.match(/^example-networks-switch-firmware:/gm)?.length, 1);
    const products = siteVocabulary(f);
    assert.deepEqual(products["router-os"], { ja: "ルーター OS", en: "Router OS", vendor: "Example Networks" });
    assert.deepEqual(products["example-networks-switch-firmware"], { ja: "スイッチ ファームウェア", en: "Switch Firmware (old name)", vendor: "Example Networks Inc." });
    assert.deepEqual(products["example-networks-switch-firmware-2"], { ja: "Switch Firmware", en: "Switch Firmware", vendor: "Example Networks" });
    const result = loadContent({ root: f.dir, contentDir: f.content });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.site!.entries.find((e) => e.id === "exn-2024-001" && e.lang === "ja")!.affected, ["router-os", "example-networks-switch-firmware-2"]);
    // An id the file already holds is never written again, even when the caller's vocabulary lacks it.
    const proposal = { id: "router-os", en: "Router OS", ja: "Router OS", vendor: "Example Networks", csafProductIds: ["X"], names: ["Router OS 9"] };
    assert.deepEqual(addProposals(text, [proposal], "EXN-2024-002", "Example Networks PSIRT"), { text, added: [] });
  } finally {
    f.cleanup();
  }
});

test("a re-import does not append the same products twice", async () => {
  const f = makeFixture();
  try {
    const v1 = docBytes(vendorDoc());
    assert.equal((await importInto(f, v1, "exn-2024-001.json")).status, "created");
    const once = read(f, "products.yaml");
    assert.equal(once.match(/^# Proposed by npm run import from EXN-2024-001 /gm)?.length, 2);
    const check = async (bytes: Uint8Array, options: Parameters<typeof importInto>[3], status: string) => {
      const outcome = await importInto(f, bytes, "exn-2024-001.json", options);
      assert.equal(outcome.status, status);
      if (outcome.status !== "refused") assert.deepEqual(outcome.proposed, []);
      assert.equal(read(f, "products.yaml"), once);
    };
    // The same document: unchanged. The same document under another id: its products are the site's now.
    await check(v1, {}, "unchanged");
    await check(v1, { id: "exn-2024-001-copy" }, "created");
    // A newer version, with one more version of a product the site has.
    const v2 = vendorDoc({
      revisions: [["1", "2024-03-01T09:00:00.000Z", "Initial release."], ["2", "2024-03-15T10:30:00.000Z", "Added Switch Firmware 2.4.2."]],
      families: [{ vendor: "Example Networks", family: "Router OS", trains: { "5": ["5.0.1", "5.0.2"], "6": ["6.1.0"] } }, { vendor: "Example Networks", family: "Switch Firmware", trains: { "2": ["2.4.0", "2.4.1", "2.4.2"] } }],
    });
    await check(docBytes(v2), {}, "updated");
    // Even a caller whose vocabulary is stale (the bundled one, without them) adds nothing the file has.
    await check(v1, { vocabulary: readProductsFile(ROOT, join(ROOT, "content")).products!, id: "exn-2024-001-stale" }, "created");
    assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, []);
  } finally {
    f.cleanup();
  }
});

test("a products.yaml with no products yet (only comments, \"{}\" as npm run new -- site writes it, or no file) becomes valid YAML with the entries", async () => {
  const scaffold = siteFiles({ folder: "example-csirt" })["products.yaml"]!;
  assert.match(scaffold, /^\{\}$/m, "what npm run new -- site writes ends with an empty mapping");
  const comments = scaffold.replace(/^\{\}\n/m, "");
  const variants: [string, string | null][] = [
    ["npm run new -- site", scaffold],
    ["only comments", comments],
    ["{} with a comment after it", `${comments}{}   # none yet\n`],
    ["an empty file", ""],
    ["no file", null],
  ];
  for (const [label, text] of variants) {
    // No advisory that names the bundled products: the site has none of them.
    const f = makeFixture({ "products.yaml": text, "ja/advisories/alpha.md": null, "en/advisories/alpha.md": null });
    try {
      const outcome = await importInto(f, docBytes(vendorDoc()), "exn-2024-001.json");
      if (outcome.status !== "created") assert.fail(`${label}: ${outcome.status}`);
      assert.deepEqual(outcome.proposed, ["example-networks-router-os", "example-networks-switch-firmware"], label);
      assert.ok(existsSync(join(f.content, "products.yaml")), label);
      const written = read(f, "products.yaml");
      // The author's comments are kept (one after "{}" too); the "{}" is gone.
      const kept = (text ?? "").split("\n").flatMap((l) => /#.*$/.exec(l) ?? []);
      assert.deepEqual(written.split("\n").filter((l) => l.startsWith("#") && !l.startsWith("# Proposed by") && l !== REVIEW), kept, label);
      assert.doesNotMatch(written, /\{\s*\}/, label);
      const products = readProductsFile(f.dir, f.content);
      assert.deepEqual(products.problems, [], label);
      assert.deepEqual(products.products, {
        "example-networks-router-os": { ja: "Router OS", en: "Router OS", vendor: "Example Networks" },
        "example-networks-switch-firmware": { ja: "Switch Firmware", en: "Switch Firmware", vendor: "Example Networks" },
      }, label);
      assert.deepEqual(loadContent({ root: f.dir, contentDir: f.content }).problems, [], label);
    } finally {
      f.cleanup();
    }
  }
});

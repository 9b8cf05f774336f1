/**
 * `npm run import` as a function: main(argv, io) returns the exit code and writes to the io it is given.
 * Usage errors exit 2 with one usage line; a refused document or a draft with problems exits 1 with every
 * problem located; a draft that passes check exits 0. Products the site lacks are added to its products.yaml.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IMPORT, main } from "../../src/cli/import.ts";
import { helpText, usageLine } from "../../src/cli/command.ts";
import { makeFixture } from "../helpers/fixtures.ts";
import { vendorDoc } from "./fixtures/builders.ts";
import { FIXTURES, read } from "./helpers.ts";

const USAGE = `${usageLine(IMPORT)} (--help for details)`;

/** Runs the command in `cwd` with an environment of its own (never the caller's shell). */
async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, cwd });
  return { code, stdout, stderr };
}

test("usage: an unknown flag, no document or two exit 2 with the usage line; --help exits 0", async () => {
  const f = makeFixture();
  try {
    const unknown = await run(["--frobnicate", "x.json"], f.dir);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, "");
    assert.deepEqual(unknown.stderr.trim().split("\n"), ["✖ unknown option \"--frobnicate\"", USAGE]);
    const none = await run([], f.dir);
    assert.equal(none.code, 2);
    assert.deepEqual(none.stderr.trim().split("\n"), ["✖ missing argument", USAGE]);
    const two = await run(["a.json", "b.json"], f.dir);
    assert.equal(two.code, 2);
    assert.deepEqual(two.stderr.trim().split("\n"), ["✖ unexpected argument \"b.json\"", USAGE]);
    const help = await run(["--help"], f.dir);
    assert.equal(help.code, 0);
    assert.equal(help.stdout, helpText(IMPORT));
    assert.match(help.stdout, /^ {2}--dry-run +say what would be written; write nothing$/m);
    const missing = await run(["nowhere.json"], f.dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^✖ cannot read nowhere\.json: no such file/);
  } finally {
    f.cleanup();
  }
});

test("a vendor's products the vocabulary lacks: the draft is written, the products added to products.yaml under a comment, and the draft passes check (exit 0)", async () => {
  const f = makeFixture();
  try {
    const r = await run([join(FIXTURES, "cisco-sa-20180328-smi2.json")], f.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.match(r.stdout, /^✔ Cisco PSIRT cisco-sa-20180328-smi2 version 3\.0\.0 → "cisco-sa-20180328-smi2": created$/m);
    assert.match(r.stdout, /^ {2}wrote content\/ja\/advisories\/cisco-sa-20180328-smi2\.md$/m);
    assert.match(r.stdout, /^ {2}2 products were not in the site's product vocabulary; added to content\/products\.yaml:$/m);
    assert.match(r.stdout, /^ {4}cisco-ios: IOS \(Cisco\) — 180 CSAF products$/m);
    assert.match(r.stdout, /^ {4}cisco-ios-xe-software: Cisco IOS XE Software \(Cisco\) — 79 CSAF products$/m);
    assert.match(r.stdout, /The draft passes check\. Next: replace every "TODO"/);
    const products = read(f, "products.yaml");
    assert.match(products, /^# Proposed by npm run import from cisco-sa-20180328-smi2 \(180 CSAF products, e\.g\. "Cisco IOS 12\.2SE 12\.2\(55\)SE", .*\):\n# review the names .*\ncisco-ios:\n {2}ja: IOS\n {2}en: IOS\n {2}vendor: Cisco$/m);
    assert.match(products, /^cisco-ios-xe-software:\n {2}ja: Cisco IOS XE Software\n {2}en: Cisco IOS XE Software\n {2}vendor: Cisco$/m);
    // Now that the site's vocabulary has them, the same import matches them: nothing more is added.
    f.remove("ja/advisories/cisco-sa-20180328-smi2.md");
    f.remove("en/advisories/cisco-sa-20180328-smi2.md");
    const ok = await run([join(FIXTURES, "cisco-sa-20180328-smi2.json")], f.dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /The draft passes check/);
    assert.doesNotMatch(ok.stdout, /not in the site's product vocabulary/);
    assert.equal(read(f, "products.yaml"), products);
  } finally {
    f.cleanup();
  }
});

test("a products.yaml with a mistake: exit 1 with its problem located; nothing is written", async () => {
  const f = makeFixture({ "products.yaml": "windows-xp: { ja: Windows XP, en: Windows XP }\n" });
  try {
    const r = await run([join(FIXTURES, "rhsa-2019_1862.json")], f.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^content\/products\.yaml:1:\d+ windows-xp/m);
    assert.equal(existsSync(join(f.content, "ja/advisories/rhsa-2019-1862.md")), false);
    assert.equal(read(f, "products.yaml"), "windows-xp: { ja: Windows XP, en: Windows XP }\n");
  } finally {
    f.cleanup();
  }
});

test("an invalid document exits 1 with its findings, each file:line:column, JSON path, test and hint; nothing is written", async () => {
  const f = makeFixture();
  try {
    const doc = vendorDoc();
    doc.document.tracking.version = "7";
    writeFileSync(join(f.dir, "broken.json"), JSON.stringify(doc, null, 2));
    const products = read(f, "products.yaml");
    const r = await run(["broken.json", "--id", "broken"], f.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^broken\.json:\d+:\d+ \/document\/tracking\/version: mandatoryTest_6_1_16 \(6\.1\.16 Latest Document Version\): .* — the import takes valid CSAF 2\.0 documents only/m);
    assert.match(r.stderr, /✖ \d+ problems?; nothing was written\.\n$/);
    assert.equal(existsSync(join(f.content, "ja/advisories/broken.md")), false);
    assert.equal(read(f, "products.yaml"), products);
  } finally {
    f.cleanup();
  }
});

test("--dry-run writes nothing; a re-import prints what changed", async () => {
  const f = makeFixture();
  try {
    const products = read(f, "products.yaml");
    writeFileSync(join(f.dir, "v1.json"), JSON.stringify(vendorDoc()));
    const dry = await run(["v1.json", "--dry-run"], f.dir);
    assert.equal(dry.code, 0);
    assert.match(dry.stdout, /would create/);
    assert.match(dry.stdout, /^ {2}2 products were not in the site's product vocabulary; would add to content\/products\.yaml:$/m);
    assert.equal(existsSync(join(f.content, "ja/advisories/exn-2024-001.md")), false);
    assert.equal(read(f, "products.yaml"), products, "--dry-run adds no product");
    const created = await run(["v1.json"], f.dir);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^ {4}example-networks-router-os: Router OS \(Example Networks\) — 3 CSAF products$/m);
    assert.match(created.stdout, /^ {4}example-networks-switch-firmware: Switch Firmware \(Example Networks\) — 2 CSAF products$/m);
    const after = read(f, "products.yaml");
    writeFileSync(join(f.dir, "v2.json"), JSON.stringify(vendorDoc({ revisions: [["1", "2024-03-01T09:00:00.000Z", "Initial release."], ["2", "2024-03-20T09:00:00.000Z", "Clarified the workaround."]] })));
    const again = await run(["v2.json"], f.dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /updated$/m);
    assert.match(again.stdout, /^ {2}added 1 revision; what changed in the facts:$/m);
    assert.match(again.stdout, /^ {4}\+ revisions\[2\]: 2024-03-20 TODO: 翻訳してください: Clarified the workaround\.$/m);
    assert.match(again.stdout, /^ {4}~ basedOn\.version: 1 → 2$/m);
    assert.match(again.stdout, /The text you wrote .* is unchanged\./);
    assert.doesNotMatch(again.stdout, /not in the site's product vocabulary/);
    assert.equal(read(f, "products.yaml"), after, "the re-import adds the products no second time");
  } finally {
    f.cleanup();
  }
});

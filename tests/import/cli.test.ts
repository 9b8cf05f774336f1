/**
 * `npm run import` as a function: main(argv, io) returns the exit code and writes to the io it is given.
 * Usage errors exit 2 with one usage line; a refused document or a draft with problems exits 1 with every
 * problem located; a draft that passes check exits 0. Proposed products are written next to the content folder.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { main, USAGE } from "../../src/cli/import.ts";
import { ROOT, makeFixture } from "../helpers/fixtures.ts";
import { vendorDoc } from "./fixtures/builders.ts";
import { FIXTURES } from "./helpers.ts";

async function run(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd });
  return { code, stdout, stderr };
}

test("usage: an unknown flag or no document exits 2 with the usage line; --help exits 0", async () => {
  const f = makeFixture();
  try {
    const unknown = await run(["--frobnicate", "x.json"], f.dir);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, "");
    assert.deepEqual(unknown.stderr.trim().split("\n"), ["✖ Unknown option '--frobnicate'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--frobnicate\"", USAGE]);
    const none = await run([], f.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /expected one CSAF document/);
    const help = await run(["--help"], f.dir);
    assert.equal(help.code, 0);
    assert.equal(help.stdout, `${USAGE}\n`);
    const missing = await run(["nowhere.json"], f.dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^✖ cannot read nowhere\.json: no such file/);
  } finally {
    f.cleanup();
  }
});

test("a vendor's products the vocabulary lacks: the draft is written, the products proposed in products.proposed.yaml, the unknown ids listed with their lines (exit 1)", async () => {
  const f = makeFixture();
  try {
    const r = await run([join(FIXTURES, "cisco-sa-20180328-smi2.json")], f.dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✔ Cisco PSIRT cisco-sa-20180328-smi2 version 3\.0\.0 → "cisco-sa-20180328-smi2": created$/m);
    assert.match(r.stdout, /^ {2}wrote content\/ja\/advisories\/cisco-sa-20180328-smi2\.md$/m);
    assert.match(r.stdout, /^ {4}cisco-ios: IOS \(Cisco\) — 180 CSAF products$/m);
    assert.match(r.stderr, /^content\/ja\/advisories\/cisco-sa-20180328-smi2\.md:\d+:\d+ affected\[0\]: unknown product "cisco-ios"/m);
    assert.match(r.stderr, /products the vocabulary does not have yet: see the proposals above/);
    const proposals = readFileSync(join(f.dir, "products.proposed.yaml"), "utf8");
    assert.match(proposals, /^cisco-ios:\n {2}# from cisco-sa-20180328-smi2: 180 CSAF products, e\.g\. "Cisco IOS 12\.2SE 12\.2\(55\)SE"/m);
    assert.match(proposals, /^ {2}ja: IOS\n {2}en: IOS\n {2}vendor: Cisco$/m);
    // Once the site's vocabulary has them, the same import passes (here: the proposals file given as the vocabulary
    // names them under ids the data layer already accepts, as the tests must until the vocabulary is the site's).
    writeFileSync(join(f.dir, "vocabulary.yaml"), "iis-4: { ja: IOS, en: IOS, vendor: Cisco }\niis-5: { ja: Cisco IOS XE Software, en: Cisco IOS XE Software, vendor: Cisco }\n");
    f.remove("ja/advisories/cisco-sa-20180328-smi2.md");
    f.remove("en/advisories/cisco-sa-20180328-smi2.md");
    const ok = await run([join(FIXTURES, "cisco-sa-20180328-smi2.json"), "--vocabulary", "vocabulary.yaml"], f.dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /The draft passes check/);
    assert.doesNotMatch(ok.stdout, /not in the site's product vocabulary/);
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
    const r = await run(["broken.json", "--id", "broken"], f.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^broken\.json:\d+:\d+ \/document\/tracking\/version: mandatoryTest_6_1_16 \(6\.1\.16 Latest Document Version\): .* — the import takes valid CSAF 2\.0 documents only/m);
    assert.match(r.stderr, /✖ \d+ problems?; nothing was written\.\n$/);
    assert.equal(existsSync(join(f.content, "ja/advisories/broken.md")), false);
  } finally {
    f.cleanup();
  }
});

test("--dry-run writes nothing; a re-import prints what changed", async () => {
  const f = makeFixture();
  try {
    writeFileSync(join(f.dir, "vocabulary.yaml"), "windows-95: { ja: Router OS, en: Router OS, vendor: Example Networks }\nwindows-98: { ja: Switch Firmware, en: Switch Firmware, vendor: Example Networks }\n");
    writeFileSync(join(f.dir, "v1.json"), JSON.stringify(vendorDoc()));
    const dry = await run(["v1.json", "--vocabulary", "vocabulary.yaml", "--dry-run"], f.dir);
    assert.equal(dry.code, 0);
    assert.match(dry.stdout, /would create/);
    assert.equal(existsSync(join(f.content, "ja/advisories/exn-2024-001.md")), false);
    assert.equal((await run(["v1.json", "--vocabulary", "vocabulary.yaml"], f.dir)).code, 0);
    writeFileSync(join(f.dir, "v2.json"), JSON.stringify(vendorDoc({ revisions: [["1", "2024-03-01T09:00:00.000Z", "Initial release."], ["2", "2024-03-20T09:00:00.000Z", "Clarified the workaround."]] })));
    const again = await run(["v2.json", "--vocabulary", "vocabulary.yaml"], f.dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /updated$/m);
    assert.match(again.stdout, /^ {2}added 1 revision; what changed in the facts:$/m);
    assert.match(again.stdout, /^ {4}\+ revisions\[2\]: 2024-03-20 TODO: 翻訳してください: Clarified the workaround\.$/m);
    assert.match(again.stdout, /^ {4}~ basedOn\.version: 1 → 2$/m);
    assert.match(again.stdout, /The text you wrote .* is unchanged\./);
  } finally {
    f.cleanup();
  }
});

test("the file Node runs calls main and exits with its code", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/import.ts"), "--nope"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 2);
  assert.ok(r.stderr.trim().endsWith(USAGE));
});

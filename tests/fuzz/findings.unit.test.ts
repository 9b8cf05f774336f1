/**
 * What the differential sweep (npm run fuzz) found the build refusing while check passed, each pinned as a
 * located problem that check now reports: the file, the line and column, the field, in both languages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL, ROOT, copyBundledContent, makeFixture, type Fixture } from "../helpers/fixtures.ts";
import { runCommand } from "../helpers/run-command.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;

interface Reported {
  ok: boolean;
  problems: { file: string; line: number; column: number; field: string; message: string }[];
}

async function check(changes: Record<string, string>, lang: "en" | "ja" = "en", base: () => Fixture = () => makeFixture()): Promise<Reported> {
  const fixture = base();
  for (const [path, text] of Object.entries(changes)) fixture.write(path, text);
  try {
    const run = await runCommand("check", ["--content", fixture.content, "--format", "json", "--lang", lang], { cwd: fixture.dir, env: { KEIKOKU_CACHE: "off" } });
    return JSON.parse(run.stdout) as Reported;
  } finally {
    fixture.cleanup();
  }
}

test("a source URL with a space (two URLs pasted into one field) is a located problem, not a CSAF failure", async () => {
  const broken = alpha.replace("related: [beta]\n", 'related: [beta]\nsources:\n  - title: Two links\n    url: "https://a.example/x https://b.example/y"\n');
  const en = await check({ "ja/advisories/alpha.md": broken });
  assert.equal(en.ok, false);
  assert.deepEqual(en.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`), [
    'content/ja/advisories/alpha.md:22:10 sources[0].url: not a valid URL: "https://a.example/x https://b.example/y" contains a space or a character that must be percent-encoded',
  ]);
  const ja = await check({ "ja/advisories/alpha.md": broken }, "ja");
  assert.match(ja.problems[0]!.message, /は正しい URL ではありません。空白か、パーセントエンコードが必要な文字が含まれています/);
});

test("a percent-encoded URL is still accepted", async () => {
  const fine = alpha.replace("related: [beta]\n", 'related: [beta]\nsources:\n  - title: One link\n    url: "https://a.example/x%20y?q=1#top"\n');
  assert.equal((await check({ "ja/advisories/alpha.md": fine })).ok, true);
});

/** A manifest as `npm run urls -- --update` writes one, limited to what these tests look at. */
const MANIFEST = ["# test", "/ja/feed.xml", "/.well-known/csaf/2004/keikoku-2004-alpha.json", "/.well-known/csaf/2004/keikoku-2004-alpha.json.sha256", "/ja/advisories/alpha/", "/ja/kb/835732/", ""].join("\n");

test("check passes content that publishes every URL of the manifest", async () => {
  assert.deepEqual((await check({ "url-manifest.txt": MANIFEST })).problems, []);
});

test("a published year that moves an entry's CSAF documents is reported at the manifest's lines, naming the source file", async () => {
  const moved = alpha.replace("published: 2004-05-01", "published: 2003-05-01").replace("    date: 2004-05-01", "    date: 2003-05-01");
  const en = await check({ "url-manifest.txt": MANIFEST, "ja/advisories/alpha.md": moved });
  assert.deepEqual(en.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`), [
    "content/url-manifest.txt:3:1 (url): /.well-known/csaf/2004/keikoku-2004-alpha.json would no longer be published: content/ja/advisories/alpha.md now says published 2003-05-01, which moves its CSAF document to /.well-known/csaf/2003/keikoku-2003-alpha.json",
    "content/url-manifest.txt:4:1 (url): /.well-known/csaf/2004/keikoku-2004-alpha.json.sha256 would no longer be published: content/ja/advisories/alpha.md now says published 2003-05-01, which moves its CSAF document to /.well-known/csaf/2003/keikoku-2003-alpha.json",
  ]);
  const ja = await check({ "url-manifest.txt": MANIFEST, "ja/advisories/alpha.md": moved }, "ja");
  assert.match(ja.problems[0]!.message, /が公開されなくなります。content\/ja\/advisories\/alpha\.md の published が 2003-05-01 になり/);
});

test("a KB number no entry names any more is reported at the manifest line of its page", async () => {
  const en = await check({ "url-manifest.txt": MANIFEST, "ja/advisories/alpha.md": alpha.replace("kb: [835732]", "kb: []") });
  assert.deepEqual(en.problems.map((p) => `${p.file}:${p.line} ${p.message}`), ["content/url-manifest.txt:6 /ja/kb/835732/ would no longer be published"]);
});

test("a CWE id the CWE list lacks, or a name that is not the list's, is a located problem at the bulletin's field", async () => {
  const bulletin = readFileSync(join(ROOT, "content/ja/advisories/ms04-011.md"), "utf8");
  const withCwe = (cwe: string) => bulletin.replace("    impact: remote-code-execution\n", `    impact: remote-code-execution\n    cwe: ${cwe}\n`);
  const line = bulletin.slice(0, bulletin.indexOf("    impact: remote-code-execution\n")).split("\n").length + 1;
  const unknown = await check({ "ja/advisories/ms04-011.md": withCwe("{ id: CWE-99999, name: Nothing }") }, "en", copyBundledContent);
  assert.deepEqual(unknown.problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`), [`content/ja/advisories/ms04-011.md:${line} vulnerabilities[0].cwe.id: CWE-99999 is not a weakness of the CWE list`]);
  const misnamed = await check({ "ja/advisories/ms04-011.md": withCwe("{ id: CWE-79, name: Cross-site Scripting }") }, "ja", copyBundledContent);
  assert.equal(misnamed.problems.length, 1);
  assert.equal(misnamed.problems[0]!.field, "vulnerabilities[0].cwe.name");
  assert.match(misnamed.problems[0]!.message, /^CWE-79 の名前は "Improper Neutralization of Input During Web Page Generation \('Cross-site Scripting'\)" です$/);
  const right = await check({ "ja/advisories/ms04-011.md": withCwe("{ id: CWE-79, name: \"Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')\" }") }, "en", copyBundledContent);
  assert.deepEqual(right.problems, []);
});

test("two scores of the same CVSS version for the same products are a located problem (CSAF test 6.1.7)", async () => {
  const bulletin = readFileSync(join(ROOT, "content/ja/advisories/ms04-011.md"), "utf8");
  const score = (vector: string, base: number) => `      - { vector: "${vector}", baseScore: ${base} }\n`;
  const withScores = (...scores: string[]) => bulletin.replace("    impact: remote-code-execution\n", `    impact: remote-code-execution\n    scores:\n${scores.join("")}`);
  const twice = withScores(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8), score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L", 7.3));
  const line = twice.split("\n").findIndex((l) => l.includes("C:L/I:L/A:L")) + 1;
  const en = await check({ "ja/advisories/ms04-011.md": twice }, "en", copyBundledContent);
  assert.deepEqual(en.problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`), [
    `content/ja/advisories/ms04-011.md:${line} vulnerabilities[0].scores[1]: scores[0] already rates these products with CVSS 3.1; a product has one score per CVSS version`,
  ]);
  const ja = await check({ "ja/advisories/ms04-011.md": twice }, "ja", copyBundledContent);
  assert.match(ja.problems[0]!.message, /^scores\[0\] がすでにこれらの製品を CVSS 3\.1 で評価しています。/);
  // One score per version is what CSAF wants: a 2.0 and a 3.1 score of the same products are fine.
  const versions = withScores(score("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10), score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8));
  assert.deepEqual((await check({ "ja/advisories/ms04-011.md": versions }, "en", copyBundledContent)).problems, []);
});

test("a TLP that renames the ROLIE feed is reported at the manifest's line, naming the new feed", async () => {
  const manifest = `${MANIFEST}/.well-known/csaf/feed-tlp-white.json\n`;
  const green = MINIMAL["site.yaml"]!.replace("csaf: { idPrefix: KEIKOKU }", "csaf: { idPrefix: KEIKOKU, tlp: GREEN }");
  const en = await check({ "url-manifest.txt": manifest, "site.yaml": green });
  assert.deepEqual(en.problems.map((p) => `${p.file}:${p.line} ${p.message}`), [
    "content/url-manifest.txt:7 /.well-known/csaf/feed-tlp-white.json would no longer be published: with csaf.tlp GREEN the ROLIE feed is /.well-known/csaf/feed-tlp-green.json",
  ]);
  assert.deepEqual((await check({ "url-manifest.txt": manifest })).problems, [], "WHITE, as the manifest was made");
});

test("a new CSAF id prefix is reported as renaming the documents, not as a lost entry", async () => {
  const renamed = MINIMAL["site.yaml"]!.replace("csaf: { idPrefix: KEIKOKU }", "csaf: { idPrefix: EXAMPLE-CSIRT }");
  const ja = await check({ "url-manifest.txt": MANIFEST, "site.yaml": renamed }, "ja");
  assert.deepEqual(ja.problems.map((p) => `${p.line} ${p.message}`), [
    "3 /.well-known/csaf/2004/keikoku-2004-alpha.json が公開されなくなります。csaf.idPrefix が EXAMPLE-CSIRT のため、すべての CSAF 文書の名前が変わります",
    "4 /.well-known/csaf/2004/keikoku-2004-alpha.json.sha256 が公開されなくなります。csaf.idPrefix が EXAMPLE-CSIRT のため、すべての CSAF 文書の名前が変わります",
  ]);
});

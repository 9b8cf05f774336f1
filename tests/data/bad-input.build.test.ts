/**
 * Broken content, one problem per fixture: each is reported with file:line:column, the field and a hint,
 * the build fails, and the previously built site is left exactly as it was.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { MINIMAL, makeFixture, ROOT } from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { settingsFor } from "../helpers/settings.ts";
import { ContentError, formatProblem } from "../../src/data/problems.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;
const alphaEn = MINIMAL["en/advisories/alpha.md"]!;
const beta = MINIMAL["ja/hoaxes/beta.md"]!;

interface Case {
  name: string;
  changes: Record<string, string | Buffer | null>;
  /** Expected report lines (substrings), each naming file:line:column, field, message and hint. */
  expect: string[];
}

const cases: Case[] = [
  {
    name: "unknown field with a typo",
    changes: { "ja/advisories/alpha.md": alpha.replace("affected: [", "afected: [") },
    expect: ["content/ja/advisories/alpha.md:14:1 afected: unknown field \"afected\" — did you mean \"affected\"?"],
  },
  {
    name: "unknown product",
    changes: { "ja/advisories/alpha.md": alpha.replace("affected: [windows-2000, windows-xp]", "affected: [windows-2000, windows-2001]") },
    expect: ["content/ja/advisories/alpha.md:14:26 affected[1]: unknown product \"windows-2001\" — did you mean \"windows-2000\"?"],
  },
  {
    name: "YAML syntax error",
    changes: { "ja/advisories/alpha.md": alpha.replace("title: アルファ ワーム", "title: アルファ: ワーム: [壊れた") },
    expect: ["content/ja/advisories/alpha.md:4:", "(yaml): YAML syntax error:", "— quote values"],
  },
  {
    name: "malformed date",
    changes: { "ja/advisories/alpha.md": alpha.replace("published: 2004-05-01", "published: 2004-5-1") },
    expect: ["content/ja/advisories/alpha.md:5:12 published: malformed date \"2004-5-1\" — write dates as YYYY-MM-DD"],
  },
  {
    name: "impossible date",
    changes: { "ja/advisories/alpha.md": alpha.replace("    date: 2004-05-08", "    date: 2004-02-30") },
    expect: ["content/ja/advisories/alpha.md:11:11 revisions[1].date: there is no 30 February 2004 — February 2004 has 29 days"],
  },
  {
    name: "updated before published",
    changes: { "ja/advisories/alpha.md": alpha.replace("    date: 2004-05-08", "    date: 2004-04-01") },
    expect: [
      "content/ja/advisories/alpha.md:11:11 revisions[1].date: revision date 2004-04-01 is before \"published\" (2004-05-01) — a revision cannot predate publication",
    ],
  },
  {
    name: "revisions out of order",
    changes: { "ja/advisories/alpha.md": alpha.replace("  - number: 2", "  - number: 3") },
    expect: ["content/ja/advisories/alpha.md:10:13 revisions[1].number: expected revision 2, found 3 — number revisions 1, 2, 3"],
  },
  {
    name: "bad KB number",
    changes: { "ja/advisories/alpha.md": alpha.replace("kb: [835732]", "kb: [KB835732]") },
    expect: ["content/ja/advisories/alpha.md:16:6 kb[0]: malformed KB number \"KB835732\" — write the article number only"],
  },
  {
    name: "bad CVE id",
    changes: { "ja/advisories/alpha.md": alpha.replace("cve: [CVE-2003-0533]", "cve: [CVE-03-533]") },
    expect: ["content/ja/advisories/alpha.md:17:7 cve[0]: malformed CVE id \"CVE-03-533\" — write it as CVE-YYYY-NNNN"],
  },
  {
    name: "bad bulletin id",
    changes: { "ja/advisories/alpha.md": alpha.replace("bulletins: [MS04-011]", "bulletins: [MS4-11]") },
    expect: ["content/ja/advisories/alpha.md:18:13 bulletins[0]: malformed bulletin id \"MS4-11\" — write it as MSyy-nnn"],
  },
  {
    name: "related id that does not exist",
    changes: { "ja/advisories/alpha.md": alpha.replace("related: [beta]", "related: [betta]") },
    expect: ["content/ja/advisories/alpha.md:19:11 related[0]: unknown id \"betta\" — did you mean \"beta\"?"],
  },
  {
    name: "duplicate id across advisories and hoaxes",
    changes: { "ja/hoaxes/alpha.md": beta },
    expect: ["content/ja/hoaxes/alpha.md:1:1 (file): id \"alpha\" is already used by content/ja/advisories/alpha.md — ids are unique"],
  },
  {
    name: "translation contradicts its source",
    changes: { "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: 2\nkb: [835733]") },
    expect: [
      "content/en/advisories/alpha.md:3:5 kb: [835733] disagrees with the ja source content/ja/advisories/alpha.md:16 ([835732]) — remove \"kb\" from the translation",
    ],
  },
  {
    name: "translation of a revision that does not exist",
    changes: { "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: 5") },
    expect: ["content/en/advisories/alpha.md:2:16 translationOf: revision 5 does not exist in content/ja/advisories/alpha.md (latest is 2)"],
  },
  {
    name: "missing required field",
    changes: { "ja/hoaxes/beta.md": beta.replace("truth: 正規のファイルです。\n", "") },
    expect: ["content/ja/hoaxes/beta.md:2:1 truth: required field \"truth\" is missing — add \"truth:\""],
  },
  {
    name: "link to an entry that does not exist",
    changes: { "ja/advisories/alpha.md": alpha.replace("(hoax:beta)", "(hoax:gamma)") },
    expect: ["content/ja/advisories/alpha.md:23:1 (body): link to unknown hoax \"gamma\""],
  },
  {
    name: "link to a section that does not exist",
    changes: { "ja/advisories/alpha.md": alpha.replace("(hoax:beta)", "(hoax:beta#removal)") },
    expect: ["content/ja/advisories/alpha.md:23:1 (body): link to hoax:beta#removal, but that entry has no section \"removal\""],
  },
  {
    name: "translation with different section ids",
    changes: { "en/advisories/alpha.md": alphaEn.replace("{#removal}", "{#cleanup}") },
    expect: ["content/en/advisories/alpha.md:15:1 (body): the section id \"#cleanup\" is \"#removal\" in the source content/ja/advisories/alpha.md — give the same section the same {#id} in both languages"],
  },
  {
    name: "javascript: URL in sources",
    changes: { "ja/advisories/alpha.md": alpha.replace("related: [beta]", "related: [beta]\nsources:\n  - title: x\n    url: javascript:alert(1)") },
    expect: ["content/ja/advisories/alpha.md:22:10 sources[0].url: not an http(s) URL: \"javascript:alert(1)\" — only absolute https: or http: URLs"],
  },
  {
    name: "not UTF-8",
    changes: { "ja/hoaxes/beta.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x82, 0xa0, 0x0a]) },
    expect: ["content/ja/hoaxes/beta.md:2:1 (file): the file is not valid UTF-8 — save it as UTF-8"],
  },
  {
    name: "direction override",
    changes: { "ja/hoaxes/beta.md": beta.replace("title: ベータ デマ", "title: ベータ \u202Eデマ") },
    expect: ["content/ja/hoaxes/beta.md:3:12 (file): contains a Unicode direction control (U+202E)"],
  },
  {
    name: "translation without a source",
    changes: { "en/hoaxes/gamma.md": MINIMAL["en/hoaxes/beta.md"]! },
    expect: ["content/en/hoaxes/gamma.md:1:1 (file): this translation has no Japanese source content/ja/hoaxes/gamma.md"],
  },
];

let previous: string;
let previousSnapshot: Map<string, string>;


before(async () => {
  const good = makeFixture();
  previous = join(mkdtempSync(join(tmpdir(), "keikoku-previous-")), "_site");
  await buildSite(settingsFor({ contentDir: good.content }), { output: previous });
  previousSnapshot = snapshot(previous);
  good.cleanup();
});

for (const c of cases) {
  test(`bad input: ${c.name}`, async () => {
    const fixture = makeFixture(c.changes);
    try {
      await assert.rejects(buildSite(settingsFor({ contentDir: fixture.content }), { output: previous }), (error: unknown) => {
        assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
        const report = error.problems.map(formatProblem).join("\n");
        for (const line of c.expect) assert.ok(report.includes(line), `report lacks:\n  ${line}\nreport:\n${report}`);
        return true;
      });
      assert.deepEqual(snapshot(previous), previousSnapshot, "the previous site changed");
    } finally {
      fixture.cleanup();
    }
  });
}

test("every problem is reported at once, then one failure with a count", async () => {
  const fixture = makeFixture({
    "ja/advisories/alpha.md": alpha.replace("affected: [", "afected: [").replace("kb: [835732]", "kb: [1]"),
    "ja/hoaxes/beta.md": beta.replace("published: 2004-05-08", "published: 2004-13-01"),
  });
  try {
    await assert.rejects(buildSite(settingsFor({ contentDir: fixture.content }), { output: previous }), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.equal(error.problems.length, 3);
      assert.match(error.message, /✖ 3 content problems in 2 files; nothing was written\.$/);
      return true;
    });
  } finally {
    fixture.cleanup();
  }
});

test("the build command exits non-zero with the report and leaves _site/ alone", () => {
  const fixture = makeFixture({ "ja/advisories/alpha.md": alpha.replace("affected: [windows-2000, windows-xp]", "affected: [windows-2001]") });
  try {
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "src/cli/run.ts", "build", "--output", previous], {
        cwd: ROOT, env: { ...process.env, KEIKOKU_CONTENT: fixture.content }, stdio: "pipe", encoding: "utf8",
      });
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    assert.equal(status, 1);
    assert.match(stderr, /content\/ja\/advisories\/alpha\.md:14:12 affected\[0\]: unknown product "windows-2001" — did you mean "windows-2000"\?/);
    assert.match(stderr, /left unchanged/);
    assert.deepEqual(snapshot(previous), previousSnapshot);
  } finally {
    fixture.cleanup();
  }
});

after(() => undefined);

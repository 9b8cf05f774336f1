/**
 * Broken content that, together, makes the data layer produce every message and hint it has (and the notes
 * for valid content). Each case lists the English messages (substrings) it must produce, so a case that
 * stops triggering its message fails instead of silently covering nothing.
 */
import { MINIMAL } from "../helpers/fixtures.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;
const alphaEn = MINIMAL["en/advisories/alpha.md"]!;
const beta = MINIMAL["ja/hoaxes/beta.md"]!;
const betaEn = MINIMAL["en/hoaxes/beta.md"]!;

export interface BrokenCase {
  name: string;
  changes: Record<string, string | Buffer | null>;
  /** English messages and hints (substrings) the case must produce. */
  expect: string[];
}

/** A bulletin with one vulnerability, for the vulnerability checks. */
const bulletin = (vulnerabilities: string, extra = ""): string =>
  alpha
    .replace("kind: incident", "kind: bulletin")
    .replace("related: [beta]", `related: [beta]${extra}\nvulnerabilities:\n${vulnerabilities}`);

/** A new source advisory whose whole frontmatter is `yaml`. */
const advisoryWith = (yaml: string): string => `---\n${yaml}\n---\n本文。\n`;

export const BROKEN: BrokenCase[] = [
  // src/data/read-file.ts
  {
    name: "file too large",
    changes: { "ja/hoaxes/beta.md": beta + "あ".repeat(400_000) },
    expect: ["the file is 1.1 MB; the limit is 1 MB", "split the advisory"],
  },
  {
    name: "not UTF-8",
    changes: { "ja/hoaxes/beta.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x82, 0xa0, 0x0a]) },
    expect: ["the file is not valid UTF-8", "save it as UTF-8"],
  },
  {
    name: "NUL, control character, direction override",
    changes: {
      "ja/hoaxes/beta.md": beta.replace("title: ベータ デマ", "title: ベータ \u202Eデマ\u0000").replace("claim: ファイル", "claim: \u0007ファイル"),
    },
    expect: ["contains a Unicode direction control (U+202E)", "contains a NUL byte (U+0000)", "contains a control character (U+0007)", "remove it; it is invisible"],
  },

  // src/data/frontmatter.ts and the YAML library
  {
    name: "no frontmatter / frontmatter not closed",
    changes: { "ja/advisories/gamma.md": "本文だけ。\n", "ja/advisories/delta.md": "---\ntitle: x\n" },
    expect: ["the file does not start with a `---` frontmatter block", "the frontmatter block is not closed with a `---` line", "start the file with ---"],
  },
  {
    name: "YAML syntax errors",
    changes: {
      "ja/advisories/y-nested.md": advisoryWith("title: アルファ: ワーム: [壊れた"),
      "ja/advisories/y-duplicate.md": advisoryWith("title: a\ntitle: b"),
      "ja/advisories/y-dquote.md": advisoryWith("title: \"abc"),
      "ja/advisories/y-squote.md": advisoryWith("title: 'abc"),
      "ja/advisories/y-tab.md": advisoryWith("keywords:\n\t- a"),
      "ja/advisories/y-column.md": advisoryWith("firstSeen:\n  date: 2004\n where: x"),
      "ja/advisories/y-reserved.md": advisoryWith("title: @alpha"),
      "ja/advisories/y-percent.md": advisoryWith("title: %alpha"),
      "ja/advisories/y-flow-block.md": advisoryWith("revisions: [{ number: 1, date: 2004-05-08 note: x }]"),
      "ja/advisories/y-escape.md": advisoryWith("title: \"a\\q\""),
      "ja/advisories/y-seq.md": advisoryWith("title: a\n- b"),
      "ja/advisories/y-key.md": advisoryWith("key without colon\ntitle: a"),
      "ja/advisories/y-extra.md": advisoryWith("keywords: [b, c]]"),
      "ja/advisories/y-comma.md": advisoryWith("keywords: [a, b,, c]"),
      "ja/advisories/y-flow-map.md": advisoryWith("firstSeen: { date: 2004, where: x"),
    },
    expect: [
      "YAML syntax error: Nested mappings are not allowed in compact mappings",
      "YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "YAML syntax error: Map keys must be unique",
      "YAML syntax error: Missing closing \"quote",
      "YAML syntax error: Missing closing 'quote",
      "YAML syntax error: Tabs are not allowed as indentation",
      "YAML syntax error: All mapping items must start at the same column",
      "YAML syntax error: Plain value cannot start with reserved character @",
      "YAML syntax error: Plain value cannot start with directive indicator character %",
      "YAML syntax error: Block collections are not allowed within flow collections",
      "YAML syntax error: Invalid escape sequence \\q",
      "YAML syntax error: Implicit keys need to be on a single line",
      "YAML syntax error: Unexpected block-seq-ind on same line with key",
      "YAML syntax error: Implicit map keys need to be followed by map values",
      "YAML syntax error: Unexpected flow-seq-end token in YAML stream",
      "YAML syntax error: Unexpected , in flow sequence",
      "YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }",
      "quote values that contain",
    ],
  },

  // src/data/load-content.ts: files and folders
  {
    name: "things that do not belong in content/",
    changes: {
      "fr/advisories/alpha.md": alpha,
      "ja/hoax/alpha.md": alpha,
      "ja/stuff/alpha.md": alpha,
      "ja/advisories/notes.txt": "x",
      "ja/advisories/Bad_Name.md": alpha,
      "ja/pages/contact.md": "---\ntitle: x\n---\n",
    },
    expect: [
      "unexpected \"fr\" in content/", "content/ holds one folder per language: ja, en",
      "unexpected \"hoax\" in content/ja/", "did you mean \"hoaxes\"?",
      "unexpected \"stuff\" in content/ja/", "use advisories, hoaxes, pages",
      "\"notes.txt\" is not a Markdown file", "content files end in .md",
      "invalid id \"Bad_Name\" in the file name", "file names are the id",
      "unknown page \"contact\"", "pages are: about, hoaxes",
    ],
  },
  {
    name: "missing page, translation without source, id used twice",
    changes: { "ja/pages/about.md": null, "en/hoaxes/gamma.md": betaEn, "ja/hoaxes/alpha.md": beta },
    expect: [
      "the \"about\" page is missing", "every site has an about page",
      "this translation has no Japanese source content/ja/pages/about.md",
      "this translation has no Japanese source content/ja/hoaxes/gamma.md", "write the Japanese file first",
      "id \"alpha\" is already used by content/ja/advisories/alpha.md", "ids are unique across advisories and hoaxes",
    ],
  },

  // src/data/load-content.ts: links and sections
  {
    name: "broken links",
    changes: {
      "ja/advisories/alpha.md": alpha.replace(
        "アルファは [ベータ](hoax:beta) とは別物です。",
        [
          "[a](hoax:betta) [b](hoax:zzzzzzzzzz) [c](page:abot) [d](advisory:nothing-here-at-all)",
          "[e](hoax:beta#Bad_Anchor) [f](hoax:beta#backgroud) [g](hoax:beta#zzzzzzzzzzzz)",
        ].join("\n"),
      ),
    },
    expect: [
      "link to unknown hoax \"betta\"", "did you mean \"hoax:beta\"?", "link to unknown hoax \"zzzzzzzzzz\"", "link to an existing hoax id",
      "link to unknown page \"abot\"", "did you mean \"page:about\"?", "link to unknown advisory \"nothing-here-at-all\"", "link to an existing advisory id",
      "invalid anchor \"#Bad_Anchor\"", "anchors are ASCII section ids such as #removal",
      "link to hoax:beta#backgroud, but that entry has no section \"backgroud\"", "did you mean \"#background\"?",
      "link to hoax:beta#zzzzzzzzzzzz, but that entry has no section \"zzzzzzzzzzzz\"", "its sections are: main, summary",
    ],
  },
  {
    name: "section ids",
    changes: {
      "ja/advisories/alpha.md": alpha.replace("## 駆除 {#removal}", "## 駆除 {#removal}\n\n## 影響 {#affected}\n\n## 再掲 {#overview}"),
      "en/hoaxes/beta.md": betaEn.replace("{#background}", "{#history}"),
    },
    expect: [
      "the section id \"#affected\" is rendered by the layout", "the layout already shows this section",
      "two sections have the id \"#overview\"", "give each heading its own {#id}",
      "content/en/hoaxes/beta.md:12:1 (body): the section id \"#history\" is \"#background\" in the source content/ja/hoaxes/beta.md — give the same section the same {#id} in both languages",
    ],
  },

  // src/data/zod-problems.ts
  {
    name: "unknown and missing fields",
    changes: {
      "ja/advisories/alpha.md": alpha.replace("affected: [", "afected: [").replace("severity: critical", "severity: critical\nzzzzzzzz: 1"),
      "ja/hoaxes/beta.md": beta.replace("truth: 正規のファイルです。\n", ""),
      "ja/advisories/rated.md": bulletin("  - { id: x, name: n, cve: CVE-2003-0533, impact: denial-of-service, ratings: { windows-2001: critical } }").replace("related: [beta]", "related: []"),
    },
    expect: [
      "unknown field \"afected\"", "did you mean \"affected\"?", "unknown field \"zzzzzzzz\"", "remove it; allowed here: kind, title",
      "unknown field \"windows-2001\"", "remove it; allowed here: ",
      "required field \"truth\" is missing", "add \"truth:\" (see docs/authoring.md)",
    ],
  },
  {
    name: "values of the wrong type",
    changes: {
      "ja/advisories/alpha.md": alpha
        .replace("affected: [windows-2000, windows-xp]", "affected: windows-xp")
        .replace("related: [beta]", "related: [beta]\nkeywords: { a: 1 }\nsources: [[a]]")
        .replace("  - number: 2", "  - number: 1.5"),
      "ja/hoaxes/beta.md": beta.replace("approximate: true", "approximate: yes"),
      "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: \"2\""),
      "ja/advisories/rated.md": bulletin("  - { id: x, name: n, cve: CVE-2003-0533, impact: denial-of-service, ratings: [] }").replace("related: [beta]", "related: []"),
      "ja/advisories/empty.md": "---\nkind: incident\ntitle: x\nsummary: x\npublished: 2004-05-01\nrevisions:\n---\n",
      "ja/advisories/listed.md": "---\n- a\n- b\n---\n",
    },
    expect: [
      "expected array, got string \"windows-xp\"", "expected array, got a mapping", "expected object, got a list",
      "expected int, got number 1.5", "expected boolean, got string \"yes\"", "expected number, got string \"2\"",
      "expected record, got a list", "expected array, got nothing",
    ],
  },
  {
    name: "values the schema refuses",
    changes: {
      "ja/advisories/alpha.md": alpha
        .replace("title: アルファ ワーム", "title: 5")
        .replace("summary: アルファ ワームの概要です。", "summary: \"\"")
        .replace("published: 2004-05-01", "published: 2004")
        .replace("severity: critical", "severity: criticall")
        .replace("affected: [windows-2000, windows-xp]", "affected: [windows-2001, xyz]")
        .replace("kb: [835732]", "kb: [KB835732]")
        .replace("cve: [CVE-2003-0533]", "cve: [CVE-03-533]")
        .replace("bulletins: [MS04-011]", "bulletins: [MS4-11]")
        .replace("related: [beta]", "related: [5, Bad]\nsources:\n  - title: \"ab\\a\"\n    url: javascript:alert(1)")
        .replace("    date: 2004-05-08", "    date: 2004-02-30"),
      "ja/hoaxes/beta.md": beta
        .replace("names: [BETA.EXE]", "names: []")
        .replace("date: 2002-05,", "date: true,"),
      "ja/hoaxes/gamma.md": beta.replace("kind: hoax", "kind: incident"),
      "ja/hoaxes/epsilon.md": beta.replace("kind: hoax\n", "").replace("firstSeen: { date: 2002-05,", "firstSeen: { date: 2002-13,"),
      "ja/advisories/delta.md": alpha.replace("kind: incident", "kind: incdent").replace("related: [beta]", "related: []").replace(/revisions:[\s\S]*?severity/, "revisions: []\nseverity"),
      "ja/advisories/zeta.md": alpha.replace("kind: incident\n", "").replace("related: [beta]", "related: []"),
      "ja/advisories/eta.md": bulletin("  - { id: X, name: n, cve: CVE-2003-0533, can: CAN-x, impact: dos, ratings: { windows-2000: crit } }").replace("related: [beta]", "related: []"),
    },
    expect: [
      "expected text", "must not be empty", "contains a control character", "remove the invisible control character",
      "expected a date written as YYYY-MM-DD", "there is no 30 February 2004", "write dates as YYYY-MM-DD",
      "unknown severity \"criticall\"", "did you mean \"critical\"?",
      "unknown product \"windows-2001\"", "unknown product \"xyz\"", "use one of: windows-95",
      "malformed KB number \"KB835732\"", "write the article number only",
      "malformed CVE id \"CVE-03-533\"", "write it as CVE-YYYY-NNNN", "malformed bulletin id \"MS4-11\"", "write it as MSyy-nnn",
      "expected an id", "invalid id \"Bad\"", "ids are lower-case ASCII letters",
      "not an http(s) URL: \"javascript:alert(1)\"", "only absolute https: or http: URLs are allowed",
      "needs at least one name", "expected a date written as YYYY, YYYY-MM or YYYY-MM-DD", "malformed date \"2002-13\"",
      "unknown kind \"incident\" for a hoax", "required field \"kind\" is missing",
      "unknown kind \"incdent\"", "did you mean \"incident\"?", "needs at least one revision",
      "invalid id \"X\"", "malformed CAN id \"CAN-x\"", "write it as CAN-YYYY-NNNN", "unknown impact \"dos\"", "unknown severity \"crit\"",
    ],
  },
  {
    name: "numbers out of range (zod's checks without a message of their own)",
    changes: {
      "ja/advisories/alpha.md": alpha.replace("  - number: 2", "  - number: 0"),
      "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: 100000000000000000000"),
      "ja/advisories/tested.md": alpha.replace("related: [beta]", "related: []\ntestedVersions:\n  windows-2000: []"),
    },
    expect: [
      "revisions[1].number: must be more than 0", "translationOf: must be at most 9007199254740991", "testedVersions.windows-2000: needs at least 1 item",
    ],
  },

  // src/data/cross-check.ts: sources
  {
    name: "revisions out of order and before publication",
    changes: {
      "ja/advisories/alpha.md": alpha.replace("  - number: 2", "  - number: 3"),
      "ja/hoaxes/beta.md": beta.replace("revisions: [{ number: 1, date: 2004-05-08, note: 公開 }]", "revisions: [{ number: 1, date: 2004-05-01, note: 公開 }, { number: 2, date: 2004-05-09, note: 追記 }, { number: 3, date: 2004-05-08, note: 追記 }]"),
    },
    expect: [
      "expected revision 2, found 3", "number revisions 1, 2, 3 … oldest first",
      "revision date 2004-05-01 is before \"published\" (2004-05-08)", "a revision cannot predate publication",
      "revision 3 (2004-05-08) is dated before revision 2 (2004-05-09)", "list revisions oldest first",
    ],
  },
  {
    name: "related ids and repeats",
    changes: {
      "ja/advisories/alpha.md": alpha
        .replace("related: [beta]", "related: [beta, alpha, betta, zzzzzzzzzzzz, beta]")
        .replace("notAffected: [windows-95]", "notAffected: [windows-95, windows-2000]"),
    },
    expect: [
      "\"alpha\" is this entry itself", "remove it", "unknown id \"betta\"", "did you mean \"beta\"?",
      "unknown id \"zzzzzzzzzzzz\"", "related ids name existing advisories or hoaxes",
      "\"beta\" is listed twice", "remove the repeat", "\"windows-2000\" is also listed in \"affected\"", "a product is either affected or not affected",
    ],
  },
  {
    name: "vulnerabilities",
    changes: {
      "ja/advisories/alpha.md": bulletin([
        "  - { id: lsass, name: n, cve: CVE-2003-0533, can: CAN-2003-0534, impact: denial-of-service, ratings: { windows-2000: critical } }",
        "  - { id: lsass, name: n, cve: CVE-2004-0001, impact: denial-of-service, ratings: { windows-2000: critical } }",
      ].join("\n")),
    },
    expect: [
      "vulnerability id \"lsass\" is used twice", "give each vulnerability its own id",
      "CVE-2004-0001 is not listed in \"cve\"", "add CVE-2004-0001 to \"cve\"",
      "CAN-2003-0534 does not match CVE-2003-0533", "the candidate id has the same numbers as the CVE id",
    ],
  },
  {
    name: "aliases",
    changes: {
      "ja/advisories/alpha.md": alpha.replace("related: [beta]", "related: [beta]\naliases: [old-path, /ja/old, /ja/advisories/beta/, /old/]"),
      "ja/hoaxes/beta.md": beta.replace("file: BETA.EXE", "file: BETA.EXE\naliases: [/old/]"),
      "ja/advisories/gamma.md": alpha.replace("related: [beta]", "related: []\naliases: [/ja/hoaxes/beta/]"),
    },
    expect: [
      "invalid alias \"old-path\"", "an alias is a path inside this site",
      "alias \"/ja/old\" must end in \"/\" or \".html\"", "write it as the URL readers used, e.g. /ja/old/",
      "alias \"/ja/hoaxes/beta/\" is the URL of a real page", "an alias names an old URL",
      "alias \"/old/\" is also an alias in content/ja/advisories/alpha.md", "an old URL can redirect to one page only",
    ],
  },

  // src/data/cross-check.ts: translations
  {
    name: "translations that disagree with their source",
    changes: {
      "en/advisories/alpha.md": alphaEn
        .replace("translationOf: 2", "translationOf: 2\nkb: [835733]")
        .replace("  - number: 2\n    note: Added variants", "  - number: 2\n    date: 2004-05-09\n    note: Added variants\n  - number: 7\n    note: Nope"),
      "en/hoaxes/beta.md": betaEn.replace("firstSeen: { where: Brazil }", "firstSeen: { date: 2003, approximate: false, where: Brazil }").replace("translationOf: 1", "translationOf: 5"),
      "ja/advisories/gamma.md": bulletin("  - { id: lsass, name: n, cve: CVE-2003-0533, impact: denial-of-service, ratings: { windows-2000: critical } }").replace("related: [beta]", "related: []"),
      "en/advisories/gamma.md": alphaEn.replace("translationOf: 2", "translationOf: 2\nvulnerabilities:\n  - { id: lsas, name: LSASS }\n  - { id: zzzzzzzzzzzz, name: Other }"),
    },
    expect: [
      "[835733] disagrees with the ja source content/ja/advisories/alpha.md:16 ([835732])", "remove \"kb\" from the translation",
      "2004-05-09 disagrees with the source's date 2004-05-08", "remove the date (it is taken from the source)",
      "revision 7 does not exist in content/ja/advisories/alpha.md", "the source has revisions 1–2",
      "revision 5 does not exist in content/ja/hoaxes/beta.md (latest is 1)", "set translationOf to the source revision you translated (1–1)",
      "2003 disagrees with the source's date 2002-05", "disagrees with the source (true)", "remove it (it is taken from the source), or make it equal",
      "unknown vulnerability id \"lsas\"", "did you mean \"lsass\"?", "unknown vulnerability id \"zzzzzzzzzzzz\"", "the source's ids are: lsass",
    ],
  },
];

/** Valid content with notes: a missing translation (entry and page) and a stale one. */
export const WITH_NOTICES: Record<string, string | null> = {
  "en/hoaxes/beta.md": null,
  "en/pages/about.md": null,
  "en/advisories/alpha.md": alphaEn.replace("translationOf: 2", "translationOf: 1"),
};
export const NOTICES_EXPECTED = [
  "en: beta has no translation; serving the ja text at /en/hoaxes/beta/",
  "en: page \"about\" has no translation; serving the ja text at /en/about/",
  "en: alpha translation follows revision 1, the source is at revision 2",
];

/**
 * New entries from a template (`npm run new -- incident my-worm`): the Japanese source and the English
 * translation, with every required field filled by a placeholder that is plainly a placeholder ("TODO: …")
 * and yet valid, so `npm run check` passes at once and the author replaces text rather than structure.
 *
 *   scaffold({ kind: "hoax", id: "bad-mail", date: "2004-05-08" })
 *     → { "ja/hoaxes/bad-mail.md": "---\nkind: hoax\n…", "en/hoaxes/bad-mail.md": "---\ntranslationOf: 1\n…" }
 *
 * The clock is a parameter (`date`), so the output is deterministic.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import { ADVISORY_KINDS, type Kind } from "../data/vocabulary.ts";

export const SCAFFOLD_KINDS = [...ADVISORY_KINDS, "hoax"] as const satisfies readonly Kind[];
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** The same rule as the data layer's ids (src/data/schema.ts, load-content.ts). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isScaffoldKind = (value: string): value is ScaffoldKind => (SCAFFOLD_KINDS as readonly string[]).includes(value);

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today in the local time zone (authors date entries by their own calendar), as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Body sections per kind: [id, Japanese heading, English heading, what to write]. Ids avoid the layout's own. */
const SECTIONS: Record<ScaffoldKind, [id: string, ja: string, en: string, jaTodo: string, enTodo: string][]> = {
  incident: [
    ["overview", "概要", "Overview", "何が起きているのか、誰が影響を受けるのかを書いてください。", "Say what is happening and who is affected."],
    ["symptoms", "症状", "Symptoms", "感染したときに見られる症状を書いてください。", "Describe what an infected computer shows."],
    ["removal", "駆除", "Removal", "駆除の手順やツールを書いてください。", "Give the removal steps or tools."],
    ["what-to-do", "対処方法", "What to do", "読者が今すぐすべきことを書いてください。", "Say what readers should do now."],
  ],
  bulletin: [
    ["overview", "概要", "Overview", "セキュリティ情報の概要を書いてください。", "Summarise the bulletin."],
    ["software", "影響を受けるソフトウェア", "Affected software", "バージョンやサービス パックの詳細を書いてください。", "Give versions and service packs."],
    ["workarounds", "回避策", "Workarounds", "更新プログラムを適用できない場合の回避策を書いてください。", "Give workarounds for those who cannot install the update yet."],
  ],
  guidance: [
    ["overview", "概要", "Overview", "この対策が誰に向けたものかを書いてください。", "Say who these measures are for."],
    ["measures", "対策", "Measures", "対策の手順を書いてください。", "Give the steps."],
  ],
  hoax: [
    ["background", "経緯", "Background", "このデマがどのように広まったかを書いてください。", "Say how the hoax spread."],
    ["signs", "デマの見分け方", "How to recognise it", "このメールに見られるデマの特徴を書いてください。", "List the signs that give this mail away as a hoax."],
  ],
};

const KIND_JA: Record<ScaffoldKind, string> = { incident: "インシデント", bulletin: "セキュリティ情報", guidance: "対策", hoax: "デマ情報" };

function body(kind: ScaffoldKind, lang: "ja" | "en"): string {
  return SECTIONS[kind]
    .map(([id, ja, en, jaTodo, enTodo]) => `## ${lang === "ja" ? ja : en} {#${id}}\n\nTODO: ${lang === "ja" ? jaTodo : enTodo}\n`)
    .join("\n");
}

function sourceFile(kind: ScaffoldKind, date: string): string {
  const head = [
    "---",
    `# 新しい${KIND_JA[kind]}の下書きです。「TODO」をすべて書き換えてから公開してください。`,
    "# 各フィールドの説明: docs/authoring.md",
    `kind: ${kind}`,
    "title: \"TODO: タイトル\"",
    "summary: \"TODO: 一覧・フィード・検索結果に表示する 1〜2 文の要約。\"",
    `published: ${date}`,
    "revisions:",
    "  - number: 1",
    `    date: ${date}`,
    "    note: 公開",
  ];
  const facts = kind === "hoax"
    ? [
        "names: [\"TODO: デマの名前\"]    # このデマの呼び名をすべて",
        "firstSeen:",
        `  date: ${date}          # TODO: 最初に確認された時期 (YYYY、YYYY-MM または YYYY-MM-DD)`,
        "  approximate: true",
        "  where: \"TODO: 最初に確認された場所\"",
        "# file: SULFNBK.EXE        # 削除するよう求められるファイルがあれば",
        "claim: |",
        "  TODO: メールが主張していること (Markdown)。",
        "truth: |",
        "  TODO: 実際はどうなのか (Markdown)。",
        "action: |",
        "  TODO: どうすればよいか (Markdown)。",
        "ifActed: |",
        "  TODO: すでに従ってしまった場合にどうすればよいか (Markdown)。",
      ]
    : [
        "# severity: critical      # critical | important | moderate | low | none | not-critical",
        "affected: []              # 製品 id (サイトの products.yaml にあるもの)。例: [windows-2000, windows-xp]",
        "notAffected: []",
        "kb: []                    # 例: [835732]",
        "cve: []                   # 例: [CVE-2003-0533]",
        "bulletins: []             # 例: [MS04-011]",
        ...(kind === "bulletin"
          ? [
              "vulnerabilities: []       # 脆弱性ごとの深刻度。書き方は docs/authoring.md を参照",
            ]
          : []),
      ];
  const tail = [
    "related: []               # 関連するセキュリティ情報・デマ情報の id",
    "keywords: []              # 読者が検索しそうな識別子やファイル名",
    "sources: []               # 出典。例: [{ title: 出典の題名, url: \"https://…\" }]",
    "---",
  ];
  return [...head, ...facts, ...tail].join("\n") + "\n" + body(kind, "ja");
}

function translationFile(kind: ScaffoldKind): string {
  const head = [
    "---",
    "# English translation of the Japanese file with the same id: translated text only.",
    "translationOf: 1           # the Japanese revision this translation follows",
    "title: \"TODO: Title\"",
    "summary: \"TODO: One or two sentences for lists, feeds and search results.\"",
    "revisions:",
    "  - number: 1",
    "    note: Published",
  ];
  const text = kind === "hoax"
    ? [
        "names: [\"TODO: name of the hoax\"]",
        "firstSeen:",
        "  where: \"TODO: where it was first seen\"",
        "claim: |",
        "  TODO: What the mail claims (Markdown).",
        "truth: |",
        "  TODO: What is true (Markdown).",
        "action: |",
        "  TODO: What to do (Markdown).",
        "ifActed: |",
        "  TODO: What to do if you already acted on it (Markdown).",
      ]
    : [];
  return [...head, ...text, "---"].join("\n") + "\n" + body(kind, "en");
}

export interface ScaffoldOptions {
  kind: ScaffoldKind;
  id: string;
  /** The publication date, YYYY-MM-DD (normally today). */
  date: string;
}

/** The files of a new entry, by path under the content folder. Pure: writes nothing. */
export function scaffold({ kind, id, date }: ScaffoldOptions): Record<string, string> {
  const folder = kind === "hoax" ? "hoaxes" : "advisories";
  const out: Record<string, string> = {};
  for (const lang of LANGS) out[`${lang}/${folder}/${id}.md`] = lang === SOURCE_LANG ? sourceFile(kind, date) : translationFile(kind);
  return out;
}

export type ScaffoldResult =
  | { ok: true; written: string[] }
  | { ok: false; error: string; hint: string };

export interface WriteScaffoldOptions {
  kind: string;
  id: string;
  date: string;
  /** The content folder to write into. */
  contentDir: string;
  /** How to name a file (given relative to contentDir) in a message; default: `content/<path>`. */
  display?: (path: string) => string;
}

/**
 * Checks the request and writes the files. Expected refusals (unknown kind, invalid id or date, an id in
 * use) come back as `{ ok: false }`; nothing is written then.
 */
export function writeScaffold(options: WriteScaffoldOptions): ScaffoldResult {
  const { kind, id, date, contentDir } = options;
  const display = options.display ?? ((path: string) => `content/${path}`);
  if (!isScaffoldKind(kind)) {
    return { ok: false, error: `unknown kind "${kind}"`, hint: `use one of: ${SCAFFOLD_KINDS.join(", ")}` };
  }
  if (!ID_PATTERN.test(id)) {
    return { ok: false, error: `invalid id "${id}"`, hint: "ids are lower-case ASCII letters, digits and single hyphens, e.g. ms04-011 or sulfnbk-exe" };
  }
  if (!isIsoDate(date)) {
    return { ok: false, error: `invalid date "${date}"`, hint: "write it as YYYY-MM-DD, e.g. 2004-05-08" };
  }
  if (!existsSync(contentDir)) {
    return { ok: false, error: `the content folder ${contentDir} does not exist`, hint: "run this from the project folder, or pass --content DIR" };
  }
  // Ids are shared by advisories and hoaxes, in every language.
  const taken = LANGS.flatMap((lang) => ["advisories", "hoaxes"].map((folder) => `${lang}/${folder}/${id}.md`)).filter((p) => existsSync(join(contentDir, p)));
  if (taken.length) {
    return { ok: false, error: `id "${id}" is already used by ${taken.map(display).join(" and ")}`, hint: "ids are unique across advisories and hoaxes; choose another id" };
  }
  const files = scaffold({ kind, id, date });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text, { flag: "wx" });
  }
  return { ok: true, written: Object.keys(files) };
}

/**
 * Small content trees for tests: a minimal valid site that each test changes one file of.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

/** The bundled site's products.yaml: the minimal site names the same products. */
const BUNDLED_PRODUCTS = readFileSync(join(ROOT, "content/products.yaml"), "utf8");

/** The smallest valid site: its settings, one advisory and one hoax in both languages, plus the two pages. */
export const MINIMAL: Record<string, string> = {
  "site.yaml": [
    "name: { ja: 警告 Keikoku, en: Keikoku }",
    "tagline: { ja: テスト用のサイト, en: A site for tests }",
    "footerNotice: { ja: 掲載内容は2004年当時の情報です。, en: This is information as of 2004. }",
    "publisher: { name: Keikoku }",
    "csaf: { idPrefix: KEIKOKU }",
    "",
  ].join("\n"),
  "products.yaml": BUNDLED_PRODUCTS,
  "ja/pages/about.md": "---\ntitle: このサイトについて\n---\n本文。\n",
  "en/pages/about.md": "---\ntitle: About\n---\nBody.\n",
  "ja/pages/hoaxes.md": "---\ntitle: デマ情報\nsummary: デマの一覧です。\n---\n## 見分け方 {#recognise}\n\n転送を求めるメールはデマです。\n",
  "en/pages/hoaxes.md": "---\ntitle: Hoaxes\nsummary: The list of hoaxes.\n---\n## How to recognise one {#recognise}\n\nMails that ask to be forwarded are hoaxes.\n",
  "ja/advisories/alpha.md": [
    "---",
    "kind: incident",
    "title: アルファ ワーム",
    "summary: アルファ ワームの概要です。",
    "published: 2004-05-01",
    "revisions:",
    "  - number: 1",
    "    date: 2004-05-01",
    "    note: 公開",
    "  - number: 2",
    "    date: 2004-05-08",
    "    note: 亜種を追記",
    "severity: critical",
    "affected: [windows-2000, windows-xp]",
    "notAffected: [windows-95]",
    "kb: [835732]",
    "cve: [CVE-2003-0533]",
    "bulletins: [MS04-011]",
    "related: [beta]",
    "---",
    "## 概要 {#overview}",
    "",
    "アルファは [ベータ](hoax:beta) とは別物です。",
    "",
    "## 駆除 {#removal}",
    "",
    "駆除ツールを使います。",
    "",
  ].join("\n"),
  "en/advisories/alpha.md": [
    "---",
    "translationOf: 2",
    "title: Alpha worm",
    "summary: An overview of the Alpha worm.",
    "revisions:",
    "  - number: 1",
    "    note: Published",
    "  - number: 2",
    "    note: Added variants",
    "---",
    "## Overview {#overview}",
    "",
    "Alpha is not [Beta](hoax:beta).",
    "",
    "## Removal {#removal}",
    "",
    "Use the removal tool.",
    "",
  ].join("\n"),
  "ja/hoaxes/beta.md": [
    "---",
    "kind: hoax",
    "title: ベータ デマ",
    "summary: ベータ.EXE を削除せよというデマです。",
    "published: 2004-05-08",
    "revisions: [{ number: 1, date: 2004-05-08, note: 公開 }]",
    "names: [BETA.EXE]",
    "firstSeen: { date: 2002-05, approximate: true, where: ブラジル }",
    "file: BETA.EXE",
    "claim: ファイルを削除せよ。",
    "truth: 正規のファイルです。",
    "action: 削除しないでください。",
    "ifActed: 元に戻してください。",
    "---",
    "## 経緯 {#background}",
    "",
    "ブラジルで始まりました。",
    "",
  ].join("\n"),
  "en/hoaxes/beta.md": [
    "---",
    "translationOf: 1",
    "title: Beta hoax",
    "summary: A hoax telling you to delete BETA.EXE.",
    "names: [BETA.EXE]",
    "firstSeen: { where: Brazil }",
    "claim: Delete the file.",
    "truth: It is a legitimate file.",
    "action: Do not delete it.",
    "ifActed: Restore it.",
    "---",
    "## Background {#background}",
    "",
    "It started in Brazil.",
    "",
  ].join("\n"),
};

export interface Fixture {
  dir: string;
  content: string;
  write(path: string, text: string | Buffer): void;
  remove(path: string): void;
  cleanup(): void;
}

/** A temporary folder with content/ holding MINIMAL plus `changes` (null deletes a file). */
export function makeFixture(changes: Record<string, string | Buffer | null> = {}, base: Record<string, string> = MINIMAL): Fixture {
  const dir = mkdtempSync(join(tmpdir(), "keikoku-fixture-"));
  const content = join(dir, "content");
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  const remove = (path: string) => rmSync(join(content, path), { force: true });
  for (const [path, text] of Object.entries(base)) write(path, text);
  for (const [path, text] of Object.entries(changes)) (text === null ? remove(path) : write(path, text));
  return { dir, content, write, remove, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the bundled content, to break one file of real content. */
export function copyBundledContent(): Fixture {
  const fixture = makeFixture({}, {});
  cpSync(join(ROOT, "content"), fixture.content, { recursive: true });
  return fixture;
}

/** Runs `use` on a fresh fixture (MINIMAL plus `changes`) and removes the fixture afterwards, whatever happens. */
export function withFixture<T>(use: (fixture: Fixture) => T, changes: Record<string, string | Buffer | null> = {}): T {
  const fixture = makeFixture(changes);
  try {
    return use(fixture);
  } finally {
    fixture.cleanup();
  }
}

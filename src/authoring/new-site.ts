/**
 * A new, empty site (`npm run new -- site DIR`): site.yaml, the two pages every site has (about, the hoax
 * list's introduction) in both languages, and an empty URL manifest. Valid and buildable as written; every
 * placeholder says TODO, and `npm run check` lists the files that still have one.
 *
 *   siteFiles({ folder: "example-csirt" })
 *     → { "site.yaml": "name:\n  ja: \"TODO: サイト名\"…", "ja/pages/about.md": "---\ntitle: このサイトについて…", … }
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { MANIFEST_HEADER } from "../links/url-manifest.ts";

/** The tracking-id prefix a folder name suggests: `example-csirt` → `EXAMPLE-CSIRT`; `SITE` when nothing is left. */
export function idPrefixFor(folder: string): string {
  const words = basename(folder).toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  return words.length ? words.join("-") : "SITE";
}

/** The files of a new site, by path under its folder. Pure: writes nothing. */
export function siteFiles({ folder }: { folder: string }): Record<string, string> {
  return {
    "site.yaml": [
      "# This site's configuration: its name, its publisher and its CSAF settings (README.md, \"Site configuration\").",
      "# Replace every TODO, then: npm run check -- --content <this folder>",
      "name:",
      "  ja: \"TODO: サイト名\"",
      "  en: \"TODO: Site name\"",
      "tagline:",
      "  ja: \"TODO: このサイトが何を公開しているかを 1 行で\"",
      "  en: \"TODO: One line on what this site publishes\"",
      "publisher:",
      "  name: \"TODO: Organisation name\"",
      "  # coordinator, discoverer, other (relays others' advisories), translator, user or vendor",
      "  category: other",
      "  # How readers and reporters reach you: listed on the about page and in security.txt.",
      "  contacts: []",
      "  #  - label: { ja: 脆弱性の報告, en: Report a vulnerability }",
      "  #    uri: mailto:security@example.jp",
      "# Where the site will be served (SITE_URL and PATH_PREFIX override these when deploying).",
      "url: http://localhost:8080",
      "pathPrefix: /",
      "csaf:",
      "  # The first part of every CSAF tracking id; never change it once documents are published.",
      `  idPrefix: ${idPrefixFor(folder)}`,
      "  tlp: WHITE",
      "  # security.txt is published only with an expiry less than a year ahead (RFC 9116); renew it before then.",
      "  # securityTxtExpires: YYYY-MM-DD",
      "",
    ].join("\n"),
    "ja/pages/about.md": [
      "---",
      "title: このサイトについて",
      "summary: \"TODO: このサイトを発行する組織と、公開している情報を 1〜2 文で。\"",
      "---",
      "",
      "## 発行元 {#publisher}",
      "",
      "TODO: 発行元の組織と、このサイトで公開している情報を書いてください。連絡先は site.yaml の publisher.contacts に書くと、このページと security.txt に表示されます。",
      "",
    ].join("\n"),
    "en/pages/about.md": [
      "---",
      "title: About this site",
      "summary: \"TODO: Who publishes this site and what it publishes, in one or two sentences.\"",
      "---",
      "",
      "## Publisher {#publisher}",
      "",
      "TODO: Say who publishes this site and what it publishes. Contacts go in site.yaml (publisher.contacts): they are listed on this page and in security.txt.",
      "",
    ].join("\n"),
    "ja/pages/hoaxes.md": [
      "---",
      "title: ウイルスのデマ情報",
      "summary: \"TODO: デマ情報の一覧の紹介を 1 文で。\"",
      "---",
      "",
      "## デマ情報の見分け方 {#recognise}",
      "",
      "TODO: 届いたメールがデマかどうかを見分ける方法を書いてください。",
      "",
    ].join("\n"),
    "en/pages/hoaxes.md": [
      "---",
      "title: Virus hoaxes",
      "summary: \"TODO: One sentence introducing the list of hoaxes.\"",
      "---",
      "",
      "## How to recognise a hoax {#recognise}",
      "",
      "TODO: Explain how readers can tell that a warning mail is a hoax.",
      "",
    ].join("\n"),
    "products.yaml": [
      "# The products this site's advisories name (affected, notAffected, ratings): an id, the names in both",
      "# languages, the vendor, and optionally a short name for narrow places such as a ratings table's columns.",
      "# The order here is the order pages list them in.",
      "#",
      "# example-server:",
      "#   ja: サンプル サーバー",
      "#   en: Example Server",
      "#   short: { ja: サーバー, en: Server }",
      "#   vendor: Example Software",
      "{}",
      "",
    ].join("\n"),
    "url-manifest.txt": `${MANIFEST_HEADER.join("\n")}\n`,
  };
}

export type NewSiteResult = { ok: true; written: string[] } | { ok: false; error: string; hint: string };

/** Writes a new site into `dir`, which must be missing or empty; nothing is written when it is refused. */
export function writeSite(dir: string): NewSiteResult {
  if (existsSync(dir) && readdirSync(dir).length) {
    return { ok: false, error: `${dir} is not empty`, hint: "a new site starts in an empty or new folder; choose another" };
  }
  const files = siteFiles({ folder: dir });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, { flag: "wx" });
  }
  return { ok: true, written: Object.keys(files) };
}

/**
 * The site's settings (src/settings): site.yaml validated like content, with every problem located at its
 * file, line, column and field; the environment's overrides named by their variable; the precedence of the
 * two; and the JSON Schema editors use. Pure: no build.
 */
import { describe, test } from "node:test";
import { noticeText, problemText } from "../../src/i18n/problem-text.ts";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { readSettings, settingsFromText, type Settings } from "../../src/settings/settings.ts";
import { csafConfig } from "../../src/csaf/config.ts";
import { formatProblem, formatReport } from "../../src/data/problems.ts";
import { siteFiles } from "../../src/authoring/new-site.ts";
import { ROOT } from "../helpers/fixtures.ts";

const FILE = "my-site/site.yaml";
const at = { file: FILE, root: "/x", siteDir: "/x/my-site" };
const VALID = [
  "name: { ja: サンプル, en: Sample }",
  "tagline: { ja: テスト, en: Test }",
  "publisher:",
  "  name: Example CSIRT",
  "csaf:",
  "  idPrefix: EXAMPLE",
  "",
].join("\n");

function read(text: string, env: Record<string, string> = {}, devPort?: number) {
  return settingsFromText(text, { ...at, env, ...(devPort !== undefined ? { devPort } : {}) });
}
function valid(text: string, env: Record<string, string> = {}, devPort?: number): Settings {
  const result = read(text, env, devPort);
  assert.deepEqual(result.problems.map(formatProblem), []);
  return result.settings!;
}
const report = (text: string, env: Record<string, string> = {}) => read(text, env).problems.map(formatProblem);

test("the bundled site's site.yaml: its name, publisher and CSAF settings, and Keikoku's defaults for the rest", () => {
  const result = readSettings({ root: ROOT, env: {} });
  assert.deepEqual(result.problems, []);
  const { site, siteUrl, pathPrefix, switches } = result.settings!;
  assert.deepEqual(site.name, { ja: "警告 Keikoku", en: "Keikoku" });
  assert.equal(site.publisher.name, "Keikoku");
  assert.equal(site.publisher.category, "other");
  assert.deepEqual(site.publisher.contacts, []);
  assert.equal(site.csaf.idPrefix, "KEIKOKU");
  assert.equal(site.csaf.tlp, "WHITE");
  assert.equal(site.logo?.mark, "警");
  assert.match(site.footerNotice!.ja, /2004年当時の情報/);
  assert.equal(siteUrl, "http://localhost:8080");
  assert.equal(pathPrefix, "/");
  assert.deepEqual(switches, { contentCache: true, csafCache: true, csaf: true, search: true });
});

test("defaults: the namespace is the site's URL, security.txt points at the about page, TLP WHITE, no contacts", () => {
  const settings = valid(`${VALID}url: https://csirt.example.jp\n`);
  const csaf = csafConfig(settings);
  assert.deepEqual(csaf.publisher, { category: "other", name: "Example CSIRT", namespace: "https://csirt.example.jp" });
  assert.deepEqual(csaf.securityContacts, ["https://csirt.example.jp/ja/about/"]);
  assert.equal(csaf.tlp, "WHITE");
  assert.equal(csaf.notice, undefined);
  assert.deepEqual(settings.site.home, {});
});

test("contacts go to the about page, security.txt and CSAF's contact_details", () => {
  const text = VALID.replace("  name: Example CSIRT", "  name: Example CSIRT\n  contacts:\n    - { label: { ja: 報告, en: Report }, uri: \"mailto:security@csirt.example.jp\" }");
  const csaf = csafConfig(valid(text));
  assert.deepEqual(csaf.securityContacts, ["mailto:security@csirt.example.jp"]);
  assert.equal(csaf.publisher.contact_details, "mailto:security@csirt.example.jp");
});

test("every problem at once, each at its line, column and field, with a hint", () => {
  const text = [
    "name: { ja: サンプル, en: Sample }",
    "tagline: { ja: テスト }",
    "publisher:",
    "  name: Example CSIRT",
    "  namespace: csirt.example.jp",
    "  categroy: vendor",
    "url: https://csirt.example.jp/security/",
    "csaf:",
    "  tlp: amber",
    "",
  ].join("\n");
  assert.deepEqual(report(text).sort(), [
    `${FILE}:2:10 tagline.en: required field "en" is missing — add "en:" (see README.md, "Site configuration")`,
    `${FILE}:5:14 publisher.namespace: not an http(s) URL: "csirt.example.jp" — use the publisher's web origin, e.g. https://advisories.example.jp`,
    `${FILE}:6:3 publisher.categroy: unknown field "categroy" — did you mean "category"?`,
    `${FILE}:7:6 url: "https://csirt.example.jp/security/" has a path — write the origin only, e.g. https://advisories.example.jp, and the path in pathPrefix`,
    `${FILE}:9:3 csaf.idPrefix: required field "idPrefix" is missing — e.g. KEIKOKU or EXAMPLE-CSIRT`,
    `${FILE}:9:8 csaf.tlp: TLP:AMBER documents must be access-protected (CSAF 2.0 requirement 5), and this static site is public — publish TLP:AMBER and TLP:RED through an access-controlled CSAF provider, or set csaf.tlp to WHITE or GREEN`,
  ].sort());
});

test("YAML syntax errors are located; so are a missing site.yaml and a missing site folder", () => {
  assert.deepEqual(report("name: { ja: a, en: b\n"), [`${FILE}:2:1 (yaml): YAML syntax error: Flow map in block collection must be sufficiently indented and end with a } — quote values that contain ": " or start with a special character`]);
  const dir = mkdtempSync(join(tmpdir(), "keikoku-settings-"));
  try {
    mkdirSync(join(dir, "empty"));
    assert.match(readSettings({ root: dir, siteDir: join(dir, "empty"), env: {} }).problems.map(formatProblem).join("\n"), /^empty\/site\.yaml:1:1 \(file\): the site has no site\.yaml — .*npm run new -- site DIR/);
    assert.match(readSettings({ root: dir, siteDir: join(dir, "nowhere"), env: {} }).problems.map(formatProblem).join("\n"), /^nowhere:1:1 \(file\): the site folder does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an accent colour that text cannot be read on, and a logo image the site does not have, are refused", () => {
  const text = `${VALID}accentColor: { light: "#ffcc00", dark: "#123456" }\nlogo: { image: /assets/logo.svg }\n`;
  assert.deepEqual(report(text).sort(), [
    `${FILE}:7:23 accentColor.light: #ffcc00 has a contrast of 1.51:1 with the light background #ffffff — pick a darker colour: text on it needs 4.5:1 (WCAG 2.1 AA)`,
    `${FILE}:7:40 accentColor.dark: #123456 has a contrast of 1.45:1 with the dark background #121417 — pick a lighter colour: text on it needs 4.5:1 (WCAG 2.1 AA)`,
    `${FILE}:8:16 logo.image: no file public/assets/logo.svg in the site folder — put the image at my-site/public/assets/logo.svg, or correct the path`,
  ].sort());
});

test("the environment overrides site.yaml for one deployment; its problems name the variable", () => {
  const settings = valid(`${VALID}url: https://csirt.example.jp\npathPrefix: /\n`, { SITE_URL: "https://mirror.example.jp/", PATH_PREFIX: "security", CSAF_TLP: "green", CSAF_PUBLISHER_NAME: "Mirror CERT" });
  assert.equal(settings.siteUrl, "https://mirror.example.jp");
  assert.equal(settings.pathPrefix, "/security/");
  assert.equal(settings.site.csaf.tlp, "GREEN");
  assert.equal(settings.site.publisher.name, "Mirror CERT");
  assert.deepEqual(settings.overrides.sort(), ["CSAF_PUBLISHER_NAME", "CSAF_TLP", "PATH_PREFIX", "SITE_URL"]);

  const problems = read(VALID, { CSAF_TLP: "RED", SITE_URL: "ftp://x", PATH_PREFIX: "../up", SOURCE_DATE_EPOCH: "yesterday", CSAF_SECURITY_CONTACT: "someone" }).problems;
  assert.deepEqual(problems.map(formatProblem).sort(), [
    `CSAF_SECURITY_CONTACT (environment): "someone" is not a mailto:, tel: or http(s) URI — separate several URIs with spaces (RFC 9116 Contact)`,
    `CSAF_TLP (environment): TLP:RED documents must be access-protected (CSAF 2.0 requirement 5), and this static site is public — publish TLP:AMBER and TLP:RED through an access-controlled CSAF provider, or set CSAF_TLP=WHITE or GREEN`,
    `PATH_PREFIX (environment): "../up" is not a plain path — use something like /security/`,
    `SITE_URL (environment): not an http(s) URL: "ftp://x" — write the origin only, e.g. https://advisories.example.jp, and the path in PATH_PREFIX`,
    `SOURCE_DATE_EPOCH (environment): "yesterday" is not a number of seconds since 1970 — e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`,
  ]);
  assert.match(formatReport(problems), /✖ 5 content problems in the environment; nothing was written\.$/);
});

test("CSAF_SECURITY_CONTACT sets security.txt's contacts for one deployment, not the publisher's", () => {
  const csaf = csafConfig(valid(VALID, { CSAF_SECURITY_CONTACT: "mailto:a@example.jp https://example.jp/report" }));
  assert.deepEqual(csaf.securityContacts, ["mailto:a@example.jp", "https://example.jp/report"]);
  assert.equal(csaf.publisher.contact_details, undefined);
});

test("the dev server links to itself unless SITE_URL says otherwise", () => {
  assert.equal(valid(VALID, {}, 8123).siteUrl, "http://localhost:8123");
  assert.equal(valid(VALID, { SITE_URL: "https://csirt.example.jp" }, 8123).siteUrl, "https://csirt.example.jp");
});

test("switches and the signing key come from the environment only", () => {
  const settings = valid(VALID, { KEIKOKU_CACHE: "off", KEIKOKU_SEARCH: "off", CSAF_OPENPGP_KEY_FILE: " /keys/csaf.asc ", CSAF_OPENPGP_PASSPHRASE: "secret", SOURCE_DATE_EPOCH: "1700000000" });
  assert.deepEqual(settings.switches, { contentCache: false, csafCache: true, csaf: true, search: false });
  assert.deepEqual(settings.signing, { keyFile: "/keys/csaf.asc", passphrase: "secret" });
  assert.equal(settings.sourceDateEpoch, 1700000000);
});

test("docs/schemas/site.schema.json accepts the bundled site.yaml and a new site's, and refuses the usual mistakes", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "docs/schemas/site.schema.json"), "utf8"));
  const check = new Ajv({ strict: false }).compile(schema);
  assert.ok(check(parse(readFileSync(join(ROOT, "content/site.yaml"), "utf8"))), JSON.stringify(check.errors));
  assert.ok(check(parse(siteFiles({ folder: "example-csirt" })["site.yaml"]!)), JSON.stringify(check.errors));
  assert.equal(check(parse("name: { ja: a }\ntagline: { ja: a, en: b }\npublisher: { name: x }\ncsaf: { idPrefix: X }\n")), false, "a name without English");
  assert.equal(check(parse(`${VALID}colour: red\n`)), false, "an unknown field");
});

test("a new site's site.yaml is valid as written, with a tracking-id prefix from its folder's name", () => {
  const dir = mkdtempSync(join(tmpdir(), "keikoku-settings-"));
  try {
    const siteDir = join(dir, "example-csirt");
    mkdirSync(siteDir);
    writeFileSync(join(siteDir, "site.yaml"), siteFiles({ folder: siteDir })["site.yaml"]!);
    const result = readSettings({ root: dir, siteDir, env: {} });
    assert.deepEqual(result.problems, []);
    assert.equal(result.settings!.site.csaf.idPrefix, "EXAMPLE-CSIRT");
    assert.match(result.settings!.site.name.ja, /^TODO/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("security.txt's expiry (csaf.securityTxtExpires)", () => {
  const NOW = new Date("2026-12-02T12:00:00Z");
  const at2026 = (text: string, env: Record<string, string> = {}) => settingsFromText(text, { ...at, env, now: NOW });
  const withExpiry = (day: string) => VALID.replace("  idPrefix: EXAMPLE", `  idPrefix: EXAMPLE\n  securityTxtExpires: ${day}`);

  test("without one, security.txt is not published and a note says how to publish it", () => {
    const { settings } = at2026(VALID);
    assert.equal(csafConfig(settings!).securityTxtExpires, undefined);
    assert.deepEqual(settings!.notices, []);
    assert.equal(csafConfig(settings!).securityTxtNotice,
      "security.txt is not published: set csaf.securityTxtExpires in site.yaml (or CSAF_SECURITY_TXT_EXPIRES) to a date less than a year ahead to publish it; the CSAF provider metadata is published at /.well-known/csaf/provider-metadata.json either way");
  });

  test("the bundled site sets none: an expiry in a bundled file would fail CI once it passed", () => {
    const { settings } = readSettings({ root: ROOT, env: {} });
    assert.equal(settings!.site.csaf.securityTxtExpires, undefined);
    assert.deepEqual(settings!.securityTxtNotice, { code: "security-txt.unpublished", params: {} });
  });

  test("a date already past fails at its line in site.yaml, with the fix", () => {
    const text = withExpiry("2005-05-08");
    assert.deepEqual(at2026(text).problems.map(formatProblem), [
      `${FILE}:7:23 csaf.securityTxtExpires: security.txt expired on 2005-05-08 — set a date less than a year ahead, e.g. 2027-11-02, and renew it before then (RFC 9116)`,
    ]);
    // Today itself has passed at noon.
    assert.equal(at2026(withExpiry("2026-12-02")).problems.length, 1);
  });

  test("a date already past from CSAF_SECURITY_TXT_EXPIRES is named by the variable", () => {
    const problems = at2026(VALID, { CSAF_SECURITY_TXT_EXPIRES: "2026-01-31" }).problems;
    assert.deepEqual(problems.map((p) => [p.file, p.field, problemText(p, "en").message]), [["environment", "CSAF_SECURITY_TXT_EXPIRES", "security.txt expired on 2026-01-31"]]);
    assert.equal(problemText(problems[0]!, "ja").message, "security.txt の有効期限は 2026-01-31 に切れています");
  });

  test("less than a year ahead: published, nothing to say", () => {
    const { settings, problems } = at2026(withExpiry("2027-06-30"));
    assert.deepEqual(problems, []);
    assert.equal(csafConfig(settings!).securityTxtExpires, "2027-06-30");
    assert.equal(settings!.securityTxtNotice, undefined);
  });

  test("more than a year ahead: published, with a note (RFC 9116 recommends less than a year)", () => {
    const { settings } = at2026(withExpiry("2099-12-31"));
    assert.equal(csafConfig(settings!).securityTxtExpires, "2099-12-31");
    assert.equal(csafConfig(settings!).securityTxtNotice, "csaf.securityTxtExpires 2099-12-31 is more than a year ahead: RFC 9116 recommends less than a year, so that readers can tell a stale security.txt");
    assert.match(noticeText(at2026(VALID, { CSAF_SECURITY_TXT_EXPIRES: "2099-12-31" }).settings!.securityTxtNotice!, "en"), /^CSAF_SECURITY_TXT_EXPIRES 2099-12-31 is more than a year ahead/);
  });

  test("with CSAF off (KEIKOKU_CSAF=off) nothing is published, so nothing is checked", () => {
    const { settings, problems } = at2026(withExpiry("2005-05-08"), { KEIKOKU_CSAF: "off" });
    assert.deepEqual(problems, []);
    assert.equal(settings!.securityTxtNotice, undefined);
  });
});

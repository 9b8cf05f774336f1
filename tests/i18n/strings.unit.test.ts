/**
 * Every UI string exists in both languages, and every key a template or script uses exists.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MESSAGES, missingKeys, formatDate, t } from "../../src/i18n/i18n.ts";
import { ROOT } from "../helpers/fixtures.ts";

test("ja.json and en.json have exactly the same keys, none empty", () => {
  assert.deepEqual(missingKeys(), []);
  assert.deepEqual(Object.keys(MESSAGES.ja).sort(), Object.keys(MESSAGES.en).sort());
});

test("missingKeys finds a string missing in one language", () => {
  assert.deepEqual(missingKeys({ ja: { a: "あ", b: "い" }, en: { a: "A", b: " " } }), [{ lang: "en", key: "b" }]);
  assert.deepEqual(missingKeys({ ja: { a: "あ" }, en: { a: "A", c: "C" } }), [{ lang: "ja", key: "c" }]);
});

test("every key used in layouts exists", () => {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else for (const m of readFileSync(path, "utf8").matchAll(/["']([a-zA-Z]+\.[a-zA-Z.]+)["']\s*\|\s*t\(/g)) used.add(m[1]!);
    }
  };
  walk(join(ROOT, "layouts"));
  assert.ok(used.size > 40, `found ${used.size} keys`);
  for (const key of used) assert.ok(key in MESSAGES.ja && key in MESSAGES.en, `missing UI string "${key}"`);
});

test("an unknown key fails loudly instead of showing the key to readers", () => {
  assert.throws(() => t("en", "no.such.key"), /Unknown UI string "no.such.key"/);
});

test("dates in each language's own format", () => {
  assert.equal(formatDate("ja", "2004-05-08"), "2004年5月8日");
  assert.equal(formatDate("en", "2004-05-08"), "8 May 2004");
  assert.equal(formatDate("ja", "2001-04", true), "2001年4月ごろ");
  assert.equal(formatDate("en", "2001-04", true), "around April 2001");
  assert.equal(formatDate("en", "1994"), "1994");
});

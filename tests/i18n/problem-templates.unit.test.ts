/**
 * The report's templates (src/i18n/locales/{ja,en}.json: problem.*, hint.*, note.*, report.*, term.*): both
 * languages have each one, with the same interpolation names, and the renderer refuses a code it has no
 * template for instead of printing the key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MESSAGES } from "../../src/i18n/i18n.ts";
import { noticeText, problemText, renderTemplate } from "../../src/i18n/problem-text.ts";
import type { ContentProblem } from "../../src/data/problems.ts";
import { englishLeft } from "../authoring/helpers.ts";

const REPORT_KEY = /^(problem|hint|note|report|term)\./;
const names = (template: string): string[] => [...new Set([...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))].sort();
/** A key without its plural suffix: both plural forms of a template share one set of names. */
const base = (key: string): string => key.replace(/_(one|other)$/, "");

test("every report template exists in both languages with the same interpolation names", () => {
  const keys = (lang: "ja" | "en") => Object.keys(MESSAGES[lang]).filter((k) => REPORT_KEY.test(k)).sort();
  assert.ok(keys("en").length > 200, `only ${keys("en").length} report templates: are the locale files read?`);
  assert.deepEqual(keys("ja"), keys("en"));
  const differ: string[] = [];
  for (const key of keys("en")) {
    const en = names(MESSAGES.en[key]!);
    const ja = names(MESSAGES.ja[key]!);
    // A plural form may leave out {{count}} in one language (Japanese has one form). A YAML error's {{detail}} is
    // the parser's own English sentence: the Japanese template says it in Japanese instead, where it can.
    const optional = new Set([...(key !== base(key) ? ["count"] : []), ...(key.startsWith("problem.yaml.") ? ["detail"] : [])]);
    const strip = (list: string[]) => list.filter((n) => !optional.has(n));
    if (strip(en).join() !== strip(ja).join() || ja.some((n) => !en.includes(n))) differ.push(`${key}: en {${en}} ja {${ja}}`);
  }
  assert.deepEqual(differ, []);
});

test("every message and hint template is Japanese in ja.json and not the English text", () => {
  const english: string[] = [];
  for (const key of Object.keys(MESSAGES.ja).filter((k) => /^(problem|hint|note)\./.test(k))) {
    const ja = MESSAGES.ja[key]!;
    // Values ({{…}}) are names, ids and paths, and commands are typed as they are; the sentence around them must
    // be Japanese. A template of values alone ("{{test}}：{{detail}}") has no sentence.
    const sentence = ja.replace(/\{\{[^}]*\}\}/g, " ").replace(/npm run [\w:-]+(?: -- \w+ DIR)?|--\w+(?: DIR)?|\w+=\$\([^)]*\)|TODO:/g, " ");
    if (!/[A-Za-z\u3040-\u9fff]/.test(sentence)) continue;
    if (ja === MESSAGES.en[key] || englishLeft(sentence) !== undefined) english.push(`${key}: ${ja}`);
  }
  assert.deepEqual(english, []);
});

test("a problem renders in each language; lists are joined, vocabulary params are translated", () => {
  const p: ContentProblem = {
    file: "content/ja/advisories/a.md", line: 3, column: 1, field: "x", code: "status.contradiction",
    params: { what: "windows-2000", groups: ["affected", "fixed"] }, hint: "status.contradiction",
  };
  assert.equal(problemText(p, "en").message, "windows-2000 is affected and fixed at once");
  assert.equal(problemText(p, "ja").message, "windows-2000 が同時に複数の状態（影響あり、修正済み）になっています");
  const unknown = { ...p, code: "field.unknown" as const, params: { key: "afected", allowed: ["a", "b"] }, hint: "field.allowed" as const };
  assert.equal(problemText(unknown, "en").hint, "remove it; allowed here: a, b");
  assert.equal(problemText(unknown, "ja").hint, "削除してください。ここで使えるフィールドは a、b です");
  assert.equal(renderTemplate("en", "report.files", { count: 1 }), "1 file");
  assert.equal(renderTemplate("en", "report.files", { count: 2 }), "2 files");
  assert.equal(noticeText({ code: "todo", params: { file: "site.yaml" } }, "en"), "site.yaml still has TODO: placeholders (from npm run new)");
});

test("a code or hint without a template throws, naming the key to add", () => {
  const p = { code: "no.such-code", params: {} } as unknown as ContentProblem;
  assert.throws(() => problemText(p, "en"), /No template "problem\.no\.such-code" in src\/i18n\/locales\/en\.json/);
  const q = { code: "field.unknown", params: { key: "k" }, hint: "no-such-hint" } as unknown as ContentProblem;
  assert.throws(() => problemText(q, "ja"), /No template "hint\.no-such-hint"/);
});

test("zod's limits (codes made from the issue: too-small.items, too-big.number-exclusive, …) render in both languages, with plurals", () => {
  const at = { file: "f.md", line: 1, column: 1, field: "x" };
  for (const side of ["too-small", "too-big"]) {
    for (const what of ["items", "characters", "number", "number-exclusive"]) {
      for (const lang of ["ja", "en"] as const) {
        const text = problemText({ ...at, code: `${side}.${what}`, params: { count: 2, limit: 2 } } as unknown as ContentProblem, lang).message;
        assert.match(text, /2/, `${side}.${what} in ${lang}`);
      }
    }
  }
  const items = (count: number) => problemText({ ...at, code: "too-small.items", params: { count, limit: count } }, "en").message;
  assert.equal(items(1), "needs at least 1 item");
  assert.equal(items(3), "needs at least 3 items");
});

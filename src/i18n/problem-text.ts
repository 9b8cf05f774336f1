/**
 * The words of content problems and notices, in either language, from one set of templates in
 * locales/{ja,en}.json: a problem `{ code: "date.nonexistent", params: { value: "2004-02-30", … }, hint: … }`
 * reads `problem.date.nonexistent` and `hint.<hint>`, with i18next interpolation (`{{value}}`) and plurals
 * (`_one`/`_other`, chosen by a `count` param). A new rule adds two strings, never a translation step.
 *
 *   problemText({ code: "product.unknown", params: { value: "windows-2001", suggestion: "windows-2000" }, hint: "did-you-mean", … }, "ja")
 *   → { message: '不明な製品 "windows-2001" です', hint: '"windows-2000" の誤りではありませんか？' }
 *
 * The compiler refuses a problem, hint or note whose code has no English template (ProblemCode, HintCode,
 * NoticeCode are the locale file's keys); tests/i18n/problem-templates.unit.test.ts holds Japanese to the same
 * keys and interpolation names; a code made at run time without a template throws here.
 */
import type { ContentProblem, Notice, ProblemParams } from "../data/problems.ts";
import en from "./locales/en.json" with { type: "json" };
import { hasString, t } from "./i18n.ts";
import type { Lang } from "./languages.ts";

type KeysAfter<Prefix extends string> = keyof typeof en extends infer K ? (K extends `${Prefix}${infer Rest}` ? Rest : never) : never;
type Unplural<K extends string> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/** Every problem code with a template (`problem.<code>` in the locale files). */
export type ProblemCode = Unplural<KeysAfter<"problem.">>;
/** Every hint (`hint.<name>`). */
export type HintCode = Unplural<KeysAfter<"hint.">>;
/** Every notice (`note.<name>`). */
export type NoticeCode = Unplural<KeysAfter<"note.">>;

/**
 * Params whose value is a word of a small vocabulary rather than a name: they are shown in the report's
 * language (`term.type.array` → "array" / "リスト"). The json report keeps the value itself.
 */
const TERM_PARAMS: Record<string, string> = {
  expected: "term.type",
  found: "term.found",
  kind: "term.kind",
  sourceLang: "term.lang",
  pageLang: "term.edition",
  scheme: "term.scheme",
  groups: "term.status",
  month: "term.month",
};

/** List params read as "a and b" rather than "a, b". */
const AND_LISTS = new Set(["groups"]);

/** `key` rendered with `params` in `lang`; throws when there is no template. */
export function renderTemplate(lang: Lang, key: string, params: ProblemParams = {}): string {
  if (!hasString(lang, key)) throw new Error(`No template "${key}" in src/i18n/locales/${lang}.json — add it to ja.json and en.json`);
  const vars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const term = TERM_PARAMS[name];
    const word = (v: string | number) => (term && hasString(lang, `${term}.${v}`) ? t(lang, `${term}.${v}`) : v);
    vars[name] = Array.isArray(value) ? value.map(word).join(t(lang, AND_LISTS.has(name) ? "punct.and" : "punct.comma")) : word(value as string | number);
  }
  return t(lang, key, vars);
}

/** A problem's message and hint in `lang`. */
export function problemText(p: Pick<ContentProblem, "code" | "params" | "hint">, lang: Lang): { message: string; hint?: string } {
  const message = renderTemplate(lang, `problem.${p.code}`, p.params);
  return p.hint ? { message, hint: renderTemplate(lang, `hint.${p.hint}`, p.params) } : { message };
}

/**
 * A problem for `--format json`: where, its code and params (for editors and CI annotations), the hint's code as
 * `hintCode`, and the message and hint rendered in `lang`.
 */
export function problemJson(p: ContentProblem, lang: Lang): Omit<ContentProblem, "hint"> & { hintCode?: string; message: string; hint?: string } {
  const { hint, ...rest } = p;
  return { ...rest, ...(hint ? { hintCode: hint } : {}), ...problemText(p, lang) };
}

/** A notice in `lang`. */
export const noticeText = (n: Notice, lang: Lang): string => renderTemplate(lang, `note.${n.code}`, n.params);

/** The last line of a report: how many problems, in how many files (and the environment). */
export function reportSummary(problems: readonly Pick<ContentProblem, "file" | "line">[], lang: Lang, from: "check" | "build"): string {
  const files = new Set(problems.filter((p) => p.line > 0).map((p) => p.file)).size;
  const environment = problems.some((p) => p.line === 0);
  const filesText = files ? renderTemplate(lang, "report.files", { count: files }) : "";
  const where = filesText && environment
    ? renderTemplate(lang, "report.filesAndEnvironment", { files: filesText })
    : filesText || renderTemplate(lang, "report.environment");
  return renderTemplate(lang, `report.summary.${from}`, { count: problems.length, where });
}

/** A problem code as a zod schema's error, checked by the compiler: `{ error: problemCode("date.malformed") }`. */
export const problemCode = (code: ProblemCode): string => code;

import type { Lang } from "../i18n/languages.ts";
import { problemText, reportSummary, type HintCode, type NoticeCode, type ProblemCode } from "../i18n/problem-text.ts";

/** A problem's values: ids, field names, quoted values, counts; a list is a list of candidates or ids. */
export type ProblemParams = Record<string, string | number | readonly string[]>;

/**
 * A content problem: what is wrong (a stable `code` and its `params`), where (file, line, column, field) and
 * how to fix it (a hint's code). The words live in src/i18n/locales/{ja,en}.json as `problem.<code>` and
 * `hint.<hint>`, rendered by src/i18n/problem-text.ts; the data layer collects every problem of every file
 * before it fails, so an author sees them all at once.
 */
export interface ContentProblem {
  /** The file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file; 1 when the problem concerns the whole file; 0 for an environment variable. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The frontmatter field as a path such as `affected[2]`, or `(file)` / `(body)`. */
  field: string;
  /** What is wrong, as a stable code such as `date.nonexistent`: the template `problem.<code>`. */
  code: ProblemCode;
  /** The values the templates interpolate (`{{value}}`); the message and the hint share them. */
  params: ProblemParams;
  /** How to fix it, when there is something useful to say: the template `hint.<hint>`. */
  hint?: HintCode;
}

/** A note for the report of valid content (a fallback, a stale translation): the template `notice.<code>`. */
export interface Notice {
  code: NoticeCode;
  params: ProblemParams;
}

/**
 * `content/ja/advisories/sasser.md:7:3 affected[2]: unknown product "windows-2001" — did you mean "windows-2000"?`
 * A problem with no position (line 0: an environment variable) reads `CSAF_TLP (environment): …`.
 */
export const formatProblem = (p: ContentProblem): string => problemLine(p, "en");

/** formatProblem in either language: the same `file:line:column field:` prefix, the text from the templates. */
export function problemLine(p: ContentProblem, lang: Lang): string {
  const text = problemText(p, lang);
  const hint = text.hint ? ` — ${text.hint}` : "";
  if (p.line === 0) return `${p.field} (${p.file}): ${text.message}${hint}`;
  return `${p.file}:${p.line}:${p.column} ${p.field}: ${text.message}${hint}`;
}

/** Sort problems by file, then position, so reports are stable and read top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

/**
 * The whole report: every problem, then one line with the count. `check` never writes, so its count says
 * no more; the build's adds that the previous output was left as it was.
 */
export function formatReport(problems: ContentProblem[], lang: Lang = "en", from: "check" | "build" = "build"): string {
  const lines = sortProblems(problems).map((p) => problemLine(p, lang));
  lines.push(reportSummary(problems, lang, from));
  return lines.join("\n");
}

/** Thrown when content is invalid; carries every problem found. Its message is the build's English report. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(formatReport(problems));
    this.name = "ContentError";
  }
}

/** Field paths as authors write them: `revisions[0].date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(frontmatter)";
}

/** The closest candidate by edit distance, if it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * didYouMean for ids, which authors often shorten or lengthen by a word: `sulfnbk` for `sulfnbk-exe`,
 * `sasser-worm` for `sasser`. The closest by edit distance first; else the one id that extends the input (or
 * that the input extends) by whole hyphenated words.
 */
export function didYouMeanId(input: string, candidates: readonly string[]): string | undefined {
  const close = didYouMean(input, candidates);
  if (close || !input) return close;
  const word = input.toLowerCase();
  const extended = candidates.filter((c) => c.startsWith(`${word}-`) || word.startsWith(`${c}-`));
  return extended.length === 1 ? extended[0] : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Turns zod issues into content problems an author can act on: placed at the field's line, with the
 * field path as written in YAML and a hint ("did you mean …?", the expected format).
 */
import type { z } from "zod";
import type { ParsedFile } from "./frontmatter.ts";
import { hasString } from "../i18n/i18n.ts";
import type { HintCode, ProblemCode } from "../i18n/problem-text.ts";
import { didYouMean, formatPath, type ContentProblem, type ProblemParams } from "./problems.ts";

/** Hints for the formats authors get wrong most, by the schema's problem code. */
const FORMAT_HINTS: Partial<Record<ProblemCode, HintCode>> = {
  "date.malformed": "date.format",
  "date.nonexistent": "date.nonexistent",
  "kb.malformed": "kb.format",
  "cve.malformed": "cve.format",
  "can.malformed": "can.format",
  // Any vendor's id passes but one that starts like Microsoft's (MS and a digit), or has spaces at its ends.
  "bulletin.malformed": "bulletin.format",
  "status.expected": "status.use",
  "cwe.malformed": "cwe.format",
  "cvss.malformed": "cvss.format",
  "sha256.malformed": "sha256.format",
  "id.invalid": "id.format",
  "url.not-http": "url.http-only",
  "url.not-uri": "url.percent-encode",
  "text.control-character": "text.control-character",
};

/**
 * The schema's own errors are problem codes (src/data/schema.ts: `{ error: code("date.malformed") }`); the
 * value they are about is the issue's input.
 */
function schemaCode(message: string): ProblemCode | undefined {
  return hasString("en", `problem.${message}`) ? (message as ProblemCode) : undefined;
}

/** The values a schema code's templates use: the input, and for a day that does not exist, its parts. */
function paramsOf(code: ProblemCode, input: unknown): ProblemParams {
  const value = typeof input === "string" || typeof input === "number" ? String(input) : JSON.stringify(input) ?? "";
  if (code === "date.nonexistent") {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    // The last day of that month: day 0 of the next.
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { value, year, month, day, days };
  }
  return { value };
}

/** The object keys a schema accepts at a path, for "did you mean" on unknown keys. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def) return undefined;
      if (["optional", "default", "nullable", "prefault", "readonly", "catch"].includes(def.type as string)) current = def.innerType;
      else if (def.type === "pipe") current = def.in;
      else return def;
    }
  };
  for (const key of path) {
    const def = unwrap();
    if (!def) return [];
    if (def.type === "object") current = (def.shape as Record<string, unknown>)[String(key)];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else return [];
  }
  const def = unwrap();
  if (def?.type === "object") return Object.keys(def.shape as object);
  // A record keyed by a vocabulary (ratings: product → severity): its keys are the vocabulary's ids.
  const keyDef = def?.type === "record" ? (def.keyType as { _zod?: { def?: { entries?: Record<string, string> } } })?._zod?.def : undefined;
  return keyDef?.entries ? Object.values(keyDef.entries) : [];
}

/** What was found instead of the expected type: a word (`list`, `nothing`), or a type and the value. */
function describeInput(input: unknown): { found: string; value?: string } {
  if (input === null) return { found: "nothing" };
  if (Array.isArray(input)) return { found: "list" };
  if (typeof input === "object") return { found: "mapping" };
  return { found: typeof input, value: typeof input === "number" ? String(input) : JSON.stringify(input) ?? String(input) };
}

/**
 * `guide` is the document a missing field's hint points to: the authoring guide for content files, the
 * site configuration's section of the README for site.yaml.
 */
export function zodProblems(
  file: string, parsed: Pick<ParsedFile, "locate">, schema: z.ZodType, error: z.ZodError, guide = "docs/authoring.md",
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of error.issues) {
    const at = (path: readonly PropertyKey[], key?: string) => ({ file, ...parsed.locate(path, key) });
    if (issue.code === "unrecognized_keys") {
      const allowed = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = didYouMean(key, allowed);
        problems.push({
          ...at(issue.path, key),
          field: formatPath([...issue.path, key]),
          code: "field.unknown",
          params: { key, allowed, ...(guess ? { suggestion: guess } : {}) },
          hint: guess ? "did-you-mean" : allowed.length ? "field.allowed" : "remove-it",
        });
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      // A map's key that is not a valid id (products.yaml): placed at the key, in the key rule's words.
      const key = String(issue.path.at(-1));
      const code = schemaCode(issue.issues[0]?.message ?? "") ?? "key.invalid";
      const hint = FORMAT_HINTS[code];
      problems.push({ ...at(issue.path.slice(0, -1), key), field: formatPath(issue.path), code, params: paramsOf(code, key), ...(hint ? { hint } : {}) });
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && issue.path.length && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      const key = issue.path.at(-1);
      problems.push({ ...at(issue.path.slice(0, -1)), field: formatPath(issue.path), code: "field.missing", params: { key: String(key), guide }, hint: "field.missing" });
      continue;
    }
    problems.push({ ...at(issue.path), field: formatPath(issue.path), ...issueText(issue, input) });
  }
  return problems;
}

/** A zod issue's code, params and hint: the schema's own code where it gave one, else by the kind of issue. */
function issueText(issue: z.core.$ZodIssue, input: unknown): Pick<ContentProblem, "code" | "params" | "hint"> {
  const own = schemaCode(issue.message);
  if (issue.code === "invalid_value" && "values" in issue && typeof input === "string") {
    const values = issue.values.map(String);
    const guess = didYouMean(input, values);
    const code = own ?? "value.unknown";
    return { code, params: { ...paramsOf(code, input), allowed: values, ...(guess ? { suggestion: guess } : {}) }, hint: guess ? "did-you-mean" : "value.use" };
  }
  if (own) {
    const hint = FORMAT_HINTS[own];
    return { code: own, params: paramsOf(own, input), ...(hint ? { hint } : {}) };
  }
  if (issue.code === "invalid_type") {
    const { found, value } = describeInput(input);
    return value === undefined
      ? { code: "type.expected", params: { expected: issue.expected, found } }
      : { code: "type.expected-value", params: { expected: issue.expected, found, value } };
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    const origin = issue.origin === "array" || issue.origin === "set" ? "items" : issue.origin === "string" ? "characters" : "number";
    const limit = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
    const inclusive = issue.inclusive !== false;
    const code = `${issue.code === "too_small" ? "too-small" : "too-big"}.${origin}${origin === "number" && !inclusive ? "-exclusive" : ""}` as ProblemCode;
    return { code, params: { count: limit, limit } };
  }
  // Rare shapes (a union nothing matched, a custom check without a message): zod's sentence is kept.
  return { code: "value.invalid", params: { detail: issue.message } };
}

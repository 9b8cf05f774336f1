/**
 * Turns zod issues into content problems an author can act on: placed at the field's line, with the
 * field path as written in YAML and a hint ("did you mean …?", the expected format).
 */
import type { z } from "zod";
import type { ParsedFile } from "./frontmatter.ts";
import { didYouMean, formatPath, type ContentProblem } from "./problems.ts";

/** Hints for the formats authors get wrong most, keyed by the start of the message. */
const FORMAT_HINTS: [RegExp, string][] = [
  [/^malformed date/, "write dates as YYYY-MM-DD, e.g. 2004-05-08 (firstSeen also takes YYYY-MM or YYYY)"],
  [/^malformed KB number/, "write the article number only, e.g. 835732"],
  [/^malformed CVE id/, "write it as CVE-YYYY-NNNN, e.g. CVE-2003-0533"],
  [/^malformed CAN id/, "write it as CAN-YYYY-NNNN, e.g. CAN-2003-0533"],
  // Any vendor's id passes but one that starts like Microsoft's (MS and a digit), or has spaces at its ends.
  [/^malformed bulletin id/, "write it as MSyy-nnn, e.g. MS04-011"],
  [/^expected a product status/, "use one of: known-affected, first-affected, last-affected, under-investigation, known-not-affected, first-fixed, fixed, recommended"],
  [/^malformed CWE id/, "write it as CWE-NNN, e.g. CWE-611"],
  [/^malformed CVSS vector/, "copy the vector as the vendor published it, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"],
  [/^malformed SHA-256/, "write the 64 lower-case hex digits that npm run import recorded"],
  [/^invalid id/, "ids are lower-case ASCII letters, digits and single hyphens, e.g. ms04-011"],
  [/^not an http\(s\) URL/, "only absolute https: or http: URLs are allowed"],
  [/^contains a control character/, "remove the invisible control character"],
];

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

function describeInput(input: unknown): string {
  if (input === null) return "nothing";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  return `${typeof input} ${typeof input === "number" ? String(input) : JSON.stringify(input)}`;
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
          message: `unknown field "${key}"`,
          hint: guess ? `did you mean "${guess}"?` : `remove it; allowed here: ${allowed.join(", ")}`,
        });
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      // A map's key that is not a valid id (products.yaml): placed at the key, in the key rule's words.
      const key = String(issue.path.at(-1));
      const message = issue.issues[0]?.message ?? `invalid key "${key}"`;
      const hint = FORMAT_HINTS.find(([pattern]) => pattern.test(message))?.[1];
      problems.push({ ...at(issue.path.slice(0, -1), key), field: formatPath(issue.path), message, ...(hint ? { hint } : {}) });
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && issue.path.length && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      const key = issue.path.at(-1);
      problems.push({
        ...at(issue.path.slice(0, -1)),
        field: formatPath(issue.path),
        message: `required field "${String(key)}" is missing`,
        hint: `add "${String(key)}:" (see ${guide})`,
      });
      continue;
    }
    let message = issue.message;
    let hint: string | undefined;
    if (issue.code === "invalid_type" && message.startsWith("Invalid input")) {
      message = `expected ${issue.expected}, got ${describeInput(input)}`;
    } else if (issue.code === "invalid_value" && "values" in issue && typeof input === "string") {
      const values = issue.values.map(String);
      const guess = didYouMean(input, values);
      hint = guess ? `did you mean "${guess}"?` : `use one of: ${values.join(", ")}`;
    }
    hint ??= FORMAT_HINTS.find(([pattern]) => pattern.test(message))?.[1];
    problems.push({ ...at(issue.path), field: formatPath(issue.path), message, ...(hint ? { hint } : {}) });
  }
  return problems;
}

/**
 * Reading a CSAF document: bytes → SHA-256 → UTF-8 text → JSON → @secvisogram/csaf-validator-lib (the same offline
 * test sets as Keikoku's own output: the strict schema, the mandatory tests 6.1.x and the optional tests 6.2.x;
 * never the informative ones, which fetch URLs). A document with an error is refused: each finding is reported
 * with the file, the line and column of the value in the JSON text, the JSON path, the test and its message.
 * Warnings (6.2.x) do not refuse a document; they are counted for the report.
 *
 *   readCsaf(bytes, "cisco-sa-20180328-smi2.json") → { ok: true, document, sha256, warnings }
 *   readCsaf(broken, "x.json") → { ok: false, problems: [{ file: "x.json", line: 12, column: 18,
 *       field: "/document/tracking/version", message: "mandatoryTest_6_1_16 (6.1.16 Latest Document Version): …" }] }
 */
import type { HintCode, ProblemCode } from "../i18n/problem-text.ts";
import type { ProblemParams } from "../data/problems.ts";
import { createHash } from "node:crypto";
import { LineCounter, parseDocument, type Node } from "yaml";
import type { ContentProblem } from "../data/problems.ts";
import { describeTest, validateDocument, type Finding } from "../csaf/validate.ts";
import type { InputDocument } from "./csaf-input.ts";

export type ReadResult =
  | { ok: true; document: InputDocument; sha256: string; warnings: Finding[] }
  | { ok: false; sha256: string; problems: ContentProblem[] };

export const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Where a JSON pointer's value starts in the text, 1-based; the document's start when it cannot be found. */
export function locatePointer(text: string, pointer: string): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const segments = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: unknown = doc.contents;
  let found = doc.contents as Node | null;
  for (const segment of segments) {
    const key = /^\d+$/.test(segment) ? Number(segment) : segment;
    const child = (node as { get?: (k: unknown, keep: boolean) => unknown })?.get?.(key, true);
    if (child === undefined || child === null) break;
    node = child;
    found = child as Node;
  }
  const offset = found?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export async function readCsaf(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const sha256 = sha256Of(bytes);
  const refuse = (line: number, column: number, field: string, code: ProblemCode, params: ProblemParams, hint: HintCode): ReadResult => ({ ok: false, sha256, problems: [{ file, line, column, field, code, params, hint }] });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(1, 1, "(file)", "file.not-utf8", {}, "import.utf8");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const before = text.slice(0, at ? Number(at[1]) : 0);
    const line = before.split("\n").length;
    return refuse(line, before.length - before.lastIndexOf("\n"), "(json)", "import.not-json", { detail: message.replace(/\s*in JSON at position \d+.*$/, "") }, "import.not-json");
  }
  const findings = await validateDocument(data);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) {
    return {
      ok: false,
      sha256,
      problems: errors.map((e) => ({
        file,
        ...locatePointer(text, e.path),
        field: e.path || "/",
        code: "import.invalid" as const,
        params: { test: describeTest(e.test), detail: e.message },
        hint: "import.invalid" as const,
      })),
    };
  }
  return { ok: true, document: data as InputDocument, sha256, warnings: findings.filter((f) => f.severity === "warning") };
}

/**
 * Reads one content file as text and rejects what must never reach a page: bytes that are not UTF-8,
 * NUL and other control characters, Unicode direction overrides (which make text read differently from
 * how it is stored), and files too large to be an advisory.
 */
import { readFileSync, statSync } from "node:fs";
import type { ContentProblem } from "./problems.ts";

export const MAX_FILE_BYTES = 1024 * 1024;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

/**
 * `remember`: texts read before by a long-lived process (the dev server; content-cache.ts's LoadMemory), with
 * the file's identity when read. A save changes the modification time, so an unchanged file is not read and
 * decoded again (at 5,000 advisories, 0.5 s of each save). Only files that passed every check are kept.
 */
export function readContentFile(path: string, file: string, remember?: Map<string, { key: string; text: string }>): { text: string } | { problems: ContentProblem[] } {
  const stat = statSync(path);
  const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  const before = remember?.get(path);
  if (before?.key === key) return { text: before.text };
  const read = readAndCheck(path, file, stat.size);
  if (remember && "text" in read) remember.set(path, { key, text: read.text });
  return read;
}

function readAndCheck(path: string, file: string, size: number): { text: string } | { problems: ContentProblem[] } {
  if (size > MAX_FILE_BYTES) {
    return {
      problems: [{
        file, line: 1, column: 1, field: "(file)",
        code: "file.too-large", params: { size: (size / 1024 / 1024).toFixed(1) },
        hint: "file.too-large",
      }],
    };
  }
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    return {
      problems: [{
        file, ...position(lossy, lossy.indexOf("\uFFFD")), field: "(file)",
        code: "file.not-utf8", params: {},
        hint: "file.not-utf8",
      }],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const problems: ContentProblem[] = [];
  for (const match of text.matchAll(FORBIDDEN)) {
    const code = match[0].codePointAt(0)!;
    const kind = code >= 0x202a ? "file.direction-control" : code === 0 ? "file.nul-byte" : "file.control-character";
    problems.push({
      file, ...position(text, match.index), field: "(file)",
      code: kind, params: { codepoint: code.toString(16).toUpperCase().padStart(4, "0") },
      hint: "file.invisible",
    });
  }
  return problems.length ? { problems } : { text: text.replace(/\r\n/g, "\n") };
}

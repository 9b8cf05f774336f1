/**
 * Splits a content file into YAML frontmatter and Markdown body, keeping source positions so that every
 * problem can be reported at the line and column of the field that causes it.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

export interface ParsedFile {
  /** The frontmatter as plain data (undefined when the YAML could not be parsed). */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** YAML syntax problems, already placed. */
  /** `code` is the yaml library's error code (DUPLICATE_KEY, …), or UNRESOLVED_ALIAS. */
  syntaxErrors: { code: string; message: string; position: Position }[];
  /** Where a field is; for a missing field, where its parent is; `unknownKey` places the key itself. */
  locate(path: readonly PropertyKey[], unknownKey?: string): Position;
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSING_FENCE = /^---[ \t]*$/m;

/** The YAML between the fences and the Markdown after them, without parsing either. */
export function splitFrontmatter(text: string): { yamlText: string; body: string; bodyLine: number } | { error: "frontmatter.missing" | "frontmatter.unclosed" } {
  if (!FENCE.test(text)) return { error: "frontmatter.missing" };
  const start = text.indexOf("\n") + 1;
  const rest = text.slice(start);
  const close = CLOSING_FENCE.exec(rest);
  if (!close) return { error: "frontmatter.unclosed" };
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, "");
  // Line 1 is the opening fence, the YAML starts on line 2.
  return { yamlText, body, bodyLine: 2 + countLines(yamlText) + 1 };
}

export function parseFrontmatter(text: string): ParsedFile | { error: "frontmatter.missing" | "frontmatter.unclosed" } {
  const split = splitFrontmatter(text);
  if ("error" in split) return split;
  // Line 1 is the opening fence, the YAML starts on line 2.
  return { ...parseYaml(split.yamlText, 2), body: split.body, bodyLine: split.bodyLine };
}

/** A YAML document that is a whole file (site.yaml): the same positions and problems as frontmatter. */
export type ParsedYaml = Omit<ParsedFile, "body" | "bodyLine">;

/** Parses YAML text whose first line is line `firstLine` of its file, keeping positions for reports. */
export function parseYaml(yamlText: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const syntaxErrors = doc.errors.map((e) => ({
    code: e.code as string,
    message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, ""),
    position: toPosition(e.pos[0]),
  }));
  let data: unknown;
  if (!syntaxErrors.length) {
    try {
      data = doc.toJS();
    } catch (error) {
      // e.g. an alias (*name) with no anchor: valid syntax, but no value.
      syntaxErrors.push({ code: "UNRESOLVED_ALIAS", message: error instanceof Error ? error.message : String(error), position: { line: firstLine, column: 1 } });
    }
  }
  return {
    data,
    syntaxErrors,
    locate: (path, unknownKey) => locateNode(doc, path, unknownKey, toPosition, firstLine),
  };
}

/** Lines the YAML block spans (it ends with the newline before the closing fence). */
function countLines(s: string): number {
  return (s.match(/\n/g) ?? []).length;
}

function locateNode(
  doc: Document,
  path: readonly PropertyKey[],
  unknownKey: string | undefined,
  toPosition: (offset: number) => Position,
  firstLine: number,
): Position {
  // Walk down as far as the path exists; report the deepest node found.
  let node: unknown = doc.contents;
  let found: Node | null = (doc.contents as Node | null) ?? null;
  for (const key of path) {
    const child = (node as { get?: (k: unknown, keepScalar: boolean) => unknown })?.get?.(key, true);
    if (child === undefined || child === null) break;
    node = child;
    found = child as Node;
  }
  if (unknownKey !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === unknownKey);
    if (pair && isScalar(pair.key) && pair.key.range) return toPosition(pair.key.range[0]);
  }
  if (found?.range) return toPosition(found.range[0]);
  return { line: firstLine, column: 1 };
}

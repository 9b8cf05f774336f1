/**
 * Every English message and hint written in the data layer's source, found with the TypeScript parser:
 * the strings given as `message:`, `hint:` or `error:` (zod's custom errors, parseFrontmatter's errors),
 * assigned to `message` / `hint`, passed to `misplaced(path, message, hint)`, pushed to `notices`, and the
 * hints of FORMAT_HINTS. Each `${…}` becomes "1", which every pattern in messages-ja.ts accepts for a value.
 * A message added to src/data without a Japanese line therefore fails the tests even before a fixture
 * triggers it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { ROOT } from "../helpers/fixtures.ts";

export interface MessageSite {
  file: string;
  line: number;
  /** message, hint, error or notice. */
  role: "message" | "hint" | "notice";
  text: string;
}

/** The data layer's files, its stages included (the alias checks live there too). */
export const MESSAGE_SOURCES = readdirSync(join(ROOT, "src/data"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => join(ROOT, "src/data", f));

/** The strings an expression can evaluate to, one level deep (ternaries, ??, ||, arrow bodies). */
function strings(node: ts.Node, sf: ts.SourceFile): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text + node.templateSpans.map((s) => `1${s.literal.text}`).join("")];
  if (ts.isParenthesizedExpression(node)) return strings(node.expression, sf);
  if (ts.isConditionalExpression(node)) return [...strings(node.whenTrue, sf), ...strings(node.whenFalse, sf)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return [...strings(node.left, sf), ...strings(node.right, sf)];
  }
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return strings(node.body, sf);
  return [];
}

export function messageSites(files: string[] = MESSAGE_SOURCES): MessageSite[] {
  const out: MessageSite[] = [];
  for (const path of files) {
    const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node, role: MessageSite["role"], expr: ts.Node) => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      for (const text of strings(expr, sf)) out.push({ file: relative(ROOT, path), line, role, text });
    };
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        const name = node.name.text;
        if (name === "message" || name === "error") add(node, "message", node.initializer);
        else if (name === "hint") add(node, "hint", node.initializer);
      } else if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && ["message", "hint"].includes(node.left.text)
        && [ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken].includes(node.operatorToken.kind)) {
        add(node, node.left.text as "message" | "hint", node.right);
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "misplaced") {
        const [, message, hint] = node.arguments;
        if (message) add(node, "message", message);
        if (hint) add(node, "hint", hint);
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push"
        && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === "notices") {
        for (const arg of node.arguments) add(node, "notice", arg);
      } else if (ts.isArrayLiteralExpression(node) && node.elements.length === 2
        && node.elements[0]!.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        add(node, "hint", node.elements[1]!);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Rendered Markdown → plain text for CSAF notes, which are text, not HTML. Structure survives as text:
 *   <h2>概要</h2><p>A <strong>B</strong></p><ul><li>C</li></ul>  →  "概要\n\nA B\n\n- C"
 * Heading permalinks and screen-reader-only text are dropped; code blocks keep their line breaks; table rows
 * become "cell | cell" lines. Parsed with a real HTML parser (cheerio on htmlparser2), never with regexes.
 */
import { load } from "cheerio/slim";

interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

type BlockKind = "paragraph" | "item" | "pre";
interface Block {
  kind: BlockKind;
  text: string;
  /** Items of one top-level list or one table share a group. */
  group: number;
}

const BLOCKS = new Set(["p", "div", "section", "article", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "dl", "dt", "dd", "hr", "figure", "figcaption", "caption"]);
const SKIPPED = new Set(["script", "style", "template", "noscript"]);

export function htmlToText(html: string): string {
  const $ = load(html, null, false);
  // The layout's "#" permalinks and their screen-reader labels are navigation, not content.
  $(".heading-anchor, .visually-hidden, [aria-hidden='true']").remove();
  const blocks: Block[] = [];
  let inline = "";
  let pendingPrefix = "";
  let indent = "";
  let kind: BlockKind = "paragraph";
  let group = 0;

  const flush = () => {
    const text = inline.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (text) {
      // A list item's first line carries its marker; its further paragraphs are indented under it.
      blocks.push({ kind, group, text: `${indent}${pendingPrefix || (kind === "item" ? "  " : "")}${text}` });
      pendingPrefix = "";
    }
    inline = "";
  };

  const walk = (node: HtmlNode, listStack: { ordered: boolean; n: number }[]): void => {
    if (node.type === "text") {
      inline += node.data ?? "";
      return;
    }
    // htmlparser2 gives <script> and <style> their own node types.
    if (node.type === "script" || node.type === "style") return;
    if (node.type !== "tag" || !node.name) {
      for (const child of node.children ?? []) walk(child, listStack);
      return;
    }
    const name = node.name;
    if (SKIPPED.has(name)) return;
    if (name === "br") {
      flush();
      return;
    }
    if (name === "pre") {
      flush();
      const text = $(node as never).text().replace(/\s+$/, "");
      if (text) blocks.push({ kind: "pre", group, text });
      return;
    }
    if (name === "ul" || name === "ol") {
      flush();
      if (!listStack.length) group++;
      const saved = { indent, kind };
      indent = listStack.length ? `${indent}  ` : indent;
      const stack = [...listStack, { ordered: name === "ol", n: 0 }];
      for (const child of node.children ?? []) walk(child, stack);
      flush();
      ({ indent, kind } = saved);
      return;
    }
    if (name === "li") {
      flush();
      const list = listStack.at(-1);
      if (list) list.n++;
      pendingPrefix = list?.ordered ? `${list.n}. ` : "- ";
      kind = "item";
      for (const child of node.children ?? []) walk(child, listStack);
      flush();
      return;
    }
    if (name === "tr") {
      flush();
      const cells = (node.children ?? []).filter((c) => c.type === "tag" && (c.name === "td" || c.name === "th"));
      const row = cells.map((c) => $(c as never).text().replace(/\s+/g, " ").trim()).join(" | ");
      if (row) blocks.push({ kind: "item", group, text: row });
      return;
    }
    const isBlock = BLOCKS.has(name);
    if (isBlock) {
      flush();
      if (name === "table") group++;
      if (!listStack.length) kind = "paragraph";
    }
    for (const child of node.children ?? []) walk(child, listStack);
    if (isBlock) {
      flush();
      if (name === "table") kind = "paragraph";
    }
  };

  walk($.root()[0] as unknown as HtmlNode, []);
  flush();

  // Items of one list (or rows of one table) stay on consecutive lines; other blocks are paragraphs.
  let out = "";
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous) out += previous.kind === "item" && block.kind === "item" && previous.group === block.group ? "\n" : "\n\n";
    out += block.text;
  });
  return out;
}

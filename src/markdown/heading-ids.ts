/**
 * Explicit ASCII heading ids, so a section has the same anchor in both languages.
 *
 *   ## 症状 {#symptoms}      →  <h2 id="symptoms">症状</h2>
 *   ## Symptoms {#symptoms}  →  <h2 id="symptoms">Symptoms</h2>
 *
 * Only `[a-z0-9-]` ids are accepted; anything else stays literal text (and cannot inject attributes).
 * Headings without an explicit id get one from markdown-it-anchor's slugify (see markdown.ts). Every explicit
 * id is also listed in `env.explicitHeadingIds`, so the caller can report one used twice.
 */
import type { MarkdownIt } from "markdown-it";

const TRAILING_ID = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "heading_ids", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      if (open.type !== "heading_open") continue;
      const inline = tokens[i + 1];
      const last = inline?.children?.at(-1);
      if (!inline || !last || last.type !== "text") continue;
      const match = TRAILING_ID.exec(last.content);
      if (!match) continue;
      last.content = last.content.slice(0, match.index);
      inline.content = inline.content.replace(TRAILING_ID, "");
      open.attrSet("id", match[1]!);
      // Recorded for the data layer: a repeated id makes a deep link ambiguous.
      const env = state.env as { explicitHeadingIds?: string[] };
      (env.explicitHeadingIds ??= []).push(match[1]!);
    }
  });
}

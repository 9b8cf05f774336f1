/**
 * Wraps tables so that wide ones scroll sideways on a phone instead of breaking the layout. The wrapper takes
 * keyboard focus, so a table without links can still be scrolled without a mouse (axe: scrollable-region-focusable).
 *
 *   | a | b |        →  <div class="table-wrap" tabindex="0"><table>…</table></div>
 */
import type { MarkdownIt } from "markdown-it";

export function tablesPlugin(md: MarkdownIt): void {
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="table-wrap" tabindex="0">\n${self.renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) =>
    `${self.renderToken(tokens, idx, options)}</div>\n`;
}

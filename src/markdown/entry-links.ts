/**
 * Links between entries by id, resolved for the reader's language and the site's path prefix.
 *
 *   [MS04-011](advisory:ms04-011)          →  <a href="/ja/advisories/ms04-011/">MS04-011</a>
 *   [対処](advisory:sasser#removal)         →  <a href="/ja/advisories/sasser/#removal">対処</a>
 *   [SULFNBK](hoax:sulfnbk-exe) · [about](page:about)
 *
 * External links (http/https) get rel="noopener noreferrer". Any other scheme is refused by
 * markdown-it's validateLink and stays literal text.
 */
import type { MarkdownIt } from "markdown-it";

export type EntryLinkKind = "advisory" | "hoax" | "page";

export interface EntryLinkEnv extends Record<PropertyKey, unknown> {
  /** Returns the URL for a link target, or undefined after recording why it is broken. */
  resolveEntryLink?: (kind: EntryLinkKind, id: string, anchor: string | undefined, line: number) => string | undefined;
  /** Told of every other link (external, a path, another scheme), so the caller can refuse a path to its own pages. */
  otherLink?: (href: string, line: number) => void;
}

const ENTRY_LINK = /^(advisory|hoax|page):([^#]*)(?:#(.*))?$/;

export function entryLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "entry_links", (state) => {
    const env = state.env as EntryLinkEnv;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const line = (block.map?.[0] ?? 0) + 1;
      for (const token of block.children) {
        if (token.type !== "link_open") continue;
        const href = String(token.attrGet("href") ?? "");
        const match = ENTRY_LINK.exec(href);
        if (match) {
          const url = env.resolveEntryLink?.(match[1] as EntryLinkKind, match[2]!, match[3], line);
          token.attrSet("href", url ?? "#");
        } else {
          env.otherLink?.(href, line);
          if (/^https?:/i.test(href)) token.attrSet("rel", "noopener noreferrer");
        }
      }
    }
  });
}

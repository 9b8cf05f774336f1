/**
 * Stage 5, check-links: an entry link with an anchor (`advisory:sasser#removal`) must name a section the
 * entry has — one of the layout's own or one of its source's headings. Links to unknown ids were reported
 * while rendering.
 */
import { SOURCE_LANG } from "../../i18n/languages.ts";
import { didYouMean } from "../problems.ts";
import { LAYOUT_ANCHORS } from "./render-markdown.ts";
import { keyOf, sourcesOf, type LoadState } from "./state.ts";

export function checkLinks(state: LoadState): void {
  const anchorsById = new Map<string, Set<string>>();
  for (const source of sourcesOf(state)) {
    if (source.folder === "pages") continue;
    const headings = state.rendered.get(keyOf(SOURCE_LANG, source.folder, source.id))?.body.headings ?? [];
    anchorsById.set(source.id, new Set([...LAYOUT_ANCHORS[source.folder], ...headings.map((h) => h.id)]));
  }
  for (const link of state.links) {
    if (!link.anchor || link.kind === "page") continue;
    const anchors = anchorsById.get(link.id);
    if (anchors && !anchors.has(link.anchor)) {
      const guess = didYouMean(link.anchor, [...anchors]);
      state.problems.push({ file: link.file, line: link.line, column: 1, field: "(body)", code: "link.unknown-section", params: { link: `${link.kind}:${link.id}#${link.anchor}`, anchor: link.anchor, sections: [...anchors], ...(guess ? { suggestion: `#${guess}` } : {}) }, hint: guess ? "did-you-mean" : "link.sections" });
    }
  }
}

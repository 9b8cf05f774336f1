/**
 * A search result's excerpt that reads as text: it starts where a sentence starts (or, in a long sentence, at a
 * word, after "…"), never mid-word as Pagefind's fixed window of words does (さい。…, のデマ情報), holds the
 * sentence with the most matches outside the title, and replaces the ". " Pagefind puts after a block that ends
 * without punctuation (a heading, a list item) with 。 in Japanese text.
 *
 *   buildExcerpt("デマ​情報 ​「​Good ​Times​」​ウイルス​の​デマ​. ​「​Good ​Times​」​という…​デマ​です​。", [8, …], { title: … })
 *     → [{ text: "「Good Times」という件名のメールを…警告は" }, { text: "デマ", mark: true }, { text: "です。" }]
 *
 * Pure (no DOM): the search UI renders the parts as text nodes and <mark> elements.
 */

export interface ExcerptPart {
  text: string;
  mark?: boolean;
}

export interface ExcerptOptions {
  /** The page's title: a sentence that only repeats it is not chosen while another one matches. */
  title?: string;
  /** Longest excerpt, in characters (a full-width character counts as one). */
  maxLength?: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u;
/** Where a sentence ends: Japanese full stops, and . ! ? before a space (or at the very end). */
const SENTENCE_END = /[。！？]|[.!?](?=\s|$)/gu;

interface Word {
  start: number;
  end: number;
  /** The word without the punctuation around it ("hoax." → "hoax"): what <mark> covers. */
  markStart: number;
  markEnd: number;
}

/** Splits Pagefind's raw_content as Pagefind does: on U+200B where it segmented the text (CJK), else on spaces. */
function words(raw: string): { text: string; words: Word[] } {
  const zws = raw.includes("\u200B");
  const pieces = zws ? raw.split("\u200B") : raw.split(/[^\S\uFEFF]+/);
  const joiner = zws ? "" : " ";
  const out: Word[] = [];
  let text = "";
  pieces.forEach((piece, i) => {
    const clean = piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    if (i) text += joiner;
    const start = text.length;
    text += clean;
    const end = start + clean.trimEnd().length;
    const lead = /^[\p{P}\p{S}]*/u.exec(clean)![0].length;
    const core = clean.trimEnd().replace(/[\p{P}\p{S}]+$/u, "").length;
    out.push({ start, end, markStart: Math.min(start + lead, start + core), markEnd: Math.max(start + core, start + lead) });
  });
  return { text, words: out };
}

/** [start, end) of each sentence in `text`, leading spaces excluded. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index! + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out
    .map(([s, e]): [number, number] => {
      while (s < e && /\s/.test(text[s]!)) s++;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}

/** The excerpt as parts; an empty array when there is no text. */
export function buildExcerpt(raw: string, locations: number[], options: ExcerptOptions = {}): ExcerptPart[] {
  const { text, words: list } = words(raw);
  if (!text.trim()) return [];
  const hits = [...new Set(locations)].filter((l) => list[l]).map((l) => list[l]!).sort((a, b) => a.start - b.start);
  const all = sentences(text);
  // The indexed text opens with the title (the <h1>): prefer any other sentence that matches.
  const title = options.title?.trim();
  const afterTitle = title && text.startsWith(title) ? title.length : 0;
  const hitsIn = ([s, e]: [number, number]) => hits.filter((h) => h.start >= s && h.end <= e).length;
  // The first sentence after the title that matches: an entry's summary comes first and is written to lead.
  const candidates = all.filter(([, e]) => e > afterTitle + 1);
  const best = candidates.find((c) => hitsIn(c) > 0) ?? candidates[0] ?? all[0]!;
  // The length of two or three lines of results: Japanese characters are twice as wide as Latin ones.
  const max = options.maxLength ?? (CJK.test(text.slice(best[0], best[1])) ? 90 : 180);
  let [start, end] = best;
  if (start < afterTitle) start = afterTitle;
  while (start < end && /[\s.]/.test(text[start]!)) start++;

  // A short sentence is followed by the next ones while they fit; a long one is cut at words around its first match.
  // Only full sentences are added: not a heading (Pagefind's ". " after Japanese text, or a few words of English).
  const isSentence = ([s2, e2]: [number, number]) => (/[。！？]$/.test(text.slice(s2, e2)) || (!CJK.test(text.slice(s2, e2)) && e2 - s2 >= 25));
  let index = all.findIndex(([, e]) => e === best[1]);
  while (end - start < max * 0.6 && all[index + 1] && all[index + 1]![1] - start <= max && isSentence(all[index + 1]!)) end = all[++index]![1];
  let lead = "";
  let tail = "";
  if (end - start > max) {
    const firstHit = hits.find((h) => h.start >= start && h.end <= end);
    if (firstHit && firstHit.end - start > max * 0.7) {
      // Start after a comma (、 , ;) before the match, the earliest that leaves the match within the excerpt (in Latin
      // text a space will do); failing that, at the start of a phrase near the match.
      const delimiters = CJK.test(text.slice(start, end)) ? /[、，；]/gu : /[,;]\s*|\s+/gu;
      let cut = -1;
      for (const m of text.slice(start, firstHit.start).matchAll(delimiters)) {
        const at = start + m.index! + m[0].length;
        if (firstHit.end - at <= max * 0.85) {
          cut = at;
          break;
        }
      }
      // In Japanese, a phrase starts after a particle: a word that is not kana, after one that is (て|感染, を|悪用).
      const opens = (w: Word, i: number) =>
        !/^[\p{Script=Hiragana}ー]/u.test(text[w.start]!) && (!CJK.test(text[w.start]!) || /^[\p{Script=Hiragana}、。]+$/u.test(text.slice(list[i - 1]?.start ?? 0, list[i - 1]?.end ?? 0)));
      const word = list.find((w, i) => w.start >= firstHit.start - Math.floor(max * 0.3) && w.start > start && w.start <= firstHit.start && opens(w, i));
      const from = cut > start ? cut : word?.start;
      if (from !== undefined && from < firstHit.start + 1) {
        start = from;
        lead = "…";
      }
    }
    if (end - start > max) {
      const last = [...list].reverse().find((w) => w.end <= start + max && w.start > start);
      end = last ? last.end : start + max;
      tail = "…";
    }
  }

  const parts: ExcerptPart[] = [];
  const push = (from: number, to: number, mark = false) => {
    if (to <= from) return;
    // Pagefind ends a block without punctuation with ". ": in Japanese text that reads as 。
    const piece = text.slice(from, to).replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー」）])\. ?/gu, "。").replace(/\s+/g, " ");
    const previous = parts.at(-1);
    if (previous && previous.mark === mark) previous.text += piece;
    else parts.push(mark ? { text: piece, mark } : { text: piece });
  };
  let at = start;
  for (const h of hits) {
    if (h.start < start || h.end > end) continue;
    push(at, h.markStart);
    push(h.markStart, h.markEnd, true);
    at = h.markEnd;
  }
  push(at, end);
  const last = parts.at(-1);
  if (last && !last.mark) last.text = last.text.replace(/\s+$/, "");
  if (lead) parts.unshift({ text: lead });
  if (tail) parts.push({ text: tail });
  return parts.filter((p) => p.text);
}

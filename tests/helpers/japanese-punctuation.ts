/**
 * JLREQ punctuation in Japanese text: ( ) : ? ! next to a Japanese character must be full-width （）：？！.
 * "Next to" allows one half-width space between them (脆弱性 (MS04-011) is the same mistake as 脆弱性(MS04-011)).
 * Latin text inside Japanese keeps its own punctuation: "Windows 2000: …" or "(CAN-2003-0533)" is fine.
 */

/** Kana, kanji and the full-width punctuation they are set with. */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〜「」『』（）【】、。：？！]/u;

/**
 * Reviewed exceptions: names whose official spelling has half-width punctuation, and which Japanese text quotes
 * as they are. Each was checked by a person; add to this list only after the same check.
 */
export const PUNCTUATION_EXCEPTIONS: readonly string[] = [
  // Microsoft's product name, as the vocabulary (src/data/vocabulary.ts) spells it in both languages.
  "Windows Millennium Edition (Me)",
  // An English sentence quoted verbatim from the 2004 page (content/ja/pages/about.md), space before ! and all.
  "We have no English Page !",
];

export interface PunctuationProblem {
  /** The character found. */
  char: string;
  /** The text around it. */
  context: string;
}

/** Every half-width ( ) : ? ! in `text` that touches a Japanese character, exceptions removed. */
export function halfWidthPunctuation(text: string, exceptions: readonly string[] = PUNCTUATION_EXCEPTIONS): PunctuationProblem[] {
  let clean = text;
  // An exception is replaced by Latin letters of the same length, so that what surrounds it is still checked.
  for (const exception of exceptions) clean = clean.split(exception).join("x".repeat(exception.length));
  const problems: PunctuationProblem[] = [];
  for (const m of clean.matchAll(/[():?!]/g)) {
    const i = m.index!;
    const before = clean[i - 1] === " " ? clean[i - 2] : clean[i - 1];
    const after = clean[i + 1] === " " ? clean[i + 2] : clean[i + 1];
    // "http://" and "C:\" are Latin however they are surrounded.
    if (m[0] === ":" && (clean.startsWith("//", i + 1) || clean[i + 1] === "\\")) continue;
    if ((before && JAPANESE.test(before)) || (after && JAPANESE.test(after))) {
      problems.push({ char: m[0], context: text.slice(Math.max(0, i - 12), i + 13) });
    }
  }
  return problems;
}

/** The site's languages. Japanese is the source language: every entry is written in it first. */
export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const SOURCE_LANG: Lang = "ja";
export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
export const otherLang = (lang: Lang): Lang => (lang === "ja" ? "en" : "ja");

/** A template's language argument, checked: a typo in a template fails the build instead of printing nothing. */
export function asLang(lang: unknown): Lang {
  if (typeof lang !== "string" || !isLang(lang)) throw new Error(`Expected a language (ja or en), got ${String(lang)}`);
  return lang;
}

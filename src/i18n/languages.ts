/** The site's languages. Japanese is the source language: every entry is written in it first. */
export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const SOURCE_LANG: Lang = "ja";
export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
export const otherLang = (lang: Lang): Lang => (lang === "ja" ? "en" : "ja");

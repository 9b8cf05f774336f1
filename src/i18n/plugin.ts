/**
 * Template filters for UI strings, dates and vocabulary names, so templates never hold text of their own.
 *   {{ "nav.advisories" | t(lang) }}   {{ entry.updated | date(lang) }}   {{ "windows-xp" | product(lang) }}
 */
import { formatDate, t } from "./i18n.ts";
import { isLang, otherLang, type Lang } from "./languages.ts";
import { IMPACTS, KINDS, PRODUCTS, PRODUCT_SHORT_NAMES, SEVERITIES, type Names, type ProductId } from "../data/vocabulary.ts";
import { testedVersionsText, vulnerabilityFacts } from "./vulnerability-facts.ts";

function asLang(lang: unknown): Lang {
  if (typeof lang !== "string" || !isLang(lang)) throw new Error(`Expected a language (ja or en), got ${String(lang)}`);
  return lang;
}

function vocabulary(table: Record<string, Names>, what: string) {
  return (id: string, lang: unknown) => {
    const names = table[id];
    if (!names) throw new Error(`Unknown ${what} "${id}"`);
    return names[asLang(lang)];
  };
}

export function i18nPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("t", (key: string, lang: unknown, vars?: Record<string, unknown>) => t(asLang(lang), key, vars));
  eleventyConfig.addFilter("date", (date: string, lang: unknown, approximate?: boolean) => formatDate(asLang(lang), date, !!approximate));
  eleventyConfig.addFilter("otherLang", (lang: unknown) => otherLang(asLang(lang)));
  eleventyConfig.addFilter("product", vocabulary(PRODUCTS, "product"));
  eleventyConfig.addFilter("productShort", (id: ProductId, lang: unknown) => (PRODUCT_SHORT_NAMES[id] ?? PRODUCTS[id])[asLang(lang)]);
  eleventyConfig.addFilter("severity", vocabulary(SEVERITIES, "severity"));
  eleventyConfig.addFilter("kindName", vocabulary(KINDS, "kind"));
  eleventyConfig.addFilter("impact", vocabulary(IMPACTS, "impact"));
  eleventyConfig.addGlobalData("productOrder", Object.keys(PRODUCTS));
  eleventyConfig.addFilter("vulnerabilityFacts", (entry: any, v: any, lang: unknown) => vulnerabilityFacts(entry, v, asLang(lang)));
  eleventyConfig.addFilter("testedVersionsText", (entry: any, product: ProductId, lang: unknown) => testedVersionsText(entry, product, asLang(lang)));
  eleventyConfig.addFilter("isHttpUrl", (value: unknown) => typeof value === "string" && /^https?:\/\//.test(value));
}

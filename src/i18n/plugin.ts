/**
 * Template filters for UI strings and dates, so templates never hold text of their own.
 *   {{ "nav.advisories" | t(lang) }}   {{ entry.updated | date(lang) }}   {{ lang | otherLang }}
 * The names of the vocabularies (products, kinds, severities) come with the site's data: src/site/template-data.ts.
 */
import { formatDate, t } from "./i18n.ts";
import { asLang, otherLang } from "./languages.ts";

export function i18nPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("t", (key: string, lang: unknown, vars?: Record<string, unknown>) => t(asLang(lang), key, vars));
  eleventyConfig.addFilter("date", (date: string, lang: unknown, approximate?: boolean) => formatDate(asLang(lang), date, !!approximate));
  eleventyConfig.addFilter("otherLang", (lang: unknown) => otherLang(asLang(lang)));
  eleventyConfig.addFilter("isHttpUrl", (value: unknown) => typeof value === "string" && /^https?:\/\//.test(value));
}

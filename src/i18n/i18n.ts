/**
 * UI strings and dates in both languages. Strings live in locales/{lang}.json with flat dotted keys;
 * both files must have exactly the same keys (checked when loaded, so a missing string fails the build
 * and the tests, never the reader).
 */
import { createInstance, type i18n as I18n } from "i18next";
import ja from "./locales/ja.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };
import { LANGS, type Lang } from "./languages.ts";

export const MESSAGES: Record<Lang, Record<string, string>> = { ja, en };

/** Keys present in one language and missing in the other. */
export function missingKeys(messages: Record<Lang, Record<string, string>> = MESSAGES): { lang: Lang; key: string }[] {
  const all = new Set(LANGS.flatMap((lang) => Object.keys(messages[lang])));
  return LANGS.flatMap((lang) => [...all].filter((key) => !(key in messages[lang]) || !messages[lang][key]!.trim()).map((key) => ({ lang, key })));
}

function createI18n(): I18n {
  const missing = missingKeys();
  if (missing.length) {
    throw new Error(
      `UI strings missing: ${missing.map((m) => `${m.key} in src/i18n/locales/${m.lang}.json`).join(", ")} — add them to both files`,
    );
  }
  const instance = createInstance();
  void instance.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: "ja",
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    // Nunjucks escapes output; escaping here too would show &amp; to readers.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

// Made on first use rather than on import: every report imports these strings (src/data/problems.ts), and
// `npm run i18n:status` must still be able to import this module to list the strings that are missing.
let fixedTs: Record<Lang, I18n["t"]> | undefined;
function fixedT(lang: Lang): I18n["t"] {
  if (!fixedTs) {
    const i18n = createI18n();
    fixedTs = Object.fromEntries(LANGS.map((l) => [l, i18n.getFixedT(l)])) as Record<Lang, I18n["t"]>;
  }
  return fixedTs[lang];
}
// Templates ask for the same few strings hundreds of thousands of times in a large build (profiled: 6 s of
// 112 s at 2,000 advisories); a string without variables is the same every time, so it is looked up once.
const plainStrings = Object.fromEntries(LANGS.map((lang) => [lang, new Map<string, string>()])) as Record<Lang, Map<string, string>>;

/** Whether `key` is a string of `lang`, plain or with plural forms (`key_one`, `key_other`, chosen by `count`). */
export const hasString = (lang: Lang, key: string): boolean => key in MESSAGES[lang] || `${key}_other` in MESSAGES[lang];

/** A UI string; an unknown key throws, so a typo in a template fails the build. */
export function t(lang: Lang, key: string, vars?: Record<string, unknown>): string {
  if (!hasString(lang, key)) throw new Error(`Unknown UI string "${key}" — add it to src/i18n/locales/ja.json and en.json`);
  if (vars && Object.keys(vars).length) return fixedT(lang)(key, vars);
  let text = plainStrings[lang].get(key);
  if (text === undefined) plainStrings[lang].set(key, (text = fixedT(lang)(key)));
  return text;
}

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A date as each language writes it: 2004年5月8日 / 8 May 2004. Takes YYYY-MM-DD, YYYY-MM or YYYY;
 * `approximate` adds ごろ / "around".
 */
export function formatDate(lang: Lang, date: string, approximate = false): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number?, number?];
  let text: string;
  if (lang === "ja") {
    text = `${y}年` + (m ? `${m}月` : "") + (d ? `${d}日` : "");
    return approximate ? `${text}ごろ` : text;
  }
  text = d ? `${d} ${EN_MONTHS[m! - 1]} ${y}` : m ? `${EN_MONTHS[m - 1]} ${y}` : `${y}`;
  return approximate ? `around ${text}` : text;
}

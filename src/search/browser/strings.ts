/**
 * UI strings the search code needs beyond the result count lines: one string per import, taken from the
 * locale files at bundle time. esbuild inlines a named import from a JSON file and drops every other key, so the
 * lazily loaded search chunk carries these few strings, not both locale files. (TypeScript under NodeNext
 * allows only a default import from JSON, hence the expect-error lines; esbuild fails the build if a key is
 * missing, and tests/i18n checks that both files have the same keys.)
 */
// @ts-expect-error named import from JSON: esbuild only (see above)
import { "search.resultsOne" as resultsOneJa, "search.allResults" as allResultsJa, "punct.colon" as colonJa, "punct.comma" as commaJa, "punct.open" as openJa, "punct.close" as closeJa } from "../../i18n/locales/ja.json";
// @ts-expect-error named import from JSON: esbuild only (see above)
import { "search.resultsOne" as resultsOneEn, "search.allResults" as allResultsEn, "punct.colon" as colonEn, "punct.comma" as commaEn, "punct.open" as openEn, "punct.close" as closeEn } from "../../i18n/locales/en.json";

export interface SearchStrings {
  /** The count line for exactly one result ("1 result for “x”"). */
  resultsOne: string;
  /** The header box's link to the search page: "See all {count} results". */
  allResults: string;
  colon: string;
  comma: string;
  open: string;
  close: string;
}

export const STRINGS: Record<"ja" | "en", SearchStrings> = {
  ja: { resultsOne: resultsOneJa, allResults: allResultsJa, colon: colonJa, comma: commaJa, open: openJa, close: closeJa },
  en: { resultsOne: resultsOneEn, allResults: allResultsEn, colon: colonEn, comma: commaEn, open: openEn, close: closeEn },
};

/** A problem's English message and hint, as the report prints them (src/i18n/problem-text.ts). */
import type { ContentProblem } from "../../src/data/problems.ts";
import { problemText } from "../../src/i18n/problem-text.ts";

export const messageOf = (p: ContentProblem): string => problemText(p, "en").message;
export const hintOf = (p: ContentProblem): string | undefined => problemText(p, "en").hint;

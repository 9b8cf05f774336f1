import type { HintCode, ProblemCode } from "../i18n/problem-text.ts";
import type { ProblemParams } from "../data/problems.ts";

/**
 * A fact of the content that makes a CSAF document impossible to build honestly, named by the frontmatter field
 * it comes from (in the Japanese source file, which holds every language-neutral fact), so `npm run check` and
 * the build report it at that field's line like any content problem.
 *   { field: ["update", "kb"], code: "csaf.update-kb", params: { kb: 835732 }, hint: "csaf.update-kb" }
 */
export interface DataProblem {
  field: (string | number)[];
  code: ProblemCode;
  params: ProblemParams;
  hint: HintCode;
}

/**
 * A fact of the content that makes a CSAF document impossible to build honestly, named by the frontmatter field
 * it comes from (in the Japanese source file, which holds every language-neutral fact), so `npm run check` and
 * the build report it at that field's line like any content problem.
 *   { field: ["update", "kb"], message: "update.kb 835732 is not listed in kb", hint: "add it to kb" }
 */
export interface DataProblem {
  field: (string | number)[];
  message: string;
  hint: string;
}

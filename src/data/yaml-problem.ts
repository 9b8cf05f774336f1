/**
 * A YAML syntax error as a content problem: the `yaml` library's error code picks the template
 * (`DUPLICATE_KEY` → `problem.yaml.duplicate-key`), and its own English sentence is kept as `detail`.
 *   { code: "yaml.duplicate-key", params: { detail: "Map keys must be unique" }, hint: "yaml.quote" }
 */
import { hasString } from "../i18n/i18n.ts";
import type { ProblemCode } from "../i18n/problem-text.ts";
import type { Position } from "./frontmatter.ts";
import type { ContentProblem } from "./problems.ts";

export function yamlProblem(file: string, e: { code: string; message: string; position: Position }): ContentProblem {
  const specific = `yaml.${e.code.toLowerCase().replace(/_/g, "-")}`;
  const code = (hasString("en", `problem.${specific}`) ? specific : "yaml.syntax") as ProblemCode;
  return { file, ...e.position, field: "(yaml)", code, params: { detail: e.message }, hint: "yaml.quote" };
}

/**
 * CVSS base scores computed from a vector, so a score in the frontmatter can be checked against its vector
 * (the same check as CSAF's test 6.1.9, but with the file and line):
 *   baseScoreOf("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") → 9.8
 *   baseScoreOf("AV:N/AC:L/Au:N/C:C/I:C/A:C")                   → 10   (CVSS v2)
 * v3.x uses FIRST's calculators as shipped with the CSAF validator; v2 is the short formula of the v2 guide.
 */
import { cvss30, cvss31 } from "@secvisogram/csaf-validator-lib/lib/shared/first.js";
import { cvssVersion } from "./versions.ts";

const V2 = {
  AV: { L: 0.395, A: 0.646, N: 1 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  CIA: { N: 0, P: 0.275, C: 0.66 },
} as const;

function v2BaseScore(vector: string): number | undefined {
  const metrics = Object.fromEntries(vector.split("/").map((part) => part.split(":") as [string, string]));
  const av = V2.AV[metrics.AV as keyof typeof V2.AV];
  const ac = V2.AC[metrics.AC as keyof typeof V2.AC];
  const au = V2.Au[metrics.Au as keyof typeof V2.Au];
  const [c, i, a] = ["C", "I", "A"].map((k) => V2.CIA[metrics[k] as keyof typeof V2.CIA]);
  if ([av, ac, au, c, i, a].some((x) => x === undefined)) return undefined;
  const impact = 10.41 * (1 - (1 - c!) * (1 - i!) * (1 - a!));
  const exploitability = 20 * av! * ac! * au!;
  const score = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176);
  return Math.round(score * 10) / 10;
}

/** The base score a vector gives, or undefined when the vector cannot be computed. */
export function baseScoreOf(vector: string): number | undefined {
  const version = cvssVersion(vector);
  if (version === "2.0") return v2BaseScore(vector);
  const result = (version === "3.0" ? cvss30 : cvss31).calculateCVSSFromVector(vector);
  return result.success ? Number(result.baseMetricScore) : undefined;
}

/**
 * `npm run fuzz -- --cases 500 --seed N`: the differential test's large sweep (src/fuzz/differential.ts).
 * Each case mutates a copy of the site and checks that `check` fails exactly when the build fails, naming the
 * same file; every disagreement is printed with its seed, case number and mutations, so
 * `npm run fuzz -- --seed N --from K --cases 1 --keep` replays it.
 * A developer's tool: its output is English only, like the build's internals it reports on.
 * Exit codes: 0 no disagreement, 1 disagreements, 2 usage.
 */
import { performance } from "node:perf_hooks";
import { runCase, type CaseResult } from "../fuzz/differential.ts";
import { stopCsafWorker } from "../csaf/in-background.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const FUZZ: CommandSpec = {
  name: "fuzz",
  usage: "[--cases N] [--seed N] [--from K] [--content DIR] [--keep] [--verbose]",
  summary: "Mutate copies of the site at random (seeded) and check that `check` fails exactly when the build fails.",
  options: {
    cases: { type: "string", value: "N", description: "how many cases to run (default 50)" },
    seed: { type: "string", value: "N", description: "the seed (default: a new one, printed)" },
    from: { type: "string", value: "K", description: "the first case number (default 0), to replay one case" },
    content: CONTENT_OPTION,
    keep: { type: "boolean", description: "keep each case's temporary folder and print its path" },
    verbose: { type: "boolean", description: "print every case, not only the disagreements" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(FUZZ, argv, io);
  if (typeof parsed === "number") return parsed;
  const number = (name: string, fallback: number) => {
    const raw = parsed.values[name] as string | undefined;
    if (raw === undefined) return fallback;
    return /^\d+$/.test(raw) ? Number(raw) : undefined;
  };
  const cases = number("cases", 50);
  const seed = number("seed", Math.floor(Math.random() * 2 ** 31));
  const from = number("from", 0);
  if (cases === undefined || seed === undefined || from === undefined) {
    io.stderr(`✖ --cases, --seed and --from take a whole number\nusage: npm run fuzz -- ${FUZZ.usage}\n`);
    return 2;
  }
  const siteDir = siteDirOf(parsed.values, io);
  io.stdout(`fuzz: seed ${seed}, cases ${from}–${from + cases - 1}, site ${siteDir}\n`);

  const started = performance.now();
  const results: CaseResult[] = [];
  try {
    for (let caseNumber = from; caseNumber < from + cases; caseNumber++) {
      const result = await runCase({ siteDir, seed, caseNumber, keep: parsed.values.keep === true });
      results.push(result);
      if (result.disagreements.length || parsed.values.verbose) io.stdout(describeCase(result, parsed.values.verbose === true));
      // A sweep of hundreds of cases takes minutes: a line every 50 says how far it is.
      const done = caseNumber - from + 1;
      if (!parsed.values.verbose && done % 50 === 0 && done < cases) io.stdout(`  … ${done} of ${cases} cases, ${results.filter((r) => r.disagreements.length).length} disagreeing\n`);
    }
  } finally {
    stopCsafWorker();
  }
  io.stdout(summary(results, seed, performance.now() - started));
  return results.some((r) => r.disagreements.length) ? 1 : 0;
}

/** One case: its number, what was mutated, what each side said, and where they disagree. */
export function describeCase(r: CaseResult, verbose: boolean): string {
  const side = (o: CaseResult["check"]) => `${o.failed ? "fails" : "passes"}${o.files.length ? ` (${o.files.join(", ")})` : ""}`;
  const lines = [
    `${r.disagreements.length ? "✖" : "✔"} seed ${r.seed} case ${r.caseNumber} (${r.ms} ms)`,
    ...r.mutations.map((m) => `    ${m.kind}: ${m.file}: ${m.description}`),
    `    check ${side(r.check)}; build ${side(r.build)}`,
    ...r.disagreements.map((d) => `    → ${d}`),
  ];
  if (r.disagreements.length || verbose) {
    const excerpt = (r.build.failed ? r.build.output : r.check.output).trim().split("\n").slice(0, 12);
    if (r.disagreements.length) lines.push(...excerpt.map((l) => `      | ${l.slice(0, 240)}`));
  }
  return `${lines.join("\n")}\n`;
}

function summary(results: CaseResult[], seed: number, ms: number): string {
  const count = (f: (r: CaseResult) => boolean) => results.filter(f).length;
  const disagreeing = count((r) => r.disagreements.length > 0);
  const byKind = new Map<string, number>();
  for (const r of results) for (const d of r.disagreements) byKind.set(d.replace(/ names .*/, " names another file"), (byKind.get(d.replace(/ names .*/, " names another file")) ?? 0) + 1);
  return [
    "",
    `fuzz: seed ${seed}, ${results.length} cases in ${(ms / 1000).toFixed(1)} s (${Math.round(ms / Math.max(1, results.length))} ms a case)`,
    `  both pass ${count((r) => !r.check.failed && !r.build.failed)}, both fail ${count((r) => r.check.failed && r.build.failed)}, disagreements ${disagreeing}`,
    ...[...byKind].map(([kind, n]) => `    ${n} × ${kind}`),
    "",
  ].join("\n");
}

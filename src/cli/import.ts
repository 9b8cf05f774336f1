/**
 * `npm run import -- <FILE.json | URL>`: a vendor's CSAF 2.0 advisory → a draft bulletin in both languages
 * (content/ja/advisories/<id>.md and content/en/…), or, when the entry exists, its update to a newer version.
 *   --id ID            the entry id (default: from the document's tracking id)
 *   --content DIR      the content folder (default: content/)
 *   --vocabulary FILE  the site's product vocabulary, YAML `id: { ja, en, vendor }` (default: the built-in one)
 *   --proposals FILE   where products the vocabulary lacks are proposed (default: products.proposed.yaml next to
 *                      the content folder); entries already there are kept
 *   --dry-run          say what would be written, write nothing
 * Exit codes: 0 written (or unchanged) and the pair passes check; 1 refused (invalid document, id in use, older
 * version), unreadable input, or the written pair has content problems (listed, with file and line); 2 usage.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { displayPath, loadContent } from "../data/load-content.ts";
import { formatProblem, sortProblems } from "../data/problems.ts";
import { describeTest } from "../csaf/validate.ts";
import { importCsaf } from "../import/import-csaf.ts";
import { builtInVocabulary, parseVocabulary, proposalsYaml, type Vocabulary } from "../import/vocabulary.ts";

export const USAGE = "usage: npm run import -- <FILE.json|URL> [--id ID] [--content DIR] [--vocabulary FILE] [--proposals FILE] [--dry-run]";

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** Reads a file, or fetches a URL (http(s) only; the machine needs a network). */
async function readInput(input: string, cwd: string): Promise<{ bytes: Uint8Array; source: string } | { error: string }> {
  if (/^https?:\/\//.test(input)) {
    try {
      const response = await fetch(input, { redirect: "follow", signal: AbortSignal.timeout(30_000) });
      if (!response.ok) return { error: `${input}: HTTP ${response.status} ${response.statusText}` };
      return { bytes: new Uint8Array(await response.arrayBuffer()), source: input };
    } catch (error) {
      return { error: `${input}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const path = resolve(cwd, input);
  if (!existsSync(path)) return { error: `${input}: no such file` };
  // The file name is what is recorded: a path of the author's machine says nothing to readers.
  return { bytes: readFileSync(path), source: basename(path) };
}

export async function main(argv: string[], io: Io): Promise<number> {
  const out = (line = "") => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`${line}\n`);
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        id: { type: "string" },
        content: { type: "string" },
        vocabulary: { type: "string" },
        proposals: { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    err(`✖ ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    out(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    err(`✖ expected one CSAF document (a file or a URL)\n${USAGE}`);
    return 2;
  }
  const contentDir = resolve(io.cwd, args.values.content ?? "content");
  if (!existsSync(contentDir)) {
    err(`✖ the content folder ${contentDir} does not exist — run this from the project folder, or pass --content DIR`);
    return 2;
  }
  const shown = (path: string) => {
    const full = resolve(contentDir, path);
    const rel = relative(io.cwd, full);
    return (rel.startsWith("..") ? full : rel).split("\\").join("/");
  };

  let vocabulary: Vocabulary = builtInVocabulary();
  if (args.values.vocabulary) {
    const path = resolve(io.cwd, args.values.vocabulary);
    if (!existsSync(path)) {
      err(`✖ ${args.values.vocabulary}: no such file — pass the site's product vocabulary (YAML: id: { ja, en, vendor })`);
      return 2;
    }
    const parsed = parseVocabulary(readFileSync(path, "utf8"));
    if (parsed.problems.length) {
      for (const p of parsed.problems) err(`${args.values.vocabulary}: ${p}`);
      err(`✖ the vocabulary has ${parsed.problems.length} ${parsed.problems.length === 1 ? "problem" : "problems"}; nothing was imported.`);
      return 1;
    }
    vocabulary = parsed.vocabulary;
  }

  const input = await readInput(args.positionals[0]!, io.cwd);
  if ("error" in input) {
    err(`✖ cannot read ${input.error}`);
    return 1;
  }
  const dryRun = !!args.values["dry-run"];
  const outcome = await importCsaf({
    bytes: input.bytes, source: input.source, vocabulary, contentDir, display: shown,
    ...(args.values.id ? { id: args.values.id } : {}), write: !dryRun,
  });
  if (outcome.status === "refused") {
    for (const p of sortProblems(outcome.problems)) err(formatProblem(p));
    err(`✖ ${outcome.problems.length} ${outcome.problems.length === 1 ? "problem" : "problems"}; nothing was written.`);
    return 1;
  }

  const d = outcome.draft;
  const b = d.source.basedOn as { publisher: string; trackingId: string; version: string };
  const verb = { created: dryRun ? "would create" : "created", updated: dryRun ? "would update" : "updated", unchanged: "unchanged" }[outcome.status];
  out(`✔ ${b.publisher} ${b.trackingId} version ${b.version} → "${outcome.id}": ${verb}`);
  for (const path of outcome.files) out(`  ${dryRun ? "would write" : "wrote"} ${shown(path)}`);
  if (outcome.status === "updated") {
    out(`  ${outcome.revisionsAdded ? `added ${outcome.revisionsAdded} ${outcome.revisionsAdded === 1 ? "revision" : "revisions"}; ` : ""}what changed in the facts:`);
    for (const line of outcome.changes) out(`    ${line}`);
    out("  The text you wrote (title, summary, names, body, the English file's text) is unchanged.");
  }
  if (outcome.warnings.length) {
    const byTest = new Map<string, number>();
    for (const w of outcome.warnings) byTest.set(w.test, (byTest.get(w.test) ?? 0) + 1);
    out(`  note: the validator warned (not an error): ${[...byTest].map(([test, n]) => `${describeTest(test)} ×${n}`).join(", ")}`);
  }
  for (const note of outcome.notes) out(`  note: ${note}`);

  // Products the vocabulary lacks: proposed, never dropped.
  const proposals = d.products.proposals;
  if (proposals.length) {
    const file = resolve(io.cwd, args.values.proposals ?? join(dirname(contentDir), "products.proposed.yaml"));
    const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
    const { text, added } = proposalsYaml(proposals, b.trackingId, existing);
    if (!dryRun && added.length) writeFileSync(file, text);
    const where = relative(io.cwd, file).startsWith("..") ? file : relative(io.cwd, file);
    out(`  ${proposals.length} ${proposals.length === 1 ? "product is" : "products are"} not in the site's product vocabulary; ${dryRun ? "would propose" : "proposed in"} ${where}${added.length < proposals.length ? ` (${proposals.length - added.length} already there)` : ""}:`);
    for (const p of proposals) out(`    ${p.id}: ${p.en}${p.vendor ? ` (${p.vendor})` : ""} — ${p.csafProductIds.length} CSAF ${p.csafProductIds.length === 1 ? "product" : "products"}`);
    out("  Review their names, add them to the site's product vocabulary, then run npm run check.");
  }
  if (dryRun) return 0;

  // The pair as written, through the same checks as npm run check.
  const result = loadContent({ root: io.cwd, contentDir, html: false });
  const mine = new Set([`ja/advisories/${outcome.id}.md`, `en/advisories/${outcome.id}.md`].map((p) => displayPath(io.cwd, contentDir, join(contentDir, p))));
  const problems = result.problems.filter((p) => mine.has(p.file));
  const others = result.problems.length - problems.length;
  if (problems.length) {
    for (const p of sortProblems(problems)) err(formatProblem(p));
    const unknown = problems.filter((p) => /^unknown product "/.test(p.message)).length;
    err(`✖ the draft has ${problems.length} content ${problems.length === 1 ? "problem" : "problems"}${unknown ? ` (${unknown} for products the vocabulary does not have yet: see the proposals above)` : ""}.`);
    if (others) err(`  (${others} other problems in the content folder are not listed here: npm run check)`);
    return 1;
  }
  out(`  The draft passes check${others ? ` (the content folder has ${others} other problems: npm run check)` : ""}. Next: replace every "TODO", then npm start to preview.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
}

/**
 * `npm run import -- <FILE.json | URL>`: a vendor's CSAF 2.0 advisory → a draft bulletin in both languages
 * (<site>/ja/advisories/<id>.md and <site>/en/…), or, when the entry exists, its update to a newer version.
 * Products the site's products.yaml lacks are added to it, each under a comment naming the document.
 * Exit codes: 0 written (or unchanged) and the pair passes check; 1 refused (invalid document, id in use, older
 * version), unreadable input, or the written pair has content problems (listed, with file and line); 2 usage.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { loadContent } from "../data/load-content.ts";
import { displayPath } from "../data/display-path.ts";
import { ContentError, formatProblem, sortProblems } from "../data/problems.ts";
import { readProductsFile } from "../data/stages/read-products.ts";
import { PRODUCTS_FILE } from "../data/site-files.ts";
import { describeTest } from "../csaf/validate.ts";
import { importCsaf } from "../import/import-csaf.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const IMPORT: CommandSpec = {
  name: "import",
  usage: "<FILE.json|URL> [--id ID] [--content DIR] [--dry-run]",
  summary: "Import a vendor's CSAF 2.0 advisory as a draft bulletin in both languages (or update the entry to a newer version).",
  options: {
    id: { type: "string", value: "ID", description: "the entry id (default: from the document's tracking id)" },
    content: CONTENT_OPTION,
    "dry-run": { type: "boolean", description: "say what would be written; write nothing" },
  },
  positionals: [1, 1],
};

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

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(IMPORT, argv, io);
  if (typeof parsed === "number") return parsed;
  const out = (line = "") => io.stdout(`${line}\n`);
  const err = (line: string) => io.stderr(`${line}\n`);
  const args = { values: parsed.values as { id?: string; content?: string; "dry-run"?: boolean }, positionals: parsed.positionals };
  const contentDir = siteDirOf(parsed.values, io);
  if (!existsSync(contentDir)) {
    err(`✖ the site folder ${contentDir} does not exist — run this from the project folder, or pass --content DIR`);
    return 2;
  }
  const shown = (path: string) => {
    const full = resolve(contentDir, path);
    const rel = relative(io.cwd, full);
    return (rel.startsWith("..") ? full : rel).split("\\").join("/");
  };
  // The site's product vocabulary: what the document's products are matched against.
  const products = readProductsFile(io.cwd, contentDir);
  if (!products.products) {
    err(new ContentError(products.problems).message);
    return 1;
  }
  const vocabulary = products.products;

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

  // Products the vocabulary lacked: added to products.yaml, never dropped.
  const proposals = d.products.proposals.filter((p) => outcome.proposed.includes(p.id));
  if (proposals.length) {
    out(`  ${proposals.length} ${proposals.length === 1 ? "product was" : "products were"} not in the site's product vocabulary; ${dryRun ? "would add" : "added"} to ${shown(PRODUCTS_FILE)}:`);
    for (const p of proposals) out(`    ${p.id}: ${p.en}${p.vendor ? ` (${p.vendor})` : ""} — ${p.csafProductIds.length} CSAF ${p.csafProductIds.length === 1 ? "product" : "products"}`);
    out("  Review their names there (the Japanese name is the vendor's until you change it).");
  }
  if (dryRun) return 0;

  // The pair as written, through the same checks as npm run check.
  const result = loadContent({ root: io.cwd, contentDir, html: false });
  const mine = new Set([`ja/advisories/${outcome.id}.md`, `en/advisories/${outcome.id}.md`].map((p) => displayPath(io.cwd, contentDir, join(contentDir, p))));
  const problems = result.problems.filter((p) => mine.has(p.file));
  const others = result.problems.length - problems.length;
  if (problems.length) {
    for (const p of sortProblems(problems)) err(formatProblem(p));
    const unknown = problems.filter((p) => p.code === "product.unknown").length;
    err(`✖ the draft has ${problems.length} content ${problems.length === 1 ? "problem" : "problems"}${unknown ? ` (${unknown} for products the vocabulary does not have)` : ""}.`);
    if (others) err(`  (${others} other problems in the content folder are not listed here: npm run check)`);
    return 1;
  }
  out(`  The draft passes check${others ? ` (the content folder has ${others} other problems: npm run check)` : ""}. Next: replace every "TODO", then npm start to preview.`);
  return 0;
}

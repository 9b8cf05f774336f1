/**
 * Running the authoring commands in-process (exit codes as `npm run` would give them), and telling whether a
 * report line is Japanese.
 */
import { availableParallelism } from "node:os";
import { ROOT } from "../helpers/fixtures.ts";
import { runCommand, type CommandRun } from "../helpers/run-command.ts";

export type Run = CommandRun;

/** A command by its file's name (check.ts, i18n-status.ts), as `npm run` names it. */
const COMMAND_OF: Record<string, string> = { "i18n-status.ts": "i18n:status" };

/** Runs src/cli/<cli> in this process and waits; the environment is empty (never the developer's KEIKOKU_*). */
export function runCli(cli: string, args: string[], cwd = ROOT): Promise<Run> {
  return runCommand(COMMAND_OF[cli] ?? cli.replace(/\.ts$/, ""), args, { cwd });
}

/** Runs `tasks` at most `limit` at a time. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit = Math.max(2, availableParallelism())): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * The English left in a translated message or hint, if any: two ASCII words in a row, once quoted values,
 * code spans, paths and URLs are taken out (identifiers, field names, file names and lists of ids are
 * allowed: "kind, title", "CVE-YYYY-NNNN", "content/ja/advisories/alpha.md").
 */
export function englishLeft(text: string): string | undefined {
  const stripped = text
    .replace(/"[^"]*"/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/[\w.#~-]*\/[\w.\/#~-]*/g, " ")
    .replace(/\b[a-z]+:[\w#-]+/g, " ");
  const m = /(?<![\w-])[A-Za-z]{2,}(?:['-][A-Za-z]+)*\s+[A-Za-z]{2,}(?![\w-])/.exec(stripped);
  if (m) return m[0];
  return JAPANESE.test(text) ? undefined : text;
}

/**
 * Running the authoring CLIs as child processes (so exit codes are real), and telling whether a report
 * line is Japanese.
 */
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../helpers/fixtures.ts";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** tsx by absolute URL, so a CLI can also run with another working directory. */
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
/** A command by its file's name (check.ts, i18n-status.ts), run the way npm runs it: through src/cli/run.ts. */
const COMMAND_OF: Record<string, string> = { "i18n-status.ts": "i18n:status" };
const cliArgs = (cli: string, args: string[]) => ["--import", TSX, join(ROOT, "src/cli/run.ts"), COMMAND_OF[cli] ?? cli.replace(/\.ts$/, ""), ...args];
const env = () => {
  const out = { ...process.env };
  delete out.KEIKOKU_CONTENT;
  return out;
};

/** Runs src/cli/<cli> and waits. */
export function runCli(cli: string, args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, cliArgs(cli, args), { cwd, encoding: "utf8", env: env() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking, so several runs can overlap. */
export function runCliAsync(cli: string, args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(cli, args), { cwd, env: env() });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
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

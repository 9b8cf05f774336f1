/**
 * Runs a command in this process, the way src/cli/run.ts does, with its output captured: the exit code is
 * the one `npm run <name>` would exit with, without paying for a new Node, tsx and the CSAF validator per run.
 *
 *   const r = await runCommand("check", ["--content", dir, "--lang", "ja"]);
 *   assert.equal(r.status, 1);
 */
import type { CommandIo } from "../../src/cli/command.ts";
import { COMMANDS } from "../../src/cli/commands.ts";
import { ROOT } from "./fixtures.ts";

export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}


export interface RunOptions {
  /** The working folder (default: the project root). */
  cwd?: string;
  /** The whole environment the command sees (default: none, so a developer's KEIKOKU_* never leaks in). */
  env?: Record<string, string | undefined>;
}

export async function runCommand(name: string, argv: string[], options: RunOptions = {}): Promise<CommandRun> {
  const load = COMMANDS[name];
  if (!load) throw new Error(`runCommand: no command "${name}" (known: ${Object.keys(COMMANDS).join(", ")})`);
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  };
  const status = await (await load()).main(argv, io);
  return { status, stdout, stderr };
}

/**
 * The one file Node runs for every command: `node --import tsx src/cli/run.ts <command> [args]` (the npm
 * scripts in package.json). It picks the command's module, calls its `main(argv, io)` with this process's
 * streams, environment and folder, and exits with what it returns.
 */
import type { CommandIo } from "./command.ts";
import { COMMANDS } from "./commands.ts";

const io: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
};

const [name, ...argv] = process.argv.slice(2);
const load = name ? COMMANDS[name] : undefined;
if (!load) {
  io.stderr(`usage: node --import tsx src/cli/run.ts <${Object.keys(COMMANDS).join("|")}> [--help]\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await (await load()).main(argv, io);
}

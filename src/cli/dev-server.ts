/**
 * The dev server itself, in the process `npm start` (serve.ts) supervises: reads the settings, builds the
 * site and serves it with live reload until stopped. Run it through `npm start`, which restarts it when
 * Keikoku's own code changes.
 */
import { resolve } from "node:path";
import { ContentError } from "../data/problems.ts";
import { readSettings } from "../settings/settings.ts";
import { startDevServer } from "../preview/dev-server.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const DEV_SERVER: CommandSpec = {
  name: "start",
  usage: "[--content DIR] [--output DIR] [--port N] [--verbose]",
  summary: "Build the site and serve it with live reload; every save rebuilds it.",
  options: {
    content: CONTENT_OPTION,
    output: { type: "string", value: "DIR", description: "where the site is built and served from (default: $KEIKOKU_OUTPUT, else _site/)" },
    port: { type: "string", value: "N", description: "the port (default: $PORT, else 8080)" },
    verbose: { type: "boolean", description: "after each build, print every note and Eleventy's own output too" },
  },
};

/** The port: --port, else $PORT, else 8080; undefined when it is not a port number. */
export function portOf(values: Record<string, unknown>, io: CommandIo): number | undefined {
  const text = (values.port as string | undefined) ?? io.env.PORT ?? "8080";
  const port = Number(text);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(DEV_SERVER, argv, io);
  if (typeof parsed === "number") return parsed;
  const port = portOf(parsed.values, io);
  if (port === undefined) {
    io.stderr("✖ --port (or PORT) must be a port number such as 8080\n");
    return 2;
  }
  const output = resolve(io.cwd, (parsed.values.output as string | undefined) ?? (io.env.KEIKOKU_OUTPUT || "_site"));
  const read = readSettings({ siteDir: siteDirOf(parsed.values, io), root: io.cwd, env: io.env, devPort: port });
  if (!read.settings) {
    io.stderr(`${new ContentError(read.problems).message}\n`);
    return 1;
  }
  const server = await startDevServer({ settings: read.settings, output, port, log: (line) => io.stdout(`${line}\n`), verbose: parsed.values.verbose === true });
  await new Promise<void>((done) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => done());
  });
  await server.close();
  return 0;
}

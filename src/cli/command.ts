/**
 * What every command-line entry point shares: a command is `main(argv, io)` returning its exit code, so
 * tests call it in-process; src/cli/run.ts is the only file Node runs. Arguments are parsed strictly
 * (node:util parseArgs): an unknown flag or a missing value prints a one-line usage and exits 2; --help
 * prints the usage and every option, and exits 0.
 *
 *   const parsed = parseCommand(BUILD, argv, io);   // { values: { content: "my-site", … }, positionals: [] } or an exit code
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";

/** Where a command writes and what it runs in; tests pass their own. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type Command = (argv: string[], io: CommandIo) => Promise<number>;

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  /** For --help: what the option does. */
  description: string;
  /** For --help: the value's placeholder, e.g. DIR. */
  value?: string;
}

export interface CommandSpec {
  /** `npm run <name>`. */
  name: string;
  /** What follows `npm run <name> --`, e.g. "[--content DIR] [--output DIR]". */
  usage: string;
  /** One sentence: what the command does. */
  summary: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes, at least and at most. */
  positionals?: [min: number, max: number];
}

/** `--content DIR`, the same in every command that reads a site. */
export const CONTENT_OPTION: OptionSpec = { type: "string", value: "DIR", description: "the site folder: site.yaml, ja/, en/ (default: $KEIKOKU_CONTENT, else content/)" };
/** `--lang ja|en`, the language of messages, the same in every command that reports problems. */
export const LANG_OPTION: OptionSpec = { type: "string", value: "ja|en", description: "the language of messages (default en)" };

export const usageLine = (spec: CommandSpec) => `usage: npm run ${spec.name} -- ${spec.usage}`;

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ""}`, o.description] as const);
  const width = Math.max(10, ...rows.map(([flag]) => flag.length));
  return [`${spec.summary}`, "", usageLine(spec), "", ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`), `  ${"--help".padEnd(width)}  show this help`, ""].join("\n");
}

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** The parsed arguments, or the exit code when the command should stop here (--help: 0, wrong usage: 2). */
export function parseCommand(spec: CommandSpec, argv: string[], io: CommandIo): Parsed | number {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  // A positional that starts with one "-" (an id such as "-worm") is a value for the command to judge, not
  // an unknown short flag: parseArgs would call it one, so it is hidden from parseArgs and restored after.
  const HIDDEN = "\u0000";
  const args = argv.map((a) => (/^-[^-]/.test(a) && a !== "-h" ? `${HIDDEN}${a}` : a));
  try {
    parsed = parseArgs({
      args,
      options: { ...Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.multiple ? { multiple: true } : {}) }])), help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(`✖ ${usageProblem(error as Error & { code?: string })}\n${usageLine(spec)} (--help for details)\n`);
    return 2;
  }
  parsed.positionals = parsed.positionals.map((p) => (p.startsWith(HIDDEN) ? p.slice(1) : p));
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string" && value.startsWith(HIDDEN)) parsed.values[name] = value.slice(1);
  }
  if (parsed.values.help) {
    io.stdout(helpText(spec));
    return 0;
  }
  const [min, max] = spec.positionals ?? [0, 0];
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    const what = parsed.positionals.length > max ? `unexpected argument "${parsed.positionals[max]}"` : "missing argument";
    io.stderr(`✖ ${what}\n${usageLine(spec)} (--help for details)\n`);
    return 2;
  }
  return parsed as Parsed;
}

/** parseArgs's complaint in the commands' own words: `unknown option "--bogus"`, `--content needs a value`. */
function usageProblem(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option "${option}"`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `${option} needs a value`;
  return error.message.split("\n")[0]!;
}

/** The site folder a command works on: --content, else $KEIKOKU_CONTENT, else content/ (absolute). */
export function siteDirOf(values: Parsed["values"], io: CommandIo): string {
  const given = typeof values.content === "string" ? values.content : io.env.KEIKOKU_CONTENT || "content";
  return resolve(io.cwd, given);
}

/** --lang as a message language; undefined (after printing why) when it is neither ja nor en. */
export function messageLang(values: Parsed["values"], spec: CommandSpec, io: CommandIo): "ja" | "en" | undefined {
  const lang = (values.lang as string | undefined) ?? "en";
  if (lang === "ja" || lang === "en") return lang;
  io.stderr(`✖ Unknown --lang "${lang}": use en or ja\n${usageLine(spec)}\n`);
  return undefined;
}

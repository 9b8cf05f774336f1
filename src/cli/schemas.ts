/**
 * `npm run schemas`: write the JSON Schemas of the frontmatter and of site.yaml (src/authoring/json-schemas.ts)
 * to docs/schemas/, for editors.
 * Exit codes: 0 written (or, with --check, up to date), 1 --check found files out of date, 2 usage error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { jsonSchemaFiles, SCHEMA_DIR } from "../authoring/json-schemas.ts";
import { parseCommand, type CommandIo, type CommandSpec } from "./command.ts";

export const SCHEMAS: CommandSpec = {
  name: "schemas",
  usage: "[--check]",
  summary: `Write the JSON Schemas of the frontmatter and of site.yaml to ${SCHEMA_DIR}/ for editors.`,
  options: {
    check: { type: "boolean", description: "write nothing; fail if the committed files differ from what the zod schemas generate" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(SCHEMAS, argv, io);
  if (typeof parsed === "number") return parsed;
  const dir = resolve(io.cwd, SCHEMA_DIR);
  const files = jsonSchemaFiles();
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined);

  if (parsed.values.check) {
    const stale = Object.entries(files).filter(([name, text]) => read(name) !== text).map(([name]) => name);
    const extra = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".schema.json") && !(name in files)) : [];
    if (stale.length || extra.length) {
      for (const name of stale) io.stderr(`✖ ${SCHEMA_DIR}/${name} is ${read(name) === undefined ? "missing" : "out of date"}\n`);
      for (const name of extra) io.stderr(`✖ ${SCHEMA_DIR}/${name} is no longer generated\n`);
      io.stderr("Run npm run schemas and commit the result.\n");
      return 1;
    }
    io.stdout(`✔ ${SCHEMA_DIR}/ is up to date (${Object.keys(files).length} schemas)\n`);
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const same = read(name) === text;
    if (!same) writeFileSync(join(dir, name), text);
    io.stdout(`${same ? "unchanged" : "wrote    "} ${SCHEMA_DIR}/${name}\n`);
  }
  return 0;
}

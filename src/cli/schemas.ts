/**
 * `npm run schemas`: write the JSON Schemas of the frontmatter, site.yaml and products.yaml
 * (src/authoring/json-schemas.ts) for editors: the bundled site's into docs/schemas/, another site's wherever
 * --out says (its product ids come from its products.yaml).
 * Exit codes: 0 written (or, with --check, up to date), 1 --check found files out of date, 2 usage error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { jsonSchemaFiles, SCHEMA_DIR } from "../authoring/json-schemas.ts";
import { readProductsFile } from "../data/stages/read-products.ts";
import { ContentError } from "../data/problems.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const SCHEMAS: CommandSpec = {
  name: "schemas",
  usage: "[--content DIR] [--out DIR] [--check]",
  summary: `Write the JSON Schemas of the frontmatter, site.yaml and products.yaml (with the site's product ids) for editors.`,
  options: {
    content: CONTENT_OPTION,
    out: { type: "string", value: "DIR", description: `where the schemas go (default: ${SCHEMA_DIR}/)` },
    check: { type: "boolean", description: "write nothing; fail if the files there differ from what the zod schemas generate" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(SCHEMAS, argv, io);
  if (typeof parsed === "number") return parsed;
  const out = (parsed.values.out as string | undefined) ?? SCHEMA_DIR;
  const dir = resolve(io.cwd, out);
  const products = readProductsFile(io.cwd, siteDirOf(parsed.values, io));
  if (!products.products) {
    io.stderr(`${new ContentError(products.problems).message}\n`);
    return 1;
  }
  const files = jsonSchemaFiles(Object.keys(products.products));
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined);

  if (parsed.values.check) {
    const stale = Object.entries(files).filter(([name, text]) => read(name) !== text).map(([name]) => name);
    const extra = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".schema.json") && !(name in files)) : [];
    if (stale.length || extra.length) {
      for (const name of stale) io.stderr(`✖ ${out}/${name} is ${read(name) === undefined ? "missing" : "out of date"}\n`);
      for (const name of extra) io.stderr(`✖ ${out}/${name} is no longer generated\n`);
      io.stderr("Run npm run schemas and commit the result.\n");
      return 1;
    }
    io.stdout(`✔ ${out}/ is up to date (${Object.keys(files).length} schemas)\n`);
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const same = read(name) === text;
    if (!same) writeFileSync(join(dir, name), text);
    io.stdout(`${same ? "unchanged" : "wrote    "} ${out}/${name}\n`);
  }
  return 0;
}

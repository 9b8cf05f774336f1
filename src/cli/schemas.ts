/**
 * `npm run schemas`: write the frontmatter JSON Schemas (src/authoring/json-schemas.ts) to docs/schemas/.
 *   --check   write nothing; fail if the committed files differ from what the zod schemas generate
 * Exit codes: 0 written (or, with --check, up to date), 1 --check found files out of date, 2 usage error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { jsonSchemaFiles, SCHEMA_DIR } from "../authoring/json-schemas.ts";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--check");
if (unknown.length) {
  console.error(`Unknown argument "${unknown[0]}"\nusage: npm run schemas [-- --check]`);
  process.exit(2);
}
const check = args.includes("--check");
const dir = resolve(SCHEMA_DIR);
const files = jsonSchemaFiles();
const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined);

if (check) {
  const stale = Object.entries(files).filter(([name, text]) => read(name) !== text).map(([name]) => name);
  const extra = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".schema.json") && !(name in files)) : [];
  if (stale.length || extra.length) {
    for (const name of stale) console.error(`✖ ${SCHEMA_DIR}/${name} is ${read(name) === undefined ? "missing" : "out of date"}`);
    for (const name of extra) console.error(`✖ ${SCHEMA_DIR}/${name} is no longer generated`);
    console.error("Run npm run schemas and commit the result.");
    process.exit(1);
  }
  console.log(`✔ ${SCHEMA_DIR}/ is up to date (${Object.keys(files).length} schemas)`);
} else {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const same = read(name) === text;
    if (!same) writeFileSync(join(dir, name), text);
    console.log(`${same ? "unchanged" : "wrote    "} ${SCHEMA_DIR}/${name}`);
  }
}

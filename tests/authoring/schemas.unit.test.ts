/**
 * The frontmatter JSON Schemas (docs/schemas/*.schema.json): committed and up to date, required lists as
 * authors write files (defaults optional), and they accept every bundled content file and refuse the
 * usual mistakes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { ROOT } from "../helpers/fixtures.ts";
import { parseFrontmatter } from "../../src/data/frontmatter.ts";
import { jsonSchemaFiles, schemaFiles } from "../../src/authoring/json-schemas.ts";
import { readProductsFile } from "../../src/data/stages/read-products.ts";

/** The bundled site's product ids: docs/schemas/ is generated for them. */
const PRODUCT_IDS = Object.keys(readProductsFile(ROOT, join(ROOT, "content")).products!);
import { runCli } from "./helpers.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Json = { required?: string[]; properties: Record<string, { description?: string }>; $id: string; title: string };
const schemaOf = (file: string) => JSON.parse(readFileSync(join(ROOT, "docs/schemas", file), "utf8")) as Json;

test("schemas --check: the committed files are what the zod schemas generate", async () => {
  const run = await runCli("schemas.ts", ["--check"]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /✔ docs\/schemas\/ is up to date \(7 schemas\)/);
  for (const [file, text] of Object.entries(jsonSchemaFiles(PRODUCT_IDS))) assert.equal(readFileSync(join(ROOT, "docs/schemas", file), "utf8"), text, file);
});

test("schemas --check fails on a stale, missing or leftover file (run in a scratch copy)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "keikoku-schemas-"));
  try {
    cpSync(join(ROOT, "docs/schemas"), join(dir, "docs/schemas"), { recursive: true });
    // The schemas list the bundled site's product ids, from its products.yaml.
    cpSync(join(ROOT, "content/products.yaml"), join(dir, "content/products.yaml"));
    assert.equal((await runCli("schemas.ts", ["--check"], dir)).status, 0);
    writeFileSync(join(dir, "docs/schemas/page.schema.json"), "{}\n");
    rmSync(join(dir, "docs/schemas/hoax.schema.json"));
    writeFileSync(join(dir, "docs/schemas/old.schema.json"), "{}\n");
    const stale = await runCli("schemas.ts", ["--check"], dir);
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /docs\/schemas\/page\.schema\.json is out of date/);
    assert.match(stale.stderr, /docs\/schemas\/hoax\.schema\.json is missing/);
    assert.match(stale.stderr, /docs\/schemas\/old\.schema\.json is no longer generated/);
    const write = await runCli("schemas.ts", [], dir);
    assert.equal(write.status, 0, write.stderr);
    rmSync(join(dir, "docs/schemas/old.schema.json"));
    assert.equal((await runCli("schemas.ts", ["--check"], dir)).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("required lists are what authors must write: fields with defaults are optional", async () => {
  assert.deepEqual(schemaOf("advisory.schema.json").required, ["kind", "title", "summary", "published", "revisions"]);
  assert.deepEqual(schemaOf("hoax.schema.json").required, ["kind", "title", "summary", "published", "revisions", "names", "claim", "truth", "action", "ifActed", "firstSeen"]);
  assert.deepEqual(schemaOf("page.schema.json").required, ["title"]);
  assert.deepEqual(schemaOf("advisory-translation.schema.json").required, ["translationOf", "title", "summary"]);
  assert.deepEqual(schemaOf("hoax-translation.schema.json").required, ["translationOf", "title", "summary", "names", "claim", "truth", "action", "ifActed", "firstSeen"]);
});

test("every schema has an $id, a title, and a description for every field", async () => {
  for (const { file } of schemaFiles(PRODUCT_IDS)) {
    const schema = schemaOf(file);
    assert.match(schema.$id, /^urn:keikoku:schema:/);
    assert.ok(schema.title.startsWith("Keikoku"));
    // products.schema.json is a map of ids to products: its fields are those of each value.
    const fields = schema.properties ?? (schema as unknown as { additionalProperties: Json }).additionalProperties.properties;
    for (const [key, prop] of Object.entries(fields)) assert.ok(prop.description, `${file}: ${key} has no description`);
  }
});

function validators() {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  const v = (file: string) => ajv.compile(schemaOf(file));
  return { advisory: v("advisory.schema.json"), hoax: v("hoax.schema.json"), page: v("page.schema.json"), advisoryTr: v("advisory-translation.schema.json"), hoaxTr: v("hoax-translation.schema.json") };
}

test("every bundled content file's frontmatter is valid against its schema", async () => {
  const v = validators();
  let count = 0;
  for (const lang of ["ja", "en"]) {
    for (const folder of ["advisories", "hoaxes", "pages"]) {
      for (const name of readdirSync(join(ROOT, "content", lang, folder))) {
        const parsed = parseFrontmatter(readFileSync(join(ROOT, "content", lang, folder, name), "utf8"));
        assert.ok(!("error" in parsed));
        const validate = folder === "pages" ? v.page : folder === "advisories" ? (lang === "ja" ? v.advisory : v.advisoryTr) : lang === "ja" ? v.hoax : v.hoaxTr;
        assert.ok(validate(parsed.data), `${lang}/${folder}/${name}: ${JSON.stringify(validate.errors)}`);
        count++;
      }
    }
  }
  assert.ok(count >= 20);
});

test("the schemas refuse the usual mistakes", async () => {
  const v = validators();
  const base = { kind: "incident", title: "t", summary: "s", published: "2004-05-08", revisions: [{ number: 1, date: "2004-05-08", note: "n" }] };
  assert.ok(v.advisory(base));
  for (const bad of [
    { ...base, afected: ["windows-xp"] },
    { ...base, affected: ["windows-2001"] },
    { ...base, published: "2004-5-8" },
    { ...base, kind: "hoax" },
    { ...base, kb: ["KB835732"] },
    { ...base, sources: [{ title: "x", url: "javascript:alert(1)" }] },
    { ...base, revisions: [] },
    { kind: "incident", title: "t" },
  ]) assert.equal(v.advisory(bad), false, JSON.stringify(bad));
  assert.ok(v.advisoryTr({ translationOf: 1, title: "t", summary: "s" }));
  assert.equal(v.advisoryTr({ translationOf: 0, title: "t", summary: "s" }), false);
  const hoax = { ...base, kind: "hoax", names: ["X"], claim: "c", truth: "t", action: "a", ifActed: "i", firstSeen: { date: "2001-04", where: "w" } };
  assert.ok(v.hoax(hoax));
  assert.ok(v.hoax({ ...hoax, firstSeen: { date: 1998, where: "w" } }));
  assert.equal(v.hoax({ ...hoax, firstSeen: { date: "April 2001", where: "w" } }), false);
});

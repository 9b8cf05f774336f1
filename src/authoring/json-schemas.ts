/**
 * JSON Schemas of the frontmatter, generated from the zod schemas (src/data/schema.ts) with zod 4's
 * z.toJSONSchema, for editors and other tools (docs/schemas/*.schema.json, written by `npm run schemas`).
 *
 *   AdvisorySchema  →  docs/schemas/advisory.schema.json  (for content/ja/advisories/*.md)
 *
 * `io: "input"` describes what authors write: a field with a `.default()` is optional there (in "output"
 * mode it would be listed as required, and the transform of PartialDate could not be represented at all).
 * Target draft-07, the draft editors' JSON Schema support handles best. Checks that JSON Schema cannot
 * express (real calendar dates, cross-file rules) stay with `npm run check`; the date formats are added
 * here as patterns so an editor can at least flag `2004-5-8`.
 */
import { z } from "zod";
import { contentSchemas, HttpUrl, IsoDate, NEUTRAL_KEYS, PartialDate } from "../data/schema.ts";
import { ProductsSchema } from "../data/stages/read-products.ts";
import { SiteConfigSchema } from "../settings/schema.ts";

type Json = Record<string, unknown>;

export interface SchemaFile {
  /** File name under docs/schemas/. */
  file: string;
  schema: z.ZodType;
  title: string;
  description: string;
  /** For translations: the source schema, and the neutral fields a translation may restate. */
  source?: { schema: z.ZodType; restatable: readonly string[] };
}

export const SCHEMA_DIR = "docs/schemas";
const ID_BASE = "urn:keikoku:schema:";

/**
 * The schema files for a site's product ids (the editors then know them), or for any id (undefined).
 * docs/schemas/ holds them for the bundled site's products.
 */
export function schemaFiles(products: readonly string[] | undefined): SchemaFile[] {
  const { AdvisorySchema, AdvisoryTranslationSchema, HoaxSchema, HoaxTranslationSchema, PageSchema } = contentSchemas(products);
  return [
    {
      file: "advisory.schema.json",
      schema: AdvisorySchema,
      title: "Keikoku advisory (Japanese source)",
      description: "Frontmatter of content/ja/advisories/{id}.md: an incident, a bulletin or guidance, with every language-neutral fact.",
    },
    {
      file: "hoax.schema.json",
      schema: HoaxSchema,
      title: "Keikoku hoax entry (Japanese source)",
      description: "Frontmatter of content/ja/hoaxes/{id}.md: a virus hoax, with every language-neutral fact.",
    },
    {
      file: "page.schema.json",
      schema: PageSchema,
      title: "Keikoku page",
      description: "Frontmatter of content/{ja,en}/pages/{about,hoaxes}.md.",
    },
    {
      file: "advisory-translation.schema.json",
      schema: AdvisoryTranslationSchema,
      source: { schema: AdvisorySchema, restatable: NEUTRAL_KEYS.advisory },
      title: "Keikoku advisory translation (English)",
      description: "Frontmatter of content/en/advisories/{id}.md: translated text of the Japanese file with the same id.",
    },
    {
      file: "hoax-translation.schema.json",
      schema: HoaxTranslationSchema,
      source: { schema: HoaxSchema, restatable: NEUTRAL_KEYS.hoax },
      title: "Keikoku hoax translation (English)",
      description: "Frontmatter of content/en/hoaxes/{id}.md: translated text of the Japanese file with the same id.",
    },
    {
      file: "site.schema.json",
      schema: SiteConfigSchema,
      title: "Keikoku site configuration",
      description: "site.yaml at the root of a site folder: the site's name, publisher, URL and CSAF settings.",
    },
    {
      file: "products.schema.json",
      schema: ProductsSchema,
      title: "Keikoku product vocabulary",
      description: "products.yaml at the root of a site folder: every product id the content may name, with its names, short names and vendor.",
    },
  ];
}

const RESTATED = "In a translation this is optional: it is taken from the Japanese source, and if restated it must be equal.";

/** Fields nested in translations that have no description of their own in the zod schema. */
const NESTED_DESCRIPTIONS: Record<string, string> = {
  id: "The id of the source's vulnerability this translates.",
  name: "Translated name.",
  note: "Translated footnote.",
  date: "Restated date; must equal the source's.",
  approximate: "Restated; must equal the source's.",
  where: "Translated place where the hoax was first seen.",
};

/** The same zod schema, whatever `.describe()` copies it: copies share their definition object. */
const isSchema = (candidate: z.core.$ZodType, schema: z.ZodType) => candidate._zod.def === schema._zod.def;

function convert(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    io: "input",
    target: "draft-07",
    override: (ctx) => {
      const json = ctx.jsonSchema as Json;
      if (isSchema(ctx.zodSchema, IsoDate)) {
        json.pattern = "^\\d{4}-\\d{2}-\\d{2}$";
      } else if (isSchema(ctx.zodSchema, PartialDate)) {
        delete json.type;
        json.anyOf = [
          { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" },
          { type: "integer", minimum: 1000, maximum: 9999 },
        ];
      } else if (isSchema(ctx.zodSchema, HttpUrl)) {
        json.pattern = "^https?://";
      }
    },
  }) as Json;
}

function properties(json: Json): Record<string, Json> {
  return (json.properties ?? {}) as Record<string, Json>;
}

/** Gives a translation's restatable fields the source's description and says so; nested fields theirs. */
function describeTranslation(json: Json, source: Json, restatable: readonly string[]): void {
  const sourceProps = properties(source);
  for (const [key, prop] of Object.entries(properties(json))) {
    if (restatable.includes(key)) {
      const from = sourceProps[key]?.description;
      prop.description = typeof from === "string" ? `${from} ${RESTATED}` : RESTATED;
    }
    const nested = ((prop.items as Json | undefined)?.properties ?? prop.properties) as Record<string, Json> | undefined;
    for (const [name, field] of Object.entries(nested ?? {})) {
      if (typeof field.description !== "string" && NESTED_DESCRIPTIONS[name]) field.description = NESTED_DESCRIPTIONS[name];
    }
  }
}

/** The JSON Schema of one file: $schema, $id, title and description first. */
export function jsonSchemaFor(entry: SchemaFile): Json {
  const { $schema, ...rest } = convert(entry.schema);
  if (entry.source) describeTranslation(rest, convert(entry.source.schema), entry.source.restatable);
  return {
    $schema,
    $id: `${ID_BASE}${entry.file.replace(/\.schema\.json$/, "")}`,
    title: entry.title,
    description: entry.description,
    ...rest,
  };
}

/** Every schema file's text, by file name (docs/schemas/ holds those of the bundled site's products). */
export function jsonSchemaFiles(products: readonly string[] | undefined): Record<string, string> {
  return Object.fromEntries(schemaFiles(products).map((entry) => [entry.file, `${JSON.stringify(jsonSchemaFor(entry), null, 2)}\n`]));
}

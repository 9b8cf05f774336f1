/**
 * Stage 2, parse-files: reads each listed file (rejecting what must never reach a page: non-UTF-8, control
 * characters, files over 1 MB), splits frontmatter from body, and validates the frontmatter against the
 * schema for its folder and language. A file unchanged since the last run comes from the cache.
 */
import type { z } from "zod";
import { SOURCE_LANG, type Lang } from "../../i18n/languages.ts";
import { ContentCache, hashText, type CachedFile } from "../content-cache.ts";
import { displayPath } from "../display-path.ts";
import { parseFrontmatter, splitFrontmatter, type ParsedFile, type Position } from "../frontmatter.ts";
import { readContentFile } from "../read-file.ts";
import { contentSchemas, type ContentSchemas } from "../schema.ts";
import { zodProblems } from "../zod-problems.ts";
import { yamlProblem } from "../yaml-problem.ts";
import { keyOf, type Folder, type LoadState, type LoadedFile } from "./state.ts";

function schemaFor(schemas: ContentSchemas, folder: Folder, lang: Lang): z.ZodType {
  if (folder === "pages") return schemas.PageSchema;
  const source = lang === SOURCE_LANG;
  if (folder === "advisories") return source ? schemas.AdvisorySchema : schemas.AdvisoryTranslationSchema;
  return source ? schemas.HoaxSchema : schemas.HoaxTranslationSchema;
}

export function parseFiles(state: LoadState): void {
  const { root, contentDir, problems } = state;
  const productIds = state.products ? Object.keys(state.products) : undefined;
  const schemas = contentSchemas(productIds);
  if (state.useCache) state.cache = ContentCache.open(contentDir, JSON.stringify(state.products ?? null), state.memory);
  const { cache } = state;
  for (const { path, lang, folder, id } of state.listed) {
    const file = displayPath(root, contentDir, path);
    const read = readContentFile(path, file, state.memory?.texts);
    if ("problems" in read) {
      problems.push(...read.problems);
      continue;
    }
    const hash = cache ? hashText(read.text) : "";
    const hit = cache?.file(path, hash);
    if (hit) {
      state.files.push({ file, lang, folder, id, parsed: cachedParse(read.text, hit), data: hit.data as LoadedFile["data"], hash });
      continue;
    }
    const parsed = parseFrontmatter(read.text);
    if ("error" in parsed) {
      problems.push({ file, line: 1, column: 1, field: "(frontmatter)", code: parsed.error, params: {}, hint: "frontmatter.format" });
      continue;
    }
    if (parsed.syntaxErrors.length) {
      for (const e of parsed.syntaxErrors) {
        problems.push(yamlProblem(file, e));
      }
      continue;
    }
    const schema = schemaFor(schemas, folder, lang);
    const result = schema.safeParse(parsed.data ?? {}, { reportInput: true });
    if (!result.success) {
      problems.push(...zodProblems(file, parsed, schema, result.error));
      continue;
    }
    state.files.push({ file, lang, folder, id, parsed, data: result.data as LoadedFile["data"], ...(cache ? { hash } : {}) });
    cache?.setFile(path, hash, { data: result.data, positions: positionsOf(parsed, result.data) });
  }
  for (const f of state.files) state.byKey.set(keyOf(f.lang, f.folder, f.id), f);
}

/**
 * The positions a valid file's fields are asked for on the way to a valid site (top-level keys: hoax text
 * fields; aliases.N: the alias check). Anything else is asked for only to report a problem.
 */
function positionsOf(parsed: ParsedFile, data: unknown): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    positions[key] = parsed.locate([key]);
    if (key === "aliases" && Array.isArray(value)) value.forEach((_, i) => (positions[`aliases.${i}`] = parsed.locate(["aliases", i])));
  }
  return positions;
}

/** A cached file as a ParsedFile: other positions come from parsing the text again, when first asked for. */
function cachedParse(text: string, hit: CachedFile): ParsedFile {
  let full: ParsedFile | undefined;
  const { body, bodyLine } = splitFrontmatter(text) as { body: string; bodyLine: number };
  return {
    data: hit.data,
    body,
    bodyLine,
    syntaxErrors: [],
    locate(path, unknownKey) {
      const known = unknownKey === undefined ? hit.positions[path.join(".")] : undefined;
      if (known) return known;
      full ??= parseFrontmatter(text) as ParsedFile;
      return full.locate(path, unknownKey);
    },
  };
}

/**
 * Builds sites for tests with the real pipeline (validation, Eleventy, Pagefind) and reads pages with a
 * real HTML parser (cheerio on parse5).
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import type { BuildResult } from "../../src/site/build-site.ts";
import { emptyReport } from "../../src/site/build-report.ts";
import { settingsFor } from "./settings.ts";

export interface BuiltSite extends BuildResult {
  dir: string;
  /** Reads a built file by its URL path (`/ja/advisories/sasser/`). */
  file(urlPath: string): string;
  exists(urlPath: string): boolean;
  /** Parses a built page. */
  page(urlPath: string): cheerio.CheerioAPI;
}

export function siteAt(dir: string, result: BuildResult = { pages: 0, notices: [], report: emptyReport() }): BuiltSite {
  const pathOf = (urlPath: string) => {
    const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
    return join(dir, clean.endsWith("/") ? `${clean}index.html` : clean);
  };
  return {
    ...result,
    dir,
    file: (urlPath) => readFileSync(pathOf(urlPath), "utf8"),
    exists: (urlPath) => existsSync(pathOf(urlPath)),
    page: (urlPath) => cheerio.load(readFileSync(pathOf(urlPath), "utf8")),
  };
}

export async function buildTestSite(options: { contentDir?: string; output?: string; env?: Record<string, string> } = {}): Promise<BuiltSite> {
  const output = options.output ?? join(mkdtempSync(join(tmpdir(), "keikoku-site-")), "_site");
  // Imported when a site is built: a test process that only reads built sites never loads Eleventy.
  const { buildSite } = await import("../../src/site/build-site.ts");
  const result = await buildSite(settingsFor(options), { output });
  return siteAt(output, result);
}

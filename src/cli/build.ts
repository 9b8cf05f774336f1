/**
 * `npm run build`: read the site's settings, validate all content, render the site into a fresh folder,
 * run the steps after rendering (CSAF, search, URL manifest), and only then swap it in for the output
 * folder. A build that fails at any step leaves the previous output as it was.
 * Exit codes: 0 built, 1 content problems or a failed build, 2 usage.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSite } from "../site/build-site.ts";
import { formatBuildReport } from "../site/build-report.ts";
import { ContentError } from "../data/problems.ts";
import { UrlRemovedError } from "../links/url-manifest.ts";
import { SearchIndexError } from "../search/pagefind-index.ts";
import { CsafValidationError } from "../csaf/validate.ts";
import { readSettings } from "../settings/settings.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const BUILD: CommandSpec = {
  name: "build",
  usage: "[--content DIR] [--output DIR] [--verbose]",
  summary: "Validate the site's content and build it into a folder (replaced only when the whole build succeeds).",
  options: {
    content: CONTENT_OPTION,
    output: { type: "string", value: "DIR", description: "where the site goes (default: $KEIKOKU_OUTPUT, else _site/)" },
    verbose: { type: "boolean", description: "print every note, the known CSAF warnings and Eleventy's own output too" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(BUILD, argv, io);
  if (typeof parsed === "number") return parsed;
  const named = (parsed.values.output as string | undefined) ?? (io.env.KEIKOKU_OUTPUT || "_site");
  const output = resolve(io.cwd, named);
  const verbose = parsed.values.verbose === true;
  const started = performance.now();
  const read = readSettings({ siteDir: siteDirOf(parsed.values, io), root: io.cwd, env: io.env });
  try {
    if (!read.settings) throw new ContentError(read.problems);
    const result = await buildSite(read.settings, { output, verbose });
    const seconds = (performance.now() - started) / 1000;
    for (const line of formatBuildReport({ pages: result.pages, output: named, seconds, report: result.report, verbose })) io.stdout(`${line}\n`);
    return 0;
  } catch (error) {
    // Reports written for the author (file, field, what to do); only a real fault keeps its stack trace.
    if (error instanceof ContentError || error instanceof UrlRemovedError || error instanceof SearchIndexError || error instanceof CsafValidationError) io.stderr(`${error.message}\n`);
    else io.stderr(`✖ build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    io.stderr(existsSync(output) ? `  ${output} was left unchanged.\n` : "\n");
    return 1;
  }
}

/**
 * Renders every page of a site into a folder with Eleventy, from the settings and the validated content as
 * values (see .eleventy.ts); or only a selection of its pages, into a folder that holds the rest.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Eleventy from "@11ty/eleventy";
import keikoku, { type RenderInputs } from "../../.eleventy.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";
import { ignoreUnselected, type RenderSelection } from "./render-selection.ts";
import { siteLists } from "./template-data.ts";
import { LANGS, type Lang } from "../i18n/languages.ts";

export interface RenderOptions {
  /** The templates (default Keikoku's layouts/). */
  layouts?: string;
  /** Eleventy's own lines (each file written, the "Copied … Wrote …" summary, benchmarks); off by default. */
  verbose?: boolean;
}

/** Renders the pages and returns the files written, as site paths. */
export async function renderPages(inputs: RenderInputs, dir: string, { layouts = join(KEIKOKU_ROOT, "layouts"), verbose = false }: RenderOptions = {}): Promise<string[]> {
  // Eleventy wants its input relative to the current folder; a build may start anywhere.
  const eleventy = new Eleventy(relative(process.cwd(), layouts) || ".", dir, {
    // No config file: the configuration is .eleventy.ts's function, called with this build's values.
    configPath: false,
    config: (eleventyConfig: any) => {
      // The "Configuration" benchmark group exists before quietMode reaches it, and warns on its own.
      if (!verbose) for (const group of Object.values(eleventyConfig.benchmarkManager?.getAll?.() ?? {})) (group as { setIsVerbose(v: boolean): void }).setIsVerbose(false);
      if (inputs.selection) ignoreUnselected(eleventyConfig, layouts, readdirSync(join(layouts, "pages")), inputs.selection);
      return keikoku(eleventyConfig, inputs);
    },
    pathPrefix: inputs.settings.pathPrefix,
    quietMode: !verbose,
  });
  // quietMode still prints the closing "[11ty] Copied 3 Wrote 79 files" line and Eleventy's own copy of a failing
  // template's error (which the build reports itself): the build's report replaces both.
  if (!verbose) eleventy.disableLogger();
  const [, templates] = (await eleventy.write()) as [unknown, { outputPath?: string | false }[]];
  // What was written, as site paths without the prefix ("/ja/advisories/sasser/index.html").
  return templates.flatMap(({ outputPath }) => (typeof outputPath === "string" ? [`/${relative(dir, outputPath).split(sep).join("/")}`] : []));
}

/**
 * Items per Eleventy run in a full build. Eleventy renders every page of a run before it writes any and keeps
 * them all until the run ends, so one run over a whole archive held every page at once (4.5 GB of node at 5,000
 * advisories); runs of this many pages hold a few hundred MB, for a few tenths of a second each to start.
 */
export const BATCH_SIZE = 2000;

/**
 * Renders every page of a site, in batches (see BATCH_SIZE): first the pages made from the whole site and the
 * static files, then each language's entries and KB/CVE pages, then the redirects. `languageDone` is called
 * once all of a language's entry pages (and the whole-site pages) are in the folder: what search needs of it.
 */
export async function renderSite(inputs: RenderInputs, dir: string, { languageDone, batchSize = BATCH_SIZE, ...options }: RenderOptions & { languageDone?: (lang: Lang) => void; batchSize?: number } = {}): Promise<void> {
  const lists = siteLists(inputs.site);
  const none: RenderSelection = { entries: [], identifierPages: [], redirects: [], siteWide: false };
  const run = (selection: Partial<RenderSelection>, staticFiles = false) => renderPages({ ...inputs, lists, selection: { ...none, ...selection }, staticFiles }, dir, options);
  await run({ siteWide: true }, true);
  for (const lang of LANGS) {
    for (const entries of batches(inputs.site.entries.filter((e) => e.lang === lang), batchSize)) await run({ entries });
    languageDone?.(lang);
    for (const pages of batches(lists.identifierPages.filter((p) => p.lang === lang), batchSize)) await run({ identifierPages: pages });
  }
  for (const some of batches(lists.redirects, batchSize)) await run({ redirects: some });
}

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

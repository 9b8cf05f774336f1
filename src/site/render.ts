/**
 * Renders every page of a site into a folder with Eleventy, from the settings and the validated content as
 * values (see .eleventy.ts); or only a selection of its pages, into a folder that holds the rest.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import Eleventy from "@11ty/eleventy";
import keikoku, { type RenderInputs } from "../../.eleventy.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";
import { ignoreUnselected } from "./render-selection.ts";

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

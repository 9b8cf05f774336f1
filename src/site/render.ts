/**
 * Renders every page of a site into a folder with Eleventy, from the settings and the validated content as
 * values (see .eleventy.ts).
 */
import { join, relative } from "node:path";
import Eleventy from "@11ty/eleventy";
import keikoku, { type RenderInputs } from "../../.eleventy.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";

export interface RenderOptions {
  /** The templates (default Keikoku's layouts/). */
  layouts?: string;
  /** Eleventy's own lines (each file written, the "Copied … Wrote …" summary, benchmarks); off by default. */
  verbose?: boolean;
}

export async function renderPages(inputs: RenderInputs, dir: string, { layouts = join(KEIKOKU_ROOT, "layouts"), verbose = false }: RenderOptions = {}): Promise<void> {
  // Eleventy wants its input relative to the current folder; a build may start anywhere.
  const eleventy = new Eleventy(relative(process.cwd(), layouts) || ".", dir, {
    // No config file: the configuration is .eleventy.ts's function, called with this build's values.
    configPath: false,
    config: (eleventyConfig: any) => {
      // The "Configuration" benchmark group exists before quietMode reaches it, and warns on its own.
      if (!verbose) for (const group of Object.values(eleventyConfig.benchmarkManager?.getAll?.() ?? {})) (group as { setIsVerbose(v: boolean): void }).setIsVerbose(false);
      return keikoku(eleventyConfig, inputs);
    },
    pathPrefix: inputs.settings.pathPrefix,
    quietMode: !verbose,
  });
  // quietMode still prints the closing "[11ty] Copied 3 Wrote 79 files" line and Eleventy's own copy of a failing
  // template's error (which the build reports itself): the build's report replaces both.
  if (!verbose) eleventy.disableLogger();
  await eleventy.write();
}

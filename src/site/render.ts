/**
 * Renders every page of a site into a folder with Eleventy, from the settings and the validated content as
 * values (see .eleventy.ts).
 */
import { join, relative } from "node:path";
import Eleventy from "@11ty/eleventy";
import keikoku, { type RenderInputs } from "../../.eleventy.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";

export async function renderPages(inputs: RenderInputs, dir: string, layouts = join(KEIKOKU_ROOT, "layouts")): Promise<void> {
  // Eleventy wants its input relative to the current folder; a build may start anywhere.
  const eleventy = new Eleventy(relative(process.cwd(), layouts) || ".", dir, {
    // No config file: the configuration is .eleventy.ts's function, called with this build's values.
    configPath: false,
    config: (eleventyConfig: unknown) => keikoku(eleventyConfig, inputs),
    pathPrefix: inputs.settings.pathPrefix,
    quietMode: true,
  });
  await eleventy.write();
}

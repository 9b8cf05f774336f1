/**
 * `npm run screenshots`: current screenshots of the site (src/screenshots), built into a temporary folder unless
 * --site names one already built; --readme also refreshes the few small PNGs the README shows (docs/screenshots/).
 * Prints every file with its size. Exit codes: 0 written, 1 the site could not be built, 2 usage.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSite } from "../site/build-site.ts";
import { ContentError } from "../data/problems.ts";
import { readSettings } from "../settings/settings.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";
import { README_SHOTS, takeScreenshots } from "../screenshots/screenshots.ts";
import { stopCsafWorker } from "../csaf/in-background.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const SCREENSHOTS: CommandSpec = {
  name: "screenshots",
  usage: "[--content DIR] [--site DIR] [--out DIR] [--full] [--readme]",
  summary: "Screenshots of the site in Chromium: home, an advisory, the hoax list, a search; ja and en; light and dark; desktop and phone.",
  options: {
    content: CONTENT_OPTION,
    site: { type: "string", value: "DIR", description: "screenshot a site already built there (default: build it into a temporary folder)" },
    out: { type: "string", value: "DIR", description: "where the PNGs go (default: _site.screenshots)" },
    full: { type: "boolean", description: "whole pages instead of the first screen" },
    readme: { type: "boolean", description: "also refresh the PNGs the README shows (docs/screenshots/)" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(SCREENSHOTS, argv, io);
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  let site = values.site as string | undefined;
  if (!site) {
    const read = readSettings({ siteDir: siteDirOf(values, io), root: io.cwd, env: io.env });
    try {
      if (!read.settings) throw new ContentError(read.problems);
      site = join(mkdtempSync(join(tmpdir(), "keikoku-screenshots-")), "_site");
      await buildSite(read.settings, { output: site });
    } catch (error) {
      io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      // The build's CSAF worker would keep the process alive while Chromium works.
      stopCsafWorker();
    }
  }
  const out = resolve(io.cwd, (values.out as string | undefined) ?? "_site.screenshots");
  const files = await takeScreenshots(resolve(io.cwd, site), out, { full: values.full === true });
  for (const f of files) io.stdout(`${f.file}  ${(f.bytes / 1024).toFixed(0)} KB\n`);
  if (values.readme) {
    const docs = join(KEIKOKU_ROOT, "docs/screenshots");
    mkdirSync(docs, { recursive: true });
    for (const name of README_SHOTS) {
      const from = join(out, `${name}.png`);
      writeFileSync(join(docs, `${name}.png`), readFileSync(from));
      io.stdout(`README: docs/screenshots/${name}.png  ${(statSync(from).size / 1024).toFixed(0)} KB\n`);
    }
  }
  return 0;
}

/**
 * `npm run urls`: the site's URL manifest (url-manifest.txt in the site folder).
 *   (no option)              build to a temporary folder and compare: removed and new URLs
 *   --update                 record the current URLs; refuses while a listed URL would disappear
 *   --accept-removal URL     (repeatable, with --update) drop URL from the manifest on purpose
 * Exit codes: 0 in step, 1 a listed URL would disappear (or, without --update, new URLs to record), 2 usage.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite } from "../site/build-site.ts";
import { ContentError } from "../data/problems.ts";
import { displayPath } from "../data/display-path.ts";
import { readSettings } from "../settings/settings.ts";
import { compareManifest, MANIFEST_NAME, publishedUrls, readManifest, writeManifest } from "../links/url-manifest.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";

export const URLS: CommandSpec = {
  name: "urls",
  usage: "[--content DIR] [--update] [--accept-removal URL …]",
  summary: "Compare the URLs the site publishes with its url-manifest.txt, or record them.",
  options: {
    content: CONTENT_OPTION,
    update: { type: "boolean", description: "record the current URLs (refused while a listed URL would disappear)" },
    "accept-removal": { type: "string", multiple: true, value: "URL", description: "with --update: drop this site path from the manifest on purpose (repeatable)" },
  },
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(URLS, argv, io);
  if (typeof parsed === "number") return parsed;
  const update = parsed.values.update === true;
  const accepted = (parsed.values["accept-removal"] as string[] | undefined) ?? [];
  if (accepted.some((u) => !u.startsWith("/"))) {
    io.stderr("✖ --accept-removal takes a site path such as /ja/advisories/old-id/\n");
    return 2;
  }
  const siteDir = siteDirOf(parsed.values, io);
  const read = readSettings({ siteDir, root: io.cwd, env: io.env });
  if (!read.settings) {
    io.stderr(`${new ContentError(read.problems).message}\n`);
    return 1;
  }
  const manifest = displayPath(io.cwd, siteDir, join(siteDir, MANIFEST_NAME));
  const listed = readManifest(siteDir) ?? [];

  // Build without the manifest check: the point here is to see what would change.
  const dir = mkdtempSync(join(tmpdir(), "keikoku-urls-"));
  let current: string[];
  try {
    await buildSite(read.settings, { output: join(dir, "_site"), checkUrls: false });
    current = publishedUrls(join(dir, "_site"));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { removed, added } = compareManifest(listed, current);
  const blocking = removed.filter((u) => !accepted.includes(u));
  for (const u of removed) io.stdout(`${accepted.includes(u) ? "accepted removal" : "✖ would disappear"}: ${u}\n`);
  for (const u of added) io.stdout(`new: ${u}\n`);
  if (blocking.length) {
    io.stderr(`✖ ${blocking.length} listed ${blocking.length === 1 ? "URL" : "URLs"} would disappear: add an alias to the entry that replaced it, or pass --accept-removal URL\n`);
    return 1;
  }
  if (update) {
    writeManifest(siteDir, current);
    io.stdout(`✔ ${manifest}: ${current.length} URLs (${added.length} new, ${removed.length} removed)\n`);
  } else if (added.length) {
    io.stdout(`${added.length} new URLs: record them with npm run urls -- --update\n`);
    return 1;
  } else io.stdout(`✔ ${manifest} is in step with the site (${current.length} URLs)\n`);
  return 0;
}

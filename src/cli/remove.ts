/**
 * `npm run remove -- ID [--redirect-to OTHER-ID]`: remove an advisory or hoax in both languages, and record in
 * the URL manifest at once every URL it took with it (or, with --redirect-to, keep its pages as aliases of
 * another entry). Planned from the validated content (src/authoring/remove-entry.ts); the result is validated
 * again, and put back as it was if it is not valid.
 * Exit codes: 0 removed (or, with --dry-run, removable), 1 refused or invalid, 2 usage.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { ContentError } from "../data/problems.ts";
import { displayPath } from "../data/display-path.ts";
import { loadContent } from "../data/load-content.ts";
import { readSettings } from "../settings/settings.ts";
import { MANIFEST_NAME, readManifest, writeManifest } from "../links/url-manifest.ts";
import { planRemoval } from "../authoring/remove-entry.ts";
import { CONTENT_OPTION, parseCommand, siteDirOf, type CommandIo, type CommandSpec } from "./command.ts";
import { join } from "node:path";

export const REMOVE: CommandSpec = {
  name: "remove",
  usage: "ID [--redirect-to OTHER-ID] [--content DIR] [--dry-run]",
  summary: "Remove an advisory or hoax in both languages and accept the removal of all its URLs in the URL manifest, or redirect them to another entry.",
  options: {
    content: CONTENT_OPTION,
    "redirect-to": { type: "string", value: "OTHER-ID", description: "keep the entry's pages and aliases as aliases of this entry, and point links to it there" },
    "dry-run": { type: "boolean", description: "say what would change, change nothing" },
  },
  positionals: [1, 1],
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand(REMOVE, argv, io);
  if (typeof parsed === "number") return parsed;
  const id = parsed.positionals[0]!;
  const redirectTo = parsed.values["redirect-to"] as string | undefined;
  const dryRun = parsed.values["dry-run"] === true;
  const siteDir = siteDirOf(parsed.values, io);
  const show = (path: string) => displayPath(io.cwd, siteDir, path);

  const read = readSettings({ siteDir, root: io.cwd, env: io.env });
  const loaded = loadContent({ root: io.cwd, contentDir: siteDir, cache: read.settings?.switches.contentCache ?? true, html: false });
  if (!read.settings || !loaded.site) {
    io.stderr(`${new ContentError([...read.problems, ...loaded.problems]).message}\n✖ fix these first (npm run check): an entry is removed only from valid content.\n`);
    return 1;
  }
  const manifest = readManifest(siteDir);
  const result = planRemoval({ siteDir, site: loaded.site, listed: manifest ?? [], idPrefix: read.settings.site.csaf.idPrefix, id, ...(redirectTo !== undefined ? { redirectTo } : {}) });
  if (!result.plan) {
    io.stderr(`✖ ${result.error}\n`);
    for (const ref of result.references ?? []) io.stderr(`  ${show(ref.path)}:${ref.line}: ${ref.what}\n`);
    return 1;
  }
  const { plan } = result;
  const manifestName = show(join(siteDir, MANIFEST_NAME));
  const lines = [
    ...plan.remove.map((p) => `  removed ${show(p)}`),
    ...(plan.newAliases.length ? [`  aliases of ${redirectTo} (redirect pages): ${plan.newAliases.join(", ")}`] : []),
    ...[...plan.edits.keys()].map((p) => `  changed ${show(p)}${plan.references.some((r) => r.path === p) ? ` (links to ${id} now point at ${redirectTo})` : ""}`),
    ...(manifest
      ? plan.dropUrls.length
        ? [`  ${manifestName}: accepted the removal of ${plan.dropUrls.length} ${plan.dropUrls.length === 1 ? "URL" : "URLs"}`, ...plan.dropUrls.map((u) => `    ${u}`)]
        : [`  ${manifestName}: no URL removed`]
      : []),
  ];
  if (dryRun) {
    io.stdout(`${[`✔ ${id} can be removed (--dry-run: nothing was changed)`, ...lines].join("\n")}\n`);
    return 0;
  }

  // Applied, then validated again; put back byte for byte if the result is not valid content.
  const originals = new Map([...plan.remove, ...plan.edits.keys()].map((p) => [p, readFileSync(p)]));
  for (const path of plan.remove) rmSync(path);
  for (const [path, text] of plan.edits) writeFileSync(path, text);
  const after = loadContent({ root: io.cwd, contentDir: siteDir, cache: read.settings.switches.contentCache, html: false });
  if (!after.site) {
    for (const [path, bytes] of originals) writeFileSync(path, bytes);
    io.stderr(`${new ContentError(after.problems).message}\n✖ removing ${id} would leave these problems; nothing was changed.\n`);
    return 1;
  }
  if (manifest) writeManifest(siteDir, manifest.filter((u) => !plan.dropUrls.includes(u)));
  io.stdout(`${[`✔ removed ${id} (${plan.section}) in ${plan.remove.length > 1 ? "both languages" : "its only language"}${redirectTo ? `; its URLs redirect to ${redirectTo}` : ""}`, ...lines].join("\n")}\n`);
  return 0;
}

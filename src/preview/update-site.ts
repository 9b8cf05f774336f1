/**
 * The dev server's answer to a save: bring a built folder up to date with the content by redoing only what
 * the save changed (the plan: update-plan.ts), instead of building the whole site again.
 *
 *   stage one, updatePages (the dev server runs one save at a time):
 *     load and check all content (unchanged files' texts and parses come from memory; cross-file checks run in full)
 *     → plan: the pages whose data changed, and the files whose item is gone
 *     → delete those files, render those pages into the folder        (the page is served from here on)
 *     → render the pages made from the whole site (lists, feeds, API, sitemap), if any entry changed
 *   stage two, updateOutputs (on its own chain; the next save's stage one does not wait for it):
 *     the search identifier table and the Pagefind index for the pages rendered and removed, while
 *     CSAF generates every document again on its worker (validation remembered by content), then only
 *     the CSAF files that differ are written
 *
 * When what every page shows changed (products, free pages, the site's last update) the plan says so and the
 * dev server builds everything instead. tests/preview/replay.build.test.ts replays edits of every sort and
 * compares the folder with a clean build's, byte for byte.
 */
import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadContent, type Locate } from "../data/load-content.ts";
import type { LoadMemory } from "../data/content-cache.ts";
import { ContentError } from "../data/problems.ts";
import type { Settings } from "../settings/settings.ts";
import { finishCsaf, startCsaf } from "../csaf/step.ts";
import { writeIdentifierFiles } from "../search/steps.ts";
import { renderPages } from "../site/render.ts";
import type { RenderSelection } from "../site/render-selection.ts";
import { withUpdateDay, type LiveOutputs } from "../site/build-site.ts";
import { planUpdate, snapshot, type SiteSnapshot } from "./update-plan.ts";

/** What the dev server holds between saves: the content its folder was built from, and the kept outputs. */
export interface LiveSite extends LiveOutputs {
  snapshot: SiteSnapshot;
  /** What the content loads keep between saves (the cache's values, the files' texts). */
  memory: LoadMemory;
}

/** The pages of one save are in the folder; what they changed, for the outputs made from pages and data. */
export interface PagesUpdated {
  kind: "pages";
  snapshot: SiteSnapshot;
  locate: Locate;
  changes: PageChanges;
  seconds: { loaded: number; planned: number; page: number; siteWide: number };
}

/** Site paths (no prefix) rendered and removed since the outputs were last brought up to date. */
export interface PageChanges {
  rendered: string[];
  removed: string[];
}

export const mergeChanges = (a: PageChanges, b: PageChanges): PageChanges => ({ rendered: [...a.rendered, ...b.rendered], removed: [...a.removed, ...b.removed] });

export interface UpdateOptions {
  settings: Settings;
  /** The folder the site was built into (and is served from). */
  output: string;
  live: LiveSite;
  /** Called once the changed entry pages are in the folder (the browser can reload), before the lists. */
  pagesWritten?: () => void;
  verbose?: boolean;
}

/**
 * Stage one of a save: load, plan, delete what is gone and render what changed. Throws ContentError when the
 * content is invalid (nothing in the folder is touched then).
 */
export async function updatePages({ settings, output, live, pagesWritten, verbose = false }: UpdateOptions): Promise<PagesUpdated | { kind: "rebuild"; reason: string }> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const loaded = loadContent({ root: settings.root, contentDir: settings.siteDir, cache: settings.switches.contentCache, memory: live.memory, siteUrl: settings.siteUrl });
  if (!loaded.site) throw new ContentError(loaded.problems);
  const site = withUpdateDay(loaded.site, settings);
  const loadedAt = since();
  const next = snapshot(site);
  const plan = planUpdate(live.snapshot, next);
  const plannedAt = since();
  if (plan.kind === "everything") return { kind: "rebuild", reason: "what every page shows changed (products, free pages or the site's last update)" };

  for (const path of plan.removed) removeFile(output, path);
  const { selection } = plan;
  // First the pages of the changed items (what the author is looking at), then the pages made from the whole
  // site, which at archive scale are the slow ones (lists and sitemap of every entry).
  const items = { ...selection, siteWide: false };
  const rendered = hasItems(items) ? await renderPages({ settings, site, lists: next.lists, selection: items }, output, { verbose }) : [];
  const page = since();
  pagesWritten?.();
  if (selection.siteWide) rendered.push(...(await renderPages({ settings, site, lists: next.lists, selection: { entries: [], identifierPages: [], redirects: [], siteWide: true } }, output, { verbose })));
  return {
    kind: "pages",
    snapshot: next,
    locate: loaded.locate,
    changes: { rendered, removed: plan.removed },
    seconds: { loaded: loadedAt, planned: plannedAt, page, siteWide: since() },
  };
}

export interface OutputsUpdated {
  csafFiles?: Map<string, string>;
  identifierFiles: Map<string, string>;
  csafWritten: number;
  /** The languages whose search index was written again (those with a page that changed). */
  searchLanguages: string[];
  /** The identifier table and the search index are up to date; then CSAF too (total). */
  seconds: { search: number; total: number };
}

/**
 * Stage two: what is made from the data and the pages — the CSAF files (all documents generated again on their
 * worker, validation remembered by content; only the files that differ written), the search identifier table
 * (only changed files written) and the Pagefind index (the pages rendered and removed, in memory). The dev server
 * runs it after stage one and lets the next save's stage one go first, so the page never waits for search.
 * `site` and `locate` are the latest content's; `changes` everything rendered and removed since the last run.
 */
export async function updateOutputs(settings: Settings, output: string, live: LiveSite, site: SiteSnapshot["site"], locate: Locate, changes: PageChanges): Promise<OutputsUpdated> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  // CSAF on its worker thread and Pagefind in its own process do not wait for each other.
  const csafJob = settings.switches.csaf ? startCsaf(site, settings, { dir: output, previous: live.csafFiles ?? new Map() }) : undefined;
  const identifierFiles = writeIdentifierFiles(output, site, live.identifierFiles);
  const searchLanguages = (await live.search?.update(output, changes))?.languages ?? [];
  const searchAt = since();
  let csafWritten = 0;
  let csafFiles = live.csafFiles;
  if (csafJob) {
    const update = await finishCsaf(csafJob, locate);
    for (const path of update.removedPaths) pruneEmptyFolders(output, dirname(path));
    csafWritten = update.written;
    csafFiles = update.files;
  }
  return { ...(csafFiles ? { csafFiles } : {}), identifierFiles, csafWritten, searchLanguages, seconds: { search: searchAt, total: since() } };
}

const hasItems = (s: RenderSelection) => s.entries.length > 0 || s.identifierPages.length > 0 || s.redirects.length > 0;

/** Deletes a file of the site and the folders it leaves empty, as a clean build would not have them. */
function removeFile(output: string, path: string): void {
  rmSync(join(output, path), { force: true });
  pruneEmptyFolders(output, dirname(path));
}

function pruneEmptyFolders(output: string, folder: string): void {
  for (let dir = folder; dir !== "/" && dir !== "." && dir !== ""; dir = dirname(dir)) {
    const full = join(output, dir);
    try {
      if (readdirSync(full).length) return;
      rmdirSync(full);
    } catch {
      return;
    }
  }
}

/**
 * One build of one site, top to bottom. `npm run build`, the dev server (src/preview), the tests and the
 * benchmark all run this function, so they all build the same way:
 *
 *   settings (src/settings, parsed once)
 *     → 1. load: read and validate every content file (every problem at once, nothing written on failure)
 *     → 2. start the CSAF documents on their worker thread, beside the rendering (it writes them too)
 *     → 3. render every page into a staging folder (Eleventy, .eleventy.ts; in batches, src/site/render.ts);
 *          each language goes to Pagefind as soon as its pages are written, indexed beside the rendering
 *     → 4. the steps after rendering, in the order of AFTER_RENDER
 *     → 5. swap the staging folder in for the output (a failed build never touches the previous site)
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { SiteData } from "../data/entries.ts";
import type { LoadMemory } from "../data/content-cache.ts";
import { loadContent, type Locate } from "../data/load-content.ts";
import { ContentError } from "../data/problems.ts";
import type { Settings } from "../settings/settings.ts";
import type { CsafWritten } from "../csaf/write-files.ts";
import { finishCsaf, startCsaf } from "../csaf/step.ts";
import { stopCsafWorker } from "../csaf/in-background.ts";
import { bundleBrowserCode, writeIdentifierFiles } from "../search/steps.ts";
import { SiteIndexing, type LiveSearchIndex } from "../search/pagefind-index.ts";
import type { Lang } from "../i18n/languages.ts";
import { checkUrlManifest } from "../links/url-manifest.ts";
import { renderSite } from "./render.ts";
import { walkFiles } from "../links/walk-files.ts";
import { addCsafReport, addNotices, emptyReport, type BuildReport } from "./build-report.ts";

export interface BuildOptions {
  /** Where the finished site goes (replaced only on success). */
  output: string;
  /** Check the site's url-manifest.txt (default true); `npm run urls` turns it off to see what changed. */
  checkUrls?: boolean;
  /** Other templates than Keikoku's layouts/ (a test's copy with a template that fails). */
  layouts?: string;
  /** Let Eleventy print its own lines (`--verbose`); by default the build's report says everything. */
  verbose?: boolean;
  /** Keep what a later update needs (the dev server): the CSAF files and the search index, in memory. */
  live?: boolean;
  /** What the content load keeps for later loads of the same process (the dev server's; content-cache.ts). */
  memory?: LoadMemory;
}

export interface BuildResult {
  pages: number;
  /** Every note and every action of the report, as one list (tests read it). */
  notices: string[];
  report: BuildReport;
  /** The loaded site and what the steps kept, when BuildOptions.live asked for them. */
  live?: LiveOutputs & { site: SiteData };
}

/** What the steps after rendering work with: the build's values and the folder being built. */
export interface StepContext {
  settings: Settings;
  site: SiteData;
  /** The staging folder: the rendered pages, and where each step writes. */
  dir: string;
  /** The CSAF documents being generated and written since step 2 (undefined when CSAF is off). */
  csaf?: Promise<CsafWritten>;
  /** The search index being made since step 3 (undefined when search is off). */
  search?: SiteIndexing;
  /** Where a field of a content file is, for problems found after loading. */
  locate: Locate;
  checkUrls: boolean;
  /** The build's report; steps add their actions and notes. */
  report: BuildReport;
  /** What the steps keep for later updates (only when the build was asked to: BuildOptions.live). */
  live?: LiveOutputs;
}

/** What the dev server keeps of a build to update its output later (src/preview/update-site.ts). */
export interface LiveOutputs {
  /** The CSAF files as written, by path in the output, with their digests. */
  csafFiles?: Map<string, string>;
  /** The search identifier table's files as written, by path in the output. */
  identifierFiles?: Map<string, string>;
  search?: LiveSearchIndex;
}

export interface AfterRenderStep {
  name: string;
  run(context: StepContext): Promise<unknown> | unknown;
}

/** The steps after rendering, in order. */
export const AFTER_RENDER: AfterRenderStep[] = [
  {
    name: "CSAF provider directory",
    run: async ({ csaf, locate, report, settings, live }) => {
      if (!csaf) return;
      const output = await finishCsaf(csaf, locate);
      addCsafReport(report, output, settings);
      if (live) live.csafFiles = output.files;
    },
  },
  {
    name: "search identifier table",
    run: ({ dir, site, live }) => {
      const files = writeIdentifierFiles(dir, site);
      if (live) live.identifierFiles = files;
    },
  },
  { name: "search code", run: ({ dir }) => bundleBrowserCode(dir) },
  {
    name: "Pagefind index",
    run: async ({ search, live }) => {
      const done = await search?.finish();
      if (live && done?.live) live.search = done.live;
    },
  },
  // URLs not recorded yet: the author records them (npm run urls -- --update) before publishing.
  { name: "URL manifest check", run: ({ dir, settings, checkUrls, report }) => checkUrls && report.actions.push(...checkUrlManifest(settings, dir)) },
];

export async function buildSite(settings: Settings, options: BuildOptions): Promise<BuildResult> {
  const output = resolve(options.output);

  // 1. Validate before anything is written: the report lists every problem at once.
  const loaded = loadContent({ root: settings.root, contentDir: settings.siteDir, cache: settings.switches.contentCache, siteUrl: settings.siteUrl, ...(options.memory ? { memory: options.memory } : {}) });
  if (!loaded.site) throw new ContentError(loaded.problems);
  const site = withUpdateDay(loaded.site, settings);

  const staging = join(dirname(output), `.${basename(output)}.staging-${process.pid}`);
  removeAbandonedStaging(output);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // 2. The CSAF documents need only the data: their worker thread starts now, beside the rendering, and writes them.
  const csaf = settings.switches.csaf ? startCsaf(site, settings, { dir: staging }) : undefined;
  const search = settings.switches.search ? new SiteIndexing(staging, { keep: options.live === true }) : undefined;
  try {
    // 3. Every page; Pagefind takes each language once its pages are written.
    const languageDone = (lang: Lang) => search?.add(lang);
    await renderSite({ settings, site }, staging, { ...(options.layouts ? { layouts: options.layouts } : {}), verbose: options.verbose === true, languageDone });
    // 4. Everything made from the pages or the data, in order.
    const report = emptyReport();
    addNotices(report, [...settings.notices, ...site.notices]);
    const live: LiveOutputs | undefined = options.live ? {} : undefined;
    const context: StepContext = { settings, site, dir: staging, ...(csaf ? { csaf } : {}), ...(search ? { search } : {}), locate: loaded.locate, checkUrls: options.checkUrls !== false, report, ...(live ? { live } : {}) };
    for (const step of AFTER_RENDER) await step.run(context);
    const pages = walkFiles(staging).filter((f) => f.endsWith(".html")).length;
    // 5. The new site replaces the old one in one rename.
    swapIn(staging, output);
    return { pages, notices: [...report.actions, ...report.notes], report, ...(live ? { live: { ...live, site } } : {}) };
  } catch (error) {
    stopCsafWorker();
    await search?.abandon();
    // Eleventy may still be copying public/ into the staging folder when a template fails; removing the folder
    // under it made that copy fail as an unhandled rejection. The folder goes when the process exits, or at
    // the start of this process's next build (same name), or of any later build (removeAbandonedStaging).
    process.once("exit", () => rmSync(staging, { recursive: true, force: true }));
    throw error;
  }
}

/**
 * A site's last update is its newest revision. A new site without entries has none: the day of the build
 * (SOURCE_DATE_EPOCH's, when set) stands in, since feeds, the sitemap and CSAF's provider metadata need a date.
 */
export function withUpdateDay(site: SiteData, settings: Settings): SiteData {
  if (site.entries.length) return site;
  const now = settings.sourceDateEpoch !== undefined ? new Date(settings.sourceDateEpoch * 1000) : new Date();
  return { ...site, lastUpdated: now.toISOString().slice(0, 10) };
}

/** Staging folders left by builds that were killed (out of disk, SIGKILL): their process is gone. */
function removeAbandonedStaging(output: string): void {
  const prefix = `.${basename(output)}.staging-`;
  if (!existsSync(dirname(output))) return;
  for (const name of readdirSync(dirname(output))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(dirname(output), name), { recursive: true, force: true });
  }
}

/** Replaces `output` with `staging` using renames, so a reader never sees a half-written site. */
function swapIn(staging: string, output: string): void {
  const old = `${output}.old-${process.pid}`;
  if (existsSync(output)) renameSync(output, old);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (existsSync(old)) renameSync(old, output);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

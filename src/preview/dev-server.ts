/**
 * The live preview (`npm start`): the same build as `npm run build` (src/site/build-site.ts), served with
 * Eleventy's dev server. A save of a content file updates only the pages, CSAF files and search records it
 * changed (update-site.ts); a save in layouts/ or public/ builds everything again.
 *
 * While the content is invalid, every HTML page the server serves is the error report in the page's
 * language; the last good site stays on disk (a failed build never touches it), and the next good save brings
 * it back. The browser reloads itself after each build.
 */
import { watch, type FSWatcher } from "node:fs";
import { join, relative } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import type { Settings } from "../settings/settings.ts";
import { buildSite } from "../site/build-site.ts";
import { formatBuildReport } from "../site/build-report.ts";
import { CsafValidationError } from "../csaf/validate.ts";
import { SearchIndexError } from "../search/pagefind-index.ts";
import { PUBLIC_DIR } from "../data/site-files.ts";
import { mergeChanges, updateOutputs, updatePages, type LiveSite, type PageChanges, type PagesUpdated } from "./update-site.ts";
import type { SiteData } from "../data/entries.ts";
import type { Locate } from "../data/load-content.ts";
import { LoadMemory } from "../data/content-cache.ts";
import { snapshot } from "./update-plan.ts";
import { ContentError, formatReport, type ContentProblem } from "../data/problems.ts";
import { isLang, SOURCE_LANG } from "../i18n/languages.ts";
import { KEIKOKU_ROOT } from "../settings/paths.ts";
import { errorPage } from "./error-page.ts";

export interface DevServerOptions {
  settings: Settings;
  /** The folder the site is built into and served from. */
  output: string;
  port: number;
  /** Where the server reports builds and problems. */
  log(line: string): void;
  /** Report every note of each build and let Eleventy print its own lines (`npm start -- --verbose`). */
  verbose?: boolean;
}

/** How the dev server brought its folder up to date after the latest change. */
export type UpdateKind = "build" | "update";

export interface DevServer {
  /** Resolves after the build that follows the latest change (for tests), with how it was done. */
  settled(): Promise<UpdateKind>;
  close(): Promise<void>;
}

export async function startDevServer({ settings, output, port, log, verbose = false }: DevServerOptions): Promise<DevServer> {
  /** The problems of the last build; while there are any, pages show them. */
  let problems: ContentProblem[] = [];

  function showErrors(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const isPage = path.endsWith("/") || path.endsWith(".html");
    if (!problems.length || !isPage || req.method !== "GET") return next();
    const first = path.slice(settings.pathPrefix.length - 1).split("/")[1] ?? "";
    const lang = isLang(first) ? first : SOURCE_LANG;
    res.writeHead(500, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    // The dev server adds its live-reload script to this response too, so the page recovers by itself.
    res.end(errorPage(problems, lang));
  }

  const server = new EleventyDevServer("keikoku", output, {
    port,
    pathPrefix: settings.pathPrefix,
    // A full reload after each build: the whole site may have changed.
    domDiff: false,
    middleware: [showErrors],
    logger: { log: (m: string) => log(`[keikoku] ${m}`), info: (m: string) => log(`[keikoku] ${m}`), error: (m: string) => log(`[keikoku] ${m}`), warn: (m: string) => log(`[keikoku] ${m}`) },
  });

  /** What the content loads keep between saves, for the server's lifetime. */
  const memory = new LoadMemory();
  /** What the folder was built from, while it is known; undefined makes the next save build everything. */
  let live: LiveSite | undefined;
  /** A save since the last build touched the templates or static files: every page may have changed. */
  let everything = true;
  let lastUpdate: UpdateKind = "build";

  function showProblems(error: unknown): void {
    if (error instanceof ContentError) {
      problems = error.problems;
      log(formatReport(error.problems));
    } else if (error instanceof CsafValidationError || error instanceof SearchIndexError) {
      // Reports of their own, as npm run build prints them: no stack trace for something that is not a crash.
      problems = [];
      log(`[keikoku] ${error.message}`);
    } else {
      problems = [];
      log(`[keikoku] ✖ build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  async function buildEverything(why?: string): Promise<void> {
    const started = performance.now();
    // A template saved while this build runs is seen by the next one.
    everything = false;
    try {
      // Removing or renaming an entry while editing is normal: the URL manifest is checked by npm run build.
      const result = await buildSite(settings, { output, checkUrls: false, verbose, live: true, memory });
      await live?.search?.close();
      live = { ...result.live!, snapshot: snapshot(result.live!.site), memory };
      problems = [];
      lastUpdate = "build";
      // The same report as npm run build's, printed only once the whole build has succeeded.
      const shown = relative(process.cwd(), output);
      const lines = formatBuildReport({ pages: result.pages, output: shown && !shown.startsWith("..") ? shown : output, seconds: (performance.now() - started) / 1000, report: result.report, verbose });
      log(`[keikoku] ${why ? `${why}: ` : ""}${lines.join("\n")}`);
    } catch (error) {
      // A failed build leaves the folder as it was, but the templates may be newer than it: build everything next.
      everything = true;
      showProblems(error);
    }
    server.reload({});
  }

  /**
   * Stage two of saves (update-site.ts): the CSAF files, the identifier table and the search index for the pages
   * rendered and removed since it last ran, from the latest content. It runs on its own chain: the next save's
   * pages do not wait for it, and saves made while it runs are taken together in its next run.
   */
  let outputsDue: { changes: PageChanges; site: SiteData; locate: Locate } | undefined;
  let outputsRunning: Promise<void> = Promise.resolve();
  let outputsQueued = false;

  function scheduleOutputs(): void {
    if (outputsQueued) return;
    outputsQueued = true;
    outputsRunning = outputsRunning.then(async () => {
      outputsQueued = false;
      const due = outputsDue;
      outputsDue = undefined;
      if (!due || !live) return;
      try {
        const done = await updateOutputs(settings, output, live, due.site, due.locate, due.changes);
        if (live) live = { ...live, identifierFiles: done.identifierFiles, ...(done.csafFiles ? { csafFiles: done.csafFiles } : {}) };
        const seconds = done.seconds.search.toFixed(1);
        const search = done.searchLanguages.length ? `search updated (${done.searchLanguages.join(", ")}) in ${seconds} s` : `search unchanged (checked in ${seconds} s)`;
        log(`[keikoku] ✔ ${search}, CSAF in ${done.seconds.total.toFixed(1)} s${done.csafWritten ? ` (${done.csafWritten} ${done.csafWritten === 1 ? "file" : "files"} written)` : ""}`);
      } catch (error) {
        // The folder is only partly up to date: the next save builds everything.
        live = undefined;
        showProblems(error);
        server.reload({});
      }
    });
  }

  async function build(): Promise<void> {
    if (!live || everything) {
      await outputsRunning;
      return buildEverything();
    }
    let pageShown = false;
    try {
      const result = await updatePages({
        settings, output, live, verbose,
        pagesWritten: () => {
          pageShown = true;
          problems = [];
          server.reload({});
        },
      });
      if (result.kind === "rebuild") {
        await outputsRunning;
        return buildEverything(result.reason);
      }
      problems = [];
      live = { ...live, snapshot: result.snapshot };
      lastUpdate = "update";
      if (outputsDue || result.changes.rendered.length || result.changes.removed.length) {
        outputsDue = { changes: outputsDue ? mergeChanges(outputsDue.changes, result.changes) : result.changes, site: result.snapshot.site, locate: result.locate };
      }
      log(`[keikoku] ${pagesLine(result)}`);
      // No page changed: no entry's data did, so neither did a CSAF document, the identifier table or the index.
      if (outputsDue) scheduleOutputs();
      // Only the lists changed: the reader's page did not reload yet.
      if (!pageShown) server.reload({});
    } catch (error) {
      // Invalid content is found before anything is written; after that, the folder is only partly updated,
      // so the next save builds everything.
      if (pageShown || !(error instanceof ContentError)) live = undefined;
      showProblems(error);
      server.reload({});
    }
  }

  // One build at a time; changes during a build start one more build after it, not one per change.
  let running: Promise<void> = buildEverything();
  let queued = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (queued) return;
      queued = true;
      running = running.then(() => {
        queued = false;
        return build();
      });
    }, 100);
  };
  await running;
  server.serve(port);

  // Content saves update the pages they change; templates and static files change every page. (site.yaml
  // changes the settings: npm start's supervisor restarts this process for it, see src/cli/serve.ts.)
  const watched: { dir: string; everything: (file: string) => boolean }[] = [
    { dir: settings.siteDir, everything: (file) => file.split(/[\\/]/)[0] === PUBLIC_DIR },
    { dir: join(KEIKOKU_ROOT, "layouts"), everything: () => true },
    { dir: join(KEIKOKU_ROOT, "public"), everything: () => true },
  ];
  const watchers: FSWatcher[] = watched.map(({ dir, everything: changesEverything }) =>
    watch(dir, { recursive: true }, (_event, file) => {
      if (!file || file.split(/[\\/]/).some((part) => part.startsWith("."))) return;
      if (changesEverything(file)) everything = true;
      schedule();
    }),
  );

  /** Both chains have nothing left to do (each may have queued work on the other while it ran). */
  async function idle(): Promise<void> {
    for (;;) {
      const [pages, outputs] = [running, outputsRunning];
      await pages;
      await outputs;
      if (pages === running && outputs === outputsRunning) return;
    }
  }

  return {
    async settled() {
      await new Promise((r) => setTimeout(r, 150));
      await idle();
      return lastUpdate;
    },
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await idle();
      await live?.search?.close();
      await server.close();
    },
  };
}

/** One line per save, as a build prints one: what changed and how soon the author's page was ready. */
function pagesLine({ changes, seconds }: PagesUpdated): string {
  const { rendered, removed } = changes;
  if (!rendered.length && !removed.length) return `✔ no page changed (checked in ${seconds.planned.toFixed(1)} s)`;
  const count = (n: number) => `${n} ${n === 1 ? "page" : "pages"}`;
  return `✔ updated ${count(rendered.length)}${removed.length ? `, removed ${count(removed.length)}` : ""}: the entry's pages in ${seconds.page.toFixed(2)} s, the lists in ${seconds.siteWide.toFixed(1)} s; search and CSAF follow`;
}

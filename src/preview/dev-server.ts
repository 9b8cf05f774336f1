/**
 * The live preview (`npm start`): the same build as `npm run build` (src/site/build-site.ts), served with
 * Eleventy's dev server and rebuilt on every save of the site folder, layouts/ or public/.
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
import { SearchIndexError } from "../search/steps.ts";
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

export interface DevServer {
  /** Resolves after the build that follows the latest change (for tests). */
  settled(): Promise<void>;
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

  async function build(): Promise<void> {
    const started = performance.now();
    try {
      // Removing or renaming an entry while editing is normal: the URL manifest is checked by npm run build.
      const result = await buildSite(settings, { output, checkUrls: false, verbose });
      problems = [];
      // The same report as npm run build's, printed only once the whole build has succeeded.
      const shown = relative(process.cwd(), output);
      const lines = formatBuildReport({ pages: result.pages, output: shown && !shown.startsWith("..") ? shown : output, seconds: (performance.now() - started) / 1000, report: result.report, verbose });
      log(`[keikoku] ${lines.join("\n")}`);
    } catch (error) {
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
    server.reload({});
  }

  // One build at a time; changes during a build start one more build after it, not one per change.
  let running: Promise<void> = build();
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

  const watchers: FSWatcher[] = [settings.siteDir, join(KEIKOKU_ROOT, "layouts"), join(KEIKOKU_ROOT, "public")].map((dir) =>
    watch(dir, { recursive: true }, (_event, file) => {
      if (file && !file.split(/[\\/]/).some((part) => part.startsWith("."))) schedule();
    }),
  );

  return {
    async settled() {
      await new Promise((r) => setTimeout(r, 150));
      await running;
    },
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
      await server.close();
    },
  };
}

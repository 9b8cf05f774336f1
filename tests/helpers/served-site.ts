/**
 * The usual setup of a browser test file: build a site, serve it on 127.0.0.1 (under a prefix if asked),
 * launch Chromium once, and tear everything down after the file's tests. Without Chromium the site is still
 * built (for the file's static checks) and the browser tests are skipped.
 */
import { before, after } from "node:test";
import type { Browser } from "playwright-core";
import { buildTestSite, type BuiltSite } from "./site.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";
import { launchChromium, chromiumMissingReason } from "./browser.ts";

export interface ServedSite {
  /** Why the browser tests are skipped, or undefined. */
  skip: string | undefined;
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
}

export interface ServedSiteOptions {
  /** A content folder, or a function that makes one (called in the before hook). */
  contentDir?: string | (() => string);
  env?: Record<string, string>;
  prefix?: string;
  /** Runs once the site is built, browser or not (for the file's static checks). */
  built?: (site: BuiltSite) => void;
  /** Runs once everything is up (e.g. to open a page shared by the file's tests); its teardown runs first. */
  setUp?: (served: ServedSite) => Promise<(() => Promise<void>) | void>;
}

export function useServedSite(options: ServedSiteOptions = {}): ServedSite {
  let tearDown: (() => Promise<void>) | void;
  const served = { skip: chromiumMissingReason() } as ServedSite;
  before(async () => {
    const contentDir = typeof options.contentDir === "function" ? options.contentDir() : options.contentDir;
    served.site = await buildTestSite({ ...(contentDir ? { contentDir } : {}), ...(options.env ? { env: options.env } : {}) });
    options.built?.(served.site);
    if (served.skip) return;
    served.server = await serveStatic(served.site.dir, options.prefix ?? "/");
    served.browser = await launchChromium();
    tearDown = await options.setUp?.(served);
  });
  after(async () => {
    await tearDown?.();
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}

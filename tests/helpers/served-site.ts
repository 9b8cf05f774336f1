/**
 * The usual setup of a browser test file: build a site, serve it on 127.0.0.1 (under a prefix if asked),
 * launch Chromium once, and tear everything down after the file's tests. Skips when Chromium is missing.
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
  contentDir?: string;
  env?: Record<string, string>;
  prefix?: string;
  /** Runs once everything is up (e.g. to open a page shared by the file's tests); its teardown runs first. */
  setUp?: (served: ServedSite) => Promise<(() => Promise<void>) | void>;
}

export function useServedSite(options: ServedSiteOptions = {}): ServedSite {
  let tearDown: (() => Promise<void>) | void;
  const served = { skip: chromiumMissingReason() } as ServedSite;
  before(async () => {
    if (served.skip) return;
    served.site = await buildTestSite({ ...(options.contentDir ? { contentDir: options.contentDir } : {}), ...(options.env ? { env: options.env } : {}) });
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

/**
 * The usual setup of a browser test file: a shared build of the site (tests/helpers/shared-site.ts), serve it on 127.0.0.1 (under a prefix if asked),
 * use the process's Chromium (tests/helpers/browser.ts), and stop the server after the file's tests. With
 * KEIKOKU_SKIP_BROWSER=1 the site is still built (for the file's static checks) and the browser tests are skipped.
 */
import { before, after } from "node:test";
import type { Browser } from "playwright-core";
import type { BuiltSite } from "./site.ts";
import { sharedSite } from "./shared-site.ts";
import { serveStatic, type StaticServer } from "../../src/headless/static-server.ts";
import { sharedChromium, chromiumMissingReason } from "./browser.ts";

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
    served.site = await sharedSite({ ...(contentDir ? { contentDir } : {}), ...(options.env ? { env: options.env } : {}) });
    options.built?.(served.site);
    if (served.skip) return;
    served.server = await serveStatic(served.site.dir, options.prefix ?? "/");
    served.browser = await sharedChromium();
    tearDown = await options.setUp?.(served);
  });
  after(async () => {
    await tearDown?.();
    await served.server?.close();
  });
  return served;
}

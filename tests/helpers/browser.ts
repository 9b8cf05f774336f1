/**
 * Chromium for the browser tests (launched by src/headless/chromium.ts). One Chromium per
 * test process, launched by the first test that needs it and closed after the last: the browser tier runs
 * in one process (tests/run.ts), so all its tests share one browser, each in its own context.
 *
 * Without Chromium a browser test fails and says how to install it; it is skipped only when the developer
 * asked for that with KEIKOKU_SKIP_BROWSER=1 (npm test names the skip in its summary).
 */
import { after } from "node:test";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { DEBIAN_CHROMIUM, launchChromium } from "../../src/headless/chromium.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
export const INSTALL_BROWSER = "apt-get install -y chromium fonts-noto-cjk";

/** Why browser tests are skipped (only on request), or undefined. */
export function chromiumMissingReason(): string | undefined {
  return process.env.KEIKOKU_SKIP_BROWSER === "1" ? "KEIKOKU_SKIP_BROWSER=1" : undefined;
}

let launched: Promise<Browser> | undefined;

/** This process's Chromium (launched on first use). Tests open contexts in it and close them; never the browser. */
export function sharedChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it with "${INSTALL_BROWSER}" (npm test does this when it runs as root on Debian), or set KEIKOKU_SKIP_BROWSER=1 to skip the browser tests`);
  }
  launched ??= launchChromium(CHROMIUM);
  return launched;
}

// Registered on the process's root test when this module is first imported: runs after every test of the process.
after(async () => {
  if (launched) await (await launched).close();
});

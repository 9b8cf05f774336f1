/**
 * Headless Debian Chromium through playwright-core — never a downloaded browser — for the commands that need
 * one (screenshots, the search benchmark) and for the browser tests. The flags are what these machines need:
 * no sandbox as root, no GPU, and no background networking to hosts an intranet cannot reach.
 */
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it where a command reads the environment. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export function launchChromium(executablePath: string = DEBIAN_CHROMIUM): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

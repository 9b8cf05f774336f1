/**
 * Current screenshots of a site as a reader sees it, in headless Chromium (Debian's, through playwright-core):
 * home, an advisory, the hoax list and a search; Japanese and English; light and dark; desktop (1280 px) and
 * phone (390 px). `npm run screenshots` (src/cli/screenshots.ts) runs it on the bundled site.
 *
 * File names say what is in them: `ja-advisory-desktop-light.png`.
 */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { serveStatic } from "../headless/static-server.ts";
import { launchChromium } from "../headless/chromium.ts";

export interface Shot {
  /** Short name of the page: home, advisory, hoaxes, search. */
  name: string;
  /** Path under the site's root, per language. */
  path: Record<"ja" | "en", string>;
  /** Wait for this selector before the shot (search results arrive after the page loads). */
  waitFor?: string;
}

export const SHOTS: Shot[] = [
  { name: "home", path: { ja: "/ja/", en: "/en/" } },
  { name: "advisory", path: { ja: "/ja/advisories/ms04-011/", en: "/en/advisories/ms04-011/" } },
  { name: "hoaxes", path: { ja: "/ja/hoaxes/", en: "/en/hoaxes/" } },
  { name: "search", path: { ja: `/ja/search/?q=${encodeURIComponent("デマ")}`, en: "/en/search/?q=hoax" }, waitFor: ".search-results li" },
];

export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** The shots the README shows (docs/screenshots/): few, and small (each under 150 KB). */
export const README_SHOTS = ["ja-advisory-desktop-light", "ja-search-phone-dark", "en-hoaxes-desktop-dark", "ja-home-phone-light"];

export interface ShotFile {
  file: string;
  bytes: number;
}

export async function takeScreenshots(siteDir: string, outDir: string, options: { full?: boolean; browser?: Browser } = {}): Promise<ShotFile[]> {
  mkdirSync(outDir, { recursive: true });
  const server = await serveStatic(siteDir);
  const browser = options.browser ?? (await launchChromium());
  const written: ShotFile[] = [];
  try {
    for (const scheme of ["light", "dark"] as const) {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, ...(device === "phone" ? { isMobile: true, hasTouch: true } : {}) });
        const page = await context.newPage();
        // Nothing leaves the site, as in the tests.
        await context.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
        try {
          for (const shot of SHOTS) {
            for (const lang of ["ja", "en"] as const) {
              await page.goto(`${server.origin}${shot.path[lang]}`);
              if (shot.waitFor) await page.locator(shot.waitFor).first().waitFor({ timeout: 15_000 });
              const file = join(outDir, `${lang}-${shot.name}-${device}-${scheme}.png`);
              await page.screenshot({ path: file, fullPage: options.full ?? false });
              written.push({ file, bytes: statSync(file).size });
            }
          }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
  return written;
}

/**
 * `npm run screenshots [-- --site DIR] [--out DIR] [--full] [--readme]`: current screenshots of the bundled
 * site as a reader sees it, in headless Chromium (Debian's, through playwright-core): home, an advisory, the
 * hoax list and a search; Japanese and English; light and dark; desktop (1280 px) and phone (390 px).
 *
 *   --site DIR   screenshot a site already built there (default: build the bundled site into a temporary folder)
 *   --out DIR    where the PNGs go (default: _site.screenshots, which .gitignore leaves out like any _site.x folder)
 *   --full       whole pages instead of the first screen
 *   --readme     also refresh the few small PNGs the README shows (docs/screenshots/)
 *
 * File names say what is in them: `ja-advisory-desktop-light.png`. Prints every file with its size.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { serveStatic } from "../../tests/helpers/static-server.ts";
import { launchChromium } from "../../tests/helpers/browser.ts";
import { buildSite } from "../site/build-site.ts";

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  let site = valueOf("--site");
  if (!site) {
    site = join(mkdtempSync(join(tmpdir(), "keikoku-screenshots-")), "_site");
    const root = resolve(import.meta.dirname, "../..");
    await buildSite({ output: site, root });
  }
  const out = resolve(valueOf("--out") ?? "_site.screenshots");
  const files = await takeScreenshots(resolve(site), out, { full: args.includes("--full") });
  for (const f of files) console.log(`${f.file}  ${(f.bytes / 1024).toFixed(0)} KB`);
  if (args.includes("--readme")) {
    const docs = resolve(import.meta.dirname, "../../docs/screenshots");
    mkdirSync(docs, { recursive: true });
    for (const name of README_SHOTS) {
      const from = join(out, `${name}.png`);
      writeFileSync(join(docs, `${name}.png`), readFileSync(from));
      console.log(`README: docs/screenshots/${name}.png  ${(statSync(from).size / 1024).toFixed(0)} KB`);
    }
  }
  // The CSAF worker of a build in this process would keep it alive.
  process.exit(0);
}

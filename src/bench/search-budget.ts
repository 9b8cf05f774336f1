/**
 * `npm run bench:search [-- --site DIR] [--json]`: what a first search costs a reader, measured in
 * headless Chromium against a built site served on 127.0.0.1:
 *   - bytes downloaded for the first query (everything fetched from the first keystroke until results show,
 *     plus the search code and Pagefind files the page had already loaded), uncompressed;
 *   - milliseconds from the first keystroke to the first result on screen.
 * Prints figures; it is not a test and asserts nothing.
 */
import { resolve } from "node:path";
import { serveStatic } from "../headless/static-server.ts";
import type { Browser } from "playwright-core";
import { launchChromium } from "../headless/chromium.ts";

export interface SearchBudget {
  query: string;
  lang: string;
  bytesFirstQuery: number;
  msToFirstResult: number;
  requests: number;
  /** Bytes by kind of file: Pagefind's code, its index chunks, fragments, filters, metadata; ours. */
  breakdown: Record<string, number>;
}

/** What a fetched search file is, for the breakdown. */
function kindOf(url: string): string {
  if (/\/search\/identifiers/.test(url)) return "identifier shards";
  if (/\/assets\/search\//.test(url)) return "our search code";
  if (/\.pf_index$/.test(url)) return "Pagefind index chunks";
  if (/\.pf_fragment$/.test(url)) return "Pagefind fragments";
  if (/\.pf_filter$/.test(url)) return "Pagefind filters";
  if (/\.pf_meta$/.test(url)) return "Pagefind metadata";
  if (/\/pagefind\//.test(url)) return "Pagefind code and wasm";
  return "other";
}

/** `shared`: a Chromium of the caller's, left open; without it one is launched and closed. */
export async function measureSearch(siteDir: string, probes: { lang: string; query: string }[], shared?: Browser): Promise<SearchBudget[]> {
  const server = await serveStatic(siteDir);
  const browser = shared ?? (await launchChromium(process.env.CHROMIUM_PATH));
  const out: SearchBudget[] = [];
  try {
    for (const { lang, query } of probes) {
      // Counted where the files are served, not in the page: Pagefind fetches its index from a web worker,
      // whose requests the page's own network events never see.
      const context = await browser.newContext();
      const page = await context.newPage();
      const loadStart = server.served.length;
      await page.goto(`${server.origin}/${lang}/search/`);
      await page.waitForLoadState("networkidle");
      const queryStart = server.served.length;
      // Timed inside the page: from the first keydown to the first result in the DOM.
      await page.evaluate(() => {
        const w = window as unknown as { firstKey?: number; firstResult?: number };
        for (const type of ["keydown", "input"]) document.addEventListener(type, () => (w.firstKey ??= performance.now()), { capture: true });
        new MutationObserver(() => {
          if (document.querySelector(".search-results li")) w.firstResult ??= performance.now();
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.type("#search-input", query);
      await page.locator(".search-results li").first().waitFor({ timeout: 15_000 });
      const ms = Math.round(await page.evaluate(() => {
        const w = window as unknown as { firstKey: number; firstResult: number };
        return w.firstResult - w.firstKey;
      }));
      await page.waitForLoadState("networkidle");
      let bytes = 0;
      let requests = 0;
      const breakdown: Record<string, number> = {};
      server.served.slice(loadStart).forEach((s, i) => {
        const searchFile = /\/pagefind\/|\/assets\/search\/|\/search\/identifiers/.test(s.path);
        if (loadStart + i >= queryStart || searchFile) {
          bytes += s.bytes;
          requests += 1;
          breakdown[kindOf(s.path)] = (breakdown[kindOf(s.path)] ?? 0) + s.bytes;
        }
      });
      out.push({ lang, query, bytesFirstQuery: bytes, msToFirstResult: ms, requests, breakdown });
      await context.close();
    }
  } finally {
    if (!shared) await browser.close();
    await server.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const siteIndex = args.indexOf("--site");
  const site = resolve(siteIndex >= 0 ? args[siteIndex + 1]! : "_site");
  const results = await measureSearch(site, [
    { lang: "ja", query: "SULFNBK" },
    { lang: "ja", query: "クマのアイコン" },
    { lang: "en", query: "teddy bear" },
  ]);
  if (args.includes("--json")) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`site: ${site}`);
    console.log("| lang | query | KB for the first query | requests | ms to first result |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const r of results) console.log(`| ${r.lang} | ${r.query} | ${(r.bytesFirstQuery / 1024).toFixed(1)} | ${r.requests} | ${r.msToFirstResult} |`);
    for (const r of results) console.log(`${r.lang} "${r.query}": ${Object.entries(r.breakdown).map(([k, b]) => `${k} ${(b / 1024).toFixed(1)} KB`).join(", ")}`);
  }
}

/**
 * Runs a query through the real search page in Chromium and returns the result URLs in order.
 */
import type { Page } from "playwright-core";

export async function searchFor(page: Page, origin: string, lang: string, query: string, prefix = "/"): Promise<string[]> {
  await page.goto(`${origin}${prefix}${lang}/search/?q=${encodeURIComponent(query)}`);
  await page.locator(".search-status").filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
  return page.locator(".search-results a.entry-title").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

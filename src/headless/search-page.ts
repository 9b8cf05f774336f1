/**
 * Runs a query through the real search page in Chromium and returns the result URLs in order.
 *
 * The first query of a language loads its search page with `?q=` (the way a shared link does); a later query
 * on the same, unfiltered page is typed into the same page's box and submitted, so Pagefind, its WebAssembly
 * and its index are loaded once per language instead of once per query.
 */
import type { Page } from "playwright-core";

export async function searchFor(page: Page, origin: string, lang: string, query: string, prefix = "/"): Promise<string[]> {
  const searchPage = `${origin}${prefix}${lang}/search/`;
  const here = new URL(page.url() === "about:blank" ? "about:blank" : page.url());
  const onSamePage = `${here.origin}${here.pathname}` === searchPage && [...here.searchParams.keys()].every((key) => key === "q");
  if (onSamePage) {
    // The status is emptied first and only the newest query's run writes it (older runs are dropped by the
    // page), so the first text that appears belongs to this query.
    await page.evaluate((q) => {
      const form = document.querySelector<HTMLFormElement>("[data-search-page] form")!;
      document.querySelector("[data-search-page] .search-status")!.textContent = "";
      form.querySelector<HTMLInputElement>("input[type=search]")!.value = q;
      form.requestSubmit();
    }, query);
  } else {
    await page.goto(`${searchPage}?q=${encodeURIComponent(query)}`);
  }
  await page.locator(".search-status").filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
  return page.locator(".search-results a.entry-title").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

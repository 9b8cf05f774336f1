/**
 * A browser page that records what a reader would notice: console errors, uncaught exceptions, CSP
 * violations, and any request that leaves the site's origin (those are blocked and recorded).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

export async function watchedPage(browser: Browser, origin: string, options: { colorScheme?: "light" | "dark" } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? "light" });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { context, page, consoleErrors, foreignRequests, close: () => context.close() };
}

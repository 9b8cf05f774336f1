/**
 * axe-core in a Playwright page, fast: the engine is added to a browser context once (an init script), and each
 * check is one `axe.run` in the page. @axe-core/playwright's AxeBuilder injects the 0.5 MB engine into every
 * frame at every check, about a second a page here (28 page types × 2 colour schemes took 93 s; this takes
 * about a fifth of that). Same engine, same rules, same tags.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";

/** WCAG 2.1 A and AA: what the site promises (README, "What the site guarantees"). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Makes axe available in every page of `context` (call before opening the pages). */
export async function addAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/**
 * The WCAG 2.1 A/AA rules whose outcome depends on colours. A page restyled for another colour scheme keeps its
 * structure, names, roles and order, so a second scheme needs only these (most of axe's time on a page is the
 * contrast rule, but the rest is not free either).
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * The page's violations, one line each: "color-contrast: Elements must meet … (selector; selector)". By default
 * every rule of WCAG_TAGS; `{ rules }` runs only those rules (e.g. COLOUR_RULES after a change of colour scheme).
 */
export async function axeViolations(page: Page, options: { tags?: string[]; rules?: string[] } = {}): Promise<string[]> {
  const runOnly = options.rules ? { type: "rule", values: options.rules } : { type: "tag", values: options.tags ?? WCAG_TAGS };
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(node: Node, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: only });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")})`);
  }, runOnly);
}

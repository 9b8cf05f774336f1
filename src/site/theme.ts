/**
 * A site's accent colour (site.yaml `accentColor`) as a stylesheet of its own, loaded after site.css: the
 * Content-Security-Policy allows no inline style, and a site without an accent colour gets no extra request.
 *   { light: "#1d4ed8", dark: "#93b4ff" } → :root { --accent: #1d4ed8; } + the same in prefers-color-scheme: dark
 */
import type { SiteConfig } from "../settings/schema.ts";

export const THEME_PATH = "/assets/theme.css";

export function themeStylesheet(accent: NonNullable<SiteConfig["accentColor"]>): string {
  return [
    `:root { --accent: ${accent.light}; }`,
    `@media (prefers-color-scheme: dark) { :root { --accent: ${accent.dark}; } }`,
    "",
  ].join("\n");
}

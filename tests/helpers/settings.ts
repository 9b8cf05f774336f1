/** Settings for tests: a site folder's site.yaml and an environment of the test's own (never the caller's shell). */
import { join } from "node:path";
import { readSettingsOrThrow, type Settings } from "../../src/settings/settings.ts";
import { csafConfig, type CsafConfig } from "../../src/csaf/config.ts";
import { ROOT } from "./fixtures.ts";

export function settingsFor(options: { contentDir?: string; env?: Record<string, string> } = {}): Settings {
  return readSettingsOrThrow({ siteDir: options.contentDir ?? join(ROOT, "content"), root: ROOT, env: { ...options.env } });
}

/** The CSAF settings of the bundled site under an environment of the test's own (SITE_URL, CSAF_TLP, …). */
export const csafConfigFor = (env: Record<string, string> = {}): CsafConfig => csafConfig(settingsFor({ env }));

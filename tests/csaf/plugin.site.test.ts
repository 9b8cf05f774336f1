/**
 * The Eleventy plugin's csafUrl filter, and the CSAF step that writes the provider directory into the output
 * folder — on its own, and once through a real build (buildSite) of the bundled site.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import { SettingsError } from "../../src/settings/settings.ts";
import type { CsafWritten } from "../../src/csaf/write-files.ts";
import { csafPlugin } from "../../src/csaf/plugin.ts";
import { finishCsaf, startCsaf } from "../../src/csaf/step.ts";
import { ROOT } from "../helpers/fixtures.ts";
import { settingsFor } from "../helpers/settings.ts";
import { sharedSite, SITES } from "../helpers/shared-site.ts";

const tmp = mkdtempSync(join(tmpdir(), "keikoku-csaf-plugin-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The parts of Eleventy's config object the plugin uses. */
function fakeEleventy() {
  const filters = new Map<string, (...args: any[]) => unknown>();
  return { addFilter: (name: string, fn: (...args: any[]) => unknown) => filters.set(name, fn), filters };
}

test("csafUrl gives the site-relative URL of the document an entry's page shows", () => {
  const eleventy = fakeEleventy();
  csafPlugin(eleventy, { settings: settingsFor() });
  const site = loadSiteOrThrow({ root: ROOT });
  const url = eleventy.filters.get("csafUrl")!;
  assert.equal(url(site.entries.find((e) => e.id === "ms04-011" && e.lang === "ja")), "/.well-known/csaf/2004/keikoku-2004-ms04-011.json");
  assert.equal(url(site.entries.find((e) => e.id === "ms04-011" && e.lang === "en")), "/.well-known/csaf/2004/keikoku-2004-ms04-011-en.json");
  assert.equal(url(site.entries.find((e) => e.id === "sulfnbk-exe" && e.lang === "en")), "/.well-known/csaf/2004/keikoku-2004-sulfnbk-exe-en.json");
});

test("a TLP the site cannot publish fails when the settings are read, before anything is rendered", () => {
  assert.throws(() => settingsFor({ env: { CSAF_TLP: "RED" } }), SettingsError);
});

test("the CSAF step writes the provider directory into the output folder, replacing stale documents", async () => {
  const output = join(tmp, "fake-site");
  mkdirSync(join(output, ".well-known/csaf/2003"), { recursive: true });
  writeFileSync(join(output, ".well-known/csaf/2003/keikoku-2003-deleted.json"), "{}\n");
  const reports: CsafWritten[] = [];
  const settings = settingsFor(SITES.https);
  const site = loadSiteOrThrow({ root: ROOT });
  const run = async () => reports.push(await finishCsaf(startCsaf(site, settings, { dir: output }, join(tmp, "cache.json")), () => ({ line: 1, column: 1 })));
  await run();
  const first = readFileSync(join(output, ".well-known/csaf/2004/keikoku-2004-ms04-011.json"), "utf8");
  // The second run reads its validation results from the cache and writes the same bytes.
  await run();
  assert.equal(readFileSync(join(output, ".well-known/csaf/2004/keikoku-2004-ms04-011.json"), "utf8"), first);
  assert.equal(reports.length, 2);
  assert.equal(reports[0]!.documentCount, 22);
  assert.deepEqual(reports[1]!.warnings, reports[0]!.warnings);
  assert.ok(existsSync(join(tmp, "cache.json")));
  for (const path of [".well-known/security.txt", ".well-known/csaf/provider-metadata.json", ".well-known/csaf/index.txt", ".well-known/csaf/changes.csv", ".well-known/csaf/feed-tlp-white.json", ".well-known/csaf/2004/keikoku-2004-sasser-en.json.sha512"]) {
    assert.ok(existsSync(join(output, path)), path);
  }
  assert.ok(!existsSync(join(output, ".well-known/csaf/2003")), "documents of deleted entries are removed");
});

test("a real build writes it into the built site", async () => {
  const output = (await sharedSite(SITES.https)).dir;
  const metadata = JSON.parse(readFileSync(join(output, ".well-known/csaf/provider-metadata.json"), "utf8"));
  assert.equal(metadata.canonical_url, "https://advisories.example.jp/.well-known/csaf/provider-metadata.json");
  const index = readFileSync(join(output, ".well-known/csaf/index.txt"), "utf8").split("\n").filter(Boolean);
  assert.equal(index.length, 22);
  for (const path of index) assert.ok(existsSync(join(output, ".well-known/csaf", path)), path);
  assert.match(readFileSync(join(output, ".well-known/security.txt"), "utf8"), /^CSAF: https:\/\/advisories\.example\.jp\/\.well-known\/csaf\/provider-metadata\.json$/m);
  assert.ok(existsSync(join(output, "ja/advisories/ms04-011/index.html")), "the pages are there too");
  // Same content and settings as the stand-in run above: the same bytes, file for file.
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();
  const built = files(join(output, ".well-known"));
  assert.deepEqual(built, files(join(tmp, "fake-site", ".well-known")));
  for (const path of built) assert.equal(readFileSync(join(output, ".well-known", path), "utf8"), readFileSync(join(tmp, "fake-site", ".well-known", path), "utf8"), path);
});

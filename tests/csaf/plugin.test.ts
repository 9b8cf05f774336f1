/**
 * The Eleventy plugin: the csafUrl filter, and the files it writes after a build into the output folder —
 * with a stand-in Eleventy config, and once through a real build (buildSite) of the bundled site.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import { CsafConfigError } from "../../src/csaf/config.ts";
import type { CsafOutput } from "../../src/csaf/generate.ts";
import { csafPlugin } from "../../src/csaf/plugin.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { ROOT } from "../helpers/fixtures.ts";

const tmp = mkdtempSync(join(tmpdir(), "keikoku-csaf-plugin-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Sets environment variables for the duration of `fn`. */
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T> | T): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) (v === undefined ? delete process.env[k] : (process.env[k] = v));
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) (v === undefined ? delete process.env[k] : (process.env[k] = v));
  }
}

/** The parts of Eleventy's config object the plugin uses. */
function fakeEleventy(output: string) {
  const filters = new Map<string, (...args: any[]) => unknown>();
  const handlers = new Map<string, () => Promise<void>>();
  return {
    directories: { output },
    addFilter: (name: string, fn: (...args: any[]) => unknown) => filters.set(name, fn),
    on: (event: string, fn: () => Promise<void>) => handlers.set(event, fn),
    filters,
    handlers,
  };
}

test("csafUrl gives the site-relative URL of the document an entry's page shows", () => {
  const eleventy = fakeEleventy(join(tmp, "unused"));
  csafPlugin(eleventy, { report: () => {} });
  const site = loadSiteOrThrow({ root: ROOT });
  const url = eleventy.filters.get("csafUrl")!;
  assert.equal(url(site.entries.find((e) => e.id === "ms04-011" && e.lang === "ja")), "/.well-known/csaf/2004/keikoku-2004-ms04-011.json");
  assert.equal(url(site.entries.find((e) => e.id === "ms04-011" && e.lang === "en")), "/.well-known/csaf/2004/keikoku-2004-ms04-011-en.json");
  assert.equal(url(site.entries.find((e) => e.id === "sulfnbk-exe" && e.lang === "en")), "/.well-known/csaf/2004/keikoku-2004-sulfnbk-exe-en.json");
});

test("a TLP the site cannot publish fails when the plugin is added, before anything is rendered", async () => {
  await withEnv({ CSAF_TLP: "RED" }, () => {
    assert.throws(() => csafPlugin(fakeEleventy(join(tmp, "unused")), {}), CsafConfigError);
  });
});

test("after a build it writes the provider directory into the output folder, replacing stale documents", async () => {
  const output = join(tmp, "fake-site");
  mkdirSync(join(output, ".well-known/csaf/2003"), { recursive: true });
  writeFileSync(join(output, ".well-known/csaf/2003/keikoku-2003-deleted.json"), "{}\n");
  const reports: CsafOutput[] = [];
  await withEnv({ SITE_URL: "https://advisories.example.jp" }, async () => {
    const eleventy = fakeEleventy(output);
    csafPlugin(eleventy, { contentDir: join(ROOT, "content"), cacheFile: join(tmp, "cache.json"), report: (r) => reports.push(r) });
    await eleventy.handlers.get("eleventy.after")!();
    const first = readFileSync(join(output, ".well-known/csaf/2004/keikoku-2004-ms04-011.json"), "utf8");
    // The second run reads its validation results from the cache and writes the same bytes.
    await eleventy.handlers.get("eleventy.after")!();
    assert.equal(readFileSync(join(output, ".well-known/csaf/2004/keikoku-2004-ms04-011.json"), "utf8"), first);
  });
  assert.equal(reports.length, 2);
  assert.equal(reports[0]!.documents.length, 22);
  assert.deepEqual(reports[1]!.warnings, reports[0]!.warnings);
  assert.ok(existsSync(join(tmp, "cache.json")));
  for (const path of [".well-known/security.txt", ".well-known/csaf/provider-metadata.json", ".well-known/csaf/index.txt", ".well-known/csaf/changes.csv", ".well-known/csaf/feed-tlp-white.json", ".well-known/csaf/2004/keikoku-2004-sasser-en.json.sha512"]) {
    assert.ok(existsSync(join(output, path)), path);
  }
  assert.ok(!existsSync(join(output, ".well-known/csaf/2003")), "documents of deleted entries are removed");
});

test("a real build writes it into the built site", async () => {
  // Until .eleventy.ts adds the plugin itself, build with a copy of the config that adds it.
  let root = ROOT;
  if (!readFileSync(join(ROOT, ".eleventy.ts"), "utf8").includes("csafPlugin")) {
    root = join(tmp, "root");
    mkdirSync(root);
    writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, "layouts"), join(root, "layouts"));
    writeFileSync(
      join(root, ".eleventy.ts"),
      [
        `import keikoku from ${JSON.stringify(pathToFileURL(join(ROOT, ".eleventy.ts")).href)};`,
        `import { csafPlugin } from ${JSON.stringify(pathToFileURL(join(ROOT, "src/csaf/plugin.ts")).href)};`,
        "export default function (eleventyConfig: any) {",
        "  const result = keikoku(eleventyConfig);",
        "  eleventyConfig.addPlugin(csafPlugin, { report: () => {} });",
        "  return result;",
        "}",
        "",
      ].join("\n"),
    );
  }
  const output = join(tmp, "_site");
  await withEnv({ SITE_URL: "https://advisories.example.jp", KEIKOKU_SEARCH: "off" }, () => buildSite({ output, root, contentDir: join(ROOT, "content") }));
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

/**
 * One build per configuration, shared by every test that only reads it. A site is built once and kept on
 * disk under node_modules/.cache/keikoku/test-sites/<key>/, where the key is a hash of everything the build
 * reads: Keikoku's code, layouts and static files, the installed packages, Node's version, the site folder and
 * the environment given. Every later test process — and every later `npm test` on unchanged code — reads the
 * same folder. Tests never write into it (read-only by convention; tests that must change a site build their own).
 *
 *   const site = await sharedSite({ env: { PATH_PREFIX: "/security/" } });
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { BuildResult } from "../../src/site/build-site.ts";
import { ROOT } from "./fixtures.ts";
import { settingsFor } from "./settings.ts";
import { siteAt, type BuiltSite } from "./site.ts";

const CACHE = join(ROOT, "node_modules/.cache/keikoku/test-sites");
/** How many configurations are kept (the least recently used go first). */
const KEEP = 24;

export interface SiteConfig {
  /** The site folder (default: the bundled site). */
  contentDir?: string;
  /** The environment the settings are read with (SITE_URL, PATH_PREFIX, …), nothing else. */
  env?: Record<string, string>;
}

/** Every file below `dir` (skipping dot-folders), as path → content hash, for the key. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string, label: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (name.split(/[\\/]/).some((part) => part.startsWith("."))) continue;
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    hash.update(`${label}/${name}\0`).update(readFileSync(path)).update("\0");
  }
}

/** What a build of `config` depends on, as a short hex key. */
export function siteKey(config: SiteConfig): string {
  const hash = createHash("sha256");
  for (const part of ["src", "layouts", "public"]) hashTree(hash, join(ROOT, part), part);
  for (const file of [".eleventy.ts", "package-lock.json"]) hash.update(readFileSync(join(ROOT, file)));
  hash.update(process.version);
  const siteDir = config.contentDir ?? join(ROOT, "content");
  // Reports name files by the site folder's name (content/ja/…, my-site/ja/…), not by where it is.
  hash.update(basename(siteDir));
  hashTree(hash, siteDir, "site");
  hash.update(JSON.stringify(Object.entries(config.env ?? {}).sort()));
  return hash.digest("hex").slice(0, 20);
}

/** The configurations several test files read: each is built once, by whichever test process asks first. */
export const SITES = {
  /** The bundled 2004 site as `npm start` builds it. */
  bundled: {},
  /**
   * The same, published at an https origin (CSAF, feeds and the API want absolute https URLs), with security.txt
   * (published only with an expiry; a far-future one here, so that the test never expires).
   */
  https: { env: { SITE_URL: "https://advisories.example.jp", CSAF_SECURITY_TXT_EXPIRES: "2999-12-31" } },
  /** The same, mirrored by a partner under /security/ on its own origin. */
  mirror: { env: { PATH_PREFIX: "/security/", SITE_URL: "https://partner.example.jp" } },
  /** The generator's second site (tests/fixtures/second-site): another name, publisher, URL and products. */
  second: { contentDir: join(ROOT, "tests/fixtures/second-site") },
} satisfies Record<string, SiteConfig>;

/** Builds `config` unless an identical build is on disk; returns it, to be read only. */
export async function sharedSite(config: SiteConfig = {}): Promise<BuiltSite> {
  const dir = join(CACHE, siteKey(config));
  const output = join(dir, "_site");
  const resultFile = join(dir, "result.json");
  if (existsSync(resultFile)) {
    writeFileSync(join(dir, "used"), String(Date.now()));
    return siteAt(output, JSON.parse(readFileSync(resultFile, "utf8")) as BuildResult);
  }
  // Built beside the cache and renamed in whole: a test process never sees half a site. Two processes building
  // the same key at once both build; the second rename finds the folder there and keeps the first.
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const settings = settingsFor(config);
  // Imported only to build: when every site is on disk already (the usual case), no process loads Eleventy for it.
  const { buildSite } = await import("../../src/site/build-site.ts");
  const result = await buildSite(settings, { output: join(building, "_site") });
  writeFileSync(join(building, "result.json"), JSON.stringify(result));
  writeFileSync(join(building, "used"), String(Date.now()));
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  prune();
  return siteAt(output, JSON.parse(readFileSync(resultFile, "utf8")) as BuildResult);
}

/** Keeps the KEEP most recently used builds (old code's builds are never read again). */
function prune(): void {
  const builds = readdirSync(CACHE)
    .filter((name) => !name.includes("."))
    .map((name) => ({ name, used: Number(existsSync(join(CACHE, name, "used")) ? readFileSync(join(CACHE, name, "used"), "utf8") : 0) }))
    .sort((a, b) => b.used - a.used);
  for (const old of builds.slice(KEEP)) rmSync(join(CACHE, old.name), { recursive: true, force: true });
}

/**
 * One full build as a function: validate, render into a temporary sibling folder, run the after-build
 * steps (search index), then atomically swap the new folder in. Used by the CLI, the tests and the benchmark.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { handOver, loadContent, takeHandedOver } from "../data/load-content.ts";
import { ContentError } from "../data/problems.ts";
import { walkFiles } from "./files.ts";
import { stopCsafWorker, warmUpCsafWorker } from "../csaf/in-background.ts";
import { compareManifest, MANIFEST_NAME, publishedUrls, readManifest, UrlRemovedError } from "../links/url-manifest.ts";

export interface BuildOptions {
  /** Where the finished site goes (replaced only on success). */
  output: string;
  /** Project root holding .eleventy.ts and layouts/; defaults to the current directory. */
  root?: string;
  /** Content folder; defaults to <root>/content. */
  contentDir?: string;
  /** Check content/url-manifest.txt (default true); `npm run urls` turns it off to see what changed. */
  checkUrls?: boolean;
}

export interface BuildResult {
  pages: number;
  notices: string[];
}


export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const output = resolve(options.output);
  const contentDir = resolve(options.contentDir ?? process.env.KEIKOKU_CONTENT ?? join(root, "content"));

  // Validate before anything is written: the report lists every problem at once.
  const loaded = loadContent({ root, contentDir, cache: true });
  if (!loaded.site) throw new ContentError(loaded.problems);
  // The CSAF validator takes seconds to import: its worker thread starts now, beside Eleventy's start-up.
  if (process.env.KEIKOKU_CSAF !== "off") warmUpCsafWorker();

  const staging = join(dirname(output), `.${basename(output)}.staging-${process.pid}`);
  removeAbandonedStaging(output);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(output), { recursive: true });
  const previousContent = process.env.KEIKOKU_CONTENT;
  process.env.KEIKOKU_CONTENT = contentDir;
  try {
    handOver(contentDir, loaded.site);
    const eleventy = new Eleventy(join(root, "layouts"), staging, { configPath: join(root, ".eleventy.ts"), quietMode: true });
    await eleventy.write();
    const pages = walkFiles(staging).filter((f) => f.endsWith(".html")).length;
    const notices = [...loaded.site.notices, ...(options.checkUrls === false ? [] : checkUrlManifest(contentDir, staging))];
    swapIn(staging, output);
    return { pages, notices };
  } catch (error) {
    stopCsafWorker();
    // Eleventy may still be copying public/ into the staging folder when a template fails; removing the folder
    // under it made that copy fail as an unhandled rejection. The folder goes when the process exits, or at
    // the start of this process's next build (same name), or of any later build (removeAbandonedStaging).
    process.once("exit", () => rmSync(staging, { recursive: true, force: true }));
    throw error;
  } finally {
    takeHandedOver(contentDir);
    if (previousContent === undefined) delete process.env.KEIKOKU_CONTENT;
    else process.env.KEIKOKU_CONTENT = previousContent;
  }
}

/** Fails the build if a URL listed in the manifest would disappear; reports URLs not listed yet. */
function checkUrlManifest(contentDir: string, siteDir: string): string[] {
  const listed = readManifest(contentDir);
  if (!listed) return [`no ${MANIFEST_NAME} in the content folder: published URLs are not protected (npm run urls -- --update creates it)`];
  const { removed, added } = compareManifest(listed, publishedUrls(siteDir));
  if (removed.length) throw new UrlRemovedError(removed, `content/${MANIFEST_NAME}`);
  return added.length ? [`${added.length} new ${added.length === 1 ? "URL is" : "URLs are"} not in content/${MANIFEST_NAME} yet (${added.slice(0, 3).join(", ")}${added.length > 3 ? ", …" : ""}); record them with npm run urls -- --update`] : [];
}

/** Staging folders left by builds that were killed (out of disk, SIGKILL): their process is gone. */
function removeAbandonedStaging(output: string): void {
  const prefix = `.${basename(output)}.staging-`;
  if (!existsSync(dirname(output))) return;
  for (const name of readdirSync(dirname(output))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(dirname(output), name), { recursive: true, force: true });
  }
}

/** Replaces `output` with `staging` using renames, so a reader never sees a half-written site. */
function swapIn(staging: string, output: string): void {
  const old = `${output}.old-${process.pid}`;
  if (existsSync(output)) renameSync(output, old);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (existsSync(old)) renameSync(old, output);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

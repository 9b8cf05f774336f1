/**
 * The benchmark's baseline: bare Eleventy 3 (a plain JavaScript config written into a temporary folder,
 * not Keikoku's), one minimal Nunjucks layout, Eleventy's default markdown-it, the corpus's Markdown files
 * copied in as plain .md templates with their frontmatter; then the Pagefind CLI on the output.
 *
 *   <work>/eleventy.config.mjs
 *   <work>/src/_includes/base.njk          <html lang="{{ lang }}"> <title>{{ title }}</title> {{ content | safe }}
 *   <work>/src/{ja,en}/{lang}.11tydata.json { "layout": "base.njk", "lang": "ja" }
 *   <work>/src/{ja,en}/**.md               the corpus files, unchanged
 *   <work>/_site/                          output; Pagefind writes <work>/_site/pagefind/
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { countFiles, folderSize, runMeasured, searchIndexPages, type Measured } from "./measure.ts";

export interface BaselineProject {
  dir: string;
  output: string;
}

const CONFIG = `// Baseline for Keikoku's benchmark: bare Eleventy 3, nothing of Keikoku's.
export default function (eleventyConfig) {
  eleventyConfig.setQuietMode(true);
  return {
    dir: { input: "src", includes: "_includes", output: "_site" },
    templateFormats: ["md"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
`;

const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
</head>
<body>
<main>
<h1>{{ title }}</h1>
{{ content | safe }}
</main>
</body>
</html>
`;

export function prepareBaseline(contentDir: string, dir: string): BaselineProject {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src", "_includes"), { recursive: true });
  writeFileSync(join(dir, "eleventy.config.mjs"), CONFIG);
  writeFileSync(join(dir, "src", "_includes", "base.njk"), LAYOUT);
  for (const lang of readdirSync(contentDir)) {
    if (!statSync(join(contentDir, lang)).isDirectory()) continue;
    cpSync(join(contentDir, lang), join(dir, "src", lang), { recursive: true });
    writeFileSync(join(dir, "src", lang, `${lang}.11tydata.json`), JSON.stringify({ layout: "base.njk", lang }));
  }
  return { dir, output: join(dir, "_site") };
}

export interface BaselineRun {
  ok: boolean;
  error?: string;
  eleventy: Measured;
  pagefind?: Measured;
  /** Eleventy + Pagefind wall time. */
  wallMs: number;
  /** The larger of the two steps' largest process. */
  peakRssKb: number;
  pages: number;
  /** Σ page_count of pagefind-entry.json. */
  indexedPages?: number;
  output: { bytes: number; files: number };
  pagefindBytes: number;
}

/** Runs bare Eleventy then the Pagefind CLI, each as a measured child process. */
export async function runBaseline(project: BaselineProject, root: string, timeoutMs: number): Promise<BaselineRun> {
  rmSync(project.output, { recursive: true, force: true });
  const eleventy = await runMeasured(process.execPath, [join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs"], { cwd: project.dir, timeoutMs });
  const pages = countFiles(project.output, ".html");
  if (eleventy.exitCode !== 0) {
    return { ok: false, error: `bare Eleventy failed (exit ${eleventy.exitCode}): ${eleventy.stderr.slice(-2000)}`, eleventy, wallMs: eleventy.wallMs, peakRssKb: eleventy.peakRssKb, pages, output: folderSize(project.output), pagefindBytes: 0 };
  }
  const pagefind = await runMeasured(join(root, "node_modules/.bin/pagefind"), ["--site", project.output], { cwd: project.dir, timeoutMs });
  const indexed = searchIndexPages(project.output);
  return {
    ok: pagefind.exitCode === 0,
    ...(pagefind.exitCode === 0 ? {} : { error: `Pagefind CLI failed (exit ${pagefind.exitCode}): ${pagefind.stderr.slice(-2000)}` }),
    eleventy,
    pagefind,
    wallMs: eleventy.wallMs + pagefind.wallMs,
    peakRssKb: Math.max(eleventy.peakRssKb, pagefind.peakRssKb),
    pages,
    ...(indexed !== undefined ? { indexedPages: indexed } : {}),
    output: folderSize(project.output),
    pagefindBytes: folderSize(join(project.output, "pagefind")).bytes,
  };
}

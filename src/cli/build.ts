/**
 * `npm run build`: validate all content, render the site into a fresh folder, index it for search,
 * and only then swap it in for _site/. A build that fails at any step leaves the previous _site/ as it was.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSite } from "../site/build-site.ts";
import { ContentError } from "../data/problems.ts";
import { UrlRemovedError } from "../links/url-manifest.ts";
import { SearchIndexError } from "../search/plugin.ts";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--output");
const output = resolve(outIndex >= 0 ? args[outIndex + 1]! : process.env.KEIKOKU_OUTPUT ?? "_site");

const started = performance.now();
try {
  const result = await buildSite({ output });
  for (const notice of result.notices) console.log(`  note: ${notice}`);
  console.log(`✔ built ${result.pages} pages into ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (error instanceof ContentError || error instanceof UrlRemovedError || error instanceof SearchIndexError) console.error(error.message);
  else console.error(`✖ build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  console.error(existsSync(output) ? `  ${output} was left unchanged.` : "");
  process.exitCode = 1;
}

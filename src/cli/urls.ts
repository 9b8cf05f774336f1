/**
 * `npm run urls`: the URL manifest (content/url-manifest.txt).
 *   (no option)              build to a temporary folder and compare: removed and new URLs
 *   --update                 record the current URLs; refuses while a listed URL would disappear
 *   --accept-removal URL     (repeatable, with --update) drop URL from the manifest on purpose
 * Exit codes: 0 in step, 1 a listed URL would disappear (or, without --update, new URLs to record), 2 usage.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSite } from "../site/build-site.ts";
import { compareManifest, MANIFEST_NAME, publishedUrls, readManifest, writeManifest } from "../links/url-manifest.ts";

const args = process.argv.slice(2);
const update = args.includes("--update");
const accepted = args.flatMap((a, i) => (a === "--accept-removal" ? [args[i + 1] ?? ""] : []));
if (accepted.some((u) => !u.startsWith("/"))) {
  console.error("--accept-removal takes a site path such as /ja/advisories/old-id/");
  process.exit(2);
}
const contentDir = resolve(process.env.KEIKOKU_CONTENT ?? "content");
const listed = readManifest(contentDir) ?? [];

// Build without the manifest check: the point here is to see what would change.
const dir = mkdtempSync(join(tmpdir(), "keikoku-urls-"));
let current: string[];
try {
  await buildSite({ output: join(dir, "_site"), contentDir, checkUrls: false });
  current = publishedUrls(join(dir, "_site"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const { removed, added } = compareManifest(listed, current);
const blocking = removed.filter((u) => !accepted.includes(u));
for (const u of removed) console.log(`${accepted.includes(u) ? "accepted removal" : "✖ would disappear"}: ${u}`);
for (const u of added) console.log(`new: ${u}`);
if (blocking.length) {
  console.error(`✖ ${blocking.length} listed ${blocking.length === 1 ? "URL" : "URLs"} would disappear: add an alias to the entry that replaced it, or pass --accept-removal URL`);
  process.exit(1);
}
if (update) {
  writeManifest(contentDir, current);
  console.log(`✔ content/${MANIFEST_NAME}: ${current.length} URLs (${added.length} new, ${removed.length} removed)`);
} else if (added.length) {
  console.log(`${added.length} new URLs: record them with npm run urls -- --update`);
  process.exit(1);
} else console.log(`✔ content/${MANIFEST_NAME} is in step with the site (${current.length} URLs)`);

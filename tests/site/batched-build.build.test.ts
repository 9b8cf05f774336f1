/**
 * A build renders in batches and indexes search one language at a time (to hold one batch's pages and one
 * language's index in memory, not the whole site's): both must write what one pass would.
 *   - the pages: Eleventy over every page at once, against renderSite in batches of 5 items (the bundled site's
 *     entries and KB/CVE pages, and seven redirects added for the test, then take several batches each);
 *   - the search bundle: Pagefind's own single pass over every language, against the build's per-language
 *     passes merged into one folder (pagefind-entry.json listing both).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import { renderPages, renderSite } from "../../src/site/render.ts";
import { withUpdateDay } from "../../src/site/build-site.ts";
import { indexSite } from "../../src/search/pagefind-index.ts";
import { LANGS } from "../../src/i18n/languages.ts";
import { copyBundledContent } from "../helpers/fixtures.ts";
import { settingsFor } from "../helpers/settings.ts";
import { treeDifferences } from "../helpers/tree.ts";

const tmp = mkdtempSync(join(tmpdir(), "keikoku-batches-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

test("rendering in batches writes the same files as one Eleventy run over every page", async () => {
  const fixture = copyBundledContent();
  test.after(() => fixture.cleanup());
  const sasser = join(fixture.content, "ja/advisories/sasser.md");
  const aliases = [1, 2, 3, 4, 5, 6].map((n) => `/ja/advisories/sasser-${n}/`).concat("/sasser.html");
  writeFileSync(sasser, readFileSync(sasser, "utf8").replace("kind: incident\n", `kind: incident\naliases: [${aliases.join(", ")}]\n`));
  const settings = settingsFor({ contentDir: fixture.content });
  const site = withUpdateDay(loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content }), settings);
  const whole = join(tmp, "whole");
  const batched = join(tmp, "batched");
  const written = await renderPages({ settings, site }, whole);
  const done: string[] = [];
  await renderSite({ settings, site }, batched, { batchSize: 5, languageDone: (lang) => done.push(lang) });
  assert.ok(written.length > 60, `the bundled site has ${written.length} files`);
  for (const alias of aliases) assert.ok(written.includes(alias.endsWith("/") ? `${alias}index.html` : alias), `${alias} has its redirect page`);
  assert.deepEqual(treeDifferences(batched, whole), []);
  assert.deepEqual(done, [...LANGS], "search is handed each language once");
});

test("the search bundle indexed one language at a time is byte for byte Pagefind's single pass", async () => {
  const dir = join(tmp, "whole");
  const { pages } = await indexSite(dir);
  const created = await pagefind.createIndex({});
  const added = await created.index!.addDirectory({ path: dir, glob: `{${LANGS.join(",")}}/{advisories,hoaxes,about}/**/*.html` });
  assert.equal(added.page_count, pages);
  const single = join(tmp, "single-pass");
  assert.deepEqual((await created.index!.writeFiles({ outputPath: single })).errors, []);
  await created.index!.deleteIndex();
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, "pagefind", "pagefind-entry.json"), "utf8")).languages), ["en", "ja"]);
  assert.deepEqual(treeDifferences(join(dir, "pagefind"), single), []);
});

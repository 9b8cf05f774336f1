/**
 * The data layer's per-file cache (src/data/content-cache.ts): a warm run gives exactly the site a run
 * without it gives, reuses only what did not change, and still reports every problem at its place —
 * including problems in unchanged files caused by a change elsewhere.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent } from "../../src/data/load-content.ts";
import { formatProblem } from "../../src/data/problems.ts";
import { MINIMAL, ROOT, withFixture } from "../helpers/fixtures.ts";

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

test("a warm cache gives the same site as no cache, from the bundled content", () => {
  const uncached = loadContent({ root: ROOT });
  loadContent({ root: ROOT, cache: true });
  const warm = loadContent({ root: ROOT, cache: true });
  assert.ok(uncached.site && warm.site);
  assert.deepEqual(plain(warm.site), plain(uncached.site));
  assert.equal(warm.cacheUse?.reused, warm.cacheUse?.files, "every file unchanged, every file reused");
});

test("a validation-only run (check) caches no HTML; the next build renders it, then reuses it", () => {
  withFixture((fixture) => {
    const options = { root: fixture.dir, contentDir: fixture.content };
    const uncached = loadContent(options).site!;
    const checked = loadContent({ ...options, cache: true, html: false }).site!;
    assert.ok(checked.entries.every((e) => e.html === ""), "check builds entries without HTML");
    assert.deepEqual(plain(loadContent({ ...options, cache: true }).site), plain(uncached), "HTML rendered where the cache had none");
    assert.deepEqual(plain(loadContent({ ...options, cache: true }).site), plain(uncached), "and then taken from the cache");
    assert.deepEqual(plain(loadContent({ ...options, cache: true, html: false }).site!.entries.map((e) => e.headings)), plain(uncached.entries.map((e) => e.headings)));
  });
});

test("only the edited file is parsed again, and the edit shows", () => {
  withFixture((fixture) => {
    const cold = loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true });
    assert.equal(cold.cacheUse?.reused, 0);
    fixture.write("en/advisories/alpha.md", MINIMAL["en/advisories/alpha.md"]!.replace("Use the removal tool.", "Run the removal tool."));
    const warm = loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true });
    assert.equal(warm.cacheUse?.reused, warm.cacheUse!.files - 1);
    const alpha = warm.site!.entries.find((e) => e.id === "alpha" && e.lang === "en")!;
    assert.match(alpha.html, /Run the removal tool\./);
  });
});

test("an unchanged file whose link target disappeared is reported at its line", () => {
  withFixture((fixture) => {
    assert.ok(loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true }).site);
    // alpha links to hoax:beta in both languages; alpha itself does not change.
    fixture.remove("ja/hoaxes/beta.md");
    fixture.remove("en/hoaxes/beta.md");
    const { problems } = loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true });
    const lines = problems.map(formatProblem).join("\n");
    assert.match(lines, /content\/ja\/advisories\/alpha\.md:23:1 .*link to unknown hoax "beta"/);
    assert.match(lines, /content\/en\/advisories\/alpha\.md:13:1 .*link to unknown hoax "beta"/);
    assert.deepEqual(problems, loadContent({ root: fixture.dir, contentDir: fixture.content }).problems, "the same report as without the cache");
  });
});

test("an unchanged translation that no longer agrees with its edited source is reported with both positions", () => {
  withFixture((fixture) => {
    assert.ok(loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true }).site);
    fixture.write("ja/hoaxes/beta.md", MINIMAL["ja/hoaxes/beta.md"]!.replace("file: BETA.EXE", "file: GAMMA.EXE"));
    const { problems, cacheUse } = loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true });
    assert.equal(cacheUse?.reused, cacheUse!.files - 1, "the translation came from the cache");
    const lines = problems.map(formatProblem).join("\n");
    assert.deepEqual(problems, loadContent({ root: fixture.dir, contentDir: fixture.content }).problems, "the same report as without the cache");
    assert.match(lines, /content\/en\/hoaxes\/beta\.md:6:7 .*"BETA\.EXE" disagrees with the ja source content\/ja\/hoaxes\/beta\.md:9 \("GAMMA\.EXE"\)/);
  }, { "en/hoaxes/beta.md": MINIMAL["en/hoaxes/beta.md"]!.replace("names: [BETA.EXE]\n", "names: [BETA.EXE]\nfile: BETA.EXE\n") });
});

test("a file made invalid is reported at its field, every time (invalid files are never cached)", () => {
  withFixture((fixture) => {
    assert.ok(loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true }).site);
    fixture.write("ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!.replace("severity: critical", "severity: catastrophic"));
    for (let run = 0; run < 2; run++) {
      const { problems } = loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true });
      assert.equal(problems.length, 1, problems.map(formatProblem).join("\n"));
      assert.equal(problems[0]!.line, 13);
      assert.equal(problems[0]!.field, "severity");
    }
  });
});

test("a link to the site's own origin is found with a warm cache too, whatever origin the cache was written with", () => {
  withFixture((fixture) => {
    fixture.write("ja/advisories/alpha.md", `${MINIMAL["ja/advisories/alpha.md"]!}\n[ベータ](https://advisories.example.jp/ja/hoaxes/beta/)\n`);
    // The dev server's origin first: there the link is external, and valid.
    assert.ok(loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true, siteUrl: "http://localhost:8080" }).site);
    const problems = loadContent({ root: fixture.dir, contentDir: fixture.content, cache: true, siteUrl: "https://advisories.example.jp" }).problems;
    assert.deepEqual(problems.map((p) => [p.file, p.code]), [["content/ja/advisories/alpha.md", "link.own-site"]]);
  });
});

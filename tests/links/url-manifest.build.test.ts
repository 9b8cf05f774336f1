/**
 * No published URL vanishes by accident: the manifest check, aliases that become redirects (also under
 * PATH_PREFIX), and alias validation reported like any content error.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MINIMAL, makeFixture } from "../helpers/fixtures.ts";
import { buildTestSite, siteAt } from "../helpers/site.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { settingsFor } from "../helpers/settings.ts";
import { publishedUrls, readManifest, writeManifest, UrlRemovedError } from "../../src/links/url-manifest.ts";
import { ContentError, formatProblem } from "../../src/data/problems.ts";

const alpha = MINIMAL["ja/advisories/alpha.md"]!;

/** A fixture whose manifest records the URLs of its first build. */
async function fixtureWithManifest() {
  const fixture = makeFixture();
  const first = await buildTestSite({ contentDir: fixture.content });
  writeManifest(fixture.content, publishedUrls(first.dir));
  return fixture;
}

test("removing a page without an alias fails the build, naming the URL and both fixes", async () => {
  const fixture = await fixtureWithManifest();
  try {
    fixture.remove("ja/hoaxes/beta.md");
    fixture.remove("en/hoaxes/beta.md");
    fixture.write("ja/advisories/alpha.md", alpha.replace("related: [beta]", "related: []").replace("[ベータ](hoax:beta)", "ベータ"));
    fixture.write("en/advisories/alpha.md", MINIMAL["en/advisories/alpha.md"]!.replace("[Beta](hoax:beta)", "Beta"));
    const output = join(mkdtempSync(join(tmpdir(), "keikoku-m-")), "_site");
    await assert.rejects(buildSite(settingsFor({ contentDir: fixture.content }), { output }), (error: unknown) => {
      assert.ok(error instanceof UrlRemovedError);
      assert.ok(error.removed.includes("/ja/hoaxes/beta/") && error.removed.includes("/en/hoaxes/beta/"));
      assert.ok(error.removed.includes("/.well-known/csaf/2004/keikoku-2004-beta.json"), "CSAF documents are protected too");
      assert.match(error.message, /✖ \/ja\/hoaxes\/beta\/ is listed in content\/url-manifest\.txt but the site would no longer publish it — add "\/ja\/hoaxes\/beta\/" to the aliases of the entry that replaced it, or accept the removal with: npm run urls -- --accept-removal \/ja\/hoaxes\/beta\//);
      return true;
    });

    // The hoax's CSAF documents are data, not pages: their removal is accepted explicitly.
    assert.match(String(await buildSite(settingsFor({ contentDir: fixture.content }), { output }).catch((e: Error) => e.message)), /keikoku-2004-beta\.json is listed .* — restore what produced it, or accept the removal/);
    writeManifest(fixture.content, readManifest(fixture.content)!.filter((u) => !u.includes("/csaf/2004/keikoku-2004-beta")));
    // Adding the old URLs as aliases of the entry that replaced them makes the build pass again.
    fixture.write("ja/advisories/alpha.md", alpha.replace("related: [beta]", "related: []\naliases: [/ja/hoaxes/beta/, /en/hoaxes/beta/]").replace("[ベータ](hoax:beta)", "ベータ"));
    const built = await buildSite(settingsFor({ contentDir: fixture.content }), { output });
    assert.ok(built.pages > 10);
    const site = siteAt(output);
    const $ = site.page("/en/hoaxes/beta/");
    assert.equal($("meta[http-equiv=refresh]").attr("content"), "0; url=/en/advisories/alpha/");
    assert.equal($("link[rel=canonical]").attr("href"), "http://localhost:8080/en/advisories/alpha/");
    assert.equal($("main a").attr("href"), "/en/advisories/alpha/");
    assert.equal(site.file("/_redirects"), "/en/hoaxes/beta/ /en/advisories/alpha/ 301\n/ja/hoaxes/beta/ /ja/advisories/alpha/ 301\n");
  } finally {
    fixture.cleanup();
  }
});

test("redirects work under PATH_PREFIX", async () => {
  const fixture = makeFixture({ "ja/advisories/alpha.md": alpha.replace("related: [beta]", "related: [beta]\naliases: [/ja/old/alpha.html]") });
  try {
    const site = await buildTestSite({ contentDir: fixture.content, env: { PATH_PREFIX: "/security/" } });
    const $ = site.page("/ja/old/alpha.html");
    assert.equal($("meta[http-equiv=refresh]").attr("content"), "0; url=/security/ja/advisories/alpha/");
    assert.equal($("main a").attr("href"), "/security/ja/advisories/alpha/");
    assert.equal(site.file("/_redirects"), "/security/ja/old/alpha.html /security/ja/advisories/alpha/ 301\n");
  } finally {
    fixture.cleanup();
  }
});

test("new pages are reported, not silently added to the manifest", async () => {
  const fixture = await fixtureWithManifest();
  try {
    fixture.write("ja/hoaxes/gamma.md", MINIMAL["ja/hoaxes/beta.md"]!);
    const site = await buildTestSite({ contentDir: fixture.content });
    // The command names the site folder when it is not the default content/.
    assert.ok(site.notices.some((n) => /^\d+ new URLs are not in content\/url-manifest\.txt yet .*npm run urls -- --update --content \S+$/.test(n)), site.notices.join("\n"));
  } finally {
    fixture.cleanup();
  }
});

test("an alias used by two entries is reported on the second", async () => {
  const fixture = makeFixture({
    "ja/advisories/alpha.md": alpha.replace("related: [beta]", "related: [beta]\naliases: [/ja/old/]"),
    "ja/hoaxes/beta.md": MINIMAL["ja/hoaxes/beta.md"]!.replace("names: [BETA.EXE]", "names: [BETA.EXE]\naliases: [/ja/old/]"),
  });
  try {
    await assert.rejects(buildTestSite({ contentDir: fixture.content }), /content\/ja\/hoaxes\/beta\.md:\d+:\d+ aliases\[0\]: alias "\/ja\/old\/" is also an alias in content\/ja\/advisories\/alpha\.md/);
  } finally {
    fixture.cleanup();
  }
});

test("aliases are validated: inside the site, no collision with a page or another alias", async () => {
  const fixture = makeFixture({
    "ja/advisories/alpha.md": alpha.replace("related: [beta]", "related: [beta]\naliases: [/ja/hoaxes/beta/, ../etc/passwd, /ja/old/, /ja/old/, /ja/no-slash]"),
  });
  try {
    await assert.rejects(buildTestSite({ contentDir: fixture.content }), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      const report = error.problems.map(formatProblem).join("\n");
      assert.match(report, /alpha\.md:20:11 aliases\[0\]: alias "\/ja\/hoaxes\/beta\/" is the URL of a real page/);
      assert.match(report, /alpha\.md:20:29 aliases\[1\]: invalid alias "\.\.\/etc\/passwd" — an alias is a path inside this site/);
      assert.match(report, /alpha\.md:20:54 aliases\[3\]: "\/ja\/old\/" is listed twice — remove the repeat/);
      assert.equal(error.problems.length, 4, report);
      assert.match(report, /aliases\[4\]: alias "\/ja\/no-slash" must end in "\/" or "\.html"/);
      return true;
    });
  } finally {
    fixture.cleanup();
  }
});

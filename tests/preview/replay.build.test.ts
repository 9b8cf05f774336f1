/**
 * The dev server's updates are a clean build's output: a scripted sequence of saves (edit text, edit a title,
 * change a date, add an entry, break a file and fix it, save twice while search catches up, rename an entry,
 * delete it, change the products) is replayed against a running dev server, and after each save its folder is
 * compared, file by file and byte for byte (the search bundle and the CSAF directory included), with a clean
 * build of the same content.
 *
 * Each step also says how the dev server got there: an edit must be an update of some pages ("update"), not a
 * whole build, or the comparison would prove nothing about the updates.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/fixtures.ts";
import { settingsFor } from "../helpers/settings.ts";
import { treeDifferences } from "../helpers/tree.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { startDevServer, type UpdateKind } from "../../src/preview/dev-server.ts";
import { freePort } from "../../src/headless/free-port.ts";

interface Step {
  name: string;
  /** Changes the site folder. */
  save(site: Files): void | Promise<void>;
  /** How the dev server must bring its folder up to date. */
  expect: UpdateKind | "refused";
  /** The languages whose search index the update writes again, as its log line names them (only those with a changed page). */
  search?: string;
}

interface Files {
  edit(path: string, from: string, to: string): void;
  write(path: string, text: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  read(path: string): string;
}

const NEW_HOAX = "ja/hoaxes/replay-test.md";
const RENAMED_HOAX = "ja/hoaxes/replay-test-renamed.md";
/** What the dev server printed since the step began. */
const logged: string[] = [];

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out; the dev server printed:\n${logged.join("\n")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const STEPS: Step[] = [
  { name: "edit the text of an advisory", expect: "update", search: "ja", save: (s) => s.edit("ja/advisories/sasser.md", "ウイルスの感染や駆除については、", "ウイルスの感染や駆除（再現テスト）については、") },
  { name: "edit a title", expect: "update", search: "en", save: (s) => s.edit("en/advisories/ms04-011.md", 'title: "MS04-011: Security Update for Microsoft Windows (835732)"', 'title: "MS04-011: Security Update for Windows (835732)"') },
  {
    name: "change a date",
    expect: "update",
    save: (s) => s.edit("ja/hoaxes/budweiser-frogs.md", "published: 2004-05-08\nrevisions:\n  - number: 1\n    date: 2004-05-08", "published: 2004-05-07\nrevisions:\n  - number: 1\n    date: 2004-05-07"),
  },
  {
    name: "add an entry",
    expect: "update",
    save: (s) => s.write(NEW_HOAX, s.read("ja/hoaxes/budweiser-frogs.md").replace("title: 「Budweiser Frogs」ウイルスのデマ", "title: 再現テストのデマ")),
  },
  { name: "break a file", expect: "refused", save: (s) => s.edit(NEW_HOAX, "kind: hoax", "kind: hoaxes") },
  { name: "fix it", expect: "update", save: (s) => s.edit(NEW_HOAX, "kind: hoaxes", "kind: hoax") },
  {
    name: "two saves, the second while the first one's search and CSAF are being written",
    expect: "update",
    save: async (s) => {
      s.edit("en/hoaxes/good-times.md", "hoax", "hoax (replayed)");
      await waitFor(() => logged.some((line) => line.includes("search and CSAF follow")));
      s.edit("ja/advisories/measures.md", "## ", "## （再現）");
      await waitFor(() => logged.filter((line) => line.includes("search and CSAF follow")).length === 2);
    },
  },
  { name: "rename an entry", expect: "update", save: (s) => s.rename(NEW_HOAX, RENAMED_HOAX) },
  { name: "delete an entry", expect: "update", save: (s) => s.remove(RENAMED_HOAX) },
  { name: "change a product's name (every page shows products)", expect: "build", save: (s) => s.edit("products.yaml", "ja: Windows XP", "ja: Windows XP（再現テスト）") },
];

test("after every save, the dev server's folder equals a clean build of the same content", { timeout: 300_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), "keikoku-replay-"));
  const content = join(tmp, "content");
  cpSync(join(ROOT, "content"), content, { recursive: true });
  const files: Files = {
    read: (path) => readFileSync(join(content, path), "utf8"),
    write: (path, text) => writeFileSync(join(content, path), text),
    remove: (path) => unlinkSync(join(content, path)),
    rename: (from, to) => renameSync(join(content, from), join(content, to)),
    edit(path, from, to) {
      const text = this.read(path);
      assert.ok(text.includes(from), `${path} holds "${from}"`);
      this.write(path, text.replace(from, to));
    },
  };
  const settings = settingsFor({ contentDir: content });
  const devOutput = join(tmp, "dev", "_site");
  const server = await startDevServer({ settings, output: devOutput, port: await freePort(), log: (line) => logged.push(line) });
  try {
    let cleanOutput = join(tmp, "clean-0", "_site");
    await buildSite(settings, { output: cleanOutput, checkUrls: false });
    assert.deepEqual(treeDifferences(devOutput, cleanOutput), [], "the first build equals a clean build");

    for (const [i, step] of STEPS.entries()) {
      logged.length = 0;
      await step.save(files);
      // The watcher's event may come late on a busy machine: settled() can only wait for what the server has seen.
      await waitFor(() => logged.length > 0);
      const kind = await server.settled();
      if (step.expect === "refused") {
        assert.ok(logged.some((line) => line.includes("replay-test.md")), `${step.name}: the problem is reported:\n${logged.join("\n")}`);
        // The folder is left as it was: it still equals the last clean build.
      } else {
        assert.equal(kind, step.expect, `${step.name}: the dev server ${kind === "build" ? "built everything" : "updated some pages"}:\n${logged.join("\n")}`);
        if (step.search) assert.ok(logged.some((line) => line.includes(`search updated (${step.search}) in`)), `${step.name}: search written again for ${step.search} only:\n${logged.join("\n")}`);
        rmSync(join(tmp, `clean-${i}`), { recursive: true, force: true });
        cleanOutput = join(tmp, `clean-${i + 1}`, "_site");
        await buildSite(settings, { output: cleanOutput, checkUrls: false });
      }
      assert.deepEqual(treeDifferences(devOutput, cleanOutput), [], `${step.name}: the dev server's folder equals a clean build\n${logged.join("\n")}`);
    }
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

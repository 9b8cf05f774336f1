/**
 * The CSAF worker writes the provider directory itself (src/csaf/write-files.ts): a build replaces the directory,
 * a dev-server update writes only the files whose digest changed and deletes those gone, and output with
 * problems writes nothing (the build fails; the folder stays as it was).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeProviderFiles } from "../../src/csaf/write-files.ts";
import type { CsafOutput } from "../../src/csaf/generate.ts";
import type { CsafProblem } from "../../src/csaf/validate.ts";

const DOC_A = ".well-known/csaf/2004/keikoku-2004-a.json";
const DOC_B = ".well-known/csaf/2004/keikoku-2004-b.json";
const INDEX = ".well-known/csaf/index.txt";

const output = (files: Record<string, string>, errors: CsafProblem[] = []): CsafOutput => ({ files: new Map(Object.entries(files)), documents: [], dataProblems: [], errors, warnings: [], notes: [] });

function withDir(use: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "keikoku-csaf-write-"));
  try {
    use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a build replaces the provider directory: a stale document of a deleted entry goes", () =>
  withDir((dir) => {
    mkdirSync(join(dir, ".well-known/csaf/2003"), { recursive: true });
    writeFileSync(join(dir, ".well-known/csaf/2003/keikoku-2003-gone.json"), "{}");
    const written = writeProviderFiles(output({ [DOC_A]: '{"a":1}', [INDEX]: "2004/keikoku-2004-a.json\n" }), { dir });
    assert.equal(written.written, 2);
    assert.deepEqual([...written.files.keys()], [DOC_A, INDEX]);
    assert.equal(readFileSync(join(dir, DOC_A), "utf8"), '{"a":1}');
    assert.ok(!existsSync(join(dir, ".well-known/csaf/2003")));
  }));

test("an update writes only the files whose content changed and deletes the ones gone", () =>
  withDir((dir) => {
    const first = writeProviderFiles(output({ [DOC_A]: '{"a":1}', [DOC_B]: '{"b":1}', [INDEX]: "a\nb\n" }), { dir });
    writeFileSync(join(dir, DOC_A), '{"a":"left alone"}'); // proves DOC_A is not written again
    const update = writeProviderFiles(output({ [DOC_A]: '{"a":1}', [INDEX]: "a\n" }), { dir, previous: first.files });
    assert.equal(update.written, 1, "only index.txt changed");
    assert.deepEqual(update.removedPaths, [DOC_B]);
    assert.equal(readFileSync(join(dir, DOC_A), "utf8"), '{"a":"left alone"}');
    assert.equal(readFileSync(join(dir, INDEX), "utf8"), "a\n");
    assert.ok(!existsSync(join(dir, DOC_B)));
  }));

test("output with an invalid document writes and deletes nothing", () =>
  withDir((dir) => {
    const first = writeProviderFiles(output({ [DOC_A]: '{"a":1}' }), { dir });
    const error: CsafProblem = { severity: "error", file: "content/ja/advisories/a.md", output: DOC_A, test: "mandatory", path: "/document", message: "invalid" };
    const failed = writeProviderFiles(output({}, [error]), { dir, previous: first.files });
    assert.equal(failed.written, 0);
    assert.deepEqual(failed.removedPaths, []);
    assert.equal(readFileSync(join(dir, DOC_A), "utf8"), '{"a":1}');
    const build = writeProviderFiles(output({}, [error]), { dir });
    assert.equal(build.written, 0);
    assert.ok(existsSync(join(dir, DOC_A)), "a failed build's CSAF step does not clear the folder either");
  }));

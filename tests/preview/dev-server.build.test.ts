/**
 * The live preview recovers: the dev server serves the site, shows the error report (in the page's
 * language) in place of every page while a file is broken, and the site again after the fix.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { get } from "node:http";
import { MINIMAL, makeFixture, ROOT } from "../helpers/fixtures.ts";
import { freePort } from "../../src/headless/free-port.ts";


/** A GET as a browser navigation (fetch() may not set sec-fetch-mode; the dev server injects live reload only then). */
function navigate(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

async function poll(url: string, until: (status: number, body: string) => boolean, timeoutMs = 60_000): Promise<{ status: number; body: string }> {
  const end = Date.now() + timeoutMs;
  let last = { status: 0, body: "" };
  while (Date.now() < end) {
    try {
      last = await navigate(url);
      if (until(last.status, last.body)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}; last status ${last.status}: ${last.body.slice(0, 300)}`);
}

let child: ChildProcess | undefined;
after(() => {
  if (child?.exitCode === null) child.kill("SIGTERM");
});

test("the dev server shows the error report while content is broken and recovers on the next good save", async () => {
  const fixture = makeFixture();
  const port = await freePort();
  const output = join(mkdtempSync(join(tmpdir(), "keikoku-dev-")), "_site");
  child = spawn(process.execPath, ["--import", "tsx", "src/cli/run.ts", "start"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KEIKOKU_CONTENT: fixture.content, KEIKOKU_OUTPUT: output },
    stdio: "ignore",
    detached: true,
  });
  const page = `http://localhost:${port}/ja/advisories/alpha/`;
  try {
    const ok = await poll(page, (s, b) => s === 200 && b.includes("アルファ ワーム"));
    assert.match(ok.body, /reload-client\.js/, "live reload is injected");
    const search = await fetch(`http://localhost:${port}/pagefind/pagefind.js`);
    assert.equal(search.status, 200, "search works in the dev server");

    fixture.write("ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!.replace("affected: [windows-2000, windows-xp]", "affected: [windows-2001]"));
    const broken = await poll(page, (s) => s === 500);
    assert.match(broken.body, /<html lang="ja">/);
    assert.match(broken.body, /コンテンツにエラーがあります/);
    assert.match(broken.body, /alpha\.md:14:12 affected\[0\]: 不明な製品 &#34;windows-2001&#34; です/);
    assert.match(broken.body, /reload-client\.js/, "the error page reloads itself after the fix");
    const english = await navigate(`http://localhost:${port}/en/advisories/alpha/`);
    assert.equal(english.status, 500);
    assert.match(english.body, /The content has errors/);

    fixture.write("ja/advisories/alpha.md", MINIMAL["ja/advisories/alpha.md"]!.replace("アルファ ワーム", "アルファ ワーム改"));
    const recovered = await poll(page, (s, b) => s === 200 && b.includes("アルファ ワーム改"));
    assert.equal(recovered.status, 200);
  } finally {
    try {
      if (child?.pid) process.kill(-child.pid, "SIGTERM"); // the dev server and its Eleventy child
    } catch {
      // already gone
    }
    fixture.cleanup();
  }
});

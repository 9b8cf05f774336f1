/**
 * `npm start`: build the site and serve it on http://localhost:8080 (or $PORT) with live reload.
 * Eleventy watches content/, layouts/ and public/ and rebuilds (search index included). TypeScript
 * modules are cached by Node once loaded, so a change under src/ or to .eleventy.ts restarts the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const port = process.env.PORT ?? "8080";
const output = process.env.KEIKOKU_OUTPUT ?? "_site";
// The CLI entry is not in the package's exports map; it sits next to the main entry.
const eleventyCli = join(dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");
let child: ChildProcess | undefined;
let restarting = false;

function start(): void {
  child = spawn(process.execPath, ["--import", "tsx", eleventyCli, "--config=.eleventy.ts", "--serve", `--port=${port}`, `--output=${output}`], {
    stdio: "inherit",
    env: { ...process.env, KEIKOKU_DEV: "1" },
  });
  child.on("exit", (code) => {
    if (!restarting) process.exit(code ?? 0);
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;
function restart(file: string): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`[keikoku] ${file} changed: restarting the dev server`);
    restarting = true;
    child?.once("exit", () => {
      restarting = false;
      start();
    });
    child?.kill("SIGTERM");
  }, 150);
}

watch("src", { recursive: true }, (_event, file) => {
  if (file && /\.(ts|json)$/.test(file) && !file.startsWith("search/browser/")) restart(`src/${file}`);
});
watch(".", (_event, file) => {
  if (file === ".eleventy.ts") restart(file);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    restarting = true;
    child?.kill(signal);
    process.exit(0);
  });
}
start();

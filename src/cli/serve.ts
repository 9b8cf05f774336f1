/**
 * `npm start`: build the site and serve it on http://localhost:8080 (--port, or $PORT) with live reload.
 * The dev server (dev-server.ts) runs in a child process: Node caches TypeScript modules once loaded, so a
 * change under src/ or to .eleventy.ts restarts it, and so does the site's site.yaml (the settings); saves of
 * the site folder, layouts/ and public/ update the site.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { KEIKOKU_ROOT } from "../settings/paths.ts";
import { parseCommand, siteDirOf, type CommandIo } from "./command.ts";
import { SITE_FILE } from "../data/site-files.ts";
import { DEV_SERVER } from "./dev-server.ts";

export async function main(argv: string[], io: CommandIo): Promise<number> {
  // Wrong usage is reported here, once, not by every restart of the child.
  const parsed = parseCommand(DEV_SERVER, argv, io);
  if (typeof parsed === "number") return parsed;

  let child: ChildProcess | undefined;
  let restarting = false;
  let stopped = false;
  const watchers: FSWatcher[] = [];
  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      for (const w of watchers) w.close();
      resolve(code);
    };
    const start = () => {
      child = spawn(process.execPath, ["--import", "tsx", join(KEIKOKU_ROOT, "src/cli/run.ts"), "dev-server", ...argv], { stdio: "inherit", cwd: io.cwd, env: io.env });
      child.on("exit", (code) => {
        if (!restarting && !stopped) finish(code ?? 0);
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = (file: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        io.stdout(`[keikoku] ${file} changed: restarting the dev server\n`);
        restarting = true;
        child?.once("exit", () => {
          restarting = false;
          start();
        });
        child?.kill("SIGTERM");
      }, 150);
    };
    watchers.push(
      watch(join(KEIKOKU_ROOT, "src"), { recursive: true }, (_event, file) => {
        if (file && /\.(ts|json)$/.test(file) && !file.startsWith("search/browser/")) restart(`src/${file}`);
      }),
      watch(KEIKOKU_ROOT, (_event, file) => {
        if (file === ".eleventy.ts") restart(file);
      }),
    );
    // The settings are read once, when the dev server starts. (A missing site folder is the child's to report.)
    const siteDir = siteDirOf(parsed.values, io);
    if (existsSync(siteDir)) {
      watchers.push(
        watch(siteDir, (_event, file) => {
          if (file === SITE_FILE) restart(file);
        }),
      );
    }
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        stopped = true;
        child?.kill(signal);
        finish(0);
      });
    }
    start();
  });
}

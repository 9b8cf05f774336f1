/**
 * Every command by the name `npm run` knows it under, loaded only when it runs (a check never loads Eleventy).
 * src/cli/run.ts runs one for Node; tests run them in-process (tests/helpers/run-command.ts).
 */
import type { Command } from "./command.ts";

export const COMMANDS: Record<string, () => Promise<{ main: Command }>> = {
  build: () => import("./build.ts"),
  check: () => import("./check.ts"),
  start: () => import("./serve.ts"),
  "dev-server": () => import("./dev-server.ts"),
  urls: () => import("./urls.ts"),
  new: () => import("./new.ts"),
  "i18n:status": () => import("./i18n-status.ts"),
  schemas: () => import("./schemas.ts"),
  import: () => import("./import.ts"),
  screenshots: () => import("./screenshots.ts"),
  remove: () => import("./remove.ts"),
  "fix-ids": () => import("./fix-ids.ts"),
  fuzz: () => import("./fuzz.ts"),
};

/**
 * Stage 1, list-files: every content file of the site folder, named by its path (`ja/advisories/sasser.md`
 * → lang ja, folder advisories, id sasser), and a problem for anything that does not belong in the tree.
 * The site's own files beside the content (site.yaml, url-manifest.txt, public/) are left alone.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { LANGS, type Lang } from "../../i18n/languages.ts";
import { PAGE_PATHS } from "../../routes/routes.ts";
import { displayPath } from "../display-path.ts";
import { didYouMean, type ProblemParams } from "../problems.ts";
import type { HintCode, ProblemCode } from "../../i18n/problem-text.ts";
import { SITE_FILES } from "../site-files.ts";
import { FOLDERS, keyOf, type Folder, type LoadState } from "./state.ts";

export function listFiles(state: LoadState): void {
  const { root, contentDir, problems } = state;
  const rel = (p: string) => displayPath(root, contentDir, p);
  const misplaced = (path: string, code: ProblemCode, params: ProblemParams, hint: HintCode) =>
    problems.push({ file: rel(path), line: 1, column: 1, field: "(file)", code, params, hint });
  for (const langDir of readdirSync(contentDir).sort()) {
    const langPath = join(contentDir, langDir);
    if (langDir.startsWith(".") || SITE_FILES.has(langDir)) continue;
    if (!(LANGS as readonly string[]).includes(langDir) || !statSync(langPath).isDirectory()) {
      misplaced(langPath, "folder.unexpected-language", { name: langDir, langs: LANGS }, "folder.languages");
      continue;
    }
    for (const folder of readdirSync(langPath).sort()) {
      const folderPath = join(langPath, folder);
      if (folder.startsWith(".")) continue;
      if (!(FOLDERS as readonly string[]).includes(folder) || !statSync(folderPath).isDirectory()) {
        const guess = didYouMean(folder, FOLDERS);
        misplaced(folderPath, "folder.unexpected", { name: folder, lang: langDir, folders: FOLDERS, ...(guess ? { suggestion: guess } : {}) }, guess ? "did-you-mean" : "folder.use");
        continue;
      }
      for (const name of readdirSync(folderPath).sort()) {
        const path = join(folderPath, name);
        if (name.startsWith(".")) continue;
        const match = /^(.*)\.md$/.exec(name);
        if (!match || !statSync(path).isFile()) {
          misplaced(path, "file.not-markdown", { name }, "file.not-markdown");
          continue;
        }
        const id = match[1]!;
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
          misplaced(path, "file.invalid-id", { id }, "file.invalid-id");
          continue;
        }
        if (folder === "pages" && !(id in PAGE_PATHS)) {
          misplaced(path, "page.unknown", { id, pages: Object.keys(PAGE_PATHS) }, "page.unknown");
          continue;
        }
        state.listed.push({ path, lang: langDir as Lang, folder: folder as Folder, id });
        state.present.add(keyOf(langDir, folder, id));
      }
    }
  }
}

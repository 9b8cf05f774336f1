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
import { didYouMean } from "../problems.ts";
import { SITE_FILES } from "../site-files.ts";
import { FOLDERS, keyOf, type Folder, type LoadState } from "./state.ts";

export function listFiles(state: LoadState): void {
  const { root, contentDir, problems } = state;
  const rel = (p: string) => displayPath(root, contentDir, p);
  const misplaced = (path: string, message: string, hint: string) =>
    problems.push({ file: rel(path), line: 1, column: 1, field: "(file)", message, hint });
  for (const langDir of readdirSync(contentDir).sort()) {
    const langPath = join(contentDir, langDir);
    if (langDir.startsWith(".") || SITE_FILES.has(langDir)) continue;
    if (!(LANGS as readonly string[]).includes(langDir) || !statSync(langPath).isDirectory()) {
      misplaced(langPath, `unexpected "${langDir}" in content/`, `content/ holds one folder per language: ${LANGS.join(", ")}`);
      continue;
    }
    for (const folder of readdirSync(langPath).sort()) {
      const folderPath = join(langPath, folder);
      if (folder.startsWith(".")) continue;
      if (!(FOLDERS as readonly string[]).includes(folder) || !statSync(folderPath).isDirectory()) {
        const guess = didYouMean(folder, FOLDERS);
        misplaced(folderPath, `unexpected "${folder}" in content/${langDir}/`, guess ? `did you mean "${guess}"?` : `use ${FOLDERS.join(", ")}`);
        continue;
      }
      for (const name of readdirSync(folderPath).sort()) {
        const path = join(folderPath, name);
        if (name.startsWith(".")) continue;
        const match = /^(.*)\.md$/.exec(name);
        if (!match || !statSync(path).isFile()) {
          misplaced(path, `"${name}" is not a Markdown file`, "content files end in .md");
          continue;
        }
        const id = match[1]!;
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
          misplaced(path, `invalid id "${id}" in the file name`, "file names are the id: lower-case ASCII letters, digits and single hyphens, e.g. ms04-011.md");
          continue;
        }
        if (folder === "pages" && !(id in PAGE_PATHS)) {
          misplaced(path, `unknown page "${id}"`, `pages are: ${Object.keys(PAGE_PATHS).join(", ")}`);
          continue;
        }
        state.listed.push({ path, lang: langDir as Lang, folder: folder as Folder, id });
        state.present.add(keyOf(langDir, folder, id));
      }
    }
  }
}

/**
 * The URL manifest (content/url-manifest.txt): every URL the site has published, committed with the
 * content. A build that would drop a listed URL fails, naming the URL and the two ways out (an alias, or an
 * explicit `npm run urls -- --accept-removal URL`). New URLs are reported and recorded only by
 * `npm run urls -- --update`, never silently.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { walkFiles } from "./walk-files.ts";
import { displayPath } from "../data/display-path.ts";
import { MANIFEST_NAME } from "../data/site-files.ts";

export { MANIFEST_NAME };

/** The comment that opens every manifest. */
export const MANIFEST_HEADER = [
  "# Every URL this site publishes (without PATH_PREFIX). A build fails if one of them would disappear.",
  "# Update with `npm run urls -- --update`; accept a removal with `npm run urls -- --accept-removal URL`.",
];

/**
 * Files that are part of the public interface; search bundles and assets change with every build, and
 * security.txt is there only while the deployment's settings give it an expiry (src/settings/security-txt-expiry.ts).
 */
function isPublished(path: string): boolean {
  if (path.startsWith("/pagefind/") || path.startsWith("/assets/") || /\/search\/identifiers(?:\.json$|\/)/.test(path)) return false;
  if (path === "/.well-known/security.txt") return false;
  return /\.(html|xml|json|txt|csv|sha256|sha512|asc)$/.test(path) || path.endsWith("/");
}

/** Published URLs of a built site folder, as site paths (`/ja/advisories/sasser/`), sorted. */
export function publishedUrls(siteDir: string): string[] {
  return walkFiles(siteDir)
    .map((path) => `/${relative(siteDir, path).split("\\").join("/")}`.replace(/(^|\/)index\.html$/, "$1"))
    .filter(isPublished)
    .sort();
}

export function readManifest(contentDir: string): string[] | undefined {
  const file = join(contentDir, MANIFEST_NAME);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

export function writeManifest(contentDir: string, urls: string[]): void {
  writeFileSync(join(contentDir, MANIFEST_NAME), [...MANIFEST_HEADER, ...[...new Set(urls)].sort()].join("\n") + "\n");
}

export interface ManifestComparison {
  removed: string[];
  added: string[];
}

export function compareManifest(listed: string[], current: string[]): ManifestComparison {
  const now = new Set(current);
  const before = new Set(listed);
  return { removed: listed.filter((u) => !now.has(u)), added: current.filter((u) => !before.has(u)) };
}

/** Pages can be kept alive by an alias (a redirect page); data files cannot. */
const isPage = (url: string) => url.endsWith("/") || url.endsWith(".html");

export class UrlRemovedError extends Error {
  constructor(readonly removed: string[], manifestFile: string) {
    super(
      removed
        .map((url) =>
          isPage(url)
            ? `✖ ${url} is listed in ${manifestFile} but the site would no longer publish it — add "${url}" to the aliases of the entry that replaced it, or accept the removal with: npm run urls -- --accept-removal ${url}`
            : `✖ ${url} is listed in ${manifestFile} but the site would no longer publish it — restore what produced it, or accept the removal with: npm run urls -- --accept-removal ${url}`,
        )
        .join("\n") + `\n✖ ${removed.length} published ${removed.length === 1 ? "URL" : "URLs"} would break; nothing was written.`,
    );
    this.name = "UrlRemovedError";
  }
}

/**
 * The build's last step: fails if a URL listed in the site's manifest would disappear; reports URLs not
 * listed yet, as notes.
 */
export function checkUrlManifest(settings: { root: string; siteDir: string }, siteDir: string): string[] {
  const name = displayPath(settings.root, settings.siteDir, join(settings.siteDir, MANIFEST_NAME));
  // The command to record them names the site folder unless it is the default one.
  const content = resolve(settings.siteDir) === resolve(settings.root, "content") ? "" : ` --content ${relative(settings.root, settings.siteDir) || "."}`;
  const listed = readManifest(settings.siteDir);
  if (!listed) return [`no ${MANIFEST_NAME} in the site folder: published URLs are not protected (npm run urls -- --update${content} creates it)`];
  const { removed, added } = compareManifest(listed, publishedUrls(siteDir));
  if (removed.length) throw new UrlRemovedError(removed, name);
  return added.length ? [`${added.length} new ${added.length === 1 ? "URL is" : "URLs are"} not in ${name} yet (${added.slice(0, 3).join(", ")}${added.length > 3 ? ", …" : ""}); record them with npm run urls -- --update${content}`] : [];
}

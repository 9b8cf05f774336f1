/**
 * The files of a site folder that are not content: the settings, the URL manifest, the site's static files.
 * The data layer leaves them alone; src/settings and src/links read them.
 */
export const SITE_FILE = "site.yaml";
export const MANIFEST_NAME = "url-manifest.txt";
export const PUBLIC_DIR = "public";

export const SITE_FILES: ReadonlySet<string> = new Set([SITE_FILE, MANIFEST_NAME, PUBLIC_DIR]);

/**
 * The files of a site folder beside the content: the settings, the URL manifest, the site's static files,
 * the product vocabulary. src/settings, src/links and the data layer's read-products stage read them.
 */
export const SITE_FILE = "site.yaml";
export const MANIFEST_NAME = "url-manifest.txt";
export const PUBLIC_DIR = "public";
/** The site's product vocabulary (read by the data layer's read-products stage). */
export const PRODUCTS_FILE = "products.yaml";

export const SITE_FILES: ReadonlySet<string> = new Set([SITE_FILE, MANIFEST_NAME, PUBLIC_DIR, PRODUCTS_FILE]);

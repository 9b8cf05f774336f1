/**
 * Site-wide settings, from the environment so that a partner can mirror the site without editing code.
 *   PATH_PREFIX=/security/  serve the whole site under /security/
 *   SITE_URL=https://advisories.example.jp  the absolute origin for feeds, canonical links and the sitemap
 */
export interface SiteConfig {
  /** Always starts and ends with "/". */
  pathPrefix: string;
  /** Origin without a trailing slash. */
  siteUrl: string;
  /** The build's date for "generated" stamps: from SOURCE_DATE_EPOCH, else the content's last update. */
  sourceDateEpoch?: number;
}

export function normalizePathPrefix(value: string | undefined): string {
  const trimmed = (value ?? "/").trim();
  if (!/^[A-Za-z0-9._~\/-]*$/.test(trimmed) || trimmed.split("/").includes("..")) {
    throw new Error(`PATH_PREFIX "${value}" is not a plain path — use something like /security/`);
  }
  const parts = trimmed.split("/").filter(Boolean);
  return parts.length ? `/${parts.join("/")}/` : "/";
}

export function normalizeSiteUrl(value: string | undefined): string {
  const url = new URL(value?.trim() || "http://localhost:8080");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`SITE_URL "${value}" must be an http(s) URL`);
  return url.origin;
}

export function readSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const epoch = env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) : undefined;
  return {
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
    siteUrl: normalizeSiteUrl(env.SITE_URL),
    ...(epoch !== undefined && Number.isFinite(epoch) ? { sourceDateEpoch: epoch } : {}),
  };
}

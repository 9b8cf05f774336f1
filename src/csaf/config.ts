/**
 * CSAF settings, from the environment like the rest of the site's settings (src/site/config.ts), so an
 * operator can publish under their own name without editing code:
 *   CSAF_TLP=WHITE|GREEN                    TLP label of every document (default WHITE)
 *   CSAF_PUBLISHER_NAME="…"                  document.publisher.name (default "Keikoku")
 *   CSAF_PUBLISHER_NAMESPACE=https://…       document.publisher.namespace (default: SITE_URL's origin)
 *   CSAF_SECURITY_CONTACT="mailto:… https://…"  security.txt Contact lines (default: the about page)
 *   CSAF_SECURITY_TXT_EXPIRES=2026-01-01     security.txt Expires (default: build date + 365 days)
 *   CSAF_OPENPGP_KEY_FILE=/path/key.asc      sign documents with this armored private key (see signing.ts)
 *   CSAF_OPENPGP_PASSPHRASE=…                its passphrase, if it has one
 */
import { readFileSync } from "node:fs";
import { readSiteConfig } from "../site/config.ts";
import type { Publisher, TlpLabel } from "./csaf-types.ts";

export interface CsafConfig {
  /** Origin without a trailing slash (SITE_URL). */
  siteUrl: string;
  /** Starts and ends with "/" (PATH_PREFIX). */
  pathPrefix: string;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH): the date stamped on generated files, when set. */
  sourceDateEpoch?: number;
  tlp: Extract<TlpLabel, "WHITE" | "GREEN">;
  publisher: Publisher;
  /** First part of every tracking id: KEIKOKU-2004-MS04-011. Changing it renames every published file. */
  idPrefix: string;
  /** security.txt Contact values (URIs). */
  securityContacts: string[];
  /** security.txt Expires override, `YYYY-MM-DD` or a full date-time. */
  securityTxtExpires?: string;
  /** An OpenPGP key to sign with; see signing.ts. */
  openpgpKeyFile?: string;
  /** Its passphrase, if it is protected. */
  openpgpPassphrase?: string;
  /** tracking.generator.engine. */
  engine: { name: string; version: string };
}

export class CsafConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`CSAF settings are invalid:\n  ${problems.join("\n  ")}`);
    this.name = "CsafConfigError";
  }
}

/** Keikoku's own version, for tracking.generator.engine.version. */
export const KEIKOKU_VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and checks every CSAF setting; throws one CsafConfigError listing every problem. */
export function readCsafConfig(env: NodeJS.ProcessEnv = process.env, options: { idPrefix?: string } = {}): CsafConfig {
  const site = readSiteConfig(env);
  const problems: string[] = [];

  const rawTlp = (env.CSAF_TLP ?? "WHITE").trim().toUpperCase();
  let tlp: CsafConfig["tlp"] = "WHITE";
  if (rawTlp === "WHITE" || rawTlp === "GREEN") tlp = rawTlp;
  else if (rawTlp === "AMBER" || rawTlp === "RED") {
    problems.push(`CSAF_TLP=${rawTlp}: TLP:${rawTlp} documents must be access-protected (CSAF 2.0 requirement 5), and this static site is public — publish them through an access-controlled CSAF provider, or set CSAF_TLP=WHITE or GREEN`);
  } else if (rawTlp === "CLEAR") {
    problems.push(`CSAF_TLP=CLEAR: CSAF 2.0 uses the TLP 1.0 labels — write CSAF_TLP=WHITE (TLP 2.0's CLEAR)`);
  } else {
    problems.push(`CSAF_TLP="${env.CSAF_TLP}" is not a TLP label — use WHITE (public, the default) or GREEN`);
  }

  const name = (env.CSAF_PUBLISHER_NAME ?? "Keikoku").trim();
  if (!name) problems.push(`CSAF_PUBLISHER_NAME is empty — set the publisher's name, or unset it to use "Keikoku"`);

  const rawNamespace = env.CSAF_PUBLISHER_NAMESPACE?.trim() || site.siteUrl;
  const namespaceUrl = httpUrl(rawNamespace);
  if (!namespaceUrl) problems.push(`CSAF_PUBLISHER_NAMESPACE="${rawNamespace}" is not an http(s) URL — use the publisher's web origin, e.g. https://advisories.example.jp`);

  const idPrefix = options.idPrefix ?? "KEIKOKU";
  if (!/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(idPrefix)) problems.push(`idPrefix "${idPrefix}" must be upper-case ASCII letters, digits and single hyphens, e.g. KEIKOKU`);

  const contacts = (env.CSAF_SECURITY_CONTACT ?? "").split(/[\s,]+/).filter(Boolean);
  for (const contact of contacts) {
    if (!/^(mailto:|tel:)\S+$/.test(contact) && !httpUrl(contact)) {
      problems.push(`CSAF_SECURITY_CONTACT: "${contact}" is not a mailto:, tel: or http(s) URI (RFC 9116 Contact)`);
    }
  }

  const expires = env.CSAF_SECURITY_TXT_EXPIRES?.trim();
  if (expires && Number.isNaN(Date.parse(expires))) problems.push(`CSAF_SECURITY_TXT_EXPIRES="${expires}" is not a date — write YYYY-MM-DD`);

  if (problems.length) throw new CsafConfigError(problems);
  return {
    siteUrl: site.siteUrl,
    pathPrefix: site.pathPrefix,
    ...(site.sourceDateEpoch !== undefined ? { sourceDateEpoch: site.sourceDateEpoch } : {}),
    tlp,
    // "other": the site republishes vendors' information; it is neither the vendor nor a coordinator (csaf.md §2.2).
    publisher: { category: "other", name, namespace: normalizeNamespace(namespaceUrl!) },
    idPrefix,
    // The about page says who publishes the site and how to reach them (DESIGN.md).
    securityContacts: contacts.length ? contacts : [`${site.siteUrl}${site.pathPrefix}ja/about/`],
    ...(expires ? { securityTxtExpires: expires } : {}),
    ...(env.CSAF_OPENPGP_KEY_FILE?.trim() ? { openpgpKeyFile: env.CSAF_OPENPGP_KEY_FILE.trim() } : {}),
    ...(env.CSAF_OPENPGP_PASSPHRASE ? { openpgpPassphrase: env.CSAF_OPENPGP_PASSPHRASE } : {}),
    engine: { name: "Keikoku", version: KEIKOKU_VERSION },
  };
}

/** The namespace SHOULD never change: write it one way (origin plus path, no trailing slash unless root). */
function normalizeNamespace(url: URL): string {
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${path}`;
}

/** The absolute URL of a site path (no leading slash): https://host/prefix/<path>. */
export function absoluteUrl(config: Pick<CsafConfig, "siteUrl" | "pathPrefix">, path: string): string {
  return `${config.siteUrl}${config.pathPrefix}${path.replace(/^\//, "")}`;
}

/**
 * What the CSAF step needs of the site's settings (src/settings): the publisher, the TLP label, the
 * tracking-id prefix, security.txt's contacts and expiry, and the signing key — derived, never read from
 * the environment here. The settings module has already checked every value.
 *   site.yaml publisher: { name: Example CSIRT, category: vendor }  →  document.publisher { category, name, namespace }
 */
import { readFileSync } from "node:fs";
import type { Settings } from "../settings/settings.ts";
import type { Publisher, TlpLabel } from "./csaf-types.ts";
import { noticeText } from "../i18n/problem-text.ts";

export interface CsafConfig {
  /** Origin without a trailing slash. */
  siteUrl: string;
  /** Starts and ends with "/". */
  pathPrefix: string;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH): the date stamped on generated files, when set. */
  sourceDateEpoch?: number;
  tlp: Extract<TlpLabel, "WHITE" | "GREEN">;
  publisher: Publisher;
  /** First part of every tracking id: KEIKOKU-2004-MS04-011. Changing it renames every published file. */
  idPrefix: string;
  /** security.txt Contact values (URIs). */
  securityContacts: string[];
  /** security.txt's Expires, `YYYY-MM-DD` or a full date-time; without it security.txt is not published. */
  securityTxtExpires?: string;
  /** What the settings say about that expiry (not set, or more than a year ahead), for the build report. */
  securityTxtNotice?: string;
  /** An OpenPGP key to sign with; see signing.ts. */
  openpgpKeyFile?: string;
  /** Its passphrase, if it is protected. */
  openpgpPassphrase?: string;
  /** tracking.generator.engine. */
  engine: { name: string; version: string };
  /** A general note of every document, per language: the site's footer notice (e.g. "information as of 2004"). */
  notice?: { ja: string; en: string };
}

/** Keikoku's own version, for tracking.generator.engine.version. */
export const KEIKOKU_VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The namespace SHOULD never change: write it one way (origin plus path, no trailing slash unless root). */
function normalizeNamespace(value: string): string {
  const url = new URL(value);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export function csafConfig(settings: Settings): CsafConfig {
  const { site, siteUrl, pathPrefix } = settings;
  const contacts = site.publisher.contacts.map((c) => c.uri);
  return {
    siteUrl,
    pathPrefix,
    ...(settings.sourceDateEpoch !== undefined ? { sourceDateEpoch: settings.sourceDateEpoch } : {}),
    tlp: site.csaf.tlp,
    publisher: {
      category: site.publisher.category,
      name: site.publisher.name,
      namespace: normalizeNamespace(site.publisher.namespace ?? siteUrl),
      ...(contacts.length ? { contact_details: contacts.join(" ") } : {}),
    },
    idPrefix: site.csaf.idPrefix,
    // Without contacts, the about page says who publishes the site and how to reach them (DESIGN.md).
    securityContacts: settings.securityContacts ?? (contacts.length ? contacts : [`${siteUrl}${pathPrefix}ja/about/`]),
    ...(site.csaf.securityTxtExpires ? { securityTxtExpires: site.csaf.securityTxtExpires } : {}),
    ...(settings.securityTxtNotice ? { securityTxtNotice: noticeText(settings.securityTxtNotice, "en") } : {}),
    ...(settings.signing.keyFile ? { openpgpKeyFile: settings.signing.keyFile } : {}),
    ...(settings.signing.passphrase ? { openpgpPassphrase: settings.signing.passphrase } : {}),
    engine: { name: "Keikoku", version: KEIKOKU_VERSION },
    ...(site.footerNotice ? { notice: site.footerNotice } : {}),
  };
}

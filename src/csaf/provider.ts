/**
 * The provider directory (CSAF 2.0 §7.1), as files to write under the site's output folder:
 *   .well-known/security.txt                      RFC 9116, with `CSAF:` (requirement 8), when the settings give its expiry
 *   .well-known/csaf/provider-metadata.json       role csaf_provider (requirements 7, 9), csaf_trusted_provider when signed
 *   .well-known/csaf/<YYYY>/<file>.json           the documents (requirements 1, 2, 11)
 *   .well-known/csaf/<YYYY>/<file>.json.sha256    hashes: "<hex>  <file>" (requirement 18)
 *   .well-known/csaf/<YYYY>/<file>.json.sha512
 *   .well-known/csaf/<YYYY>/<file>.json.asc       signatures, with openpgp/<FINGERPRINT>.asc (19–20), when a key is set
 *   .well-known/csaf/index.txt, changes.csv       (requirements 12, 13)
 *   .well-known/csaf/feed-tlp-<label>.json        ROLIE feed, service and category documents (requirements 15–17),
 *   .well-known/csaf/service.json, category-*.json  which stand in for directory listings (requirement 14) on static hosts
 * Pure: every date comes from the content or SOURCE_DATE_EPOCH.
 */
import { createHash } from "node:crypto";
import type { SiteData } from "../data/entries.ts";
import { LANGS } from "../i18n/languages.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { CsafConfig } from "./config.ts";
import { absoluteUrl } from "../routes/routes.ts";
import type { ProviderMetadata } from "./csaf-types.ts";
import { epochDate, isoDay, type GeneratedDocument } from "./document.ts";
import { CSAF_DIR } from "../routes/csaf-ids.ts";
import type { SigningResult } from "./signing.ts";

export const CSAF_SCHEMA_URL = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
const ROLIE_CSAF_CATEGORY = { scheme: "urn:ietf:params:rolie:category:information-type", term: "csaf" };

export interface SerializedDocument extends GeneratedDocument {
  json: string;
}

export const sha = (algorithm: "sha256" | "sha512", text: string): string => createHash(algorithm).update(text, "utf8").digest("hex");

/** The date stamped on the directory's own files: SOURCE_DATE_EPOCH, or the newest revision on the site. */
export function directoryDate(config: CsafConfig, site: Pick<SiteData, "lastUpdated">): string {
  return epochDate(config) ?? isoDay(site.lastUpdated);
}

/** `KEIKOKU` + TLP → `feed-tlp-white.json`. */
export const feedName = (tlp: string): string => `feed-tlp-${tlp.toLowerCase()}.json`;

export interface ProviderFiles {
  /** Path relative to the output folder → content. */
  files: Map<string, string>;
  metadata: ProviderMetadata;
  /** For the build report. */
  notes: string[];
}

export function buildProviderFiles(
  docs: SerializedDocument[], site: SiteData, config: CsafConfig, signing: Pick<SigningResult, "signatures" | "publicKey"> = { signatures: new Map() },
): ProviderFiles {
  const { signatures, publicKey } = signing;
  const files = new Map<string, string>();
  const notes: string[] = [];
  const dir = (path: string) => `${CSAF_DIR}/${path}`;
  const url = (path: string) => absoluteUrl(config, dir(path));
  const updated = directoryDate(config, site);

  // Newest first (requirement 13), then by path so equal dates keep one order.
  const byPath = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const newestFirst = [...byPath].sort((a, b) => b.document.document.tracking.current_release_date.localeCompare(a.document.document.tracking.current_release_date));

  for (const doc of byPath) {
    const name = doc.path.split("/").at(-1)!;
    files.set(dir(doc.path), doc.json);
    files.set(dir(`${doc.path}.sha256`), `${sha("sha256", doc.json)}  ${name}\n`);
    files.set(dir(`${doc.path}.sha512`), `${sha("sha512", doc.json)}  ${name}\n`);
    const signature = signatures.get(doc.path);
    if (signature) files.set(dir(`${doc.path}.asc`), signature);
  }
  files.set(dir("index.txt"), byPath.map((d) => `${d.path}\n`).join(""));
  files.set(dir("changes.csv"), newestFirst.map((d) => `"${d.path}","${d.document.document.tracking.current_release_date}"\n`).join(""));

  // ROLIE (RFC 8322, CSAF requirement 15): one feed for the one TLP label the site publishes.
  const feed = feedName(config.tlp);
  const feedTitle = `${config.publisher.name} CSAF feed (TLP:${config.tlp})`;
  const categories = {
    lang: { file: "category-lang.json", terms: LANGS.filter((l) => docs.some((d) => d.lang === l)) as string[] },
    documentCategory: { file: "category-document-category.json", terms: [...new Set(byPath.map((d): string => d.document.document.category))].sort() },
  };
  files.set(
    dir(feed),
    canonicalJson({
      feed: {
        id: `${config.idPrefix.toLowerCase()}-csaf-feed-tlp-${config.tlp.toLowerCase()}`,
        title: feedTitle,
        link: [{ rel: "self", href: url(feed) }],
        category: [ROLIE_CSAF_CATEGORY],
        updated,
        entry: newestFirst.map((d) => {
          const tracking = d.document.document.tracking;
          const summary = d.document.document.notes.find((n) => n.category === "summary")?.text;
          return {
            id: tracking.id,
            title: d.document.document.title,
            link: [
              { rel: "self", href: d.url },
              { rel: "hash", href: `${d.url}.sha256` },
              { rel: "hash", href: `${d.url}.sha512` },
              ...(signatures.has(d.path) ? [{ rel: "signature", href: `${d.url}.asc` }] : []),
            ],
            published: tracking.initial_release_date,
            updated: tracking.current_release_date,
            ...(summary ? { summary: { content: summary } } : {}),
            content: { type: "application/json", src: d.url },
            format: { schema: CSAF_SCHEMA_URL, version: "2.0" },
            category: [ROLIE_CSAF_CATEGORY, { term: d.lang }, { term: d.document.document.category }],
          };
        }),
      },
    }),
  );
  // ROLIE service and category documents (requirements 16, 17): optional in existence, cheap, and they let a
  // consumer pick a language or a kind of document without reading the whole feed.
  files.set(
    dir("service.json"),
    canonicalJson({
      service: {
        workspace: [
          {
            title: `${config.publisher.name} CSAF feeds`,
            collection: [{ title: feedTitle, href: url(feed), categories: { category: [ROLIE_CSAF_CATEGORY] } }],
          },
        ],
      },
    }),
  );
  for (const category of Object.values(categories)) {
    files.set(dir(category.file), canonicalJson({ categories: { category: category.terms.map((term) => ({ term })) } }));
  }

  const metadata: ProviderMetadata = {
    canonical_url: url("provider-metadata.json"),
    distributions: [
      // The directory (requirements 11–14) and the ROLIE feed (15–17) list the same documents.
      { directory_url: url("") },
      {
        rolie: {
          categories: Object.values(categories).map((c) => url(c.file)),
          feeds: [{ summary: feedTitle, tlp_label: config.tlp, url: url(feed) }],
          services: [url("service.json")],
        },
      },
    ],
    last_updated: updated,
    // The site may be an intranet mirror; listing or mirroring it is the operator's decision, off by default.
    list_on_CSAF_aggregators: false,
    metadata_version: "2.0",
    mirror_on_CSAF_aggregators: false,
    ...(publicKey ? { public_openpgp_keys: [{ fingerprint: publicKey.fingerprint, url: url(`openpgp/${publicKey.fingerprint}.asc`) }] } : {}),
    publisher: config.publisher,
    // Hashes (18) are always published; signatures and the public key (19–20) make a trusted provider.
    role: publicKey ? "csaf_trusted_provider" : "csaf_provider",
  };
  if (publicKey) files.set(dir(`openpgp/${publicKey.fingerprint}.asc`), publicKey.armored);
  files.set(dir("provider-metadata.json"), canonicalJson(metadata));

  // security.txt (RFC 9116) only with an expiry from the settings, which have refused one already past
  // (src/settings/security-txt-expiry.ts); their note says how to publish it, or that the date is far ahead.
  if (config.securityTxtNotice) notes.push(config.securityTxtNotice);
  if (config.securityTxtExpires) {
    files.set(
      ".well-known/security.txt",
      [
        `# ${config.publisher.name}: how to report a security problem, and where the CSAF advisories are (RFC 9116).`,
        ...config.securityContacts.map((c) => `Contact: ${c}`),
        `Expires: ${new Date(config.securityTxtExpires).toISOString()}`,
        `CSAF: ${metadata.canonical_url}`,
        `Preferred-Languages: ${LANGS.join(", ")}`,
        `Canonical: ${absoluteUrl(config, ".well-known/security.txt")}`,
        "",
      ].join("\n"),
    );
  }
  if (config.pathPrefix !== "/") {
    notes.push(`PATH_PREFIX is ${config.pathPrefix}: consumers look for /.well-known/security.txt and /.well-known/csaf/provider-metadata.json at the root of the host (CSAF requirements 8–9); serve or redirect them there`);
  }
  if (!config.siteUrl.startsWith("https:")) {
    notes.push(`SITE_URL ${config.siteUrl} is not https: CSAF documents must be served over TLS (requirement 3) and test 6.2.11 wants an https self URL`);
  }
  return { files, metadata, notes };
}

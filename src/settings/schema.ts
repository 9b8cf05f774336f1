/**
 * What a site's configuration file (`site.yaml` at the root of the site folder) may say: the schema is the
 * single source of truth for it, as src/data/schema.ts is for content. Everything here belongs to the site,
 * not to Keikoku: a publisher changes it without touching src/ or layouts/, and upgrades Keikoku without a merge.
 *
 *   name:      { ja: 警告 Keikoku, en: Keikoku }
 *   tagline:   { ja: …, en: … }
 *   publisher: { name: Keikoku, category: other }
 *   csaf:      { idPrefix: KEIKOKU }
 */
import { z } from "zod";
import { Text } from "../data/schema.ts";
import { problemCode } from "../i18n/problem-text.ts";

/** Text in both languages of the site. */
export const LocalizedSchema = z.strictObject({
  /** The Japanese text. */
  ja: Text.describe("Japanese text."),
  /** The English text. */
  en: Text.describe("English text."),
});
export type Localized = z.output<typeof LocalizedSchema>;

/** An absolute http(s) URL with nothing after the host: where the site is served (its path goes in pathPrefix). */
const Origin = z
  .string({ error: problemCode("url.expected") })
  .trim()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), { error: problemCode("url.not-http") })
  .refine((s) => !URL.canParse(s) || ["", "/"].includes(new URL(s).pathname), { error: problemCode("url.has-path") })
  .transform((s) => new URL(s).origin);

/** A URL path that starts and ends with "/": `/`, `/security/`. */
const PathPrefix = z
  .string({ error: problemCode("path-prefix.expected") })
  .trim()
  .refine((s) => /^[A-Za-z0-9._~\/-]*$/.test(s) && !s.split("/").includes(".."), { error: problemCode("path-prefix.invalid") })
  .transform((s) => {
    const parts = s.split("/").filter(Boolean);
    return parts.length ? `/${parts.join("/")}/` : "/";
  });

/** Any absolute http(s) URL. */
const HttpUrl = z
  .string({ error: problemCode("url.expected") })
  .trim()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), { error: problemCode("url.not-http") });

/** An RFC 9116 contact: a mailto:, tel: or http(s) URI. */
const ContactUri = z
  .string({ error: problemCode("contact.expected") })
  .trim()
  .refine((s) => /^(mailto:|tel:)\S+$/.test(s) || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)), {
    error: problemCode("contact.invalid"),
  });

/** One way to reach the publisher: shown on the about page and written to security.txt. */
export const ContactSchema = z.strictObject({
  /** What the contact is for, in both languages ("Report a vulnerability"). */
  label: LocalizedSchema.describe("What the contact is for, in both languages."),
  /** The address: mailto:, tel: or https: (RFC 9116 Contact). */
  uri: ContactUri.describe("mailto:, tel: or https: URI (RFC 9116 Contact)."),
});

/** The TLP labels a public static site may publish; AMBER and RED are refused with the reason. */
export const TLP_LABELS = ["WHITE", "GREEN"] as const;

/** A `#rrggbb` colour. */
const HexColor = z.string({ error: problemCode("colour.expected") }).regex(/^#[0-9a-fA-F]{6}$/, { error: problemCode("colour.invalid") });

/** A day or a date-time, for security.txt's Expires. */
const DateOrDateTime = z
  .string({ error: problemCode("date.expected") })
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    error: problemCode("date.not-a-date"),
  });

/** Who publishes the site's advisories: the CSAF publisher, and who readers and reporters can reach. */
export const PublisherSchema = z.strictObject({
  /** The organisation's name, as in CSAF `document.publisher.name`. */
  name: Text.describe("The organisation's name (CSAF document.publisher.name)."),
  /** CSAF publisher category: `other` for a site that relays others' advisories, `vendor`, `coordinator`, … */
  category: z
    .enum(["coordinator", "discoverer", "other", "translator", "user", "vendor"], { error: problemCode("publisher.category-unknown") })
    .default("other")
    .describe("CSAF publisher category (default other)."),
  /** The organisation's web origin (CSAF `publisher.namespace`); defaults to the site's `url`. Never change it once published. */
  namespace: HttpUrl.optional().describe("The publisher's web origin (CSAF publisher.namespace); default: url."),
  /** How to reach the publisher: the about page lists them, security.txt writes their URIs. */
  contacts: z.array(ContactSchema).default([]).describe("Contacts for the about page and security.txt."),
});

/** CSAF 2.0 output settings (see README, "CSAF 2.0"). */
export const CsafSettingsSchema = z.strictObject({
  /** First part of every tracking id and file name (`KEIKOKU-2004-MS04-011`); changing it renames every document. */
  idPrefix: z
    .string({ error: problemCode("id-prefix.expected") })
    .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, { error: problemCode("id-prefix.invalid") })
    .describe("Tracking-id prefix, e.g. KEIKOKU; changing it renames every published document."),
  /** TLP label of every document: WHITE (public) or GREEN. */
  tlp: z
    .string({ error: problemCode("tlp.expected") })
    .transform((s) => s.trim().toUpperCase())
    .pipe(
      z.enum(TLP_LABELS, {
        error: (iss) =>
          iss.input === "AMBER" || iss.input === "RED"
            ? problemCode("tlp.protected")
            : iss.input === "CLEAR"
              ? problemCode("tlp.clear")
              : problemCode("tlp.unknown"),
      }),
    )
    .default("WHITE")
    .describe("TLP label of every document: WHITE (default) or GREEN."),
  /** When security.txt expires (RFC 9116: less than a year ahead). Without it, security.txt is not published. */
  securityTxtExpires: DateOrDateTime.optional().describe("security.txt Expires, YYYY-MM-DD, less than a year ahead; without it security.txt is not published."),
});

/** The mark or image beside the site's name in the header. */
export const LogoSchema = z.strictObject({
  /** One or two characters shown as a square mark (the bundled site's 警). */
  mark: Text.refine((s) => [...s].length <= 2, { error: problemCode("logo.mark-length") }).optional().describe("One or two characters shown as a square mark."),
  /** An image in the site folder's public/ (e.g. /assets/logo.svg), served from the site itself. */
  image: z
    .string({ error: problemCode("logo.image-expected") })
    .regex(/^\/[A-Za-z0-9._~\/-]+\.(svg|png|webp)$/, { error: problemCode("logo.image-invalid") })
    .optional()
    .describe("Site path of an image in the site's public/ folder (.svg, .png or .webp)."),
});

/** The site's accent colour (header rule, mark, list markers) in each colour scheme. */
export const AccentSchema = z.strictObject({
  /** On the light background (#ffffff); white text on it must keep 4.5:1. */
  light: HexColor.describe("Accent on the light scheme, #rrggbb."),
  /** On the dark background (#121417); that background on it must keep 4.5:1. */
  dark: HexColor.describe("Accent on the dark scheme, #rrggbb."),
});

/** The whole site.yaml. */
export const SiteConfigSchema = z.strictObject({
  /** The site's name: the header, every page's title, the feeds. */
  name: LocalizedSchema.describe("The site's name in each language."),
  /** One line that says what the site is: the home page's description and the feeds' subtitle. */
  tagline: LocalizedSchema.describe("One line that says what the site is, in each language."),
  /** The home page's heading and lead paragraph (default: the site's name, no lead). */
  home: z
    .strictObject({
      title: LocalizedSchema.optional().describe("Home page heading (default: the site's name)."),
      intro: LocalizedSchema.optional().describe("Home page lead paragraph."),
    })
    .default({})
    .describe("Home page heading and lead."),
  /** A notice at the foot of every page and in every CSAF document, e.g. that the content is historical. */
  footerNotice: LocalizedSchema.optional().describe("A notice in every page's footer and every CSAF document."),
  /** Who publishes the site. */
  publisher: PublisherSchema.describe("Who publishes the site (CSAF publisher, contacts)."),
  /** Where the site is served: an http(s) origin; overridden by SITE_URL. */
  url: Origin.default("http://localhost:8080").describe("Absolute origin of the site, e.g. https://advisories.example.jp (SITE_URL overrides)."),
  /** The path the site is served under on that origin; overridden by PATH_PREFIX. */
  pathPrefix: PathPrefix.default("/").describe("Path the site is served under, e.g. /security/ (PATH_PREFIX overrides)."),
  /** CSAF 2.0 output. */
  csaf: CsafSettingsSchema.describe("CSAF 2.0 output settings."),
  /** The mark or image beside the site's name. */
  logo: LogoSchema.optional().describe("A mark or an image beside the site's name."),
  /** The search box's placeholder and the search page's lead, e.g. with examples of this site's identifiers. */
  search: z
    .strictObject({
      placeholder: LocalizedSchema.optional().describe("Placeholder of the search boxes (default: Keikoku's generic one)."),
      intro: LocalizedSchema.optional().describe("Lead paragraph of the search page (default: Keikoku's generic one)."),
    })
    .default({})
    .describe("Texts of the search box and page."),
  /** The accent colour in each colour scheme (default: Keikoku's red). */
  accentColor: AccentSchema.optional().describe("Accent colour per colour scheme."),
});
export type SiteConfig = z.output<typeof SiteConfigSchema>;

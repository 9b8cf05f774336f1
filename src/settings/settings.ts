/**
 * The site's settings, read once and passed down as a value: `site.yaml` from the site folder, validated by
 * zod with the same located report as content, then the environment's overrides for deployment. This is the
 * only module below the command-line entry points that reads the environment.
 *
 * Precedence, highest first: a command-line flag (--content, --output, --port) > an environment variable >
 * site.yaml > the default written in src/settings/schema.ts.
 *
 *   readSettings({ siteDir: "content" })
 *     → { settings: { siteDir, site: { name, tagline, publisher, … }, siteUrl, pathPrefix, csaf, switches } }
 *     or { problems: [ { file: "content/site.yaml", line: 4, column: 3, field: "publisher.namespace", … } ] }
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ContentProblem, Notice } from "../data/problems.ts";
import { yamlProblem } from "../data/yaml-problem.ts";
import type { HintCode } from "../i18n/problem-text.ts";
import { ContentError } from "../data/problems.ts";
import { readContentFile } from "../data/read-file.ts";
import { parseYaml, type ParsedYaml } from "../data/frontmatter.ts";
import { zodProblems } from "../data/zod-problems.ts";
import { displayPath } from "../data/display-path.ts";
import { SITE_FILE } from "../data/site-files.ts";
import { ContactSchema, SiteConfigSchema, type SiteConfig } from "./schema.ts";
import { securityTxtExpiry } from "./security-txt-expiry.ts";

/** The section of the README a missing field's hint points to. */
const GUIDE = "README.md, \"Site configuration\"";

/** Keikoku's own switches, for benchmarks and troubleshooting; each defaults to on. */
export interface Switches {
  /** Reuse parsed and rendered content files that did not change (KEIKOKU_CACHE=off). */
  contentCache: boolean;
  /** Reuse CSAF validation results for identical documents (KEIKOKU_CSAF_CACHE=off). */
  csafCache: boolean;
  /** Write the CSAF provider directory (KEIKOKU_CSAF=off, render-only benchmarks). */
  csaf: boolean;
  /** Index the site with Pagefind (KEIKOKU_SEARCH=off, render-only benchmarks). */
  search: boolean;
}

export interface Settings {
  /** The site folder, absolute: site.yaml, ja/, en/, url-manifest.txt and an optional public/. */
  siteDir: string;
  /** Files are named relative to this folder in reports (the project, or the site folder's parent). */
  root: string;
  /** site.yaml after validation and the environment's overrides. */
  site: SiteConfig;
  /** Origin without a trailing slash: absolute links in feeds, canonical links, the sitemap, API and CSAF. */
  siteUrl: string;
  /** Starts and ends with "/". */
  pathPrefix: string;
  /** Seconds since 1970: the build date used in generated stamps, when set (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
  /** The OpenPGP key that signs CSAF documents: from the environment only, never from a file in the site. */
  signing: { keyFile?: string; passphrase?: string };
  /** security.txt's Contact URIs for this deployment (CSAF_SECURITY_CONTACT), instead of the publisher's contacts. */
  securityContacts?: string[];
  /** Notes for the report: site.yaml still holds placeholders from npm run new. */
  notices: Notice[];
  /** A note for the build's CSAF report: security.txt is not published, or its expiry is far ahead. */
  securityTxtNotice?: Notice;
  /** The environment variables that overrode a field of site.yaml (SITE_URL, CSAF_TLP, …), for the report. */
  overrides: string[];
  switches: Switches;
}

/** Thrown when the settings are invalid; carries every problem found. */
export class SettingsError extends ContentError {
  constructor(problems: ContentProblem[]) {
    super(problems);
    this.name = "SettingsError";
  }
}

type Env = Record<string, string | undefined>;

export interface ReadOptions {
  /** The site folder (`--content DIR`); default `content/` in the current folder. */
  siteDir?: string;
  /** Files in reports are named relative to this folder; default the current folder. */
  root?: string;
  /** The environment; default process.env. */
  env?: Env;
  /** The dev server's port: without SITE_URL, links point at http://localhost:<port>. */
  devPort?: number;
  /** The moment security.txt's expiry is compared with; default the time of the call. */
  now?: Date;
}

/** Reads site.yaml and the environment: the settings, or every problem at once. */
export function readSettings(options: ReadOptions = {}): { settings: Settings; problems: [] } | { settings?: undefined; problems: ContentProblem[] } {
  const root = resolve(options.root ?? process.cwd());
  const siteDir = resolve(options.siteDir ?? join(root, "content"));
  const file = displayPath(root, siteDir, join(siteDir, SITE_FILE));
  const path = join(siteDir, SITE_FILE);
  if (!existsSync(siteDir)) {
    return { problems: [{ file: displayPath(root, siteDir, siteDir), line: 1, column: 1, field: "(file)", code: "site.no-folder", params: {}, hint: "site.no-folder" }] };
  }
  if (!existsSync(path)) {
    return { problems: [{ file, line: 1, column: 1, field: "(file)", code: "site.no-file", params: { file: SITE_FILE }, hint: "site.no-file" }] };
  }
  const read = readContentFile(path, file);
  if ("problems" in read) return { problems: read.problems };
  return settingsFromText(read.text, { file, root, siteDir, env: options.env ?? process.env, ...(options.devPort !== undefined ? { devPort: options.devPort } : {}), ...(options.now ? { now: options.now } : {}) });
}

/** Like readSettings, but throws a SettingsError listing every problem. */
export function readSettingsOrThrow(options: ReadOptions = {}): Settings {
  const result = readSettings(options);
  if (!result.settings) throw new SettingsError(result.problems);
  return result.settings;
}

/**
 * An environment variable that overrides a field of site.yaml, and how to write a value of it in a hint.
 * Problems with an overridden value name the variable instead of the file.
 */
const OVERRIDES: { env: string; path: (string | number)[]; value?: (raw: string) => unknown }[] = [
  { env: "SITE_URL", path: ["url"] },
  { env: "PATH_PREFIX", path: ["pathPrefix"] },
  { env: "CSAF_TLP", path: ["csaf", "tlp"] },
  { env: "CSAF_PUBLISHER_NAME", path: ["publisher", "name"] },
  { env: "CSAF_PUBLISHER_NAMESPACE", path: ["publisher", "namespace"] },
  { env: "CSAF_SECURITY_TXT_EXPIRES", path: ["csaf", "securityTxtExpires"] },
];

/**
 * Hints for the settings' own fields, by field path; `name` is how the author writes it (csaf.tlp or CSAF_TLP),
 * `pathName` where the path goes (pathPrefix or PATH_PREFIX).
 */
const HINTS: Record<string, (fromEnv: boolean) => HintCode> = {
  "csaf.tlp": (fromEnv) => (fromEnv ? "settings.tlp-env" : "settings.tlp"),
  url: () => "settings.url",
  pathPrefix: () => "settings.path-prefix",
  "publisher.namespace": () => "settings.namespace",
  "csaf.idPrefix": () => "settings.id-prefix",
  "csaf.securityTxtExpires": () => "settings.date",
};

interface FromTextOptions {
  file: string;
  root: string;
  siteDir: string;
  env: Env;
  devPort?: number;
  now?: Date;
}

/** The settings from site.yaml's text and an environment (pure apart from checking the logo file exists, and the clock when `now` is not given). */
export function settingsFromText(text: string, options: FromTextOptions): { settings: Settings; problems: [] } | { settings?: undefined; problems: ContentProblem[] } {
  const { file, env } = options;
  const parsed = parseYaml(text);
  if (parsed.syntaxErrors.length) {
    return {
      problems: parsed.syntaxErrors.map((e) => yamlProblem(file, e)),
    };
  }
  const raw = structuredClone(parsed.data ?? {}) as Record<string, unknown>;
  const fromEnv = new Map<string, string>();
  if (typeof raw === "object" && raw && !Array.isArray(raw)) {
    for (const o of OVERRIDES) {
      const value = env[o.env]?.trim();
      if (!value) continue;
      setPath(raw, o.path, value);
      fromEnv.set(o.path.join("."), o.env);
    }
  }
  // security.txt's Contact lines for one deployment, instead of the publisher's contacts.
  const securityContacts = env.CSAF_SECURITY_CONTACT?.split(/[\s,]+/).filter(Boolean) ?? [];
  const result = SiteConfigSchema.safeParse(raw, { reportInput: true });
  const problems: ContentProblem[] = [];
  if (!result.success) {
    for (const p of zodProblems(file, parsed, SiteConfigSchema, result.error, GUIDE)) {
      const key = p.field.replace(/\[(\d+)\]/g, ".$1");
      const envName = fromEnv.get(key);
      const hint = HINTS[key.replace(/\.\d+\./g, ".")]?.(envName !== undefined) ?? p.hint;
      const params = { ...p.params, name: envName ?? p.field, pathName: envName ? "PATH_PREFIX" : "pathPrefix" };
      problems.push({ ...p, ...(envName ? { file: "environment", line: 0, column: 0, field: envName } : {}), params, ...(hint ? { hint } : {}) });
    }
  }
  for (const uri of securityContacts) {
    const checked = ContactSchema.shape.uri.safeParse(uri);
    if (!checked.success) problems.push({ file: "environment", line: 0, column: 0, field: "CSAF_SECURITY_CONTACT", code: "contact.invalid", params: { value: uri }, hint: "settings.contacts" });
  }
  const epochText = env.SOURCE_DATE_EPOCH?.trim();
  const epoch = epochText ? Number(epochText) : undefined;
  if (epochText && (!Number.isInteger(epoch) || epoch! < 0)) {
    problems.push({ file: "environment", line: 0, column: 0, field: "SOURCE_DATE_EPOCH", code: "settings.epoch", params: { value: epochText }, hint: "settings.epoch" });
  }
  const csafOn = env.KEIKOKU_CSAF !== "off";
  const expiry = result.success && csafOn ? checkSecurityTxtExpiry(result.data, parsed, options, fromEnv.get("csaf.securityTxtExpires")) : {};
  if (result.success) problems.push(...checkFiles(result.data, parsed, options), ...checkAccent(result.data, parsed, file), ...(expiry.problem ? [expiry.problem] : []));
  if (problems.length || !result.success) return { problems };

  const site = result.data;
  // The dev server's links point at itself, unless SITE_URL says otherwise.
  const siteUrl = options.devPort !== undefined && !env.SITE_URL?.trim() ? `http://localhost:${options.devPort}` : site.url;
  const keyFile = env.CSAF_OPENPGP_KEY_FILE?.trim();
  return {
    settings: {
      siteDir: options.siteDir,
      root: options.root,
      site: { ...site, url: siteUrl },
      siteUrl,
      pathPrefix: site.pathPrefix,
      ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
      signing: { ...(keyFile ? { keyFile } : {}), ...(env.CSAF_OPENPGP_PASSPHRASE ? { passphrase: env.CSAF_OPENPGP_PASSPHRASE } : {}) },
      ...(securityContacts.length ? { securityContacts } : {}),
      notices: text.includes("TODO:") ? [{ code: "todo", params: { file } }] : [],
      ...(expiry.notice ? { securityTxtNotice: expiry.notice } : {}),
      overrides: [...new Set([...fromEnv.values(), ...(securityContacts.length ? ["CSAF_SECURITY_CONTACT"] : [])])],
      switches: {
        contentCache: env.KEIKOKU_CACHE !== "off",
        csafCache: env.KEIKOKU_CSAF_CACHE !== "off",
        csaf: csafOn,
        search: env.KEIKOKU_SEARCH !== "off",
      },
    },
    problems: [],
  };
}

function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

/** A logo image must be a file of the site's public/ folder: the site never loads anything from elsewhere. */
function checkFiles(site: SiteConfig, parsed: ParsedYaml, options: FromTextOptions): ContentProblem[] {
  const image = site.logo?.image;
  if (!image || existsSync(join(options.siteDir, "public", image))) return [];
  return [{
    file: options.file, ...parsed.locate(["logo", "image"]), field: "logo.image",
    code: "logo.no-file", params: { image, path: displayPath(options.root, options.siteDir, join(options.siteDir, "public", image)) },
    hint: "logo.no-file",
  }];
}

/** security.txt is published only with an expiry that has not passed (see security-txt-expiry.ts). */
function checkSecurityTxtExpiry(site: SiteConfig, parsed: ParsedYaml, options: FromTextOptions, envName: string | undefined): { problem?: ContentProblem; notice?: Notice } {
  const verdict = securityTxtExpiry(site.csaf.securityTxtExpires, options.now ?? new Date(), envName ?? "csaf.securityTxtExpires");
  if (!verdict.problem) return verdict.notice ? { notice: verdict.notice } : {};
  const where = envName
    ? { file: "environment", line: 0, column: 0, field: envName }
    : { file: options.file, ...parsed.locate(["csaf", "securityTxtExpires"]), field: "csaf.securityTxtExpires" };
  return { problem: { ...where, ...verdict.problem } };
}

/** WCAG 2.1 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The accent carries text (the mark) and marks links: it must keep 4.5:1 against the page in each scheme. */
function checkAccent(site: SiteConfig, parsed: ParsedYaml, file: string): ContentProblem[] {
  const accent = site.accentColor;
  if (!accent) return [];
  const problems: ContentProblem[] = [];
  for (const [scheme, background] of [["light", "#ffffff"], ["dark", "#121417"]] as const) {
    const ratio = contrast(accent[scheme], background);
    if (ratio < 4.5) {
      problems.push({
        file, ...parsed.locate(["accentColor", scheme]), field: `accentColor.${scheme}`,
        code: "colour.contrast", params: { colour: accent[scheme], ratio: ratio.toFixed(2), scheme, background },
        hint: scheme === "light" ? "colour.darker" : "colour.lighter",
      });
    }
  }
  return problems;
}

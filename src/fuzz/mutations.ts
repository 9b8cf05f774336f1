/**
 * Seeded mutations of a site's content, for the differential test (differential.ts): each case copies the
 * bundled site, changes one or two things in it, and asks whether `check` and the build agree about the
 * result. The same seed and case number always make the same change, so a disagreement can be replayed.
 *
 *   const files = readSiteFiles("content");            // { "ja/advisories/sasser.md": "---\n…", … }
 *   const done = mutateSite(files, caseRandom(42, 7));  // [{ kind: "bad-date", file: "ja/hoaxes/…", description: "…" }]
 *
 * Mutations come in two sorts: ones an author could make by mistake (a field removed, retyped or swapped
 * with another file's, an impossible date, a misspelt enum value, a broken link or section id, a YAML
 * syntax error, …) and harmless ones (whitespace, a text edit, the frontmatter re-serialised), so that both
 * "both pass" and "both fail" occur. Which sort a mutation is, is for check and the build to say, not for
 * this file: a "harmless" edit that breaks the build is a finding like any other.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import { createRandom, type Random } from "../bench/random.ts";

/** A site's text files by path relative to the site folder, forward slashes. */
export type SiteFiles = Map<string, string>;

/** What one mutation did, and to which file (relative to the site folder). */
export interface Mutation {
  kind: string;
  file: string;
  description: string;
}

/** One sort of mutation: changes `files` in place, or returns undefined when it finds nothing to change. */
interface Mutator {
  kind: string;
  weight: number;
  apply(files: SiteFiles, random: Random): Omit<Mutation, "kind"> | undefined;
}

type Path = (string | number)[];

/** The random source of one case: the run's seed and the case number give the same changes everywhere. */
export function caseRandom(seed: number, caseNumber: number): Random {
  return createRandom((seed ^ Math.imul(caseNumber + 1, 0x9e3779b1)) >>> 0);
}

/** Every text file of a site folder (Markdown and YAML; url-manifest.txt too, left as it is). */
export function readSiteFiles(siteDir: string): SiteFiles {
  const files: SiteFiles = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      if (statSync(path).isDirectory()) walk(path, rel);
      else if (/\.(md|ya?ml|txt)$/.test(name)) files.set(rel, readFileSync(path, "utf8"));
    }
  };
  walk(siteDir, "");
  return files;
}

export function writeSiteFiles(siteDir: string, files: SiteFiles): void {
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(siteDir, rel)), { recursive: true });
    writeFileSync(join(siteDir, rel), text);
  }
}

/** One to two mutations (one in most cases, so a disagreement points at one change). */
export function mutateSite(files: SiteFiles, random: Random): Mutation[] {
  const count = random.chance(0.75) ? 1 : 2;
  const done: Mutation[] = [];
  const total = MUTATORS.reduce((sum, m) => sum + m.weight, 0);
  for (let attempt = 0; done.length < count && attempt < 50; attempt++) {
    let roll = random.next() * total;
    const mutator = MUTATORS.find((m) => (roll -= m.weight) < 0) ?? MUTATORS[0]!;
    // A mutator that meets a file an earlier mutation left unparsable gives up, leaving the files as they were.
    const before = new Map(files);
    let result: Omit<Mutation, "kind"> | undefined;
    try {
      result = mutator.apply(files, random);
    } catch (error) {
      if (!(error instanceof NotApplicable)) throw error;
      for (const key of [...files.keys()]) if (!before.has(key)) files.delete(key);
      for (const [key, text] of before) files.set(key, text);
    }
    if (result) done.push({ kind: mutator.kind, ...result });
  }
  return done;
}

// ——— frontmatter and YAML, edited through the yaml library's document so comments and layout survive ———

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;

interface YamlFile {
  doc: Document;
  /** The file's text with the YAML replaced by `yaml`. */
  rebuild(yaml: string): string;
}

/** A Markdown file's frontmatter or a YAML file, as an editable document; undefined when it does not parse. */
function yamlOf(path: string, text: string): YamlFile | undefined {
  if (path.endsWith(".md")) {
    const m = FRONTMATTER.exec(text);
    if (!m) return undefined;
    const doc = parseDocument(m[1]!);
    if (doc.errors.length) return undefined;
    const body = text.slice(m[0].length);
    return { doc, rebuild: (yaml) => `---\n${yaml.endsWith("\n") ? yaml : `${yaml}\n`}---\n${body}` };
  }
  if (!/\.ya?ml$/.test(path)) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length) return undefined;
  return { doc, rebuild: (yaml) => yaml };
}

/** Every path in a document's data, with its value: `["revisions", 0, "date"]` → "2004-05-08". */
function pathsOf(value: unknown, prefix: Path = []): { path: Path; value: unknown }[] {
  const here = prefix.length ? [{ path: prefix, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

const show = (path: Path) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join("");
const quote = (value: unknown) => JSON.stringify(value) ?? String(value);
/** A value for a description: long ones keep their start and end, where a mutation usually shows. */
const brief = (value: unknown) => {
  const text = quote(value);
  return text.length > 70 ? `${text.slice(0, 30)}…${text.slice(-30)}` : text;
};

/** The YAML files and frontmatters of `files` whose data has a path that `want` accepts. */
function candidates(files: SiteFiles, want: (path: Path, value: unknown, file: string) => boolean, only?: (file: string) => boolean) {
  const found: { file: string; path: Path; value: unknown }[] = [];
  for (const [file, text] of files) {
    if (only && !only(file)) continue;
    const yaml = yamlOf(file, text);
    if (!yaml) continue;
    for (const { path, value } of pathsOf(yaml.doc.toJS())) if (want(path, value, file)) found.push({ file, path, value });
  }
  return found;
}

/**
 * One candidate, the file first and then the place in it: picking among all places at once would almost
 * always pick the longest file (ms04-011's frontmatter has most of the bundled site's fields).
 */
function pickSpread<T extends { file: string }>(random: Random, all: T[]): T {
  const file = random.pick([...new Set(all.map((c) => c.file))]);
  return random.pick(all.filter((c) => c.file === file));
}

/** Thrown by a mutator that finds nothing to change after all (the file is gone or no longer parses). */
class NotApplicable extends Error {}

/** Edits the YAML of one file through its document. */
function editYaml(files: SiteFiles, file: string, edit: (doc: Document) => void): void {
  const text = files.get(file);
  const yaml = text === undefined ? undefined : yamlOf(file, text);
  if (!yaml) throw new NotApplicable(file);
  edit(yaml.doc);
  files.set(file, yaml.rebuild(String(yaml.doc)));
}

const isMarkdown = (file: string) => file.endsWith(".md");
const isEntry = (file: string) => /^(ja|en)\/(advisories|hoaxes)\//.test(file);
const isSource = (file: string) => /^ja\/(advisories|hoaxes)\//.test(file);
const idOf = (file: string) => file.replace(/^.*\//, "").replace(/\.md$/, "");
const otherLanguage = (file: string) => file.replace(/^(ja|en)\//, (_, l: string) => (l === "ja" ? "en/" : "ja/"));

/** A plausible typo: a letter dropped, doubled or two swapped. */
function misspell(word: string, random: Random): string {
  if (word.length < 2) return `${word}x`;
  const i = random.int(0, word.length - 2);
  const how = random.int(0, 2);
  if (how === 0) return word.slice(0, i) + word.slice(i + 1);
  if (how === 1) return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** A value of another type than `value`: string ↔ number ↔ list ↔ mapping (↔ boolean, null). */
function retyped(value: unknown, random: Random): unknown {
  const options: unknown[] = [42, "text", ["a", "b"], { a: 1 }, true, null, 2004.5, ""];
  const kindOf = (v: unknown) => (Array.isArray(v) ? "list" : v === null ? "null" : typeof v);
  const different = options.filter((o) => kindOf(o) !== kindOf(value));
  // A list's single item, or a mapping's first value, is the retyping an author makes most often.
  if (Array.isArray(value) && value.length && random.chance(0.3)) return value[0];
  if (typeof value === "string" && random.chance(0.3)) return [value];
  return random.pick(different);
}

// ——— the mutators ———

const DATE = /^\d{4}(-\d{2}){0,2}$/;
const BAD_DATES = ["2004-02-30", "2004-13-01", "2003-02-29", "2004-5-1", "May 2004", "2004/05/08", "20040508", "2004-00-10", "1999-12-31", "2004-02-29", "2005-01-01"];
const ENUM_FIELDS = new Set(["kind", "severity", "impact", "category", "tlp", "status"]);
const LINK = /\]\((advisory|hoax|page):([a-z0-9-]+)(#[a-z0-9-]+)?\)/g;
const HEADING = /^(#{2,6} .*?)\s*\{#([a-z0-9-]+)\}[ \t]*$/gm;

function matchesIn(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`))];
}

/** Replaces the match at `index` (of length `length`) in a file's text. */
function splice(files: SiteFiles, file: string, index: number, length: number, replacement: string): void {
  const text = files.get(file)!;
  files.set(file, text.slice(0, index) + replacement + text.slice(index + length));
}

const MUTATORS: Mutator[] = [
  {
    kind: "remove-field",
    weight: 10,
    apply(files, random) {
      const all = candidates(files, (path) => path.length <= 3);
      if (!all.length) return undefined;
      const { file, path } = pickSpread(random, all);
      editYaml(files, file, (doc) => doc.deleteIn(path));
      return { file, description: `removed ${show(path)}` };
    },
  },
  {
    kind: "retype-field",
    weight: 10,
    apply(files, random) {
      const all = candidates(files, (path) => path.length <= 3);
      if (!all.length) return undefined;
      const { file, path, value } = pickSpread(random, all);
      const next = retyped(value, random);
      editYaml(files, file, (doc) => doc.setIn(path, doc.createNode(next)));
      return { file, description: `${show(path)}: ${brief(value)} → ${brief(next)}` };
    },
  },
  {
    kind: "swap-values",
    weight: 8,
    apply(files, random) {
      const entries = [...files.keys()].filter((f) => isMarkdown(f) || f.endsWith(".yaml"));
      const [a, b] = random.sample(entries, 2);
      if (!a || !b) return undefined;
      const ya = yamlOf(a, files.get(a)!)?.doc.toJS() as Record<string, unknown> | undefined;
      const yb = yamlOf(b, files.get(b)!)?.doc.toJS() as Record<string, unknown> | undefined;
      if (!ya || !yb || typeof ya !== "object" || typeof yb !== "object") return undefined;
      const common = Object.keys(ya).filter((k) => k in yb && quote(ya[k]) !== quote(yb[k]));
      if (!common.length) return undefined;
      const key = random.pick(common);
      editYaml(files, a, (doc) => doc.setIn([key], doc.createNode(yb[key])));
      editYaml(files, b, (doc) => doc.setIn([key], doc.createNode(ya[key])));
      return { file: a, description: `swapped ${key} with ${b}` };
    },
  },
  {
    kind: "bad-date",
    weight: 8,
    apply(files, random) {
      const all = candidates(files, (_, value) => typeof value === "string" && DATE.test(value));
      if (!all.length) return undefined;
      const { file, path, value } = pickSpread(random, all);
      const next = random.pick(BAD_DATES);
      editYaml(files, file, (doc) => doc.setIn(path, next));
      return { file, description: `${show(path)}: ${String(value)} → ${next}` };
    },
  },
  {
    kind: "duplicate-id",
    weight: 6,
    apply(files, random) {
      const how = random.int(0, 3);
      if (how === 0) {
        // The same id as an advisory and as a hoax.
        const from = random.pick([...files.keys()].filter((f) => /^(ja|en)\/advisories\//.test(f)));
        const to = from.replace("/advisories/", "/hoaxes/");
        if (files.has(to)) return undefined;
        files.set(to, files.get(from)!);
        return { file: to, description: `copied ${from} to ${to}` };
      }
      // An id or number repeated inside a list: vulnerabilities[].id, revisions[].number, related[].
      const field = (["vulnerabilities", "revisions", "related"] as const)[how - 1]!;
      const all = candidates(files, (path, value) => path.length === 1 && path[0] === field && Array.isArray(value) && value.length > 0);
      if (!all.length) return undefined;
      const { file, value } = pickSpread(random, all);
      const list = value as unknown[];
      const item = random.pick(list);
      editYaml(files, file, (doc) => doc.setIn([field], doc.createNode([...list, item])));
      return { file, description: `${field}: repeated ${brief(item)}` };
    },
  },
  {
    kind: "misspelt-enum",
    weight: 8,
    apply(files, random) {
      const all = candidates(files, (path, value) => {
        const key = path[path.length - 1];
        const inRatings = path.length >= 2 && path[path.length - 2] === "ratings";
        return typeof value === "string" && ((typeof key === "string" && ENUM_FIELDS.has(key)) || inRatings);
      });
      if (!all.length) return undefined;
      const { file, path, value } = pickSpread(random, all);
      const next = misspell(value as string, random);
      editYaml(files, file, (doc) => doc.setIn(path, next));
      return { file, description: `${show(path)}: ${String(value)} → ${next}` };
    },
  },
  {
    kind: "unknown-product",
    weight: 7,
    apply(files, random) {
      const products = Object.keys((yamlOf("products.yaml", files.get("products.yaml") ?? "")?.doc.toJS() ?? {}) as object);
      const isProduct = (v: unknown) => typeof v === "string" && products.includes(v);
      const values = candidates(files, (path, value) => isProduct(value) && typeof path[path.length - 1] === "number", isMarkdown);
      const keys = candidates(files, (path) => typeof path[path.length - 1] === "string" && products.includes(path[path.length - 1] as string), isMarkdown);
      const pool = [...values.map((c) => ({ ...c, asKey: false })), ...keys.map((c) => ({ ...c, asKey: true }))];
      if (!pool.length) return undefined;
      const { file, path, value, asKey } = pickSpread(random, pool);
      const old = asKey ? (path[path.length - 1] as string) : (value as string);
      const next = random.chance(0.5) ? misspell(old, random) : "windows-vista";
      editYaml(files, file, (doc) => {
        if (!asKey) return doc.setIn(path, next);
        const parent = doc.getIn(path.slice(0, -1));
        if (!isMap(parent)) return;
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === old);
        if (pair && isScalar(pair.key)) pair.key.value = next;
      });
      return { file, description: `${show(path)}: product ${old} → ${next}` };
    },
  },
  {
    kind: "section",
    weight: 8,
    apply(files, random) {
      const withHeadings = [...files.keys()].filter((f) => isMarkdown(f) && matchesIn(files.get(f)!, HEADING).length);
      if (!withHeadings.length) return undefined;
      const file = random.pick(withHeadings);
      const heading = random.pick(matchesIn(files.get(file)!, HEADING));
      const [whole, title, id] = heading as unknown as [string, string, string];
      const how = random.int(0, 4);
      const [replacement, what] = [
        ["", `dropped the heading "${whole}"`],
        [`${title} {#${id}-x}`, `renamed section #${id} to #${id}-x`],
        [title, `removed {#${id}} from its heading`],
        [`${title} {#${random.pick(["affected", "revisions", "sources", "claim", "vulnerabilities"])}}`, `gave heading #${id} a section id the layout renders`],
        [`${title} {#${id}}\n\n${title} {#${id}}`, `repeated the heading #${id}`],
      ][how]!;
      splice(files, file, heading.index, whole.length, replacement!);
      return { file, description: what! };
    },
  },
  {
    kind: "broken-link",
    weight: 8,
    apply(files, random) {
      const withLinks = [...files.keys()].filter((f) => isMarkdown(f) && matchesIn(files.get(f)!, LINK).length);
      if (!withLinks.length) return undefined;
      const file = random.pick(withLinks);
      const link = random.pick(matchesIn(files.get(file)!, LINK));
      const [whole, kind, id, anchor = ""] = link as unknown as [string, string, string, string?];
      const lang = file.slice(0, 2);
      const how = random.int(0, 4);
      const target = [
        `${kind}:${misspell(id, random)}${anchor}`,
        `${misspell(kind, random)}:${id}${anchor}`,
        `${kind}:${id}#no-such-section`,
        `/${lang}/${kind === "page" ? "" : `${kind === "hoax" ? "hoaxes" : "advisories"}/`}${id}/`,
        `${kind}:${id}${anchor ? "" : "#overview"}`,
      ][how]!;
      splice(files, file, link.index, whole.length, `](${target})`);
      return { file, description: `link (${kind}:${id}${anchor}) → (${target})` };
    },
  },
  {
    kind: "broken-related",
    weight: 5,
    apply(files, random) {
      const sources = [...files.keys()].filter(isSource);
      const file = random.pick(sources);
      const data = yamlOf(file, files.get(file)!)?.doc.toJS() as { related?: unknown[] } | undefined;
      if (!data) return undefined;
      const related = Array.isArray(data.related) ? data.related : [];
      const next = random.pick([`${idOf(file)}`, "no-such-entry", related[0] ? misspell(String(related[0]), random) : "sasser-x"]);
      editYaml(files, file, (doc) => doc.setIn(["related"], doc.createNode([...related, next])));
      return { file, description: `related: added ${next}` };
    },
  },
  {
    kind: "vulnerabilities",
    weight: 6,
    apply(files, random) {
      const all = candidates(files, (path, value) => path.length === 1 && path[0] === "vulnerabilities" && Array.isArray(value), isMarkdown);
      const { file } = all.length ? pickSpread(random, all) : { file: "ja/advisories/ms04-011.md" };
      if (!files.has(file)) return undefined;
      const how = random.int(0, 2);
      editYaml(files, file, (doc) => (how === 0 ? doc.setIn(["vulnerabilities"], doc.createNode([])) : how === 1 ? doc.deleteIn(["vulnerabilities"]) : doc.deleteIn(["vulnerabilities", 0])));
      return { file, description: ["emptied vulnerabilities", "removed vulnerabilities", "removed vulnerabilities[0]"][how]! };
    },
  },
  {
    kind: "csaf-field",
    weight: 8,
    apply(files, random) {
      // Fields that feed the CSAF documents: ids, versions, the update, scores, the publisher and TLP.
      const csafKeys = new Set(["cve", "can", "kb", "testedVersions", "update", "notOfferedFor", "idPrefix", "tlp", "namespace", "publisher", "bulletins", "ids", "cwe", "scores", "remediations", "basedOn", "impact", "url"]);
      const all = candidates(files, (path) => path.some((p) => typeof p === "string" && csafKeys.has(p)));
      if (!all.length) return undefined;
      const { file, path, value } = pickSpread(random, all);
      const next = random.pick<unknown>(typeof value === "string"
        ? ["", " ", misspell(value, random), value.toLowerCase(), `${value} ${value}`, "x".repeat(300)]
        : typeof value === "number" ? [0, -1, 1e12, "835732"] : [[], {}, "TODO"]);
      editYaml(files, file, (doc) => doc.setIn(path, doc.createNode(next)));
      return { file, description: `${show(path)}: ${brief(value)} → ${brief(next)}` };
    },
  },
  {
    kind: "yaml-syntax",
    weight: 6,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter((f) => isMarkdown(f) || f.endsWith(".yaml")));
      const text = files.get(file)!;
      const lines = text.split("\n");
      const end = isMarkdown(file) ? lines.indexOf("---", 1) : lines.length;
      if (end < 2) return undefined;
      const at = random.int(isMarkdown(file) ? 1 : 0, end - 1);
      const how = random.int(0, 3);
      const [line, what] = [
        ["broken: [unclosed", "an unclosed ["],
        [`${lines[at]}: : x`, "a second \": \" in a plain value"],
        [`\t${lines[at]}`, "a tab in the indentation"],
        [`  ${lines[at]}`, "wrong indentation"],
      ][how]!;
      lines[at] = line!;
      files.set(file, lines.join("\n"));
      return { file, description: `line ${at + 1}: ${what}` };
    },
  },
  {
    kind: "closing-fence",
    weight: 2,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter(isMarkdown));
      const text = files.get(file)!;
      const at = text.indexOf("\n---", 3);
      if (at < 0) return undefined;
      files.set(file, text.slice(0, at) + text.slice(at + 4));
      return { file, description: "removed the frontmatter's closing ---" };
    },
  },
  {
    kind: "translation-disagrees",
    weight: 4,
    apply(files, random) {
      // A fact restated in the translation that disagrees with the source.
      const sources = [...files.keys()].filter((f) => /^ja\/advisories\//.test(f) && files.has(otherLanguage(f)));
      const file = otherLanguage(random.pick(sources));
      const [field, value] = random.pick([["severity", "low"], ["published", "2004-05-09"], ["kind", "guidance"], ["affected", ["windows-95"]], ["translationOf", 99]] as [string, unknown][]);
      editYaml(files, file, (doc) => doc.setIn([field], doc.createNode(value)));
      return { file, description: `restated ${field}: ${quote(value)}, unlike the source` };
    },
  },
  {
    kind: "remove-file",
    weight: 4,
    apply(files, random) {
      // One language of an entry or page, or a site file (products.yaml, url-manifest.txt).
      const file = random.pick([...files.keys()].filter((f) => f !== "site.yaml"));
      files.delete(file);
      return { file, description: "removed the file" };
    },
  },
  {
    kind: "rename-file",
    weight: 4,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter(isMarkdown));
      const id = idOf(file);
      const next = random.pick([id.toUpperCase(), id.replace(/-/g, "_"), `${id}-2`, `${id}.draft`, `${id}-`, misspell(id, random)]);
      const to = file.replace(/[^/]+\.md$/, `${next}.md`);
      if (to === file || files.has(to)) return undefined;
      files.set(to, files.get(file)!);
      files.delete(file);
      return { file: to, description: `renamed ${file} to ${to} (in one language only)` };
    },
  },
  {
    kind: "site-setting",
    weight: 5,
    apply(files, random) {
      if (!files.has("site.yaml")) return undefined;
      const [path, value] = random.pick([
        [["url"], "https://advisories.example.jp/security/"], [["url"], "localhost:8080"], [["url"], "https://advisories.example.jp"],
        [["pathPrefix"], "security"], [["pathPrefix"], "/security/"], [["pathPrefix"], "/a b/"],
        [["csaf", "idPrefix"], "keikoku"], [["csaf", "idPrefix"], "KEI KOKU"], [["csaf", "idPrefix"], "EXAMPLE-CSIRT"], [["csaf", "idPrefix"], ""],
        [["csaf", "tlp"], "AMBER"], [["csaf", "tlp"], "GREEN"], [["csaf", "tlp"], "white"],
        [["publisher", "namespace"], "advisories.example.jp"], [["publisher", "namespace"], "https://advisories.example.jp"],
        [["publisher", "category"], "vendor"], [["publisher", "category"], "cert"], [["publisher", "name"], " "],
        [["logo"], { image: "/assets/missing.svg" }], [["logo", "mark"], "警告警告"], [["name", "en"], ""],
      ] as [Path, unknown][]);
      editYaml(files, "site.yaml", (doc) => doc.setIn(path, doc.createNode(value)));
      return { file: "site.yaml", description: `${show(path)}: ${brief(value)}` };
    },
  },
  {
    kind: "body-markdown",
    weight: 6,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter(isMarkdown));
      const text = files.get(file)!;
      const m = FRONTMATTER.exec(text);
      if (!m) return undefined;
      const [addition, what] = random.pick([
        ["# A first-level heading", "a level-1 heading"],
        ["## [A link](advisory:sasser) in a heading {#linked}", "a heading with a link"],
        ["<script>alert(1)</script>", "raw HTML"],
        ["```\nan unclosed code fence", "an unclosed code fence"],
        ["| a | b |\n| --- | --- |\n| 1 |", "a short table row"],
        ["[a link](javascript:alert(1))", "a javascript: link"],
        ["[a link](ftp://example.com/)", "an ftp: link"],
        ["[a link](#no-such-section)", "a bare #anchor link"],
        ["[a link]()", "an empty link"],
        ["{#orphan}", "a lone {#id}"],
        ["## Heading {#Overview}", "an upper-case section id"],
        ["## Heading {#über}", "a non-ASCII section id"],
        ["text\u202Ereversed", "a direction override in the body"],
        ["---", "a horizontal rule"],
      ] as [string, string][]);
      files.set(file, `${text.replace(/\n*$/, "\n")}\n${addition}\n`);
      return { file, description: `appended ${what}` };
    },
  },
  {
    kind: "alias",
    weight: 3,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter(isSource));
      const kind = file.includes("/hoaxes/") ? "hoaxes" : "advisories";
      const alias = random.pick([`/ja/${kind}/${idOf(file)}-old/`, `/ja/${kind}/${idOf(file)}/`, "/ja/advisories/sasser/", "old-page.html", "/ja/old page/", "/ja/hoaxes/", `/ja/${kind}/${idOf(file)}-old.html`]);
      editYaml(files, file, (doc) => doc.setIn(["aliases"], doc.createNode([alias])));
      return { file, description: `aliases: [${alias}]` };
    },
  },
  {
    kind: "vulnerability-facts",
    weight: 5,
    apply(files, random) {
      const all = candidates(files, (path, value) => path.length === 2 && path[0] === "vulnerabilities" && typeof value === "object" && value !== null, isSource);
      if (!all.length) return undefined;
      const { file, path } = pickSpread(random, all);
      const [field, value] = random.pick([
        ["cve", "CVE-2003-0533"], ["cve", "CVE-2004-0117"], ["can", "CAN-2003-0533"],
        ["cwe", { id: "CWE-79", name: "Cross-site Scripting" }], ["cwe", { id: "CWE-99999", name: "x" }],
        ["scores", [{ vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", baseScore: 9.8 }]],
        ["scores", [{ vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", baseScore: 5.0 }]],
        ["scores", [{ vector: "CVSS:2.0/AV:N", baseScore: 5.0 }]],
        ["scores", [{ vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", baseScore: 9.8 }, { vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L", baseScore: 7.3 }]],
        ["scores", [{ vector: "AV:N/AC:L/Au:N/C:C/I:C/A:C", baseScore: 10 }, { vector: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", baseScore: 9.8 }]],
        ["remediations", [{ category: "workaround", url: "https://example.com/fix" }]],
        ["remediations", [{ category: "vendor-fix" }]],
        ["status", { "windows-2000": "fixed" }], ["status", { "windows-95": "known-affected" }],
        ["ids", [{ system: "Vendor", text: "X-1" }]], ["ids", [{ system: "", text: "" }]],
        ["ratings", {}],
      ] as [string, unknown][]);
      editYaml(files, file, (doc) => doc.setIn([...path, field], doc.createNode(value)));
      return { file, description: `${show([...path, field])}: ${brief(value)}` };
    },
  },
  {
    kind: "products-file",
    weight: 4,
    apply(files, random) {
      const file = "products.yaml";
      const data = files.has(file) ? (yamlOf(file, files.get(file)!)?.doc.toJS() as Record<string, Record<string, unknown>> | undefined) : undefined;
      if (!data || typeof data !== "object") return undefined;
      const id = random.pick(Object.keys(data));
      const how = random.int(0, 5);
      const what = editProducts(files, file, id, how, random);
      return { file, description: `${id}: ${what}` };
    },
  },
  {
    kind: "tested-versions",
    weight: 4,
    apply(files, random) {
      const all = candidates(files, (path, value) => path.length === 3 && path[0] === "testedVersions" && typeof value === "object" && value !== null, isSource);
      if (!all.length) return undefined;
      const { file, path, value } = pickSpread(random, all);
      const version = value as Record<string, unknown>;
      const [next, what] = random.pick<[unknown, string]>([
        [{ ...version, servicePacks: ["Service Pack 1", "Service Pack 1"] }, "the same service pack twice"],
        [{ name: version.name }, "no service pack"],
        [{ ...version, versions: ["1.0"] }, "versions beside a service pack"],
        [{ ...version, name: "" }, "an empty name"],
        [{ ...version, servicePack: "Service Pack 6a/7" }, "a slash in the service pack"],
        [version, "the same version twice"],
      ]);
      editYaml(files, file, (doc) => {
        if (what === "the same version twice") doc.setIn(path.slice(0, -1), doc.createNode([...(doc.getIn(path.slice(0, -1)) as { toJSON(): unknown[] }).toJSON(), version]));
        else doc.setIn(path, doc.createNode(next));
      });
      return { file, description: `${show(path)}: ${what}` };
    },
  },
  // ——— harmless ———
  {
    kind: "harmless-whitespace",
    weight: 6,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter(isMarkdown));
      const text = files.get(file)!;
      const how = random.int(0, 2);
      const next = [`${text}\n\n\n`, text.replace(/\n\n/, "\n\n\n"), text.replace(/([^\n])\n(?!---)/, "$1  \n")][how]!;
      files.set(file, next);
      return { file, description: ["blank lines at the end", "an extra blank line", "trailing spaces on a line"][how]! };
    },
  },
  {
    kind: "harmless-text",
    weight: 8,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter(isMarkdown));
      const text = files.get(file)!;
      const m = FRONTMATTER.exec(text);
      if (!m) return undefined;
      const addition = file.startsWith("ja/") ? "なお、この段落は確認のために追加しました。" : " This sentence was added for the test.";
      const paragraphs = [...text.slice(m[0].length).matchAll(/^[^#\-\s|>`].+$/gm)];
      if (!paragraphs.length) return undefined;
      const p = random.pick(paragraphs);
      splice(files, file, m[0].length + p.index + p[0].length, 0, addition);
      return { file, description: "added a sentence to a paragraph" };
    },
  },
  {
    kind: "harmless-reformat",
    weight: 4,
    apply(files, random) {
      const file = random.pick([...files.keys()].filter((f) => (isMarkdown(f) || f.endsWith(".yaml")) && yamlOf(f, files.get(f)!)));
      const yaml = yamlOf(file, files.get(file)!)!;
      // The same data written out again by the yaml library: flow lists, quotes and comments change.
      files.set(file, yaml.rebuild(String(new (yaml.doc.constructor as typeof Document)(yaml.doc.toJS()))));
      return { file, description: "re-serialised the YAML (same data)" };
    },
  },
  {
    kind: "harmless-summary",
    weight: 3,
    apply(files, random) {
      const all = candidates(files, (path, value) => path.length === 1 && (path[0] === "summary" || path[0] === "title") && typeof value === "string", isEntry);
      if (!all.length) return undefined;
      const { file, path, value } = pickSpread(random, all);
      const next = `${String(value)}${file.startsWith("ja/") ? "（改訂）" : " (revised)"}`;
      editYaml(files, file, (doc) => doc.setIn(path, next));
      return { file, description: `${show(path)}: text edited` };
    },
  },
];

/** A product of products.yaml changed: its id renamed, a name or the vendor removed or emptied, a second id for it. */
function editProducts(files: SiteFiles, file: string, id: string, how: number, random: Random): string {
  const renamed = misspell(id, random);
  editYaml(files, file, (doc) => {
    const product = doc.getIn([id]);
    if (how === 0 && isMap(doc.contents)) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === id);
      if (pair && isScalar(pair.key)) pair.key.value = renamed;
    } else if (how === 1) doc.deleteIn([id, "vendor"]);
    else if (how === 2) doc.setIn([id, "en"], "");
    else if (how === 3) doc.setIn([id, "vendor"], "Micro\u0007soft");
    else if (how === 4) doc.setIn([`${id}-copy`], product);
    else doc.setIn([id, "short"], "XP");
  });
  return [`renamed to ${renamed}`, "removed its vendor", "emptied its English name", "a control character in its vendor", `the same product again as ${id}-copy`, "short as text instead of ja/en"][how]!;
}

/** The mutators' names, for the summary's table of what was tried. */
export const MUTATION_KINDS = MUTATORS.map((m) => m.kind);

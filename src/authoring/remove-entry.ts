/**
 * Removing an entry (`npm run remove -- ID [--redirect-to OTHER-ID]`), planned from the validated content
 * before anything is touched:
 *
 *   remove sasser                   → delete ja/ and en/advisories/sasser.md; drop every URL only it published
 *                                     (its pages, its aliases, its CSAF files, KB/CVE pages no other entry has)
 *                                     from url-manifest.txt at once
 *   remove sasser --redirect-to x   → the same, but its pages and aliases become aliases of x (redirect pages,
 *                                     still listed), and links to sasser in other files point at x
 *
 * Without --redirect-to it refuses while other files link to the entry (related ids, body links), naming them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Entry, SiteData } from "../data/entries.ts";
import { LANGS, SOURCE_LANG } from "../i18n/languages.ts";
import { identifierPages } from "../identifiers/identifier-pages.ts";
import { routes, type Section } from "../routes/routes.ts";
import { walkFiles } from "../links/walk-files.ts";

/** A place in another file that names the entry. */
export interface Reference {
  /** Absolute path. */
  path: string;
  line: number;
  /** `related: sasser`, `[…](advisory:sasser#removal)`. */
  what: string;
}

export interface RemovalPlan {
  id: string;
  section: Section;
  /** Absolute paths of the entry's files (both languages, those that exist). */
  remove: string[];
  /** Manifest URLs that go: listed, and no longer published after the removal. */
  dropUrls: string[];
  /** With --redirect-to: the old URLs added to the target's aliases. */
  newAliases: string[];
  /** Other files that name the entry. */
  references: Reference[];
  /** Absolute path → new text: the target's aliases, links pointing at the target. */
  edits: Map<string, string>;
}

export type PlanResult = { plan: RemovalPlan; error?: undefined } | { plan?: undefined; error: string; references?: Reference[] };

const LINK_KIND: Record<Section, "advisory" | "hoax"> = { advisories: "advisory", hoaxes: "hoax" };

/** `](advisory:sasser)` or `](advisory:sasser#removal)`: a body link to the entry (Markdown in frontmatter too). */
const linkPattern = (section: Section, id: string) => new RegExp(`\\]\\(${LINK_KIND[section]}:${id.replace(/-/g, "\\-")}(?=[#)])`, "g");

export interface PlanInput {
  siteDir: string;
  /** The site, validated (loadContent). */
  site: SiteData;
  /** The list of url-manifest.txt (empty when there is none). */
  listed: string[];
  /** csaf.idPrefix, for the CSAF files' names. */
  idPrefix: string;
  id: string;
  redirectTo?: string;
}

export function planRemoval({ siteDir, site, listed, idPrefix, id, redirectTo }: PlanInput): PlanResult {
  const entries = site.entries.filter((e) => e.id === id);
  const source = entries.find((e) => e.lang === SOURCE_LANG);
  if (!source) {
    const ids = [...new Set(site.entries.map((e) => e.id))].sort();
    return { error: `no entry "${id}" in ${siteDir} (its entries: ${ids.join(", ") || "none"})` };
  }
  const section = source.section;
  let target: Entry | undefined;
  if (redirectTo !== undefined) {
    target = site.entries.find((e) => e.id === redirectTo && e.lang === SOURCE_LANG);
    if (!target) return { error: `--redirect-to ${redirectTo}: no such entry` };
    if (redirectTo === id) return { error: "--redirect-to names the entry being removed" };
  }

  const remove = LANGS.map((lang) => join(siteDir, lang, section, `${id}.md`)).filter((p) => existsSync(p));
  const references = referencesTo(siteDir, site, section, id, new Set(remove));
  if (!target && references.length) {
    return { error: `other files link to ${id}: remove the links first, or redirect its URLs to another entry with --redirect-to OTHER-ID`, references };
  }

  // Every URL only this entry published.
  const pages = entries.map((e) => e.url);
  const aliases = [...new Set(entries.flatMap((e) => e.aliases))];
  const csafFiles = entries.filter((e) => !e.isFallback).map((e) => routes.csafDocument(idPrefix, e));
  const others = site.entries.filter((e) => e.id !== id);
  const stillThere = new Set(identifierPages(others, LANGS).map((p) => p.url));
  const identifiers = identifierPages(entries, LANGS).map((p) => p.url).filter((u) => !stillThere.has(u));
  const redirected = target ? new Set([...pages, ...aliases]) : new Set<string>();
  const gone = (url: string) =>
    !redirected.has(url) &&
    (pages.includes(url) || aliases.includes(url) || identifiers.includes(url) || csafFiles.some((f) => url === f || url.startsWith(`${f}.`)));
  const dropUrls = listed.filter(gone);

  const edits = new Map<string, string>();
  const newAliases = target ? [...pages, ...aliases].filter((u) => !target!.aliases.includes(u)) : [];
  if (target) {
    const targetFile = join(siteDir, SOURCE_LANG, target.section, `${target.id}.md`);
    edits.set(targetFile, editFrontmatterList(readFileSync(targetFile, "utf8"), "aliases", (items) => [...items, ...newAliases]));
    for (const ref of references) {
      const text = edits.get(ref.path) ?? readFileSync(ref.path, "utf8");
      const self = ref.path.endsWith(`/${target.section}/${target.id}.md`);
      // In the target itself a link to the target would lead nowhere: its text stays, without the link.
      let next = self
        ? text.replace(new RegExp(`\\[([^\\]]*)\\]\\(${LINK_KIND[section]}:${id.replace(/-/g, "\\-")}(?:#[^)]*)?\\)`, "g"), "$1")
        : text.replace(linkPattern(section, id), `](${LINK_KIND[target.section]}:${target.id}`);
      // A related id: the target instead, once (and never the target itself).
      next = editFrontmatterList(next, "related", (items) =>
        items.includes(id) ? items.flatMap((i) => (i === id ? (self || items.includes(target!.id) ? [] : [target!.id]) : [i])) : items,
      );
      edits.set(ref.path, next);
    }
  }
  return { plan: { id, section, remove, dropUrls, newAliases, references, edits } };
}

/** Every other content file that names the entry: its id among `related`, or a body link to it. */
function referencesTo(siteDir: string, site: SiteData, section: Section, id: string, own: Set<string>): Reference[] {
  const refs: Reference[] = [];
  for (const lang of LANGS) {
    const dir = join(siteDir, lang);
    if (!existsSync(dir)) continue;
    for (const path of walkFiles(dir).filter((p) => p.endsWith(".md")).sort()) {
      if (own.has(path)) continue;
      const lines = readFileSync(path, "utf8").split("\n");
      lines.forEach((text, i) => {
        for (const m of text.matchAll(linkPattern(section, id))) {
          const rest = text.slice(m.index! + 2);
          refs.push({ path, line: i + 1, what: `link ${rest.slice(0, rest.indexOf(")"))}` });
        }
      });
    }
  }
  for (const entry of site.entries) {
    if (entry.id === id || entry.lang !== SOURCE_LANG || !entry.related.includes(id)) continue;
    const path = join(siteDir, SOURCE_LANG, entry.section, `${entry.id}.md`);
    const lines = readFileSync(path, "utf8").split("\n");
    const line = lines.findIndex((l) => /^related:/.test(l)) + 1;
    refs.push({ path, line: line || 1, what: `related: ${id}` });
  }
  return refs.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

/**
 * A list of the frontmatter, changed by `change`, in the form it is written (`key: [a, b]` or a block of
 * `- a` lines); added as `key: [a, b]` before the closing `---` when absent, removed when it becomes empty.
 * Everything else in the file stays byte for byte.
 */
export function editFrontmatterList(text: string, key: string, change: (items: string[]) => string[]): string {
  const lines = text.split("\n");
  const end = lines.indexOf("---", 1);
  if (lines[0] !== "---" || end < 0) throw new Error("no frontmatter");
  const at = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith(`${key}:`));
  if (at < 0) {
    const items = change([]);
    if (items.length) lines.splice(end, 0, `${key}: [${items.join(", ")}]`);
    return lines.join("\n");
  }
  const flow = /^([^:]+):\s*\[(.*)\]\s*$/.exec(lines[at]!);
  if (flow) {
    const before = flow[2]!.split(",").map((s) => s.trim()).filter(Boolean);
    const items = change(before);
    if (items.join("\0") === before.join("\0")) return text;
    if (items.length) lines[at] = `${key}: [${items.join(", ")}]`;
    else lines.splice(at, 1);
    return lines.join("\n");
  }
  if (!/^[^:]+:\s*$/.test(lines[at]!)) throw new Error(`${key} is written in a form this command does not edit`);
  let last = at;
  while (last + 1 < end && /^\s+-\s/.test(lines[last + 1]!)) last++;
  const block = lines.slice(at + 1, last + 1);
  const indent = /^(\s+)-/.exec(block[0] ?? "  -")![1]!;
  const before = block.map((l) => l.replace(/^\s+-\s+/, "").trim());
  const items = change(before);
  if (items.join("\0") === before.join("\0")) return text;
  lines.splice(at, last - at + 1, ...(items.length ? [`${key}:`, ...items.map((i) => `${indent}- ${i}`)] : []));
  return lines.join("\n");
}

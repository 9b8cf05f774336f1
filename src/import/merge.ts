/**
 * Re-importing a newer version of the same vendor document into an entry the author has been working on (pure).
 *
 * The facts the import owns are replaced field by field, as line ranges of the frontmatter; everything else in
 * the files keeps its bytes: the body, the header comments, and the fields the author writes (title, summary,
 * related, keywords, aliases, translationOf, the English text). New vendor revisions are appended as new
 * revisions after the last one, whoever wrote it. Names and notes the author gave vulnerabilities are kept;
 * a source the author added is kept. The result is checked before it is returned: the author's fields and the
 * bodies must come out equal to what went in.
 *
 *   mergeImport({ ja, en }, draft) → { ja, en, changes: ["~ basedOn.version: 3.0.0 → 3.1.0", "+ revisions: 8 …"], … }
 */
import type { HintCode, ProblemCode } from "../i18n/problem-text.ts";
import type { ProblemParams } from "../data/problems.ts";
import { isDeepStrictEqual } from "node:util";
import { parseFrontmatter } from "../data/frontmatter.ts";
import { expandVersions } from "../data/versions.ts";
import { dayOf, type Draft } from "./map-facts.ts";
import { renderField } from "./render.ts";

/** The Japanese file's fields the import owns (and so may replace). */
export const OWNED_SOURCE_FIELDS = [
  "kind", "published", "revisions", "severity", "affected", "notAffected", "kb", "cve", "bulletins", "sources",
  "vulnerabilities", "testedVersions", "update", "basedOn",
] as const;
/** Fields of the Japanese file that are the author's: never rewritten. */
export const AUTHOR_SOURCE_FIELDS = ["title", "summary", "related", "keywords", "aliases"] as const;
/** Fields of the English file that are the author's: never rewritten (revisions and vulnerabilities only grow). */
export const AUTHOR_TRANSLATION_FIELDS = ["translationOf", "title", "summary"] as const;

export type MergeResult =
  | { ok: true; unchanged: boolean; ja: string; en: string; changes: string[]; notes: string[]; revisionsAdded: number }
  | { ok: false; code: ProblemCode; params: ProblemParams; hint: HintCode };

interface Split {
  /** The frontmatter's lines, without the fences. */
  lines: string[];
  /** The closing fence and everything after it, as it was. */
  rest: string;
}

function split(text: string): Split | undefined {
  const lines = text.split("\n");
  if (!/^---[ \t]*$/.test(lines[0] ?? "")) return undefined;
  const end = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  if (end < 0) return undefined;
  return { lines: lines.slice(1, end), rest: lines.slice(end).join("\n") };
}

const KEY = /^"?([A-Za-z][\w-]*)"?[ \t]*:(?:[ \t]|$)/;

/** Each top-level field's line range [start, end): its key line and the indented lines under it. */
export function fieldSpans(lines: readonly string[]): Map<string, { start: number; end: number }> {
  const spans = new Map<string, { start: number; end: number }>();
  for (let i = 0; i < lines.length; i++) {
    const m = KEY.exec(lines[i]!);
    if (!m) continue;
    let end = i + 1;
    while (end < lines.length && (/^[ \t]/.test(lines[end]!) || (lines[end]!.trim() === "" && nextIsIndented(lines, end)))) end++;
    spans.set(m[1]!, { start: i, end });
    i = end - 1;
  }
  return spans;
}

function nextIsIndented(lines: readonly string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    if (lines[j]!.trim() === "") continue;
    return /^[ \t]/.test(lines[j]!);
  }
  return false;
}

interface Edit {
  start: number;
  end: number;
  lines: string[];
}

const fieldLines = (key: string, value: unknown) => renderField(key, value).replace(/\n$/, "").split("\n");

/** Items appended to a block sequence field, keeping its lines; the whole field re-rendered when it is not one. */
function appendItems(lines: readonly string[], span: { start: number; end: number } | undefined, key: string, all: unknown[], added: unknown[]): Edit | undefined {
  if (!added.length) return undefined;
  if (!span) return { start: lines.length, end: lines.length, lines: fieldLines(key, all) };
  const blockSeq = /^[ \t]*$/.test(lines[span.start]!.slice(lines[span.start]!.indexOf(":") + 1).replace(/#.*$/, "")) && /^\s+-\s/.test(lines[span.start + 1] ?? "");
  if (!blockSeq) return { start: span.start, end: span.end, lines: fieldLines(key, all) };
  const indent = /^(\s+)-/.exec(lines[span.start + 1]!)![1]!;
  const rendered = fieldLines(key, added).slice(1).map((l) => l.replace(/^ {2}/, indent));
  return { start: span.end, end: span.end, lines: rendered };
}

function apply(lines: readonly string[], edits: Edit[]): string[] {
  const out = [...lines];
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out.splice(e.start, e.end - e.start, ...e.lines);
  return out;
}

/** Compares two version strings of one document: integers, or semantic versions; undefined when they are neither. */
export function compareVersions(a: string, b: string): number | undefined {
  if (/^(0|[1-9]\d*)$/.test(a) && /^(0|[1-9]\d*)$/.test(b)) return Number(a) - Number(b);
  const sv = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/;
  const x = sv.exec(a);
  const y = sv.exec(b);
  if (!x || !y) return undefined;
  for (let i = 1; i <= 3; i++) if (Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
  if (x[4] === y[4]) return 0;
  if (!x[4]) return 1;
  if (!y[4]) return -1;
  return x[4] < y[4] ? -1 : 1;
}

export function mergeImport(existing: { ja: string; en: string | undefined }, draft: Draft): MergeResult {
  const jaSplit = split(existing.ja);
  const parsedJa = parseFrontmatter(existing.ja);
  if (!jaSplit || "error" in parsedJa || parsedJa.syntaxErrors.length) {
    return { ok: false, code: "import.unreadable-ja", params: {}, hint: "import.fix-first" };
  }
  const old = (parsedJa.data ?? {}) as Record<string, any>;
  const next = draft.source as Record<string, any>;
  const b = old.basedOn as { trackingId?: string; version?: string; sha256?: string } | undefined;
  if (!b || b.trackingId !== next.basedOn.trackingId) {
    return {
      ok: false,
      code: b?.trackingId ? "import.other-source" : "import.not-imported",
      params: { id: draft.id, trackingId: next.basedOn.trackingId, ...(b?.trackingId ? { basedOn: b.trackingId } : {}) },
      hint: "import.other-id-or-remove-files",
    };
  }
  const notes: string[] = [];
  const newVersion = String(next.basedOn.version);
  const oldVersion = String(b.version ?? "");
  const order = compareVersions(newVersion, oldVersion);
  const lastOld = (old.revisions as { number: number; date: string }[] | undefined)?.at(-1);
  if (order !== undefined && order < 0) {
    return { ok: false, code: "import.older", params: { version: newVersion, imported: oldVersion }, hint: "import.older" };
  }

  // New vendor revisions: those after the version imported last.
  const at = draft.vendorRevisions.findIndex((r) => r.number === oldVersion);
  let fresh: number[];
  if (newVersion === oldVersion) {
    fresh = [];
    if (b.sha256 !== next.basedOn.sha256) notes.push(`the document changed but its version is still ${newVersion}: the facts are updated, no revision is added`);
  } else if (at >= 0) {
    fresh = draft.vendorRevisions.map((_, i) => i).filter((i) => i > at);
  } else {
    fresh = draft.vendorRevisions.map((r, i) => ({ r, i })).filter(({ r }) => !lastOld || dayOf(r.date) > lastOld.date).map(({ i }) => i);
    notes.push(`version ${oldVersion} is not in the document's revision history: revisions dated after ${lastOld?.date ?? "the last one"} are added`);
  }
  const start = (lastOld?.number ?? 0) + 1;
  const draftRevisions = next.revisions as { number: number; date: string; note: string }[];
  const draftRevisionsEn = (draft.translation.revisions ?? []) as { number: number; note: string }[];
  const addedJa = fresh.map((i, k) => ({ number: start + k, date: draftRevisions[i]!.date, note: draftRevisions[i]!.note }));
  const addedEn = fresh.map((i, k) => ({ number: start + k, note: draftRevisionsEn[i]!.note }));

  // The facts: the new document's, with what the author wrote kept.
  const merged: Record<string, unknown> = {};
  for (const key of OWNED_SOURCE_FIELDS) if (next[key] !== undefined) merged[key] = next[key];
  merged.revisions = [...((old.revisions as unknown[]) ?? []), ...addedJa];
  const oldSources = (old.sources ?? []) as { title: string; url?: string }[];
  const nextSources = (next.sources ?? []) as { title: string; url: string }[];
  merged.sources = [...oldSources, ...nextSources.filter((s) => !oldSources.some((o) => o.url === s.url))];
  for (const s of oldSources) {
    if (s.url && !nextSources.some((n) => n.url === s.url)) notes.push(`source ${s.url} is not in the new version's references: kept (remove it if it no longer applies)`);
  }
  const oldVulns = (old.vulnerabilities ?? []) as Record<string, unknown>[];
  const nextVulns = (next.vulnerabilities ?? []) as Record<string, unknown>[];
  // A name or note still the import's own placeholder ("TODO: …") is not the author's: it follows the vendor.
  const placeholder = (x: unknown) => typeof x === "string" && x.startsWith("TODO: ");
  const vulns = nextVulns.map((v) => {
    const mine = oldVulns.find((o) => o.id === v.id);
    if (!mine) return v;
    const { name: _n, note: _o, ...facts } = v;
    const name = placeholder(mine.name) ? v.name : mine.name;
    const note = mine.note !== undefined && !placeholder(mine.note) ? mine.note : v.note;
    return { id: v.id, name, ...Object.fromEntries(Object.entries(facts).filter(([k]) => k !== "id")), ...(note !== undefined ? { note } : {}) };
  });
  for (const o of oldVulns) {
    if (!nextVulns.some((v) => v.id === o.id)) {
      vulns.push(o);
      notes.push(`vulnerability ${String(o.id)} is not in the new version: kept as it was (remove it if the vendor withdrew it)`);
    }
  }
  if (vulns.length) merged.vulnerabilities = vulns;
  else delete merged.vulnerabilities;

  // Edits to the Japanese file: owned fields replaced, revisions appended, fields no longer known removed.
  const spans = fieldSpans(jaSplit.lines);
  const edits: Edit[] = [];
  for (const key of OWNED_SOURCE_FIELDS) {
    const span = spans.get(key);
    const value = merged[key];
    if (key === "revisions") {
      const e = appendItems(jaSplit.lines, span, key, merged.revisions as unknown[], addedJa);
      if (e) edits.push(e);
      continue;
    }
    if (isDeepStrictEqual(old[key], value)) continue;
    if (value === undefined) {
      if (span) edits.push({ start: span.start, end: span.end, lines: [] });
    } else if (span) {
      edits.push({ start: span.start, end: span.end, lines: fieldLines(key, value) });
    } else {
      edits.push({ start: jaSplit.lines.length, end: jaSplit.lines.length, lines: fieldLines(key, value) });
    }
  }
  if (!edits.length) return { ok: true, unchanged: true, ja: existing.ja, en: existing.en ?? "", changes: [], notes, revisionsAdded: 0 };
  const ja = `---\n${[...apply(jaSplit.lines, edits), ""].join("\n")}${jaSplit.rest}`;

  // The English file: its revisions and vulnerability names only grow.
  let en: string;
  if (existing.en === undefined) {
    en = "";
    notes.push("the English file is missing: it is not written again (run the import on a fresh id to get one)");
  } else {
    const enSplit = split(existing.en);
    const parsedEn = parseFrontmatter(existing.en);
    if (!enSplit || "error" in parsedEn || parsedEn.syntaxErrors.length) {
      return { ok: false, code: "import.unreadable-en", params: {}, hint: "import.fix-first" };
    }
    const oldEn = (parsedEn.data ?? {}) as Record<string, any>;
    const enSpans = fieldSpans(enSplit.lines);
    const enEdits: Edit[] = [];
    const r = appendItems(enSplit.lines, enSpans.get("revisions"), "revisions", [...(oldEn.revisions ?? []), ...addedEn], addedEn);
    if (r) enEdits.push(r);
    const known = ((oldEn.vulnerabilities ?? []) as { id: string }[]).map((v) => v.id);
    const newNames = ((draft.translation.vulnerabilities ?? []) as { id: string }[]).filter((v) => !known.includes(v.id));
    const v = appendItems(enSplit.lines, enSpans.get("vulnerabilities"), "vulnerabilities", [...(oldEn.vulnerabilities ?? []), ...newNames], newNames);
    if (v) enEdits.push(v);
    en = `---\n${[...apply(enSplit.lines, enEdits), ""].join("\n")}${enSplit.rest}`;
    const check = verifyKept(existing.en, en, AUTHOR_TRANSLATION_FIELDS, ["revisions", "vulnerabilities"]);
    if (check) return { ok: false, code: "import.would-change-en", params: { what: check }, hint: "import.bug" };
  }
  const check = verifyKept(existing.ja, ja, AUTHOR_SOURCE_FIELDS, []);
  if (check) return { ok: false, code: "import.would-change-ja", params: { what: check }, hint: "import.bug" };
  const vulnerabilityText = (text: string) =>
    ((parseFrontmatter(text) as { data: any }).data?.vulnerabilities ?? []).filter((x: any) => !placeholder(x.name) && !placeholder(x.note)).map((x: any) => [x.id, x.name, x.note]);
  const before = vulnerabilityText(existing.ja);
  const after = vulnerabilityText(ja);
  if (!before.every((x: unknown[]) => after.some((y: unknown[]) => isDeepStrictEqual(x, y)))) {
    return { ok: false, code: "import.would-change-names", params: {}, hint: "import.bug" };
  }

  return { ok: true, unchanged: false, ja, en, changes: describeChanges(old, merged), notes, revisionsAdded: addedJa.length };
}

/** The first of the author's fields or growing lists that differs, or the body; undefined when all are kept. */
function verifyKept(before: string, after: string, fields: readonly string[], growing: readonly string[]): string | undefined {
  const a = parseFrontmatter(before);
  const b = parseFrontmatter(after);
  if ("error" in a || "error" in b || b.syntaxErrors.length) return "frontmatter (it would not parse)";
  if (a.body !== b.body) return "body";
  const x = (a.data ?? {}) as Record<string, unknown>;
  const y = (b.data ?? {}) as Record<string, unknown>;
  for (const f of fields) if (!isDeepStrictEqual(x[f], y[f])) return `"${f}"`;
  for (const f of growing) {
    const old = (x[f] ?? []) as unknown[];
    const now = (y[f] ?? []) as unknown[];
    if (!old.every((item, i) => isDeepStrictEqual(item, now[i]))) return `"${f}"`;
  }
  return undefined;
}

const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/** A whole added or removed item in a few words: a revision by its date and note, a vulnerability by its CVE. */
function summarize(v: unknown): string {
  const x = v as Record<string, unknown> | null;
  if (x && typeof x === "object" && !Array.isArray(x)) {
    if ("number" in x && "date" in x) return `${String(x.date)} ${show(x.note)}`;
    if ("id" in x && "name" in x) return [x.cve, x.name].filter(Boolean).map(String).join(" ");
    if ("url" in x && "title" in x) return `${String(x.title)} <${String(x.url)}>`;
  }
  return show(v);
}

/** What changed in the facts, one line each: "+ cve: CVE-2018-0999", "~ basedOn.version: 3.0.0 → 3.1.0". */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (isDeepStrictEqual(a, b)) return;
    if (path === "testedVersions" || /^testedVersions\./.test(path)) {
      const ta = (a ?? {}) as Record<string, unknown[]>;
      const tb = (b ?? {}) as Record<string, unknown[]>;
      if (path === "testedVersions") {
        for (const p of new Set([...Object.keys(ta), ...Object.keys(tb)])) walk(ta[p], tb[p], `testedVersions.${p}`);
        return;
      }
      const la = expandVersions((a ?? []) as never).map((v) => v.label);
      const lb = expandVersions((b ?? []) as never).map((v) => v.label);
      const plus = lb.filter((l) => !la.includes(l));
      const minus = la.filter((l) => !lb.includes(l));
      if (plus.length) out.push(`+ ${path}: ${plus.length} ${plus.length === 1 ? "version" : "versions"} (${plus.slice(0, 5).join(", ")}${plus.length > 5 ? ", …" : ""})`);
      if (minus.length) out.push(`- ${path}: ${minus.length} ${minus.length === 1 ? "version" : "versions"} (${minus.slice(0, 5).join(", ")}${minus.length > 5 ? ", …" : ""})`);
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const xa = (a ?? []) as unknown[];
      const xb = (b ?? []) as unknown[];
      const keyed = [...xa, ...xb].every((x) => x && typeof x === "object" && ("id" in x || "number" in x || "url" in x));
      if (keyed) {
        const key = (x: any) => String(x.id ?? x.number ?? x.url);
        for (const k of new Set([...xa.map(key), ...xb.map(key)])) walk(xa.find((x) => key(x) === k), xb.find((x) => key(x) === k), `${path}[${k}]`);
        return;
      }
      if (xa.every((x) => typeof x !== "object") && xb.every((x) => typeof x !== "object")) {
        for (const x of xb) if (!xa.includes(x)) out.push(`+ ${path}: ${show(x)}`);
        for (const x of xa) if (!xb.includes(x)) out.push(`- ${path}: ${show(x)}`);
        return;
      }
    }
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk((a as any)[k], (b as any)[k], path ? `${path}.${k}` : k);
      return;
    }
    if (a === undefined) out.push(`+ ${path}: ${summarize(b)}`);
    else if (b === undefined) out.push(`- ${path}: ${summarize(a)}`);
    else out.push(`~ ${path}: ${show(a)} → ${show(b)}`);
  };
  for (const key of OWNED_SOURCE_FIELDS) walk(before[key], after[key], key);
  return out;
}

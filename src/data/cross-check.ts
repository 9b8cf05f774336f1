/**
 * Checks that need more than one field or more than one file: revision order, dates, ids that must
 * exist, lists without repeats, and translations that restate a fact of their source (they must agree).
 */
import { isDeepStrictEqual } from "node:util";
import { SOURCE_LANG } from "../i18n/languages.ts";
import { didYouMean, formatPath, type ContentProblem } from "./problems.ts";
import { NEUTRAL_KEYS, type Advisory, type AdvisoryTranslation, type Hoax, type HoaxTranslation } from "./schema.ts";
import type { LoadedFile } from "./load-content.ts";

function at(f: LoadedFile, path: (string | number)[]): Omit<ContentProblem, "message"> {
  return { file: f.file, ...f.parsed.locate(path), field: formatPath(path) };
}

export function crossCheckSource(f: LoadedFile, ids: Set<string>, problems: ContentProblem[]): void {
  const data = f.data as Advisory | Hoax;
  data.revisions.forEach((r, i) => {
    if (r.number !== i + 1) {
      problems.push({ ...at(f, ["revisions", i, "number"]), message: `expected revision ${i + 1}, found ${r.number}`, hint: "number revisions 1, 2, 3 … oldest first" });
    }
    if (r.date < data.published) {
      problems.push({ ...at(f, ["revisions", i, "date"]), message: `revision date ${r.date} is before "published" (${data.published})`, hint: "a revision cannot predate publication; fix the date or \"published\"" });
    }
    const previous = data.revisions[i - 1];
    if (previous && r.date < previous.date) {
      problems.push({ ...at(f, ["revisions", i, "date"]), message: `revision ${r.number} (${r.date}) is dated before revision ${previous.number} (${previous.date})`, hint: "list revisions oldest first" });
    }
  });
  data.related.forEach((id, i) => {
    if (id === f.id) problems.push({ ...at(f, ["related", i]), message: `"${id}" is this entry itself`, hint: "remove it" });
    else if (!ids.has(id)) {
      const guess = didYouMean(id, [...ids]);
      problems.push({ ...at(f, ["related", i]), message: `unknown id "${id}"`, hint: guess ? `did you mean "${guess}"?` : "related ids name existing advisories or hoaxes" });
    }
  });
  const lists: (keyof Advisory & keyof Hoax | "affected" | "notAffected" | "kb" | "cve" | "bulletins")[] = ["related", "keywords", "affected", "notAffected", "kb", "cve", "bulletins", "aliases"];
  for (const key of lists) {
    const list = (data as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    list.forEach((value, i) => {
      if (list.indexOf(value) !== i) problems.push({ ...at(f, [key, i]), message: `${JSON.stringify(value)} is listed twice`, hint: "remove the repeat" });
    });
  }
  data.aliases.forEach((alias, i) => {
    if (!alias.startsWith("/") || alias.split("/").includes("..") || !/^\/[A-Za-z0-9._~\/-]*$/.test(alias)) {
      problems.push({ ...at(f, ["aliases", i]), message: `invalid alias "${alias}"`, hint: "an alias is a path inside this site such as /ja/advisories/sasser-worm/ (ASCII, no \"..\")" });
    }
  });
  if (data.kind !== "hoax") {
    const a = data as Advisory;
    a.notAffected.forEach((p, i) => {
      if (a.affected.includes(p)) problems.push({ ...at(f, ["notAffected", i]), message: `"${p}" is also listed in "affected"`, hint: "a product is either affected or not affected" });
    });
    const vulnIds = new Set<string>();
    a.vulnerabilities.forEach((v, i) => {
      if (vulnIds.has(v.id)) problems.push({ ...at(f, ["vulnerabilities", i, "id"]), message: `vulnerability id "${v.id}" is used twice`, hint: "give each vulnerability its own id" });
      vulnIds.add(v.id);
      if (!a.cve.includes(v.cve)) problems.push({ ...at(f, ["vulnerabilities", i, "cve"]), message: `${v.cve} is not listed in "cve"`, hint: `add ${v.cve} to "cve"` });
      if (v.can && v.can.slice(4) !== v.cve.slice(4)) problems.push({ ...at(f, ["vulnerabilities", i, "can"]), message: `${v.can} does not match ${v.cve}`, hint: "the candidate id has the same numbers as the CVE id" });
    });
  }
}

export function crossCheckTranslation(f: LoadedFile, source: LoadedFile, problems: ContentProblem[]): void {
  const tr = f.data as AdvisoryTranslation | HoaxTranslation;
  const src = source.data as Advisory | Hoax;
  const kind = src.kind === "hoax" ? "hoax" : "advisory";
  for (const key of NEUTRAL_KEYS[kind]) {
    const mine = (tr as Record<string, unknown>)[key];
    if (mine === undefined) continue;
    const theirs = (src as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(mine, theirs)) {
      const where = source.parsed.locate([key]);
      problems.push({
        ...at(f, [key]),
        message: `${JSON.stringify(mine)} disagrees with the ${SOURCE_LANG} source ${source.file}:${where.line} (${JSON.stringify(theirs ?? null)})`,
        hint: `remove "${key}" from the translation (it is taken from the source), or make it equal`,
      });
    }
  }
  const latest = src.revisions.at(-1)!.number;
  if (tr.translationOf > latest) {
    problems.push({ ...at(f, ["translationOf"]), message: `revision ${tr.translationOf} does not exist in ${source.file} (latest is ${latest})`, hint: `set translationOf to the source revision you translated (1–${latest})` });
  }
  tr.revisions.forEach((r, i) => {
    const original = src.revisions.find((s) => s.number === r.number);
    if (!original) problems.push({ ...at(f, ["revisions", i, "number"]), message: `revision ${r.number} does not exist in ${source.file}`, hint: `the source has revisions 1–${latest}` });
    else if (r.date !== undefined && r.date !== original.date) problems.push({ ...at(f, ["revisions", i, "date"]), message: `${r.date} disagrees with the source's date ${original.date}`, hint: "remove the date (it is taken from the source), or make it equal" });
  });
  if ("vulnerabilities" in tr && "vulnerabilities" in src) {
    const srcIds = src.vulnerabilities.map((v) => v.id);
    tr.vulnerabilities.forEach((v, i) => {
      if (!srcIds.includes(v.id)) {
        const guess = didYouMean(v.id, srcIds);
        problems.push({ ...at(f, ["vulnerabilities", i, "id"]), message: `unknown vulnerability id "${v.id}"`, hint: guess ? `did you mean "${guess}"?` : `the source's ids are: ${srcIds.join(", ")}` });
      }
    });
  }
  if ("firstSeen" in tr && src.kind === "hoax") {
    const h = src as Hoax;
    const ts = (tr as HoaxTranslation).firstSeen;
    if (ts.date !== undefined && ts.date !== h.firstSeen.date) problems.push({ ...at(f, ["firstSeen", "date"]), message: `${ts.date} disagrees with the source's date ${h.firstSeen.date}`, hint: "remove the date (it is taken from the source), or make it equal" });
    if (ts.approximate !== undefined && ts.approximate !== h.firstSeen.approximate) problems.push({ ...at(f, ["firstSeen", "approximate"]), message: `disagrees with the source (${h.firstSeen.approximate})`, hint: "remove it (it is taken from the source), or make it equal" });
  }
}

/**
 * Checks that need more than one field or more than one file: revision order, dates, ids that must
 * exist, lists without repeats, and translations that restate a fact of their source (they must agree).
 */
import { isDeepStrictEqual } from "node:util";
import { SOURCE_LANG } from "../i18n/languages.ts";
import { didYouMean, formatPath, type ContentProblem } from "./problems.ts";
import { NEUTRAL_KEYS, type Advisory, type AdvisoryTranslation, type Hoax, type HoaxTranslation } from "./schema.ts";
import type { LoadedFile } from "./load-content.ts";
import { baseScoreOf } from "./cvss.ts";
import { contradictions, expandVersions, isAffectedStatus, statusByCategory, unknownVersions, type ExpandedVersion, type ProductRefs } from "./versions.ts";
import type { ProductId } from "./vocabulary.ts";

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
      if (v.cve && !a.cve.includes(v.cve)) problems.push({ ...at(f, ["vulnerabilities", i, "cve"]), message: `${v.cve} is not listed in "cve"`, hint: `add ${v.cve} to "cve"` });
      if (v.can && !v.cve) problems.push({ ...at(f, ["vulnerabilities", i, "can"]), message: `${v.can} is given without a CVE id`, hint: "add the CVE id the candidate became (cve), or remove can" });
      else if (v.can && v.cve && v.can.slice(4) !== v.cve.slice(4)) problems.push({ ...at(f, ["vulnerabilities", i, "can"]), message: `${v.can} does not match ${v.cve}`, hint: "the candidate id has the same numbers as the CVE id" });
    });
    checkVulnerabilityProducts(f, a, problems);
    if (a.basedOn && !a.bulletins.includes(a.basedOn.trackingId)) {
      problems.push({ ...at(f, ["basedOn", "trackingId"]), message: `${a.basedOn.trackingId} is not listed in "bulletins"`, hint: `add ${a.basedOn.trackingId} to "bulletins"` });
    }
  }
}

/**
 * The per-product facts of each vulnerability (status, scores, remediations) name products and their versions:
 * the versions must be listed in testedVersions, a product has a rating or a status but not both, a status
 * agrees with `affected` / `notAffected` and never puts a version in two contradicting groups (CSAF 6.1.6),
 * a score is the one its vector gives, and a fact without products needs affected products to default to.
 */
function checkVulnerabilityProducts(f: LoadedFile, a: Advisory, problems: ContentProblem[]): void {
  const versionsOf = new Map<string, ExpandedVersion[]>();
  const versions = (p: ProductId) => {
    let list = versionsOf.get(p);
    if (!list) versionsOf.set(p, (list = expandVersions(a.testedVersions?.[p])));
    return list;
  };
  const checkVersions = (product: ProductId, ref: "all" | string[], path: (string | number)[]) => {
    {
      const unknown = unknownVersions(ref, versions(product));
      if (unknown.length) {
        problems.push({ ...at(f, path), message: `not a version of ${product} in "testedVersions": ${unknown.map((u) => `"${u}"`).join(", ")}`, hint: versions(product).length ? `write all, or full names from testedVersions: ${versions(product).slice(0, 3).map((v) => `"${v.label}"`).join(", ")}${versions(product).length > 3 ? ", …" : ""}` : `list its versions under testedVersions.${product}, or write all` });
      }
    }
  };
  const checkRefs = (refs: ProductRefs, path: (string | number)[]) => {
    for (const [product, ref] of Object.entries(refs) as [ProductId, "all" | string[]][]) checkVersions(product, ref, [...path, product]);
  };
  a.testedVersions && Object.entries(a.testedVersions).forEach(([product, list]) => {
    const seen = new Set<string>();
    for (const v of expandVersions(list)) {
      if (seen.has(v.label)) problems.push({ ...at(f, ["testedVersions", product]), message: `the version "${v.label}" is listed twice`, hint: "remove the repeat" });
      seen.add(v.label);
    }
  });
  a.vulnerabilities.forEach((v, i) => {
    const base = ["vulnerabilities", i] as (string | number)[];
    let affectedHere = Object.entries(v.ratings).some(([, r]) => r !== "none");
    for (const [product, value] of Object.entries(v.status) as [ProductId, NonNullable<(typeof v.status)[ProductId]>][]) {
      const path = [...base, "status", product];
      if (v.ratings[product] !== undefined) {
        problems.push({ ...at(f, path), message: `${product} has both a rating and a status`, hint: "a rating already gives the status (none = not affected, any other rating = affected); remove one of the two" });
      }
      if (typeof value !== "string") for (const [status, ref] of Object.entries(value)) checkVersions(product, ref as "all" | string[], [...path, status]);
      const byStatus = statusByCategory(value, versions(product));
      const affected = [...byStatus.keys()].some(isAffectedStatus);
      if (affected) affectedHere = true;
      if (affected && !a.affected.includes(product)) problems.push({ ...at(f, path), message: `${product} is given an affected status but is not listed in "affected"`, hint: `add ${product} to "affected"` });
      if (affected && a.notAffected.includes(product)) problems.push({ ...at(f, path), message: `${product} is given an affected status but is listed in "notAffected"`, hint: `remove ${product} from "notAffected", or correct the status` });
      for (const c of contradictions(value, versions(product))) {
        problems.push({ ...at(f, path), message: `${c.label ? `"${c.label}"` : product} is ${c.groups.join(" and ")} at once`, hint: "CSAF allows one of affected, not affected, fixed and under investigation per version; correct the status" });
      }
    }
    v.scores.forEach((score, j) => {
      const expected = baseScoreOf(score.vector);
      if (expected === undefined) problems.push({ ...at(f, [...base, "scores", j, "vector"]), message: `the CVSS vector "${score.vector}" cannot be computed`, hint: "copy the vector exactly as the vendor published it" });
      else if (expected !== score.baseScore) problems.push({ ...at(f, [...base, "scores", j, "baseScore"]), message: `${score.baseScore} is not the base score of its vector (${expected})`, hint: `write ${expected}, or check the vector` });
      if (score.products) checkRefs(score.products, [...base, "scores", j, "products"]);
      else if (!affectedHere) problems.push({ ...at(f, [...base, "scores", j]), message: "the score names no products and the vulnerability has no affected product", hint: "add products: { product-id: all }" });
    });
    v.remediations.forEach((r, j) => {
      if (r.products) checkRefs(r.products, [...base, "remediations", j, "products"]);
      else if (!affectedHere) problems.push({ ...at(f, [...base, "remediations", j]), message: "the remediation names no products and the vulnerability has no affected product", hint: "add products: { product-id: all }" });
    });
  });
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

/**
 * Stage 3, cross-check: the checks that need more than one field or more than one file. Ids are unique
 * across advisories and hoaxes; every site has its required pages; revisions are in order and dated after
 * publication; related ids exist; lists have no repeats; aliases stay inside the site and shadow no page;
 * a translation has a source, and restates a fact of it only if it is equal. Also works out where entry
 * links can point (`state.known`), for the render stage.
 */
import { isDeepStrictEqual } from "node:util";
import { LANGS, SOURCE_LANG } from "../../i18n/languages.ts";
import { fixedPaths, PAGE_PATHS, routes } from "../../routes/routes.ts";
import type { Section } from "../entries.ts";
import { didYouMean, formatPath, type ContentProblem } from "../problems.ts";
import { NEUTRAL_KEYS, type Advisory, type AdvisoryTranslation, type Hoax, type HoaxTranslation } from "../schema.ts";
import { keyOf, sourcesOf, type LoadState, type LoadedFile } from "./state.ts";
import { baseScoreOf } from "../cvss.ts";
import { contradictions, expandVersions, isAffectedStatus, statusByCategory, unknownVersions, type ExpandedVersion, type ProductRefs } from "../versions.ts";
import type { ProductId } from "../vocabulary.ts";

export function crossCheck(state: LoadState): void {
  const { present, problems } = state;
  const sources = sourcesOf(state);
  // Ids are shared by advisories and hoaxes (related: and links name them without a folder).
  for (const key of present) {
    const [lang, folder, id] = key.split("/") as [string, string, string];
    if (lang !== SOURCE_LANG || folder === "pages") continue;
    if (folder === "hoaxes" && present.has(keyOf(SOURCE_LANG, "advisories", id))) {
      problems.push({ file: `content/${SOURCE_LANG}/hoaxes/${id}.md`, line: 1, column: 1, field: "(file)", code: "id.taken", params: { id, other: `content/${SOURCE_LANG}/advisories/${id}.md` }, hint: "id.unique" });
    }
    state.entryIds.add(id);
  }
  for (const page of Object.keys(PAGE_PATHS)) {
    if (!present.has(keyOf(SOURCE_LANG, "pages", page))) {
      problems.push({ file: `content/${SOURCE_LANG}/pages/${page}.md`, line: 1, column: 1, field: "(file)", code: "page.missing", params: { id: page }, hint: "page.required" });
    }
  }

  state.known = {
    url(kind, id, lang) {
      if (kind === "page") return id in PAGE_PATHS && present.has(keyOf(SOURCE_LANG, "pages", id)) ? routes.page(lang, id) : undefined;
      const folder = kind === "advisory" ? "advisories" : "hoaxes";
      return present.has(keyOf(SOURCE_LANG, folder, id)) ? routes.entry(lang, folder, id) : undefined;
    },
    ids(kind) {
      const folder = kind === "advisory" ? "advisories" : kind === "hoax" ? "hoaxes" : "pages";
      return sources.filter((s) => s.folder === folder).map((s) => s.id);
    },
  };

  for (const f of sources) {
    if (f.folder !== "pages") crossCheckSource(f, state.entryIds, problems);
  }
  problems.push(...checkAliases(aliasesOf(sources), realPaths(present)));
  for (const f of state.files) {
    if (f.lang === SOURCE_LANG) continue;
    const source = state.byKey.get(keyOf(SOURCE_LANG, f.folder, f.id));
    if (!source && present.has(keyOf(SOURCE_LANG, f.folder, f.id))) continue; // the source is invalid and already reported
    if (!source) {
      problems.push({ file: f.file, line: 1, column: 1, field: "(file)", code: "translation.no-source", params: { source: `content/${SOURCE_LANG}/${f.folder}/${f.id}.md` }, hint: "translation.no-source" });
      continue;
    }
    if (f.folder !== "pages") crossCheckTranslation(f, source, problems);
  }
}

/** Every alias with where it is written, for the alias checks. */
function aliasesOf(sources: LoadedFile[]) {
  return sources.flatMap((f) =>
    ((f.data as { aliases?: string[] }).aliases ?? []).map((alias, i) => ({ alias, file: f.file, ...f.parsed.locate(["aliases", i]), field: `aliases[${i}]` })),
  );
}

/** The site paths real pages will have, so an alias cannot shadow one. */
function realPaths(present: Set<string>): Set<string> {
  const paths = new Set<string>(fixedPaths(LANGS));
  for (const key of present) {
    const [, folder, id] = key.split("/") as [string, string, string];
    if (folder === "pages") continue;
    for (const lang of LANGS) paths.add(routes.entry(lang, folder as Section, id));
  }
  return paths;
}

function at(f: LoadedFile, path: (string | number)[]): Pick<ContentProblem, "file" | "line" | "column" | "field"> {
  return { file: f.file, ...f.parsed.locate(path), field: formatPath(path) };
}

function crossCheckSource(f: LoadedFile, ids: Set<string>, problems: ContentProblem[]): void {
  const data = f.data as Advisory | Hoax;
  data.revisions.forEach((r, i) => {
    if (r.number !== i + 1) {
      problems.push({ ...at(f, ["revisions", i, "number"]), code: "revision.number", params: { should: i + 1, number: r.number }, hint: "revision.number" });
    }
    if (r.date < data.published) {
      problems.push({ ...at(f, ["revisions", i, "date"]), code: "revision.before-published", params: { date: r.date, published: data.published }, hint: "revision.before-published" });
    }
    const previous = data.revisions[i - 1];
    if (previous && r.date < previous.date) {
      problems.push({ ...at(f, ["revisions", i, "date"]), code: "revision.order", params: { number: r.number, date: r.date, previous: previous.number, previousDate: previous.date }, hint: "revision.order" });
    }
  });
  data.related.forEach((id, i) => {
    if (id === f.id) problems.push({ ...at(f, ["related", i]), code: "related.self", params: { id }, hint: "remove-it" });
    else if (!ids.has(id)) {
      const guess = didYouMean(id, [...ids]);
      problems.push({ ...at(f, ["related", i]), code: "related.unknown", params: { id, ...(guess ? { suggestion: guess } : {}) }, hint: guess ? "did-you-mean" : "related.unknown" });
    }
  });
  const lists: (keyof Advisory & keyof Hoax | "affected" | "notAffected" | "kb" | "cve" | "bulletins")[] = ["related", "keywords", "affected", "notAffected", "kb", "cve", "bulletins", "aliases"];
  for (const key of lists) {
    const list = (data as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    list.forEach((value, i) => {
      if (list.indexOf(value) !== i) problems.push({ ...at(f, [key, i]), code: "list.repeat", params: { value: JSON.stringify(value) }, hint: "remove-repeat" });
    });
  }
  data.aliases.forEach((alias, i) => {
    if (!alias.startsWith("/") || alias.split("/").includes("..") || !/^\/[A-Za-z0-9._~\/-]*$/.test(alias)) {
      problems.push({ ...at(f, ["aliases", i]), code: "alias.invalid", params: { alias }, hint: "alias.invalid" });
    }
  });
  if (data.kind !== "hoax") {
    const a = data as Advisory;
    a.notAffected.forEach((p, i) => {
      if (a.affected.includes(p)) problems.push({ ...at(f, ["notAffected", i]), code: "product.affected-and-not", params: { product: p }, hint: "product.affected-and-not" });
    });
    const vulnIds = new Set<string>();
    a.vulnerabilities.forEach((v, i) => {
      if (vulnIds.has(v.id)) problems.push({ ...at(f, ["vulnerabilities", i, "id"]), code: "vulnerability.id-repeat", params: { id: v.id }, hint: "vulnerability.id-repeat" });
      vulnIds.add(v.id);
      if (v.cve && !a.cve.includes(v.cve)) problems.push({ ...at(f, ["vulnerabilities", i, "cve"]), code: "vulnerability.cve-unlisted", params: { cve: v.cve }, hint: "vulnerability.cve-unlisted" });
      if (v.can && !v.cve) problems.push({ ...at(f, ["vulnerabilities", i, "can"]), code: "vulnerability.can-without-cve", params: { can: v.can }, hint: "vulnerability.can-without-cve" });
      else if (v.can && v.cve && v.can.slice(4) !== v.cve.slice(4)) problems.push({ ...at(f, ["vulnerabilities", i, "can"]), code: "vulnerability.can-mismatch", params: { can: v.can, cve: v.cve }, hint: "vulnerability.can-mismatch" });
    });
    checkVulnerabilityProducts(f, a, problems);
    if (a.basedOn && !a.bulletins.includes(a.basedOn.trackingId)) {
      problems.push({ ...at(f, ["basedOn", "trackingId"]), code: "based-on.unlisted", params: { id: a.basedOn.trackingId }, hint: "based-on.unlisted" });
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
        problems.push({ ...at(f, path), code: "versions.unknown", params: { product, versions: unknown.map((u) => `"${u}"`), known: [...versions(product).slice(0, 3).map((v) => `"${v.label}"`), ...(versions(product).length > 3 ? ["…"] : [])] }, hint: versions(product).length ? "versions.known" : "versions.none" });
      }
    }
  };
  const checkRefs = (refs: ProductRefs, path: (string | number)[]) => {
    for (const [product, ref] of Object.entries(refs) as [ProductId, "all" | string[]][]) checkVersions(product, ref, [...path, product]);
  };
  a.testedVersions && Object.entries(a.testedVersions).forEach(([product, list]) => {
    const seen = new Set<string>();
    for (const v of expandVersions(list)) {
      if (seen.has(v.label)) problems.push({ ...at(f, ["testedVersions", product]), code: "versions.repeat", params: { version: v.label }, hint: "remove-repeat" });
      seen.add(v.label);
    }
  });
  a.vulnerabilities.forEach((v, i) => {
    const base = ["vulnerabilities", i] as (string | number)[];
    let affectedHere = Object.entries(v.ratings).some(([, r]) => r !== "none");
    for (const [product, value] of Object.entries(v.status) as [ProductId, NonNullable<(typeof v.status)[ProductId]>][]) {
      const path = [...base, "status", product];
      if (v.ratings[product] !== undefined) {
        problems.push({ ...at(f, path), code: "status.and-rating", params: { product }, hint: "status.and-rating" });
      }
      if (typeof value !== "string") for (const [status, ref] of Object.entries(value)) checkVersions(product, ref as "all" | string[], [...path, status]);
      const byStatus = statusByCategory(value, versions(product));
      const affected = [...byStatus.keys()].some(isAffectedStatus);
      if (affected) affectedHere = true;
      if (affected && !a.affected.includes(product)) problems.push({ ...at(f, path), code: "status.affected-unlisted", params: { product }, hint: "status.affected-unlisted" });
      if (affected && a.notAffected.includes(product)) problems.push({ ...at(f, path), code: "status.affected-not-affected", params: { product }, hint: "status.affected-not-affected" });
      for (const c of contradictions(value, versions(product))) {
        problems.push({ ...at(f, path), code: "status.contradiction", params: { what: c.label ? `"${c.label}"` : product, groups: c.groups }, hint: "status.contradiction" });
      }
    }
    v.scores.forEach((score, j) => {
      const expected = baseScoreOf(score.vector);
      if (expected === undefined) problems.push({ ...at(f, [...base, "scores", j, "vector"]), code: "cvss.uncomputable", params: { vector: score.vector }, hint: "cvss.copy" });
      else if (expected !== score.baseScore) problems.push({ ...at(f, [...base, "scores", j, "baseScore"]), code: "cvss.base-score", params: { score: score.baseScore, computed: expected }, hint: "cvss.base-score" });
      if (score.products) checkRefs(score.products, [...base, "scores", j, "products"]);
      else if (!affectedHere) problems.push({ ...at(f, [...base, "scores", j]), code: "score.no-products", params: {}, hint: "add-products" });
    });
    v.remediations.forEach((r, j) => {
      if (r.products) checkRefs(r.products, [...base, "remediations", j, "products"]);
      else if (!affectedHere) problems.push({ ...at(f, [...base, "remediations", j]), code: "remediation.no-products", params: {}, hint: "add-products" });
    });
  });
}

function crossCheckTranslation(f: LoadedFile, source: LoadedFile, problems: ContentProblem[]): void {
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
        code: "translation.disagrees",
        params: { value: JSON.stringify(mine), sourceLang: SOURCE_LANG, source: `${source.file}:${where.line}`, sourceValue: JSON.stringify(theirs ?? null), key },
        hint: "translation.disagrees",
      });
    }
  }
  const latest = src.revisions.at(-1)!.number;
  if (tr.translationOf > latest) {
    problems.push({ ...at(f, ["translationOf"]), code: "translation-of.unknown", params: { number: tr.translationOf, source: source.file, latest }, hint: "translation-of.unknown" });
  }
  tr.revisions.forEach((r, i) => {
    const original = src.revisions.find((s) => s.number === r.number);
    if (!original) problems.push({ ...at(f, ["revisions", i, "number"]), code: "translation.revision-unknown", params: { number: r.number, source: source.file, latest }, hint: "translation.revision-unknown" });
    else if (r.date !== undefined && r.date !== original.date) problems.push({ ...at(f, ["revisions", i, "date"]), code: "translation.date-disagrees", params: { date: r.date, sourceDate: original.date }, hint: "translation.date-disagrees" });
  });
  if ("vulnerabilities" in tr && "vulnerabilities" in src) {
    const srcIds = src.vulnerabilities.map((v) => v.id);
    tr.vulnerabilities.forEach((v, i) => {
      if (!srcIds.includes(v.id)) {
        const guess = didYouMean(v.id, srcIds);
        problems.push({ ...at(f, ["vulnerabilities", i, "id"]), code: "translation.vulnerability-unknown", params: { id: v.id, ids: srcIds, ...(guess ? { suggestion: guess } : {}) }, hint: guess ? "did-you-mean" : "translation.vulnerability-unknown" });
      }
    });
  }
  if ("firstSeen" in tr && src.kind === "hoax") {
    const h = src as Hoax;
    const ts = (tr as HoaxTranslation).firstSeen;
    if (ts.date !== undefined && ts.date !== h.firstSeen.date) problems.push({ ...at(f, ["firstSeen", "date"]), code: "translation.date-disagrees", params: { date: ts.date, sourceDate: h.firstSeen.date }, hint: "translation.date-disagrees" });
    if (ts.approximate !== undefined && ts.approximate !== h.firstSeen.approximate) problems.push({ ...at(f, ["firstSeen", "approximate"]), code: "translation.value-disagrees", params: { sourceValue: String(h.firstSeen.approximate) }, hint: "translation.value-disagrees" });
  }
}

/**
 * Aliases must stay inside the site, end in "/" or ".html", and collide with no real page and no other
 * alias. `located` gives each alias's file and position for the report.
 */
function checkAliases(
  aliases: { alias: string; file: string; line: number; column: number; field: string }[],
  realPaths: Set<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const a of aliases) {
    const at = { file: a.file, line: a.line, column: a.column, field: a.field };
    // Malformed aliases and repeats within one file are reported by the source cross-check already.
    if (!a.alias.startsWith("/") || a.alias.split("/").includes("..")) continue;
    if (!a.alias.endsWith("/") && !a.alias.endsWith(".html")) {
      problems.push({ ...at, code: "alias.ending", params: { alias: a.alias }, hint: "alias.ending" });
      continue;
    }
    if (realPaths.has(a.alias) || realPaths.has(a.alias.replace(/index\.html$/, ""))) {
      problems.push({ ...at, code: "alias.real-page", params: { alias: a.alias }, hint: "alias.real-page" });
      continue;
    }
    const other = seen.get(a.alias);
    if (other === a.file) continue;
    if (other) problems.push({ ...at, code: "alias.taken", params: { alias: a.alias, other }, hint: "alias.taken" });
    else seen.set(a.alias, a.file);
  }
  return problems;
}

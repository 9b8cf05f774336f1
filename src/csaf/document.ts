/**
 * One entry in one language → one CSAF 2.0 document (pure: no I/O, no clock).
 *   bulletin → csaf_security_advisory: product tree, one vulnerability per bulletin vulnerability, product
 *              status from the vendor's ratings ("none" = not affected), vendor_fix / no_fix_planned, impact threats
 *   incident → csaf_security_incident_response: notes and references; with exactly one CVE and affected products,
 *              also that vulnerability with those products known_affected
 *   guidance, hoax → csaf_informational_advisory: notes and references only (no product tree, no vulnerabilities)
 * Japanese is the original; an English document is its translation (csaf.md §2.3).
 */
import { SOURCE_LANG, type Lang } from "../i18n/languages.ts";
import { formatDate, t } from "../i18n/i18n.ts";
import { bulletinEntries, entryById, type Entry, type SiteData, type VulnerabilityEntry } from "../data/entries.ts";
import { bulletinUrl, cveUrl, isMicrosoftBulletin, kbUrl } from "../data/links.ts";
import { IMPACTS, REMEDIATIONS, SEVERITIES, SEVERITY_IDS, type ProductId, type SeverityId } from "../data/vocabulary.ts";
import { cvssSeverity, cvssVersion, expandVersions, resolveVersions, statusByCategory, type ProductRefs } from "../data/versions.ts";
import type { CsafConfig } from "./config.ts";
import { absoluteUrl } from "../routes/routes.ts";
import type { CsafDocument, DocumentCategory, Note, ProductStatus, ProductStatusCategory, Reference, Remediation, Score, Threat, Vulnerability } from "./csaf-types.ts";
import { CSAF_DIR, documentPath, trackingId } from "../routes/csaf-ids.ts";
import { buildProductTree, productNames, type BuiltTree } from "./product-tree.ts";
import type { DataProblem } from "./data-problem.ts";
import { CSAF_STRINGS } from "./strings.ts";
import { htmlToText } from "./text.ts";
// The CWE list the validator's test 6.1.11 checks ids and names against: check refuses what it would.
import { weaknesses } from "@secvisogram/csaf-validator-lib/cwe.js";

const CWE_NAMES = new Map(weaknesses.map((w) => [w.id, w.name]));

export const TLP_URL = "https://www.first.org/tlp/";

/** A generated document and where it goes. */
export interface GeneratedDocument {
  entry: Entry;
  lang: Lang;
  trackingId: string;
  /** Inside the provider directory: `2004/keikoku-2004-ms04-011.json`. */
  path: string;
  url: string;
  document: CsafDocument;
}

export const CATEGORY_OF_KIND: Record<Entry["kind"], DocumentCategory> = {
  bulletin: "csaf_security_advisory",
  incident: "csaf_security_incident_response",
  guidance: "csaf_informational_advisory",
  hoax: "csaf_informational_advisory",
};

/**
 * The profile of an entry's documents. A bulletin without vulnerabilities (a vendor's notice, such as an
 * end-of-life announcement) is informational, as its vendor published it.
 */
export function categoryOf(entry: Pick<Entry, "kind" | "vulnerabilities">): DocumentCategory {
  return entry.kind === "bulletin" && !entry.vulnerabilities.length ? "csaf_informational_advisory" : CATEGORY_OF_KIND[entry.kind];
}

/**
 * The products of a bulletin's product tree: those rated, and those named by a vulnerability's status, scores
 * or remediations (vocabulary order comes from buildProductTree).
 */
export function treeProducts(entry: Pick<Entry, "ratedProducts" | "vulnerabilities">): ProductId[] {
  const products = new Set<ProductId>(entry.ratedProducts);
  for (const v of entry.vulnerabilities) {
    for (const p of Object.keys(v.status) as ProductId[]) products.add(p);
    for (const refs of [...v.scores.map((x) => x.products), ...v.remediations.map((x) => x.products)]) {
      for (const p of Object.keys(refs ?? {}) as ProductId[]) products.add(p);
    }
  }
  return [...products];
}

/** A day as CSAF's date-time: only the day is known, so midnight UTC (csaf.md §2.2). */
export const isoDay = (day: string): string => `${day}T00:00:00.000Z`;

/** SOURCE_DATE_EPOCH as a date-time, or undefined. */
export function epochDate(config: Pick<CsafConfig, "sourceDateEpoch">): string | undefined {
  return config.sourceDateEpoch !== undefined ? new Date(config.sourceDateEpoch * 1000).toISOString() : undefined;
}

/** Where an entry's document in `lang` is: a language without a translation points to the original. */
export function locateDocument(config: CsafConfig, entry: Pick<Entry, "id" | "published">, lang: Lang) {
  const id = trackingId(config.idPrefix, entry, lang);
  const path = documentPath(config.idPrefix, entry, lang);
  return { trackingId: id, path, url: absoluteUrl(config, `${CSAF_DIR}/${path}`) };
}

export interface DocumentResult {
  document?: GeneratedDocument;
  /** Data problems that make a document impossible to build honestly. */
  problems: DataProblem[];
}

/** Builds the document for an entry that is the original or a real translation (not a fallback page). */
export function buildDocument(entry: Entry, site: SiteData, config: CsafConfig): DocumentResult {
  const lang = entry.lang;
  const problems: DataProblem[] = [];
  const here = locateDocument(config, entry, lang);
  const category = categoryOf(entry);
  const isTranslation = lang !== SOURCE_LANG;
  const original = locateDocument(config, entry, SOURCE_LANG);

  const notes = documentNotes(entry, site, config);
  const references = documentReferences(entry, site, config, here, isTranslation ? original : undefined);
  // CSAF test 6.1.27.2: an informational advisory or an incident response must point at something outside itself
  // (a source, a vendor's bulletin, a CVE record). A new draft has none until its author adds a source.
  if ((category === "csaf_informational_advisory" || category === "csaf_security_incident_response") && !references.some((r) => r.category === "external")) {
    problems.push({ field: ["sources"], code: "csaf.no-external-reference", params: {}, hint: "csaf.add-source" });
  }

  const document: CsafDocument = {
    document: {
      category,
      csaf_version: "2.0",
      distribution: { tlp: { label: config.tlp, url: TLP_URL } },
      lang,
      notes,
      publisher: config.publisher,
      references,
      ...(isTranslation ? { source_lang: SOURCE_LANG } : {}),
      title: entry.title,
      tracking: {
        current_release_date: isoDay(entry.updated),
        // Never the clock: the same content and settings give the same bytes (see csaf.md §2.6, DESIGN.md).
        generator: { date: epochDate(config) ?? isoDay(entry.updated), engine: config.engine },
        id: here.trackingId,
        initial_release_date: isoDay(entry.published),
        revision_history: entry.revisions.map((r) => ({ date: isoDay(r.date), number: String(r.number), summary: r.note })),
        status: "final",
        version: String(entry.revision),
      },
      ...(entry.severity ? { aggregate_severity: { text: SEVERITIES[entry.severity][lang] } } : {}),
    },
  };

  if (entry.kind === "bulletin" && entry.vulnerabilities.length) {
    const built = buildProductTree(site.products, treeProducts(entry), lang, entry.testedVersions);
    problems.push(...built.problems);
    if (entry.update && !entry.kb.includes(entry.update.kb)) problems.push({ field: ["update", "kb"], code: "csaf.update-kb", params: { kb: entry.update.kb }, hint: "csaf.update-kb" });
    (entry.update?.notOfferedFor ?? []).forEach((p, i) => {
      if (!entry.affected.includes(p)) problems.push({ field: ["update", "notOfferedFor", i], code: "csaf.not-offered-unlisted", params: { product: p }, hint: "csaf.not-offered-unlisted" });
    });
    document.product_tree = built.tree;
    document.vulnerabilities = entry.vulnerabilities.map((v, i) => bulletinVulnerability(entry, v, i, built, lang, problems));
  } else if (entry.kind === "bulletin" && entry.affected.length) {
    // An informational document's products are all "to be assumed affected" (CSAF 2.0 §4.3): only `affected` goes in.
    const built = buildProductTree(site.products, entry.affected, lang, entry.testedVersions);
    problems.push(...built.problems);
    document.product_tree = built.tree;
  } else if (entry.kind === "incident" && entry.cve.length === 1 && entry.affected.length) {
    const { tree, ids, problems: treeProblems } = buildProductTree(site.products, entry.affected, lang, entry.testedVersions);
    problems.push(...treeProblems);
    document.product_tree = tree;
    document.vulnerabilities = [incidentVulnerability(entry, entry.cve[0]!, ids, site, config, lang)];
  }
  if (problems.length) return { problems };
  return { document: { entry, lang, ...here, document }, problems };
}

function bulletinVulnerability(entry: Entry, v: VulnerabilityEntry, index: number, built: BuiltTree, lang: Lang, problems: DataProblem[]): Vulnerability {
  const field = (...path: (string | number)[]) => ["vulnerabilities", index, ...path];
  const s = CSAF_STRINGS[lang];
  const { ids, byLabel } = built;
  const status = new Map<ProductStatusCategory, string[]>();
  const add = (category: ProductStatusCategory, productIds: string[]) => {
    const list = status.get(category) ?? [];
    for (const id of productIds) if (!list.includes(id)) list.push(id);
    status.set(category, list);
  };
  const byRating = new Map<SeverityId, string[]>();
  /** Product ids of a product's versions named by a reference ([] of a product without versions: the product). */
  const resolve = (product: ProductId, ref: "all" | string[], where: (string | number)[]): string[] => {
    const labels = resolveVersions(ref, expandVersions(entry.testedVersions?.[product]));
    const map = byLabel.get(product);
    return (labels.length ? labels : [""]).flatMap((label) => {
      const id = map?.get(label);
      if (id === undefined) problems.push({ field: field(...where), code: "csaf.version-unknown", params: { version: label || product, product }, hint: "csaf.version-unknown" });
      return id === undefined ? [] : [id];
    });
  };
  for (const [product, productIds] of ids) {
    const rating = v.ratings[product];
    if (rating) {
      // "none" is Microsoft's "not affected"; every other rating, "not-critical" included, is affected.
      add(rating === "none" ? "known_not_affected" : "known_affected", productIds);
      byRating.set(rating, [...(byRating.get(rating) ?? []), ...productIds]);
    }
    const value = v.status[product];
    if (value) {
      const versions = expandVersions(entry.testedVersions?.[product]);
      for (const [category, labels] of statusByCategory(value, versions)) {
        add(category.replaceAll("-", "_") as ProductStatusCategory, resolve(product, labels.length ? labels : "all", ["status", product]));
      }
    }
  }
  const affected = (["known_affected", "first_affected", "last_affected"] as const).flatMap((c) => status.get(c) ?? []);
  const refIds = (refs: ProductRefs | undefined, where: (string | number)[]) =>
    refs ? (Object.entries(refs) as [ProductId, "all" | string[]][]).flatMap(([p, ref]) => resolve(p, ref, [...where, "products", p])) : affected;

  const remediations: Remediation[] = [];
  const noUpdate = new Set<string>();
  for (const [product, productIds] of ids) {
    if (entry.update?.notOfferedFor.includes(product)) productIds.filter((id) => affected.includes(id)).forEach((id) => noUpdate.add(id));
  }
  const fixed = affected.filter((id) => !noUpdate.has(id));
  const bulletin = entry.bulletins[0];
  if (entry.update && fixed.length) {
    remediations.push({ category: "vendor_fix", details: s.vendorFix(entry.update.kb, entry.bulletins), product_ids: fixed, url: kbUrl(entry.update.kb) });
  } else if (!entry.update && fixed.length && bulletin && isMicrosoftBulletin(bulletin) && !v.remediations.length) {
    remediations.push({ category: "vendor_fix", details: s.vendorFixBulletin(bulletin), product_ids: fixed, url: bulletinUrl(bulletin, lang) });
  }
  if (entry.update && noUpdate.size) {
    remediations.push({ category: "no_fix_planned", details: s.noFixPlanned(entry.update.kb), product_ids: affected.filter((id) => noUpdate.has(id)) });
  }
  v.remediations.forEach((r, i) => {
    const productIds = refIds(r.products, ["remediations", i]);
    if (!productIds.length) problems.push({ field: field("remediations", i), code: "csaf.remediation-no-product", params: {}, hint: "csaf.name-products" });
    remediations.push({
      category: r.category.replaceAll("-", "_") as Remediation["category"],
      ...(r.date ? { date: isoDay(r.date) } : {}),
      details: s.remediation(REMEDIATIONS[r.category][lang], r.url),
      product_ids: productIds,
      ...(r.url ? { url: r.url } : {}),
    });
  });

  // CSAF test 6.1.7: a product has one score per CVSS version.
  const scored = new Map<string, number>();
  const scores: Score[] = v.scores.map((score, i) => {
    const version = cvssVersion(score.vector);
    const products = refIds(score.products, ["scores", i]);
    if (!products.length) problems.push({ field: field("scores", i), code: "csaf.score-no-product", params: {}, hint: "csaf.name-products" });
    const earlier = products.map((p) => scored.get(`${version} ${p}`)).find((e) => e !== undefined);
    if (earlier !== undefined) problems.push({ field: field("scores", i), code: "csaf.score-same-version", params: { earlier, version }, hint: "csaf.score-same-version" });
    for (const p of products) if (!scored.has(`${version} ${p}`)) scored.set(`${version} ${p}`, i);
    return version === "2.0"
      ? { cvss_v2: { baseScore: score.baseScore, vectorString: score.vector, version }, products }
      : { cvss_v3: { baseScore: score.baseScore, baseSeverity: cvssSeverity(score.baseScore).toUpperCase() as "LOW", vectorString: score.vector, version }, products };
  });

  const impact = v.impact ? IMPACTS[v.impact][lang] : undefined;
  const threats: Threat[] = SEVERITY_IDS.filter((r) => byRating.has(r)).map((r) => ({
    category: "impact",
    details: r === "none" || !impact ? SEVERITIES[r][lang] : `${SEVERITIES[r][lang]}${s.colon}${impact}`,
    product_ids: byRating.get(r)!,
  }));

  const notes: Note[] = [{ category: "description", title: v.name, text: s.vulnerabilityDescription(v.name, v.cve, impact) }];
  if (v.note) notes.push({ category: "general", text: v.note });

  const productStatus: ProductStatus = Object.fromEntries(status);
  if (!status.size) problems.push({ field: field(), code: "csaf.no-status", params: { id: v.id }, hint: "csaf.no-status" });
  if (v.cwe) {
    const name = CWE_NAMES.get(v.cwe.id);
    if (name === undefined) problems.push({ field: field("cwe", "id"), code: "csaf.cwe-unknown", params: { value: v.cwe.id }, hint: "csaf.cwe-unknown" });
    else if (name !== v.cwe.name) problems.push({ field: field("cwe", "name"), code: "csaf.cwe-name", params: { value: v.cwe.id, name }, hint: "csaf.cwe-name" });
  }
  const otherIds = [...(v.can ? [{ system_name: s.canSystemName, text: v.can }] : []), ...v.ids.map((id) => ({ system_name: id.system, text: id.text }))];

  return {
    ...(v.cve ? { cve: v.cve } : {}),
    ...(v.cwe ? { cwe: { id: v.cwe.id, name: v.cwe.name } } : {}),
    ...(otherIds.length ? { ids: otherIds } : {}),
    notes,
    product_status: productStatus,
    ...(v.cve ? { references: [{ category: "external" as const, summary: v.cve, url: cveUrl(v.cve) }] } : {}),
    ...(remediations.length ? { remediations } : {}),
    ...(scores.length ? { scores } : {}),
    ...(threats.length ? { threats } : {}),
    title: v.name,
  };
}

function incidentVulnerability(entry: Entry, cve: string, ids: Map<ProductId, string[]>, site: SiteData, config: CsafConfig, lang: Lang): Vulnerability {
  const s = CSAF_STRINGS[lang];
  const affected = [...ids.values()].flat();
  // The fix is the update of the bulletin that fixes this CVE, when that bulletin is on the site with its update.
  // The first such bulletin in the site's order, as a scan of site.entries would find it.
  const order = (e: Entry) => site.entries.indexOf(e);
  const candidates = entry.bulletins.flatMap((b) => bulletinEntries(site, b, lang)).filter((e) => e.update && e.cve.includes(cve));
  const bulletin = candidates.length > 1 ? candidates.sort((a, b) => order(a) - order(b))[0] : candidates[0];
  const remediations: Remediation[] = [];
  if (bulletin?.update) {
    const offered = entry.affected.filter((p) => !bulletin.update!.notOfferedFor.includes(p)).flatMap((p) => ids.get(p) ?? []);
    if (offered.length) remediations.push({ category: "vendor_fix", details: s.vendorFix(bulletin.update.kb, bulletin.bulletins), product_ids: offered, url: kbUrl(bulletin.update.kb) });
  } else if (entry.bulletins[0] && isMicrosoftBulletin(entry.bulletins[0])) {
    remediations.push({ category: "vendor_fix", details: s.vendorFixBulletin(entry.bulletins[0]), product_ids: affected, url: bulletinUrl(entry.bulletins[0], lang) });
  }
  const references: Reference[] = [{ category: "external", summary: cve, url: cveUrl(cve) }];
  if (bulletin) references.push({ category: "external", summary: s.relatedDocument(bulletin.title), url: locateDocument(config, bulletin, bulletin.contentLang).url });
  return {
    cve,
    notes: [{ category: "description", text: s.incidentVulnerability(cve) }],
    product_status: { known_affected: affected },
    references,
    ...(remediations.length ? { remediations } : {}),
  };
}

function documentNotes(entry: Entry, site: SiteData, config: Pick<CsafConfig, "notice">): Note[] {
  const lang = entry.lang;
  const s = CSAF_STRINGS[lang];
  const notes: Note[] = [{ category: "summary", text: entry.summary }];
  if (entry.hoax) {
    const h = entry.hoax;
    notes.push(
      { category: "description", title: t(lang, "hoax.claim"), text: htmlToText(h.claimHtml) },
      { category: "details", title: t(lang, "hoax.truth"), text: htmlToText(h.truthHtml) },
      { category: "general", title: t(lang, "hoax.action"), text: htmlToText(h.actionHtml) },
      { category: "general", title: t(lang, "hoax.ifActed"), text: htmlToText(h.ifActedHtml) },
    );
    const facts = [
      `${t(lang, "hoax.names")}${s.colon}${s.list(h.names)}`,
      `${t(lang, "hoax.firstSeen")}${s.colon}${formatDate(lang, h.firstSeen.date, h.firstSeen.approximate)} — ${h.firstSeen.where}`,
      ...(h.file ? [`${t(lang, "hoax.file")}${s.colon}${h.file}`] : []),
    ];
    notes.push({ category: "other", title: s.hoaxFacts, text: facts.join("\n") });
  }
  if (entry.affected.length || entry.notAffected.length) {
    const lines = [
      ...(entry.affected.length ? [`${t(lang, "entry.affectedList")}${s.colon}${s.list(entry.affected.map((p) => site.products[p]![lang]))}`] : []),
      ...(entry.notAffected.length ? [`${t(lang, "entry.notAffectedList")}${s.colon}${s.list(entry.notAffected.map((p) => site.products[p]![lang]))}`] : []),
    ];
    notes.push({ category: "general", title: t(lang, "entry.affected"), text: lines.join("\n") });
  }
  if (entry.kind === "bulletin" && entry.vulnerabilities.length) {
    const inTree = treeProducts(entry);
    const unrated = entry.affected.filter((p) => !inTree.includes(p));
    if (unrated.length) {
      notes.push({ category: "general", title: s.unratedTitle, text: s.unrated(unrated.flatMap((p) => productNames(site.products, p, lang, entry.testedVersions))) });
    }
  }
  if (entry.basedOn) {
    const b = entry.basedOn;
    notes.push({ category: "general", title: s.basedOnTitle, text: s.basedOn(b.publisher, b.trackingId, b.version, b.status, b.source, b.sha256) });
  }
  const body = htmlToText(entry.html);
  if (body) notes.push({ category: "details", title: s.details, text: body });
  if (entry.isStale && entry.translationOf !== undefined) {
    notes.push({ category: "general", text: t(lang, "notice.stale", { revision: entry.translationOf, latest: entry.revision, updated: formatDate(lang, entry.updated) }) });
  }
  // The site's footer notice (the bundled archive's: every entry is a record of its time) is said here too.
  if (config.notice) notes.push({ category: "general", text: config.notice[lang] });
  return notes;
}

function documentReferences(
  entry: Entry, site: SiteData, config: CsafConfig,
  here: { trackingId: string; url: string }, original: { trackingId: string; url: string } | undefined,
): Reference[] {
  const lang = entry.lang;
  const s = CSAF_STRINGS[lang];
  const refs: Reference[] = [];
  // A translation names its original first (csaf.md §2.3).
  if (original) refs.push({ category: "external", summary: s.original(original.trackingId), url: original.url });
  refs.push({ category: "self", summary: s.selfJson, url: here.url });
  refs.push({ category: "self", summary: s.selfHtml, url: absoluteUrl(config, entry.url) });
  refs.push(...externalReferences(entry, site, config, lang));
  // …and keeps the original's references after its own translated ones.
  if (original) {
    const source = entryById(site, entry.id, SOURCE_LANG);
    if (source) refs.push(...externalReferences(source, site, config, SOURCE_LANG));
  }
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)));
}

/** Links every document of an entry carries, with summaries in `lang`. */
function externalReferences(entry: Entry, site: SiteData, config: CsafConfig, lang: Lang): Reference[] {
  const s = CSAF_STRINGS[lang];
  const refs: Reference[] = [];
  for (const b of entry.bulletins) if (isMicrosoftBulletin(b)) refs.push({ category: "external", summary: s.bulletin(b), url: bulletinUrl(b, lang) });
  // The vendor document an imported entry is based on, when it was read from the web.
  if (entry.basedOn && /^https?:\/\//.test(entry.basedOn.source)) {
    refs.push({ category: "external", summary: `${s.basedOnTitle}${s.colon}${entry.basedOn.publisher} ${entry.basedOn.trackingId}`, url: entry.basedOn.source });
  }
  for (const n of entry.kb) refs.push({ category: "external", summary: s.kb(n), url: kbUrl(n) });
  // Informational documents have no vulnerabilities to carry their CVE links.
  if (categoryOf(entry) === "csaf_informational_advisory") {
    for (const cve of entry.cve) refs.push({ category: "external", summary: cve, url: cveUrl(cve) });
  }
  for (const source of entry.sources) if (source.url) refs.push({ category: "external", summary: source.title, url: source.url });
  for (const id of entry.related) {
    const other = entryById(site, id, lang);
    if (other) refs.push({ category: "external", summary: s.relatedDocument(other.title), url: locateDocument(config, other, other.contentLang).url });
  }
  if (entry.kind === "hoax") {
    // How to recognise a hoax: the hoax list's own page, which every hoax belongs to.
    const page = site.pages.find((p) => p.id === "hoaxes" && p.lang === lang);
    if (page) refs.push({ category: "external", summary: page.title, url: absoluteUrl(config, page.url) });
  }
  return refs;
}

/**
 * A valid CSAF 2.0 document → the facts of a Keikoku bulletin in both languages (pure: no files, no clock).
 * Only what the document says: no date, number, product or URL is made up. Text in the document's language goes
 * into that language's file as it is; the other file gets a placeholder that says "TODO" and contains it.
 *
 *   tracking id, version, initial_release_date, revision_history → bulletins, basedOn, published, revisions
 *   aggregate_severity "Critical" (a Keikoku severity's name)   → severity: critical (any other text is reported)
 *   vulnerabilities → cve, can / ids, cwe, ratings + impact (Keikoku's own threats), status, scores, remediations
 *   remediation and reference URLs of Microsoft KB articles       → kb (and `update`, in the shape Keikoku writes)
 *   references                                                    → sources
 *   notes                                                         → quoted in the body skeleton, to translate
 */
import { IMPACTS, SEVERITIES, type ImpactId, type SeverityId } from "../data/vocabulary.ts";
import { CSAF_STRINGS } from "../csaf/strings.ts";
import { kbUrl } from "../data/links.ts";
import type { InputAcknowledgment, InputDocument, InputNote, InputReference, InputStatusCategory, InputVulnerability } from "./csaf-input.ts";
import { mapProducts, type ProductMap } from "./products.ts";
import { slugify, type Vocabulary } from "./vocabulary.ts";

export type Lang = "ja" | "en";

export interface MapOptions {
  /** The site's product vocabulary (id → { ja, en, vendor }). */
  vocabulary: Vocabulary;
  /** The file name or URL the document was read from. */
  source: string;
  /** SHA-256 of the bytes read, hex. */
  sha256: string;
  /** The entry id; by default made from the tracking id. */
  id?: string;
}

/** A note of the vendor's, quoted in the body for the author to translate or rewrite. */
export interface Quote {
  title: string;
  text: string;
}

/** The body skeleton's material: which quotes go in which section. */
export interface BodyMaterial {
  overview: Quote[];
  software: Quote[];
  /** Per vulnerability (by id, in order): its notes. */
  vulnerabilities: { id: string; name: Record<Lang, string>; quotes: Quote[] }[];
  whatToDo: Quote[];
  vendorNotes: Quote[];
}

export interface VendorRevision {
  number: string;
  date: string;
  summary: string;
}

export interface Draft {
  id: string;
  /** The language the vendor's text is in, when it is one of the site's. */
  textLang?: Lang;
  /** The document's own language tag, if it has one. */
  docLang?: string;
  /** The Japanese (source) file's frontmatter, fields in the order they are written. */
  source: Record<string, unknown>;
  /** The English file's frontmatter. */
  translation: Record<string, unknown>;
  body: BodyMaterial;
  products: ProductMap;
  /** The vendor's revision history, for a re-import to find what is new. */
  vendorRevisions: VendorRevision[];
  /** What the import decided or could not carry, for the report. */
  notes: string[];
}

// Invisible characters that a content file may not contain (src/data/read-file.ts); a tab becomes a space.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** The day a CSAF date-time names, as its publisher wrote it (the date part, in the publisher's own offset). */
export const dayOf = (dateTime: string): string => dateTime.slice(0, 10);

const one = (text: string): string => text.replace(/\s+/g, " ").trim();

const KB_URL = [/^https?:\/\/support\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?(?:help|kb)\/(\d{6,7})\/?$/i, /^https?:\/\/support\.microsoft\.com\/\?kbid=(\d{6,7})$/i];
const MS_BULLETIN_URL = /^https:\/\/learn\.microsoft\.com\/(?:ja-jp|en-us)\/security-updates\/securitybulletins\/\d{4}\/(ms\d{2}-\d{3})$/;

export function kbOf(url: string): number | undefined {
  for (const pattern of KB_URL) {
    const m = pattern.exec(url);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The language of the vendor's text: ja or en when the tag says so; undefined for another language. */
export function textLanguage(lang: string | undefined): Lang | undefined {
  const primary = (lang ?? "en").toLowerCase().split("-")[0];
  return primary === "ja" ? "ja" : primary === "en" ? "en" : undefined;
}

const STATUS_IDS: Record<InputStatusCategory, string> = {
  first_affected: "first-affected", first_fixed: "first-fixed", fixed: "fixed", known_affected: "known-affected",
  known_not_affected: "known-not-affected", last_affected: "last-affected", recommended: "recommended", under_investigation: "under-investigation",
};
// Keikoku's display order (src/data/vocabulary.ts PRODUCT_STATUSES): affected first.
const STATUS_ORDER: InputStatusCategory[] = ["known_affected", "first_affected", "last_affected", "under_investigation", "known_not_affected", "first_fixed", "fixed", "recommended"];
const AFFECTED: readonly InputStatusCategory[] = ["known_affected", "first_affected", "last_affected"];
const NOT_AFFECTED: readonly InputStatusCategory[] = ["known_not_affected", "fixed", "first_fixed"];

export function mapDocument(doc: InputDocument, options: MapOptions): Draft {
  const notes: string[] = [];
  const d = doc.document;
  const docLang = d.lang;
  const textLang = textLanguage(docLang);
  if (!docLang) notes.push("the document has no /document/lang: its text is taken to be English");
  else if (!textLang) notes.push(`the document is in "${docLang}": both files get its text as placeholders to translate`);

  let removed = 0;
  const clean = (text: string): string =>
    text.replace(/\t/g, " ").replace(/\r\n?/g, "\n").replace(FORBIDDEN, () => {
      removed++;
      return "";
    });
  /** The vendor's text in `lang`: as it is in its own language, else a placeholder containing it. */
  const textFor = (lang: Lang, text: string): string => {
    if (lang === textLang) return text;
    if (lang === "ja") return `TODO: 翻訳してください${textLang ? "" : ` (原文: ${docLang})`}: ${text}`;
    return `TODO: translate${textLang ? "" : ` from ${docLang}`}: ${text}`;
  };
  const both = (text: string): Record<Lang, string> => ({ ja: textFor("ja", text), en: textFor("en", text) });

  const trackingId = d.tracking.id;
  const keikokuMade = d.tracking.generator?.engine.name === "Keikoku";
  const map = mapProducts(doc.product_tree, options.vocabulary);
  notes.push(...map.notes);
  const groups = new Map((doc.product_tree?.product_groups ?? []).map((g) => [g.group_id, g.product_ids]));
  const expand = (productIds: readonly string[] = [], groupIds: readonly string[] = []) => [...new Set([...productIds, ...groupIds.flatMap((g) => groups.get(g) ?? [])])];

  // Title, summary.
  const title = one(clean(d.title));
  const summaryNote = (d.notes ?? []).find((n) => n.category === "summary");
  const summaryText = summaryNote ? one(clean(summaryNote.text.split(/\n\s*\n/).find((p) => p.trim()) ?? summaryNote.text)) : undefined;
  const summary: Record<Lang, string> = summaryText
    ? both(summaryText)
    : {
        ja: "TODO: 一覧・フィード・検索結果に表示する 1〜2 文の要約を書いてください (ベンダーの文書には要約 (summary) の注記がありません)。",
        en: "TODO: One or two sentences for lists, feeds and search results (the vendor's document has no summary note).",
      };
  if (!summaryText) notes.push("the document has no summary note: the summary is a placeholder to write");

  // Revisions: the vendor's history, numbered 1, 2, 3 … in its order.
  const vendorRevisions = d.tracking.revision_history.map((r) => ({ number: r.number, date: r.date, summary: one(clean(r.summary)) }));
  const revisions = vendorRevisions.map((r, i) => ({ number: i + 1, date: dayOf(r.date), note: textFor("ja", r.summary) }));
  const revisionsEn = vendorRevisions.map((r, i) => ({ number: i + 1, note: textFor("en", r.summary) }));

  // Severity: only a Keikoku severity's own name maps; anything else is reported, never interpreted.
  let severity: SeverityId | undefined;
  if (d.aggregate_severity) {
    const text = one(d.aggregate_severity.text).toLowerCase();
    severity = (Object.entries(SEVERITIES) as [SeverityId, { ja: string; en: string }][]).find(([, n]) => n.en.toLowerCase() === text || n.ja === text)?.[0];
    if (!severity) notes.push(`aggregate severity "${d.aggregate_severity.text}" is not one of the site's severities (${Object.values(SEVERITIES).map((s) => s.en).join(", ")}): severity is left out`);
  }

  // References → sources, KB numbers and Microsoft bulletin ids. Keikoku's own links (self, its other documents) are not sources.
  const kb: number[] = [];
  const bulletins: string[] = [trackingId];
  const sources: { title: string; url: string }[] = [];
  const ownLink = (r: InputReference) =>
    keikokuMade && (r.category === "self" || r.url.includes("/.well-known/csaf/") || r.summary.startsWith(`${CSAF_STRINGS.ja.basedOnTitle}: `) || r.summary.startsWith(`${CSAF_STRINGS.en.basedOnTitle}: `));
  const addReference = (r: InputReference) => {
    if (ownLink(r)) return;
    const n = kbOf(r.url);
    if (n !== undefined) {
      if (!kb.includes(n)) kb.push(n);
      return;
    }
    const ms = MS_BULLETIN_URL.exec(r.url);
    if (ms) {
      const id = ms[1]!.toUpperCase();
      if (!bulletins.includes(id)) bulletins.push(id);
      return;
    }
    if (/^https:\/\/www\.cve\.org\/CVERecord\?id=/.test(r.url)) return;
    if (!/^https?:\/\//.test(r.url)) {
      notes.push(`reference "${one(r.summary)}" is not an http(s) URL (${r.url}): not listed in sources`);
      return;
    }
    if (sources.some((s) => s.url === r.url)) return;
    sources.push({ title: one(clean(r.summary)) || r.url, url: r.url });
  };
  for (const r of d.references ?? []) addReference(r);

  // Vulnerabilities.
  const quoted: string[] = [];
  const isQuoted = (text: string) => {
    const t = one(text);
    return quoted.some((q) => q.includes(t));
  };
  const remember = (text: string) => quoted.push(one(text));
  const body: BodyMaterial = { overview: [], software: [], vulnerabilities: [], whatToDo: [], vendorNotes: [] };
  for (const n of d.notes ?? []) {
    const quote = { title: one(clean(n.title ?? noteTitle(n))), text: clean(n.text) };
    remember(quote.text);
    body[sectionOf(n)].push(quote);
  }
  if (d.acknowledgments?.length) body.vendorNotes.push({ title: "Acknowledgments", text: clean(acknowledgments(d.acknowledgments)) });

  const vulnerabilities: Record<string, unknown>[] = [];
  const vulnerabilitiesEn: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  const affectedProducts: string[] = [];
  const statusSeen = new Map<string, { affected: boolean; other: boolean }>();
  const updates = recognizeUpdate(doc.vulnerabilities ?? []);
  (doc.vulnerabilities ?? []).forEach((v, i) => {
    for (const r of v.references ?? []) addReference(r);
    const vendorIds = (v.ids ?? []).map((x) => ({ system: one(clean(x.system_name)), text: one(clean(x.text)) }));
    const can = vendorIds.find((x) => /^CAN-\d{4}-\d{4,}$/.test(x.text) && v.cve?.slice(4) === x.text.slice(4));
    const otherIds = vendorIds.filter((x) => x !== can);
    let id = slugify(v.cve ?? otherIds[0]?.text ?? "") || `vulnerability-${i + 1}`;
    for (let k = 2; ids.has(id); k++) id = `${slugify(v.cve ?? otherIds[0]?.text ?? "") || "vulnerability"}-${k}`;
    ids.add(id);
    const titled = v.title ? one(clean(v.title)) : undefined;
    const name: Record<Lang, string> = titled
      ? both(titled)
      : v.cve ?? otherIds[0]?.text
        ? { ja: v.cve ?? otherIds[0]!.text, en: v.cve ?? otherIds[0]!.text }
        : { ja: "TODO: 脆弱性の名前 (ベンダーの文書に名前がありません)", en: "TODO: name of the vulnerability (the vendor's document gives none)" };

    // Status per CSAF product id, then per Keikoku product.
    const statusOf = new Map<string, InputStatusCategory[]>();
    for (const category of STATUS_ORDER) {
      for (const pid of v.product_status?.[category] ?? []) statusOf.set(pid, [...(statusOf.get(pid) ?? []), category]);
    }
    const affectedIds = [...statusOf].filter(([, cs]) => cs.some((c) => AFFECTED.includes(c))).map(([pid]) => pid);

    // Ratings and impact, from threats written the way Keikoku writes them ("Critical: Remote code execution").
    const { ratings, impact } = ratingsFromThreats(v, map, statusOf, expand);
    const status: Record<string, unknown> = {};
    for (const product of map.products) {
      const pids = [...statusOf.keys()].filter((pid) => map.byCsafId.get(pid)?.product === product);
      if (!pids.length) continue;
      const seen = statusSeen.get(product) ?? { affected: false, other: false };
      for (const pid of pids) {
        if (statusOf.get(pid)!.some((c) => AFFECTED.includes(c))) seen.affected = true;
        else if (!statusOf.get(pid)!.every((c) => NOT_AFFECTED.includes(c))) seen.other = true;
      }
      statusSeen.set(product, seen);
      if (ratings[product] !== undefined) continue;
      status[product] = compressStatus(product, pids, statusOf, map);
    }
    for (const [product, rating] of Object.entries(ratings)) {
      if (rating !== "none") {
        const seen = statusSeen.get(product) ?? { affected: false, other: false };
        seen.affected = true;
        statusSeen.set(product, seen);
      }
    }

    const scores = (v.scores ?? []).flatMap((s) => {
      const cvss = s.cvss_v3 ?? s.cvss_v2;
      if (!cvss) return [];
      const products = refsOf(s.products, affectedIds, map);
      return [{ vector: cvss.vectorString, baseScore: cvss.baseScore, ...(products ? { products } : {}) }];
    });
    if ((v.scores ?? []).some((s) => s.cvss_v2 && s.cvss_v3)) notes.push(`${id}: a score gives both CVSS v2 and v3: only the v3 vector is kept for it`);

    const remediations: Record<string, unknown>[] = [];
    for (const r of v.remediations ?? []) {
      const n = r.url ? kbOf(r.url) : undefined;
      if (n !== undefined && !kb.includes(n)) kb.push(n);
      const details = clean(r.details);
      if (!isQuoted(details)) {
        remember(details);
        body.whatToDo.push({ title: `${REMEDIATION_TITLES[r.category]} (${v.cve ?? titled ?? id})`, text: details });
      }
      if (updates && (r.category === "vendor_fix" || r.category === "no_fix_planned")) continue;
      if (r.category === "vendor_fix" && r.url && MS_BULLETIN_URL.test(r.url) && !v.remediations!.some((x) => x !== r && x.category === "vendor_fix")) {
        // Keikoku writes the bulletin's own page as the fix of a bulletin without an update: implied by `bulletins`.
        const ms = MS_BULLETIN_URL.exec(r.url)![1]!.toUpperCase();
        if (!bulletins.includes(ms)) bulletins.push(ms);
        continue;
      }
      const products = refsOf(expand(r.product_ids, r.group_ids), affectedIds, map);
      remediations.push({
        category: r.category.replace(/_/g, "-"),
        ...(r.url ? { url: r.url } : {}),
        ...(r.date ? { date: dayOf(r.date) } : {}),
        ...(products ? { products } : {}),
      });
    }

    // Notes: the first untitled general note is the footnote (as Keikoku writes it); the rest are quoted.
    const footnote = (v.notes ?? []).find((n) => n.category === "general" && !n.title);
    const quotes: Quote[] = [];
    for (const n of v.notes ?? []) {
      if (n === footnote) continue;
      const text = clean(n.text);
      if (isQuoted(text)) continue;
      remember(text);
      quotes.push({ title: one(clean(n.title ?? noteTitle(n))), text });
    }
    for (const t of v.threats ?? []) {
      if (t.category === "impact" && parseThreat(t.details)) continue;
      const text = clean(`${t.details}${t.date ? ` (${dayOf(t.date)})` : ""}`);
      if (!isQuoted(text)) quotes.push({ title: THREAT_TITLES[t.category] ?? "Threat", text });
    }
    if (v.acknowledgments?.length) quotes.push({ title: "Acknowledgments", text: clean(acknowledgments(v.acknowledgments)) });
    if (v.flags?.length) notes.push(`${id}: ${v.flags.length} VEX ${v.flags.length === 1 ? "flag is" : "flags are"} not carried (${[...new Set(v.flags.map((f) => f.label))].join(", ")}); the page has no place for them`);
    if (v.involvements?.length) notes.push(`${id}: the vendor's involvements (${v.involvements.map((x) => `${x.party} ${x.status}`).join(", ")}) are not carried`);
    body.vulnerabilities.push({ id, name, quotes });

    const fact: Record<string, unknown> = { id, name: name.ja };
    if (v.cve) fact.cve = v.cve;
    if (can) fact.can = can.text;
    if (otherIds.length) fact.ids = otherIds;
    if (v.cwe) fact.cwe = { id: v.cwe.id, name: v.cwe.name };
    if (impact) fact.impact = impact;
    if (Object.keys(ratings).length) fact.ratings = ratings;
    if (Object.keys(status).length) fact.status = status;
    if (scores.length) fact.scores = scores;
    if (remediations.length) fact.remediations = remediations;
    if (footnote) fact.note = textFor("ja", one(clean(footnote.text)));
    vulnerabilities.push(fact);
    vulnerabilitiesEn.push({ id, name: name.en, ...(footnote ? { note: textFor("en", one(clean(footnote.text))) } : {}) });
  });

  // Products: affected when any vulnerability says so; not affected when every status says not affected.
  // An informational document's products are all "to be assumed affected" (CSAF 2.0 §4.3).
  const informational = d.category === "csaf_informational_advisory";
  const notAffected: string[] = [];
  for (const product of map.products) {
    const seen = statusSeen.get(product);
    if (informational || seen?.affected) affectedProducts.push(product);
    else if (seen && !seen.other) notAffected.push(product);
    else if (!seen) notes.push(`${product} is in the product tree but no vulnerability gives it a status: it is in testedVersions only`);
  }
  for (const n of updates?.kb !== undefined && !kb.includes(updates.kb) ? [updates.kb] : []) kb.push(n);
  if (removed) notes.push(`${removed} invisible control ${removed === 1 ? "character was" : "characters were"} removed from the document's text`);

  const id = options.id ?? (slugify(trackingId) || "imported");
  const basedOn = {
    publisher: one(d.publisher.name),
    trackingId,
    version: d.tracking.version,
    ...(d.tracking.status !== "final" ? { status: d.tracking.status } : {}),
    source: options.source,
    sha256: options.sha256,
  };
  if (d.tracking.status !== "final") notes.push(`the document's status is "${d.tracking.status}": the vendor may still change it (the page says so)`);

  const source: Record<string, unknown> = {
    kind: "bulletin",
    title: textFor("ja", title),
    summary: summary.ja,
    published: dayOf(d.tracking.initial_release_date),
    revisions,
    ...(severity ? { severity } : {}),
    affected: affectedProducts,
    notAffected,
    kb,
    cve: [...new Set((doc.vulnerabilities ?? []).flatMap((v) => (v.cve ? [v.cve] : [])))],
    bulletins,
    related: [],
    keywords: [],
    sources,
    ...(vulnerabilities.length ? { vulnerabilities } : {}),
    ...(Object.keys(map.testedVersions).length ? { testedVersions: map.testedVersions } : {}),
    ...(updates ? { update: { kb: updates.kb, notOfferedFor: updates.notOfferedFor(map) } } : {}),
    basedOn,
  };
  const translation: Record<string, unknown> = {
    translationOf: revisions.length,
    title: textFor("en", title),
    summary: summary.en,
    revisions: revisionsEn,
    ...(vulnerabilitiesEn.length ? { vulnerabilities: vulnerabilitiesEn } : {}),
  };
  return { id, ...(textLang ? { textLang } : {}), ...(docLang ? { docLang } : {}), source, translation, body, products: map, vendorRevisions, notes };
}

const THREAT_TITLES: Record<string, string> = { exploit_status: "Exploit status", impact: "Impact", target_set: "Target set" };

/** Acknowledgments as lines: "Damian Pfammatter (Cyber-Defense Campus): Finding and reporting the vulnerability". */
function acknowledgments(list: readonly InputAcknowledgment[]): string {
  return list
    .map((a) => {
      const who = [a.names?.join(", "), a.organization ? (a.names?.length ? `(${a.organization})` : a.organization) : undefined].filter(Boolean).join(" ");
      return [who, a.summary, ...(a.urls ?? [])].filter(Boolean).join(": ");
    })
    .join("\n");
}

const REMEDIATION_TITLES: Record<string, string> = {
  vendor_fix: "Vendor fix", workaround: "Workaround", mitigation: "Mitigation", no_fix_planned: "No fix planned", none_available: "None available",
};

function noteTitle(n: InputNote): string {
  return { description: "Description", details: "Details", faq: "FAQ", general: "General", legal_disclaimer: "Legal disclaimer", other: "Other", summary: "Summary" }[n.category];
}

/** Which body section a document note is quoted in (only where the quote lands; every note is quoted). */
function sectionOf(n: InputNote): Exclude<keyof BodyMaterial, "vulnerabilities"> {
  const title = (n.title ?? "").toLowerCase();
  if (n.category === "summary" || n.category === "description") return "overview";
  if (/workaround|fix|solution|remediation|mitigation|update|patch/.test(title)) return "whatToDo";
  if (/product|affected|vulnerable|version|software/.test(title)) return "software";
  return "vendorNotes";
}

/**
 * Per-product ratings and the impact, from `impact` threats in the form Keikoku writes ("Critical" or
 * "Critical: Remote code execution", in either language). A product gets a rating only when every one of its
 * versions has the same one and its status says the same (none = not affected, any other = affected).
 */
function ratingsFromThreats(
  v: InputVulnerability, map: ProductMap, statusOf: Map<string, InputStatusCategory[]>, expand: (p?: string[], g?: string[]) => string[],
): { ratings: Record<string, SeverityId>; impact?: ImpactId } {
  const ratingOf = new Map<string, SeverityId>();
  const impacts = new Set<ImpactId>();
  for (const t of v.threats ?? []) {
    if (t.category !== "impact") continue;
    const parsed = parseThreat(t.details);
    if (!parsed) continue;
    for (const pid of expand(t.product_ids, t.group_ids)) ratingOf.set(pid, parsed.severity);
    if (parsed.impact) impacts.add(parsed.impact);
  }
  const ratings: Record<string, SeverityId> = {};
  for (const product of map.products) {
    const pids = [...map.byCsafId].filter(([, m]) => m.product === product).map(([pid]) => pid);
    const values = new Set(pids.map((pid) => ratingOf.get(pid)));
    if (values.size !== 1) continue;
    const rating = [...values][0];
    if (!rating) continue;
    const expected: InputStatusCategory = rating === "none" ? "known_not_affected" : "known_affected";
    if (pids.every((pid) => statusOf.get(pid)?.length === 1 && statusOf.get(pid)![0] === expected)) ratings[product] = rating;
  }
  return { ratings, ...(impacts.size === 1 && Object.keys(ratings).length ? { impact: [...impacts][0]! } : {}) };
}

export function parseThreat(details: string): { severity: SeverityId; impact?: ImpactId } | undefined {
  const text = one(details);
  for (const [severity, names] of Object.entries(SEVERITIES) as [SeverityId, { ja: string; en: string }][]) {
    for (const lang of ["ja", "en"] as const) {
      if (text === names[lang]) return { severity };
      for (const [impact, impactNames] of Object.entries(IMPACTS) as [ImpactId, { ja: string; en: string }][]) {
        if (text === `${names[lang]}${CSAF_STRINGS[lang].colon}${impactNames[lang]}`) return { severity, impact };
      }
    }
  }
  return undefined;
}

/** One product's status in the frontmatter's short form: a status for all its versions, or status → versions. */
function compressStatus(product: string, pids: string[], statusOf: Map<string, InputStatusCategory[]>, map: ProductMap): unknown {
  const all = map.labels.get(product) ?? [];
  const byStatus = new Map<string, Set<string>>();
  for (const pid of pids) {
    const label = map.byCsafId.get(pid)!.label;
    for (const c of statusOf.get(pid)!) {
      const set = byStatus.get(STATUS_IDS[c]) ?? new Set<string>();
      set.add(label);
      byStatus.set(STATUS_IDS[c], set);
    }
  }
  const full = (set: Set<string>) => (all.length ? all.every((l) => set.has(l)) : set.has(""));
  if (byStatus.size === 1) {
    const [status, set] = [...byStatus][0]!;
    if (full(set)) return status;
  }
  return Object.fromEntries([...byStatus].map(([status, set]) => [status, full(set) ? "all" : all.filter((l) => set.has(l))]));
}

/** Products a score or remediation names, in the frontmatter's form; undefined when they are the vulnerability's affected ones (the default). */
function refsOf(pids: readonly string[], affectedIds: readonly string[], map: ProductMap): Record<string, unknown> | undefined {
  const set = new Set(pids);
  if (set.size === affectedIds.length && affectedIds.every((p) => set.has(p))) return undefined;
  const out: Record<string, unknown> = {};
  for (const product of map.products) {
    const labels = new Set(pids.map((pid) => map.byCsafId.get(pid)).filter((m) => m?.product === product).map((m) => m!.label));
    if (!labels.size) continue;
    const all = map.labels.get(product) ?? [];
    out[product] = !all.length || all.every((l) => labels.has(l)) ? "all" : all.filter((l) => labels.has(l));
  }
  return out;
}

/**
 * Keikoku's `update` (one KB update for the whole bulletin, and the products it is not offered for), when the
 * document's fixes have exactly the shape Keikoku writes for it: every vendor_fix links the same KB article, and
 * every other remediation is a no_fix_planned without a link.
 */
function recognizeUpdate(vulnerabilities: readonly InputVulnerability[]): { kb: number; notOfferedFor(map: ProductMap): string[] } | undefined {
  const fixes = vulnerabilities.flatMap((v) => v.remediations ?? []);
  const kbs = new Set(fixes.filter((r) => r.category === "vendor_fix").map((r) => (r.url ? kbOf(r.url) : undefined)));
  if (kbs.size !== 1) return undefined;
  const n = [...kbs][0];
  if (n === undefined || !fixes.every((r) => (r.category === "vendor_fix" && r.url === kbUrl(n)) || (r.category === "no_fix_planned" && !r.url))) return undefined;
  const none = fixes.filter((r) => r.category === "no_fix_planned").flatMap((r) => r.product_ids ?? []);
  return {
    kb: n,
    notOfferedFor: (map) => [...new Set(none.map((pid) => map.byCsafId.get(pid)?.product).filter((p): p is string => !!p))],
  };
}

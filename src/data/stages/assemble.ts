/**
 * Stage 6, assemble: the typed entries and pages templates receive, one per URL and language (a real
 * translation, the source, or a fallback), with every fact resolved; the notices for the build report
 * (fallbacks, stale translations, scaffold placeholders); related links; newest first.
 */
import { LANGS, SOURCE_LANG, otherLang, type Lang } from "../../i18n/languages.ts";
import { PAGE_PATHS, routes } from "../../routes/routes.ts";
import type { Entry, Section } from "../entries.ts";
import { newestFirst } from "../order.ts";
import type { Advisory, AdvisoryTranslation, Hoax, HoaxTranslation, Page } from "../schema.ts";
import { keyOf, sourcesOf, type LoadState, type LoadedFile, type RenderedPage } from "./state.ts";

export function assemble(state: LoadState): void {
  const { entries, pages, notices } = state;
  const productOrder = Object.keys(state.products ?? {});
  for (const source of sourcesOf(state)) {
    for (const lang of LANGS) {
      const own = state.byKey.get(keyOf(lang, source.folder, source.id));
      const f = own ?? source;
      const rendered = state.rendered.get(keyOf(lang, source.folder, source.id))!;
      if (source.folder === "pages") {
        const data = f.data as Page;
        pages.push({
          id: source.id, lang, contentLang: f.lang, isFallback: !own, title: data.title, ...(data.summary ? { summary: data.summary } : {}),
          keywords: data.keywords, url: routes.page(lang, source.id), html: rendered.body.html, headings: rendered.body.headings, file: f.file,
        });
        if (!own) notices.push({ code: "page-fallback", params: { pageLang: lang, id: source.id, sourceLang: SOURCE_LANG, url: `/${lang}/${PAGE_PATHS[source.id]}` } });
        continue;
      }
      const translated = LANGS.every((l) => state.byKey.has(keyOf(l, source.folder, source.id)));
      const entry = buildEntry(source, own, lang, source.folder, rendered, translated, productOrder);
      entries.push(entry);
      if (entry.isFallback) notices.push({ code: "fallback", params: { pageLang: lang, id: source.id, sourceLang: SOURCE_LANG, url: entry.url } });
      if (entry.isStale) notices.push({ code: "stale", params: { pageLang: lang, id: source.id, number: entry.translationOf ?? 0, latest: entry.revision } });
    }
  }
  // Scaffolds (npm run new) are valid on purpose; say so while their placeholders remain.
  for (const f of state.files) {
    if (`${f.parsed.body}${JSON.stringify(f.data)}`.includes("TODO:")) notices.push({ code: "todo", params: { file: f.file } });
  }
  const byLangAndId = new Map(entries.map((e) => [`${e.lang}/${e.id}`, e]));
  for (const e of entries) {
    e.relatedLinks = e.related.flatMap((id) => {
      const other = byLangAndId.get(`${e.lang}/${id}`);
      return other ? [{ url: other.url, title: other.title, kind: other.kind }] : [];
    });
  }
  entries.sort(newestFirst);
  state.lastUpdated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), "0000-00-00");
}

function buildEntry(
  source: LoadedFile, own: LoadedFile | undefined, lang: Lang, section: Section, rendered: RenderedPage, hasTranslation: boolean, productOrder: string[],
): Entry {
  const src = source.data as Advisory | Hoax;
  const tr = own && own !== source && lang !== SOURCE_LANG ? (own.data as AdvisoryTranslation | HoaxTranslation) : undefined;
  const isFallback = lang !== SOURCE_LANG && !own;
  const contentLang: Lang = isFallback ? SOURCE_LANG : lang;
  const revision = src.revisions.at(-1)!.number;
  const translationOf = tr?.translationOf;
  const notes = new Map(tr?.revisions.map((r) => [r.number, r.note]) ?? []);
  const other = otherLang(lang);
  const entry: Entry = {
    id: source.id,
    kind: src.kind,
    section,
    lang,
    contentLang,
    isFallback,
    ...(translationOf !== undefined ? { translationOf } : {}),
    isStale: translationOf !== undefined && translationOf < revision,
    url: routes.entry(lang, section, source.id),
    otherUrl: routes.entry(other, section, source.id),
    canonicalUrl: routes.entry(isFallback ? SOURCE_LANG : lang, section, source.id),
    hasTranslation,
    file: (own ?? source).file,
    title: tr?.title ?? src.title,
    summary: tr?.summary ?? src.summary,
    html: rendered.body.html,
    headings: rendered.body.headings,
    published: src.published,
    updated: src.revisions.at(-1)!.date,
    revision,
    revisions: src.revisions.map((r) => ({ number: r.number, date: r.date, note: notes.get(r.number) ?? r.note })),
    ...("severity" in src && src.severity ? { severity: src.severity } : {}),
    affected: "affected" in src ? src.affected : [],
    notAffected: "notAffected" in src ? src.notAffected : [],
    kb: "kb" in src ? src.kb : [],
    cve: "cve" in src ? src.cve : [],
    bulletins: "bulletins" in src ? src.bulletins : [],
    related: src.related,
    relatedLinks: [],
    keywords: src.keywords,
    sources: src.sources,
    aliases: src.aliases,
    vulnerabilities: "vulnerabilities" in src
      ? src.vulnerabilities.map((v) => {
          const translated = tr && "vulnerabilities" in tr ? tr.vulnerabilities.find((x) => x.id === v.id) : undefined;
          const note = translated ? translated.note : v.note;
          return { ...v, name: translated?.name ?? v.name, ...(note ? { note } : { note: undefined }) };
        })
      : [],
    ratedProducts: "vulnerabilities" in src
      ? productOrder.filter((p) => src.vulnerabilities.some((v) => v.ratings[p] !== undefined))
      : [],
    // CSAF-only facts (src/csaf), carried as they are.
    ...("testedVersions" in src && src.testedVersions ? { testedVersions: src.testedVersions } : {}),
    ...("update" in src && src.update ? { update: src.update } : {}),
    ...("basedOn" in src && src.basedOn ? { basedOn: src.basedOn } : {}),
  };
  if (src.kind === "hoax") {
    const hoax = src as Hoax;
    const text = (tr as HoaxTranslation | undefined) ?? hoax;
    entry.hoax = {
      names: text.names,
      firstSeen: { date: hoax.firstSeen.date, approximate: hoax.firstSeen.approximate, where: text.firstSeen.where },
      ...(hoax.file ? { file: hoax.file } : {}),
      ...rendered.hoax!,
    };
  }
  return entry;
}

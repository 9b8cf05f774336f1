/**
 * The search UI in the browser: the search page, the hoax search and the header box share it.
 * Pagefind does the matching; this module normalises queries (full-width, ウィルス/ウイルス), puts the
 * page an identifier names first, respects IME composition, keeps ?q= in the URL, and renders results
 * with DOM text nodes only (an excerpt can never inject markup).
 */
import { normalizeQuery } from "../normalize.ts";
import { shardOf, type IdentifierCard, type IdentifierManifest } from "../identifier-shards.ts";
import { buildExcerpt, type ExcerptPart } from "./excerpt.ts";
import { STRINGS } from "./strings.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The indexed text, with U+200B where Pagefind segmented Japanese; what `locations` count words in. */
  raw_content?: string;
  locations?: number[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
/** Filter name → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(q: string | null, o?: { filters?: Record<string, unknown>; sort?: Record<string, string> }): Promise<{
    results: { id: string; data(): Promise<PagefindResultData> }[];
    unfilteredResultCount: number;
    /** For each filter value, how many results the query has with that value (whatever filters are chosen). */
    totalFilters: FilterCounts;
  }>;
}

/**
 * The result count line in both languages, from the locale files (search.results, search.noResults): put in
 * by the bundler (see bundleBrowserCode), so no page carries them in its HTML.
 */
declare const SEARCH_STATUS_JSON: string;
const SEARCH_STATUS = JSON.parse(SEARCH_STATUS_JSON) as Record<"ja" | "en", { results: string; noResults: string }>;

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** "「worm」の検索結果：3件" / "3 results for “worm”" / "Nothing matches “worm”." for the page's language. */
export function statusText(total: number, query: string): string {
  const template = total === 1 ? strings().resultsOne : total ? SEARCH_STATUS[lang].results : SEARCH_STATUS[lang].noResults;
  return fill(template, { count: total, query: query.trim() });
}

/** The search code's UI strings in the page's language (see strings.ts). */
export function strings() {
  return STRINGS[lang];
}

/** The site root, whatever prefix a mirror serves it under: this file lives at <root>/assets/search/. */
const ROOT = new URL("../../", import.meta.url);
const lang = document.documentElement.lang === "en" ? "en" : "ja";
let pagefind: Promise<PagefindApi> | undefined;
let filterIndex: Promise<unknown> | undefined;
let manifest: Promise<IdentifierManifest> | undefined;
const shards = new Map<string, Promise<Record<string, unknown>>>();

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ new URL("pagefind/pagefind.js", ROOT).href)) as PagefindApi;
    // On the main thread: the worker would add its own 43 KB copy of the search code to every first query,
    // and searching this index takes milliseconds.
    await api.options({ baseUrl: ROOT.pathname, excerptLength: 24, noWorker: true });
    await api.init();
    return api;
  })();
  return pagefind;
}

/**
 * Loads every filter file once, so that each search returns its counts per filter value (Pagefind counts only
 * with the files it has). The search page asks for it; the header box does not show filters.
 */
function loadFilters(): Promise<unknown> {
  filterIndex ??= loadPagefind().then((api) => api.filters());
  return filterIndex;
}

function loadManifest(): Promise<IdentifierManifest> {
  manifest ??= fetch(new URL(`${lang}/search/identifiers.json`, ROOT)).then((r) => r.json() as Promise<IdentifierManifest>);
  return manifest;
}

function loadShard<T>(name: string): Promise<Record<string, T>> {
  let shard = shards.get(name);
  if (!shard) shards.set(name, (shard = fetch(new URL(`${lang}/search/identifiers/${name}.json`, ROOT)).then((r) => r.json() as Promise<Record<string, unknown>>)));
  return shard as Promise<Record<string, T>>;
}

/** The URL of the page a query names by identifier (MS04-011, KB835732, sulfnbk.exe …), if any: one small shard. */
async function identifiedUrl(query: string): Promise<string | undefined> {
  const key = query.toLowerCase();
  const { keyShards } = await loadManifest();
  return (await loadShard<string>(`k${shardOf(key, keyShards)}`))[key];
}

/** Title, kind, date and summary of a page, for a pinned result that Pagefind did not return. */
async function cardOf(url: string): Promise<IdentifierCard | undefined> {
  const { cardShards } = await loadManifest();
  return (await loadShard<IdentifierCard>(`c${shardOf(url, cardShards)}`))[url];
}

export interface Result {
  url: string;
  title: string;
  kind: string;
  kindName: string;
  date: string;
  excerpt: ExcerptPart[];
  /** True when the query named this page by identifier. */
  pinned: boolean;
}

export interface SearchOptions {
  /** Pagefind filters, e.g. { kind: ["Hoax"] }. */
  filters?: Record<string, string[]>;
  limit?: number;
  /** Also return, per filter value, how many results the query has (loads the filter files once). */
  counts?: boolean;
}

export interface SearchOutcome {
  results: Result[];
  /** Results with the chosen filters. */
  total: number;
  /** Results of the query without filters. */
  unfiltered: number;
  counts?: FilterCounts;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/index\.html$/, "") === b.replace(/index\.html$/, "");
}

/** Runs one search. Returns null for an empty query. */
export async function search(rawQuery: string, options: SearchOptions = {}): Promise<SearchOutcome | null> {
  const query = normalizeQuery(rawQuery);
  if (!query) return null;
  const [api, target] = await Promise.all([loadPagefind(), identifiedUrl(query), options.counts ? loadFilters() : undefined]);
  const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v.length).map(([k, v]) => [k, { any: v }]));
  const found = await api.search(query, { filters });
  const limit = options.limit ?? 10;
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  const results: Result[] = data.map((d) => ({
    url: d.url,
    title: d.meta.title ?? d.url,
    kind: d.meta.kind ?? "page",
    // The kind filter's value is the badge text, in the page's language; a site page (the hoax list, about)
    // has no kind and names itself (data-pagefind-meta="badge:…").
    kindName: d.filters.kind?.[0] ?? d.meta.badge ?? "",
    date: d.meta.date ?? "",
    excerpt: d.raw_content !== undefined ? buildExcerpt(d.raw_content, d.locations ?? [], { title: d.meta.title ?? "" }) : [{ text: d.excerpt.replace(/<[^>]*>/g, "") }],
    pinned: false,
  }));
  let total = found.results.length;
  let unfiltered = found.unfilteredResultCount;
  if (target) {
    const targetPath = new URL(target.replace(/^\//, ""), ROOT).pathname;
    const index = results.findIndex((r) => sameUrl(r.url, targetPath));
    const found = index >= 0 ? results[index] : undefined;
    const card = found ? undefined : await cardOf(target);
    const kindName = found ? found.kindName : card?.kindName;
    const passesFilters = !options.filters?.kind?.length || (kindName !== undefined && options.filters.kind.includes(kindName));
    if (passesFilters && (found || card)) {
      if (found) results.splice(index, 1);
      else {
        total += 1;
        unfiltered += 1;
      }
      const pinned = found ?? { url: targetPath, title: card!.title, kind: card!.kind, kindName: card!.kindName, date: card!.date, excerpt: [{ text: card!.summary }], pinned: true };
      results.unshift({ ...pinned, pinned: true });
    }
  }
  return { results, total, unfiltered: Math.max(unfiltered, total), ...(options.counts ? { counts: found.totalFilters } : {}) };
}

/** Starts loading Pagefind and the identifier manifest (and the filters, if asked), so the first keystroke finds them ready. */
export function warmUp(options: { filters?: boolean } = {}): void {
  void loadPagefind();
  void loadManifest();
  if (options.filters) void loadFilters();
}

/**
 * Identifiers and numbers with a hyphen before a digit or a variant letter (MS04-011, CVE-2003-0533, W32/Sasser-B):
 * the same pattern as the layouts' nobreak() (layouts/partials/macros.njk), kept whole by site.css.
 */
const NO_BREAK = /(?<![\w.\/%-])[A-Za-z0-9]+(?:[.\/][A-Za-z0-9]+)*(?:-(?:\d[A-Za-z0-9]*|[A-Z]{1,2}\b)(?:[.\/][A-Za-z0-9]+)*)+/g;

/** Appends text, identifiers in a <span> that does not wrap; text only, never markup. */
export function appendText(target: HTMLElement, text: string): void {
  let at = 0;
  for (const m of text.matchAll(NO_BREAK)) {
    if (m.index! > at) target.append(document.createTextNode(text.slice(at, m.index)));
    const span = document.createElement("span");
    span.textContent = m[0];
    target.append(span);
    at = m.index! + m[0].length;
  }
  if (at < text.length) target.append(document.createTextNode(text.slice(at)));
}

/** Appends an excerpt as text nodes and <mark> elements: an excerpt can never inject markup. */
export function appendExcerpt(target: HTMLElement, excerpt: ExcerptPart[]): void {
  for (const part of excerpt) {
    if (part.mark) {
      const mark = document.createElement("mark");
      appendText(mark, part.text);
      target.append(mark);
    } else appendText(target, part.text);
  }
}

/** Formats a YYYY-MM-DD date the way the page's language writes it. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return date;
  if (lang === "ja") return `${y}年${m}月${d}日`;
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${d} ${months[m - 1]} ${y}`;
}

/** Renders results into a list element. */
export function renderResults(list: HTMLElement, results: Result[]): void {
  list.replaceChildren(
    ...results.map((r) => {
      const li = document.createElement("li");
      li.className = "search-result";
      const link = document.createElement("a");
      link.href = r.url;
      link.className = "entry-title";
      appendText(link, r.title);
      li.append(link);
      if (r.kindName) {
        const badge = document.createElement("span");
        badge.className = `badge badge-${r.kind}`;
        badge.textContent = r.kindName;
        li.append(" ", badge);
      }
      if (r.date) {
        const time = document.createElement("time");
        time.dateTime = r.date;
        time.textContent = formatDate(r.date);
        li.append(" ", time);
      }
      const p = document.createElement("p");
      appendExcerpt(p, r.excerpt);
      li.append(p);
      return li;
    }),
  );
}

/**
 * Calls `run` when the reader pauses typing, never while an IME composition is open
 * (Japanese input shows unconverted kana until the reader confirms), and blocks Enter during composition.
 */
export function onQuery(input: HTMLInputElement, run: (value: string) => void, delay = 80): void {
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), delay);
  };
  input.addEventListener("compositionstart", () => {
    composing = true;
    clearTimeout(timer);
  });
  input.addEventListener("compositionend", () => {
    composing = false;
    schedule();
  });
  input.addEventListener("input", (event) => {
    if (composing || (event as InputEvent).isComposing) return;
    schedule();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.isComposing || composing || event.keyCode === 229)) event.preventDefault();
  });
}

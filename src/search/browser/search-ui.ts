/**
 * The search UI in the browser: the search page, the hoax search and the header box share it.
 * Pagefind does the matching; this module normalises queries (full-width, ウィルス/ウイルス), puts the
 * page an identifier names first, respects IME composition, keeps ?q= in the URL, and renders results
 * with DOM text nodes only (an excerpt can never inject markup).
 */
import { normalizeQuery } from "../normalize.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, unknown>; sort?: Record<string, string> }): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface Identifiers {
  table: Record<string, string>;
  pages: Record<string, { title: string; kind: string; kindName: string; date: string; dateText: string; summary: string }>;
}

/** The site root, whatever prefix a mirror serves it under: this file lives at <root>/assets/search/. */
const ROOT = new URL("../../", import.meta.url);
const lang = document.documentElement.lang === "en" ? "en" : "ja";
let pagefind: Promise<PagefindApi> | undefined;
let identifiers: Promise<Identifiers> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ new URL("pagefind/pagefind.js", ROOT).href)) as PagefindApi;
    await api.options({ baseUrl: ROOT.pathname, excerptLength: 24 });
    await api.init();
    return api;
  })();
  return pagefind;
}

function loadIdentifiers(): Promise<Identifiers> {
  identifiers ??= fetch(new URL(`${lang}/search/identifiers.json`, ROOT)).then((r) => r.json() as Promise<Identifiers>);
  return identifiers;
}

export interface Result {
  url: string;
  title: string;
  kind: string;
  kindName: string;
  date: string;
  excerpt: string;
  /** True when the query named this page by identifier. */
  pinned: boolean;
}

export interface SearchOptions {
  /** Pagefind filters, e.g. { kind: ["Hoax"] }. */
  filters?: Record<string, string[]>;
  limit?: number;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/index\.html$/, "") === b.replace(/index\.html$/, "");
}

/** Runs one search. Returns null for an empty query. */
export async function search(rawQuery: string, options: SearchOptions = {}): Promise<{ results: Result[]; total: number } | null> {
  const query = normalizeQuery(rawQuery);
  if (!query) return null;
  const [api, ids] = await Promise.all([loadPagefind(), loadIdentifiers()]);
  const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v.length).map(([k, v]) => [k, { any: v }]));
  const found = await api.search(query, { filters });
  const limit = options.limit ?? 10;
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  const results: Result[] = data.map((d) => {
    const page = Object.entries(ids.pages).find(([url]) => sameUrl(new URL(url, ROOT).pathname, d.url))?.[1];
    return {
      url: d.url,
      title: d.meta.title ?? page?.title ?? d.url,
      kind: d.meta.kind ?? page?.kind ?? "",
      kindName: page?.kindName ?? d.filters.kind?.[0] ?? "",
      date: d.meta.date ?? "",
      excerpt: d.excerpt,
      pinned: false,
    };
  });
  let total = found.results.length;
  const target = ids.table[query.toLowerCase()];
  const targetPage = target ? ids.pages[target] : undefined;
  const passesFilters = !targetPage || !options.filters?.kind?.length || options.filters.kind.includes(targetPage.kindName);
  if (target && targetPage && passesFilters) {
    const targetPath = new URL(target.replace(/^\//, ""), ROOT).pathname;
    const index = results.findIndex((r) => sameUrl(r.url, targetPath));
    const [pinned] = index >= 0 ? results.splice(index, 1) : [{ url: targetPath, title: targetPage.title, kind: targetPage.kind, kindName: targetPage.kindName, date: targetPage.date, excerpt: targetPage.summary, pinned: true }];
    if (index < 0) total += 1;
    results.unshift({ ...pinned!, pinned: true });
  }
  return { results, total };
}

/** Starts loading Pagefind and the identifier table, so the first keystroke finds them ready. */
export function warmUp(): void {
  void loadPagefind();
  void loadIdentifiers();
}

/** Filter values available in this language's index, with counts. */
export async function availableFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind()).filters();
}

/** Appends Pagefind's excerpt as text, keeping only its <mark> highlights. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  for (const node of Array.from(doc.body.firstChild?.childNodes ?? [])) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.append(mark);
    } else target.append(document.createTextNode(node.textContent ?? ""));
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
      link.textContent = r.title;
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

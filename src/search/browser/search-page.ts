/**
 * The search page (/{lang}/search/) and the hoax search (/{lang}/hoaxes/): wires a form to search-ui.ts.
 * A container with data-scope-kind searches entries of that kind only.
 *
 * On the search page the query and the filters live in the URL (?q=デマ&kind=hoax&year=2004), so a filtered
 * search can be linked and is restored on load; each filter value shows how many results the current query has
 * with it (values it has none for are hidden); when the filters are why nothing matches, the message says so.
 */
import { fill, onQuery, renderResults, search, statusText, strings, warmUp, type FilterCounts } from "./search-ui.ts";

/** The filter boxes: the URL names a choice by id (kind=hoax), Pagefind by its name in the page's language. */
function boxesOf(filterBox: HTMLElement | null): HTMLInputElement[] {
  return [...(filterBox?.querySelectorAll<HTMLInputElement>("input[type=checkbox]") ?? [])];
}

async function setUp(container: HTMLElement): Promise<void> {
  const input = container.querySelector<HTMLInputElement>("input[type=search]")!;
  const status = container.querySelector<HTMLElement>(".search-status")!;
  const list = container.querySelector<HTMLElement>(".search-results")!;
  const filterBox = container.querySelector<HTMLDetailsElement>(".search-filters");
  const boxes = boxesOf(filterBox);
  const scopeKind = container.dataset.scopeKind;
  const syncUrl = container.dataset.syncUrl === "true";
  const s = strings();
  container.hidden = false;
  warmUp({ filters: boxes.length > 0 });

  const chosen = () => boxes.filter((b) => b.checked);
  const selectedFilters = (): Record<string, string[]> => {
    const out: Record<string, string[]> = scopeKind ? { kind: [scopeKind] } : {};
    for (const box of chosen()) (out[box.name] ??= []).push(box.dataset.filter ?? box.value);
    return out;
  };
  /** "種類：インシデント、年：2004" / "Kind: Incident, Year: 2004". */
  const describeFilters = (): string => {
    const groups = new Map<string, string[]>();
    for (const box of chosen()) {
      const legend = box.closest("fieldset")?.querySelector("legend")?.textContent?.trim() ?? box.name;
      groups.set(legend, [...(groups.get(legend) ?? []), box.dataset.filter ?? box.value]);
    }
    return [...groups].map(([legend, values]) => `${legend}${s.colon}${values.join(s.comma)}`).join(s.comma);
  };
  const showCounts = (counts: FilterCounts | undefined) => {
    if (!filterBox || !counts) return;
    for (const box of boxes) {
      const n = counts[box.name]?.[box.dataset.filter ?? box.value] ?? 0;
      const label = box.closest("label")!;
      label.hidden = n === 0 && !box.checked;
      label.querySelector(".count")!.textContent = `${s.open}${n}${s.close}`;
    }
    for (const fieldset of filterBox.querySelectorAll("fieldset")) fieldset.hidden = ![...fieldset.querySelectorAll("label")].some((l) => !l.hidden);
  };
  const showChosen = () => {
    const n = chosen().length;
    const count = filterBox?.querySelector(".filter-count");
    if (count) count.textContent = n ? `${s.open}${n}${s.close}` : "";
  };
  const writeUrl = (value: string) => {
    const url = new URL(location.href);
    for (const name of new Set(boxes.map((b) => b.name))) url.searchParams.delete(name);
    if (value.trim()) url.searchParams.set("q", value);
    else url.searchParams.delete("q");
    for (const box of chosen()) url.searchParams.append(box.name, box.value);
    history.replaceState(null, "", url);
  };

  let generation = 0;
  const run = async (value: string) => {
    const mine = ++generation;
    showChosen();
    if (syncUrl) writeUrl(value);
    const outcome = await search(value, { filters: selectedFilters(), counts: boxes.length > 0 });
    if (mine !== generation) return; // a newer query has started
    if (!outcome) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    renderResults(list, outcome.results);
    showCounts(outcome.counts);
    const filtered = chosen().length > 0;
    if (!outcome.total && filtered && outcome.unfiltered > 0 && container.dataset.noResultsFiltered) {
      // The filters are why nothing matches: say so, and offer to clear them.
      const clear = document.createElement("button");
      clear.type = "button";
      clear.textContent = container.dataset.clearFilters ?? "×";
      clear.addEventListener("click", () => {
        for (const box of boxes) box.checked = false;
        void run(input.value);
        input.focus();
      });
      status.replaceChildren(fill(container.dataset.noResultsFiltered, { query: value.trim(), filters: describeFilters(), total: outcome.unfiltered }), clear);
    } else status.textContent = statusText(outcome.total, value);
  };

  onQuery(input, (value) => void run(value));
  container.querySelector("form")?.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(input.value);
  });
  // The choices are in the page already (counted for the query by the script); they need this script to work.
  if (filterBox) {
    for (const box of boxes) box.addEventListener("change", () => void run(input.value));
    filterBox.hidden = !boxes.length;
    // Beside the results on a wide screen; behind its summary on a phone, so the first result is on the first screen.
    filterBox.open = matchMedia("(min-width: 64rem)").matches;
  }
  const params = new URL(location.href).searchParams;
  const initial = params.get("q");
  if (syncUrl) {
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
    if (initial) {
      input.value = initial;
      void run(initial);
    } else showChosen();
  }
}

for (const container of document.querySelectorAll<HTMLElement>("[data-search]")) void setUp(container);

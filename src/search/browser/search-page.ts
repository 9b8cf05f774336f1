/**
 * The search page (/{lang}/search/) and the hoax search (/{lang}/hoaxes/): wires a form to search-ui.ts.
 * A container with data-search-scope="hoax" searches hoax entries only.
 */
import { onQuery, renderResults, search, statusText, warmUp } from "./search-ui.ts";

async function setUp(container: HTMLElement): Promise<void> {
  const input = container.querySelector<HTMLInputElement>("input[type=search]")!;
  const status = container.querySelector<HTMLElement>(".search-status")!;
  const list = container.querySelector<HTMLElement>(".search-results")!;
  const filterBox = container.querySelector<HTMLElement>(".search-filters");
  const scopeKind = container.dataset.scopeKind;
  const syncUrl = container.dataset.syncUrl === "true";
  container.hidden = false;
  warmUp();

  const selectedFilters = (): Record<string, string[]> => {
    const out: Record<string, string[]> = scopeKind ? { kind: [scopeKind] } : {};
    for (const box of filterBox?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked") ?? []) {
      (out[box.name] ??= []).push(box.value);
    }
    return out;
  };

  let generation = 0;
  const run = async (value: string) => {
    const mine = ++generation;
    if (syncUrl) {
      const url = new URL(location.href);
      if (value.trim()) url.searchParams.set("q", value);
      else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }
    const outcome = await search(value, { filters: selectedFilters() });
    if (mine !== generation) return; // a newer query has started
    if (!outcome) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    renderResults(list, outcome.results);
    status.textContent = statusText(outcome.total, value);
  };

  onQuery(input, (value) => void run(value));
  container.querySelector("form")?.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(input.value);
  });
  const initial = new URL(location.href).searchParams.get("q");
  if (syncUrl && initial) {
    input.value = initial;
    void run(initial);
  }
  // The choices are in the page already, counted at build time from the same data Pagefind indexes (so the
  // first query does not fetch every filter file, 43 KB at 10,000 pages); they need this script to work.
  if (filterBox) {
    for (const box of filterBox.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) box.addEventListener("change", () => void run(input.value));
    filterBox.hidden = !filterBox.querySelector("fieldset");
  }
}

for (const container of document.querySelectorAll<HTMLElement>("[data-search]")) void setUp(container);

/**
 * The header search box. Without JavaScript it is a plain GET form to /{lang}/search/. With it, the first
 * results appear under the box as the reader types, with a link to all of them on the search page; a click
 * outside or Escape closes the panel; an older query's answer never replaces a newer one's. The search code is
 * loaded only on first use. It is the page header's one script, so it also carries the language switch's #anchor.
 */
// The language switch keeps the reader's place: the standard sections have the same #anchor in both languages.
const langSwitch = document.querySelector<HTMLAnchorElement>(".lang-switch");
langSwitch?.addEventListener("click", () => {
  if (location.hash) langSwitch.hash = location.hash;
});

const form = document.querySelector<HTMLFormElement>(".header-search");
const input = form?.querySelector<HTMLInputElement>("input[type=search]");

if (form && input && !document.querySelector("[data-search-page]")) {
  let panel: HTMLElement | undefined;
  let ready: Promise<void> | undefined;
  const start = () => {
    ready ??= (async () => {
      const ui = await import("./search-ui.ts");
      ui.warmUp();
      panel = document.createElement("div");
      panel.className = "header-results";
      panel.hidden = true;
      const status = document.createElement("p");
      status.className = "search-status";
      status.setAttribute("aria-live", "polite");
      const list = document.createElement("ol");
      list.className = "search-results";
      const all = document.createElement("p");
      all.className = "search-all";
      const link = document.createElement("a");
      all.append(link);
      panel.append(status, list, all);
      form.after(panel);
      let generation = 0;
      const run = async (value: string) => {
        const mine = ++generation;
        const outcome = await ui.search(value, { limit: 5 });
        if (mine !== generation) return; // a newer query has started
        panel!.hidden = !outcome;
        if (!outcome) return;
        ui.renderResults(list, outcome.results);
        status.textContent = ui.statusText(outcome.total, value);
        // The form's own action is the search page, path prefix included.
        const url = new URL(form.action);
        url.searchParams.set("q", value.trim());
        link.href = url.href;
        link.textContent = ui.fill(ui.strings().allResults, { count: outcome.total });
        all.hidden = outcome.total <= outcome.results.length;
      };
      ui.onQuery(input, (value) => void run(value));
      if (input.value) void run(input.value);
    })();
  };
  input.addEventListener("focus", start, { once: true });
  input.addEventListener("input", start, { once: true });
  // Back in the box with a query: show its results again.
  input.addEventListener("focus", () => {
    if (panel && input.value.trim() && panel.hidden && panel.querySelector("li")) panel.hidden = false;
  });
  const close = () => panel?.setAttribute("hidden", "");
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  // A click, a tap or the keyboard's focus anywhere else closes it.
  for (const type of ["pointerdown", "focusin"]) {
    document.addEventListener(type, (event) => {
      const target = event.target as Node;
      if (!form.contains(target) && !panel?.contains(target)) close();
    });
  }
}

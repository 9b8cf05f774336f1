/**
 * The header search box. Without JavaScript it is a plain GET form to /{lang}/search/. With it, results
 * appear under the box as the reader types; the search code is loaded only on first use.
 */
const form = document.querySelector<HTMLFormElement>(".header-search");
const input = form?.querySelector<HTMLInputElement>("input[type=search]");

if (form && input && !document.querySelector("[data-search-page]")) {
  let ready: Promise<void> | undefined;
  const start = () => {
    ready ??= (async () => {
      const ui = await import("./search-ui.ts");
      ui.warmUp();
      const panel = document.createElement("div");
      panel.className = "header-results";
      panel.hidden = true;
      const status = document.createElement("p");
      status.className = "search-status";
      status.setAttribute("aria-live", "polite");
      const list = document.createElement("ol");
      list.className = "search-results";
      panel.append(status, list);
      form.after(panel);
      const run = async (value: string) => {
        const outcome = await ui.search(value, { limit: 5 });
        panel.hidden = !outcome;
        if (!outcome) return;
        ui.renderResults(list, outcome.results);
        status.textContent = ui.statusText(outcome.total, value);
      };
      ui.onQuery(input, (value) => void run(value));
      if (input.value) void run(input.value);
    })();
  };
  input.addEventListener("focus", start, { once: true });
  input.addEventListener("input", start, { once: true });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") form.nextElementSibling?.setAttribute("hidden", "");
  });
}

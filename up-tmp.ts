import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadContent } from "./src/data/load-content.ts";
import { readSettingsOrThrow } from "./src/settings/settings.ts";
import { snapshot } from "./src/preview/update-plan.ts";
import { updateSite, type LiveSite } from "./src/preview/update-site.ts";
const env = { KEIKOKU_CSAF: process.argv[2] ?? "off", KEIKOKU_SEARCH: "off" };
const settings = readSettingsOrThrow({ siteDir: "/work/scale/corpus", root: "/work/main", env });
const t0 = performance.now();
const first = loadContent({ root: settings.root, contentDir: settings.siteDir, cache: true, keepCacheInMemory: true, siteUrl: settings.siteUrl });
console.log(`first load ${((performance.now() - t0) / 1000).toFixed(1)} s`);
let live: LiveSite = { snapshot: snapshot(first.site!) };
const file = "/work/scale/corpus/ja/advisories/agobot-a-899.md";
const original = readFileSync(file, "utf8");
try {
  for (let k = 1; k <= 3; k++) {
    writeFileSync(file, `${original.replace(/\s*$/, "")}\n\n追記 kbench${k} の確認。\n`);
    const session = new Session(); session.connect();

    const r = await updateSite({ settings, output: "/work/scale/site", live, pagesWritten: () => console.log("page written") });

    if (r.kind !== "updated") { console.log(r); break; }
    live = r.live;
    console.log(`edit ${k}: ${r.pages} pages; ${Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
  }
} finally { writeFileSync(file, original); }
process.exit(0);

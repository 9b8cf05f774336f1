/**
 * Builds every shared configuration (tests/helpers/shared-site.ts SITES) that is not on disk yet, one after
 * the other, so the site and browser tiers find them ready: `node --import tsx tests/prebuild.ts`.
 * tests/run.ts runs it beside the unit tier; a site on disk already costs only its key.
 */
import { performance } from "node:perf_hooks";
import { SITES, sharedSite } from "./helpers/shared-site.ts";

for (const [name, config] of Object.entries(SITES)) {
  const started = performance.now();
  await sharedSite(config);
  console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

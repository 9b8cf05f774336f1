/**
 * What the live preview knows between builds: the problems of the last content load (empty when the
 * content is valid) and the last valid site, which keeps the dev build going while content is broken.
 */
import type { ContentProblem } from "../data/problems.ts";
import type { SiteData } from "../data/entries.ts";

export const previewState: { problems: ContentProblem[]; lastGood?: SiteData } = { problems: [] };

/** True under `npm start` (src/cli/serve.ts sets it): broken content shows an error page instead of failing. */
export const isPreview = (): boolean => process.env.KEIKOKU_DEV === "1";

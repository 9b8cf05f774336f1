/**
 * Live preview for authors (`npm start`): while the content is invalid, every HTML page the dev server
 * serves is replaced by the error report, in the page's language; the next good save brings the site back
 * (the dev server reloads the browser after each build).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isLang, SOURCE_LANG } from "../i18n/languages.ts";
import { errorPage } from "./error-page.ts";
import { isPreview, previewState } from "./state.ts";
import type { ContentProblem } from "../data/problems.ts";
import { translateHint, translateMessage } from "../authoring/messages-ja.ts";

export interface PreviewPluginOptions {
  /** Translates a problem for a language (e.g. Japanese messages for authors). */
  translate?: (problem: ContentProblem, lang: string) => ContentProblem;
}

/** Japanese authors read Japanese messages (the same translation as `npm run check -- --lang ja`). */
function inAuthorsLanguage(problem: ContentProblem, lang: string): ContentProblem {
  if (lang !== "ja") return problem;
  return { ...problem, message: translateMessage(problem.message), ...(problem.hint ? { hint: translateHint(problem.hint) } : {}) };
}

export function previewPlugin(eleventyConfig: any, options: PreviewPluginOptions = {}): void {
  if (!isPreview()) return;
  const defaults: Required<PreviewPluginOptions> = { translate: inAuthorsLanguage };
  const settings = { ...defaults, ...options };
  eleventyConfig.setServerOptions({
    middleware: [
      function showErrors(req: IncomingMessage, res: ServerResponse, next: () => void) {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        const isPage = path.endsWith("/") || path.endsWith(".html");
        if (!previewState.problems.length || !isPage || req.method !== "GET") return next();
        const first = path.split("/")[1] ?? "";
        const lang = isLang(first) ? first : SOURCE_LANG;
        const html = errorPage(previewState.problems, lang, (p) => settings.translate(p, lang));
        res.writeHead(500, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        // The dev server adds its live-reload script to this response too, so the page recovers by itself.
        res.end(html);
      },
    ],
  });
}

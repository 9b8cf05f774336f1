/**
 * The page the dev server shows in place of every page while the content is invalid: every problem,
 * in the author's language, and a note that it recovers on the next good save.
 */
import type { ContentProblem } from "../data/problems.ts";
import { problemLine } from "../data/problems.ts";
import type { Lang } from "../i18n/languages.ts";
import { t } from "../i18n/i18n.ts";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Each problem in the page's language, from the same templates as `npm run check -- --lang`. */
export function errorPage(problems: ContentProblem[], lang: Lang): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const items = problems.map((p) => `<li><code>${escapeHtml(problemLine(p, lang))}</code></li>`).join("\n");
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t(lang, "preview.title"))}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<main id="main" class="preview-error">
<h1>${escapeHtml(t(lang, "preview.title"))}</h1>
<p class="lead">${escapeHtml(t(lang, "preview.summary", { count: problems.length, files }))}</p>
<ol class="problems">
${items}
</ol>
<p>${escapeHtml(t(lang, "preview.recover"))}</p>
</main>
</body>
</html>
`;
}

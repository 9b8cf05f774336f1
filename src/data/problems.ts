/**
 * A content problem: what is wrong, where (file, line, column, field) and how to fix it.
 * The data layer collects every problem of every file before it fails, so an author sees them all at once.
 */
export interface ContentProblem {
  /** The file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file; 1 when the problem concerns the whole file; 0 for an environment variable. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The frontmatter field as a path such as `affected[2]`, or `(file)` / `(body)`. */
  field: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, when there is something useful to say. */
  hint?: string;
}

/**
 * `content/ja/advisories/sasser.md:7:3 affected[2]: unknown product "windows-2001" — did you mean "windows-2000"?`
 * A problem with no position (line 0: an environment variable) reads `CSAF_TLP (environment): …`.
 */
export function formatProblem(p: ContentProblem): string {
  const hint = p.hint ? ` — ${p.hint}` : "";
  if (p.line === 0) return `${p.field} (${p.file}): ${p.message}${hint}`;
  return `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}${hint}`;
}

/** Sort problems by file, then position, so reports are stable and read top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

/** The whole report: every problem, then one line with the count. */
export function formatReport(problems: ContentProblem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const files = new Set(problems.filter((p) => p.line > 0).map((p) => p.file)).size;
  const noun = problems.length === 1 ? "problem" : "problems";
  const where = [files ? `${files} ${files === 1 ? "file" : "files"}` : "", problems.some((p) => p.line === 0) ? "the environment" : ""].filter(Boolean).join(" and ");
  lines.push(`✖ ${problems.length} content ${noun} in ${where}; nothing was written.`);
  return lines.join("\n");
}

/** Thrown when content is invalid; carries every problem found. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(formatReport(problems));
    this.name = "ContentError";
  }
}

/** Field paths as authors write them: `revisions[0].date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(frontmatter)";
}

/** The closest candidate by edit distance, if it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

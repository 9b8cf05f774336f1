/**
 * `npm run fix-ids`: the missing `{#id}` of a translated entry's section headings, added in both languages, so
 * a section has the same anchor in Japanese and English (the data layer's section-id check). Headings are
 * matched by position; the id comes from the English heading, with the slug rule of headings without an id
 * (src/markdown/markdown.ts, asciiSlug); a heading that already has an id in one language lends it to the other.
 *
 *   ja: ## 症状                 →  ## 症状 {#symptoms}
 *   en: ## Symptoms             →  ## Symptoms {#symptoms}
 *
 * Nothing but ` {#id}` is ever appended to a heading line. When the two languages have different heading
 * structures, or a heading cannot be given an id safely, the entry (or that heading) is left alone and said so.
 */
import { createMarkdown, asciiSlug } from "../markdown/markdown.ts";
import { LAYOUT_ANCHORS } from "../data/stages/render-markdown.ts";

/** Headings of these levels get an id (markdown-it-anchor's `level` in markdown.ts); others are not matched. */
const LEVELS = [2, 3];
const TRAILING_ID = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

interface SourceHeading {
  /** 0-based line in the file. */
  line: number;
  level: number;
  /** The heading's text as the anchor plugin slugs it (text and code spans, without `{#id}`). */
  text: string;
  id?: string;
}

/** One heading line changed: the line before and after. */
export interface HeadingEdit {
  /** 1-based. */
  line: number;
  before: string;
  after: string;
}

export interface FixResult {
  /** The new texts (unchanged when nothing could be added). */
  ja: string;
  en: string;
  edits: { ja: HeadingEdit[]; en: HeadingEdit[] };
  /** Why an entry or a heading was left alone. */
  refused: string[];
}

const md = createMarkdown();

/** Frontmatter lines blanked, so token lines are the file's lines. */
function bodyOnly(text: string): string {
  const lines = text.split("\n");
  if (lines[0] !== "---") return text;
  const end = lines.indexOf("---", 1);
  return lines.map((l, i) => (i <= end ? "" : l)).join("\n");
}

function headingsOf(text: string): SourceHeading[] {
  const tokens = md.parse(bodyOnly(text), {});
  const out: SourceHeading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open" || !token.map) return;
    const level = Number(token.tag.slice(1));
    if (!LEVELS.includes(level)) return;
    const inline = tokens[i + 1]!;
    // The tokens are parsed by core rules that already took the {#id} off; its attribute tells it.
    const id = token.attrGet("id") ?? undefined;
    const explicit = TRAILING_ID.test(text.split("\n")[token.map[0]!] ?? "");
    const words = (inline.children ?? []).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("");
    out.push({ line: token.map[0]!, level, text: words, ...(explicit && id ? { id: String(id) } : {}) });
  });
  return out;
}

/** `## Title` (an ATX heading without a closing `#` sequence): the only form this adds an id to. */
const EDITABLE = /^ {0,3}#{2,6}\s+\S.*?(?<!#)\s*$/;

function append(line: string, id: string): string {
  const end = line.trimEnd().length;
  return `${line.slice(0, end)} {#${id}}${line.slice(end)}`;
}

/**
 * The ids of one translated entry's headings, in both languages. `section` decides which ids the layout
 * reserves (advisories: #affected, #revisions, …; hoaxes: #claim, #truth, …).
 */
export function fixHeadingIds(ja: string, en: string, section: "advisories" | "hoaxes"): FixResult {
  const result: FixResult = { ja, en, edits: { ja: [], en: [] }, refused: [] };
  const source = headingsOf(ja);
  const translation = headingsOf(en);
  const shape = (hs: SourceHeading[]) => hs.map((h) => "#".repeat(h.level)).join(" ") || "none";
  if (shape(source) !== shape(translation)) {
    result.refused.push(`the two languages have different heading structures (ja: ${shape(source)}; en: ${shape(translation)}): match them, or add the {#id}s by hand`);
    return result;
  }
  const reserved = new Set(LAYOUT_ANCHORS[section]);
  const taken = new Set([...source, ...translation].flatMap((h) => (h.id ? [h.id] : [])));
  const jaLines = ja.split("\n");
  const enLines = en.split("\n");
  source.forEach((s, i) => {
    const t = translation[i]!;
    if (s.id && t.id) {
      if (s.id !== t.id) result.refused.push(`heading ${i + 1} has #${s.id} in ja (line ${s.line + 1}) and #${t.id} in en (line ${t.line + 1}): choose one by hand`);
      return;
    }
    let id = s.id ?? t.id;
    if (!id) {
      const slug = asciiSlug(t.text);
      if (slug === "section") {
        result.refused.push(`heading ${i + 1} ("${t.text}", en line ${t.line + 1}) has no ASCII words to make an id from: add one by hand`);
        return;
      }
      if (reserved.has(slug)) {
        result.refused.push(`heading ${i + 1} would get #${slug}, which the layout renders itself: add another {#id} by hand`);
        return;
      }
      id = slug;
      for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
      taken.add(id);
    }
    for (const [lang, heading, lines] of [["ja", s, jaLines], ["en", t, enLines]] as const) {
      if (heading.id) continue;
      const before = lines[heading.line]!;
      if (!EDITABLE.test(before)) {
        result.refused.push(`heading ${i + 1} (${lang} line ${heading.line + 1}) is not written as "## Title": add {#${id}} by hand`);
        continue;
      }
      lines[heading.line] = append(before, id);
      result.edits[lang].push({ line: heading.line + 1, before, after: lines[heading.line]! });
    }
  });
  result.ja = jaLines.join("\n");
  result.en = enLines.join("\n");
  return result;
}

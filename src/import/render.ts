/**
 * A draft → the two Markdown files (pure). The frontmatter is written field by field, so a re-import can
 * replace one field's lines and leave every other byte alone (merge.ts); short lists and the one-line items
 * (versions, ids, scores, remediations) are written in flow style, so a tree of hundreds of versions stays short.
 * The body is the skeleton of a bulletin: overview, affected versions, the vulnerabilities, what to do, and
 * the vendor's notes, each quoted and marked to translate (ja) or rewrite (en), with the same {#id}s in both files.
 *
 *   renderField("affected", ["cisco-ios"]) → "affected: [cisco-ios]\n"
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import type { BodyMaterial, Draft, Lang, Quote } from "./map-facts.ts";

/** Maps that are items of these lists are written on one line: { name: …, servicePacks: […] }. */
const FLOW_ITEMS = [/^testedVersions\.[^.]+$/, /^vulnerabilities\.ids$/, /^vulnerabilities\.scores$/, /^vulnerabilities\.remediations$/];

function toNode(doc: Document, value: unknown, path: string, inFlow: boolean): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const flowItems = FLOW_ITEMS.some((p) => p.test(path));
    seq.items = value.map((v) => toNode(doc, v, path, inFlow || flowItems));
    seq.flow = inFlow || value.every((v) => v === null || typeof v !== "object");
    return seq;
  }
  if (value !== null && typeof value === "object") {
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      map.items.push(new Pair(new Scalar(k), toNode(doc, v, path ? `${path}.${k}` : k, inFlow)));
    }
    map.flow = inFlow;
    return map;
  }
  return doc.createNode(value) as Node;
}

/** One top-level field as YAML lines ending in a newline. */
export function renderField(key: string, value: unknown): string {
  const doc = new Document();
  const map = new YAMLMap();
  // A path names the field and its keys (vulnerabilities.scores); a list's items keep the list's path.
  map.items.push(new Pair(new Scalar(key), toNode(doc, value, key, false)));
  doc.contents = map;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A whole frontmatter: the header comment lines, then every field. */
export function renderFrontmatter(comments: readonly string[], data: Record<string, unknown>): string {
  return ["---", ...comments.map((c) => `# ${c}`), ...Object.entries(data).map(([k, v]) => renderField(k, v).trimEnd()), "---", ""].join("\n");
}

// --- The body ---------------------------------------------------------------------------------------------

/** Section headings; the ids are the same in both files and none is one the layout renders (LAYOUT_ANCHORS). */
const HEADINGS: Record<"overview" | "software" | "details" | "what-to-do" | "vendor-notes", Record<Lang, string>> = {
  overview: { ja: "概要", en: "Overview" },
  software: { ja: "影響を受けるバージョン", en: "Affected versions" },
  details: { ja: "脆弱性の詳細", en: "Vulnerability details" },
  "what-to-do": { ja: "対処方法", en: "What to do" },
  "vendor-notes": { ja: "ベンダーの文書の注記", en: "Notes in the vendor's document" },
};

const TODO: Record<"overview" | "software" | "details" | "what-to-do" | "vendor-notes" | "vulnerability", Record<Lang, string>> = {
  overview: {
    ja: "TODO: 読者が最初に知るべきこと (誰が影響を受け、何をすべきか) を、下に引用したベンダーの文書をもとに日本語で書いてください。",
    en: "TODO: Say first what readers need to know (who is affected, what to do), from the vendor's text quoted below.",
  },
  software: {
    ja: "TODO: 影響を受ける製品とバージョン、製品ごとの状態は、ベンダーの文書から取り込まれ、このページの「影響を受けるソフトウェア」と脆弱性の欄に表示されます。読者向けの補足があれば書いてください。",
    en: "TODO: The affected products and versions, and each product's status, come from the vendor's document and are shown under Affected software and Vulnerabilities. Add what readers need beyond them.",
  },
  details: {
    ja: "TODO: 脆弱性ごとに、何が起こりうるのかを書いてください。",
    en: "TODO: For each vulnerability, say what can happen.",
  },
  vulnerability: {
    ja: "TODO: この脆弱性の説明を書いてください。",
    en: "TODO: Describe this vulnerability.",
  },
  "what-to-do": {
    ja: "TODO: 読者がすべきこと (更新、回避策) を書いてください。修正の URL は脆弱性の欄に表示されます。",
    en: "TODO: Say what readers should do (update, work around). The links to the fixes are shown under Vulnerabilities.",
  },
  "vendor-notes": {
    ja: "TODO: 必要な注記だけを翻訳して本文に取り入れ、この節は削除してください。",
    en: "TODO: Work the notes readers need into the text above, then remove this section.",
  },
};

/** How a quote is marked in each file, by the language of the vendor's text. */
function marker(lang: Lang, textLang: Lang | undefined): string {
  if (lang === "ja") return textLang === "ja" ? "ベンダーの原文。読者向けに書き直したら、この引用を削除してください" : "ベンダーの原文。翻訳して本文に書き直したら、この引用を削除してください";
  return textLang === "en" ? "the vendor's text: rewrite it for your readers, then remove this quote" : "the vendor's text: translate it into the text above, then remove this quote";
}

/**
 * Escapes what Markdown would turn into structure or links, so a quote is shown as the vendor wrote it and never
 * becomes a link, an image, HTML, a heading or a {#id}: `[x](advisory:y)` stays text.
 */
export function escapeMarkdown(line: string): string {
  let out = line.trim().replace(/[\\`*_{}\[\]<>|~&!]/g, "\\$&");
  out = out.replace(/^([#=+\-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
  return out;
}

function quote(lang: Lang, textLang: Lang | undefined, q: Quote): string {
  const lines = q.text.trim().split("\n").map((l) => (l.trim() ? `> ${escapeMarkdown(l)}` : ">"));
  // Runs of empty quote lines become one; a line followed by another keeps its break (a trailing backslash).
  const compact = lines.filter((l, i) => !(l === ">" && lines[i - 1] === ">"));
  const broken = compact.map((l, i) => (l !== ">" && compact[i + 1] !== undefined && compact[i + 1] !== ">" ? `${l}\\` : l));
  return [`> **${escapeMarkdown(q.title)}** (${marker(lang, textLang)})`, ">", ...broken].join("\n");
}

/** Ids for quoted notes' headings: slug of the title, unique, never a section's own. */
function headingId(title: string, used: Set<string>, fallback: string): string {
  const base = `note-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback}`;
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

export function renderBody(lang: Lang, textLang: Lang | undefined, body: BodyMaterial): string {
  const out: string[] = [];
  const section = (id: keyof typeof HEADINGS, quotes: Quote[], always = true) => {
    if (!always && !quotes.length) return;
    out.push(`## ${HEADINGS[id][lang]} {#${id}}`, "", TODO[id][lang], "");
    for (const q of quotes) out.push(quote(lang, textLang, q), "");
  };
  section("overview", body.overview);
  section("software", body.software);
  if (body.vulnerabilities.length) {
    out.push(`## ${HEADINGS.details[lang]} {#details}`, "", TODO.details[lang], "");
    for (const v of body.vulnerabilities) {
      out.push(`### ${escapeMarkdown(v.name[lang])} {#${v.id}}`, "", TODO.vulnerability[lang], "");
      for (const q of v.quotes) out.push(quote(lang, textLang, q), "");
    }
  }
  section("what-to-do", body.whatToDo);
  if (body.vendorNotes.length) {
    const used = new Set<string>();
    out.push(`## ${HEADINGS["vendor-notes"][lang]} {#vendor-notes}`, "", TODO["vendor-notes"][lang], "");
    body.vendorNotes.forEach((q, i) => {
      out.push(`### ${escapeMarkdown(q.title)} {#${headingId(q.title, used, String(i + 1))}}`, "", quote(lang, textLang, q), "");
    });
  }
  return out.join("\n");
}

/** The header comments of each file. */
export function headerComments(lang: Lang, draft: Pick<Draft, "source">): string[] {
  const b = draft.source.basedOn as { publisher: string; trackingId: string };
  if (lang === "ja") {
    return [
      `${b.publisher} の ${b.trackingId} から npm run import で作った下書きです。「TODO」をすべて書き換えてから公開してください。`,
      "事実 (日付・製品・CVE・スコア・URL) はベンダーの文書から取り込んだもので、新しい版を npm run import で読み込むと更新されます。",
      "title、summary、脆弱性の名前、本文など、あなたが書いた文は更新されません。各フィールドの説明: docs/authoring.md",
    ];
  }
  return [
    "English translation of the Japanese file with the same id: translated text only.",
    `Imported from ${b.publisher}'s ${b.trackingId} (npm run import): replace every "TODO" before publishing.`,
  ];
}

/** Both files of a new entry, by path under the content folder. */
export function renderDraft(draft: Draft): Record<string, string> {
  return {
    [`ja/advisories/${draft.id}.md`]: renderFrontmatter(headerComments("ja", draft), draft.source) + "\n" + renderBody("ja", draft.textLang, draft.body),
    [`en/advisories/${draft.id}.md`]: renderFrontmatter(headerComments("en", draft), draft.translation) + "\n" + renderBody("en", draft.textLang, draft.body),
  };
}

/**
 * Generates the benchmark corpus: N advisories and hoaxes, each as a Japanese source and an English
 * translation that pass the real validation (`loadContent`), plus the two required pages. The same seed
 * always writes byte-identical files.
 *
 *   generateCorpus({ dir: "/tmp/x/content", entries: 500, seed: 1 })
 *     → /tmp/x/content/ja/advisories/ms04-001.md, …/en/hoaxes/rakomi-exe-17.md, …/ja/pages/about.md, …
 *
 * Bodies are 2–4 KB of UTF-8 per file: ##-headings with {#ascii-id}, paragraphs, lists, numbered steps,
 * tables, identifiers (MS04-0xx, KB numbers, CVE ids, file names, registry keys) and links between
 * entries (`advisory:id#anchor`, `hoax:id`), all resolvable.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { IMPACT_IDS, type ProductId } from "../data/vocabulary.ts";
import { readProductsFile } from "../data/stages/read-products.ts";

/** The corpus names the bundled site's products, and carries its products.yaml. */
const BUNDLED = join(import.meta.dirname, "../../content");
const PRODUCTS_YAML = readFileSync(join(BUNDLED, "products.yaml"), "utf8");
const PRODUCTS = readProductsFile(BUNDLED, BUNDLED).products!;
const PRODUCT_IDS = Object.keys(PRODUCTS);
import { createRandom, type Random } from "./random.ts";
import {
  COMPONENTS, FAMILIES, GUIDANCE_TOPICS, PLACES, SECTIONS_BY_KIND, SECTION_TITLES,
  bulletList, fileName, formatDate, hoaxFileStem, hoaxParagraph, paragraph, steps, table,
  type Bi, type TextContext,
} from "./corpus-text.ts";

export type CorpusKind = "incident" | "bulletin" | "guidance" | "hoax";

export interface CorpusOptions {
  /** The content folder to write (created; existing files with the same names are overwritten). */
  dir: string;
  /** Number of advisories and hoaxes (each in ja and en). */
  entries: number;
  seed: number;
  /** Share of hoaxes among the entries; the rest are incidents, bulletins and guidance. */
  hoaxShare?: number;
  /** Share of translations that follow an older revision than the source (reported as stale, still valid). */
  staleShare?: number;
}

export interface SizeStats {
  min: number;
  median: number;
  max: number;
}

export interface CorpusSummary {
  dir: string;
  entries: number;
  byKind: Record<CorpusKind, number>;
  files: number;
  bytes: number;
  /** UTF-8 bytes of the Markdown body (after the frontmatter), per language. */
  bodyBytes: { ja: SizeStats; en: SizeStats };
  /** An advisory to edit in the incremental benchmark, and its source file. */
  editTarget: { id: string; file: string; urlPath: string };
  /** Queries that find something in this corpus, for the search-cost probe. */
  probes: { lang: string; query: string }[];
}

interface Plan {
  index: number;
  id: string;
  kind: CorpusKind;
  folder: "advisories" | "hoaxes";
  title: Bi;
  summary: Bi;
  published: string;
  revisions: { number: number; date: string; note: Bi }[];
  sections: string[];
  affected: ProductId[];
  notAffected: ProductId[];
  kb: number[];
  cve: string[];
  bulletins: string[];
  files: string[];
  family: string;
  ports: number[];
  related: string[];
  /** Hoaxes only. */
  hoax?: { file: string; names: string[]; firstSeen: string; place: Bi };
  stale: boolean;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

function pickKind(r: Random, hoaxShare: number): CorpusKind {
  const x = r.next();
  if (x < hoaxShare) return "hoax";
  const rest = (x - hoaxShare) / (1 - hoaxShare);
  return rest < 0.4 ? "bulletin" : rest < 0.75 ? "incident" : "guidance";
}

/** Decides every entry's facts before any text is written, so links can point at any entry's sections. */
function plan(r: Random, n: number, hoaxShare: number, staleShare: number): Plan[] {
  const plans: Plan[] = [];
  let bulletinCount = 0;
  const usedKb = new Set<number>();
  const newKb = () => {
    let kb = r.int(800000, 899999);
    while (usedKb.has(kb)) kb = r.int(800000, 899999);
    usedKb.add(kb);
    return kb;
  };
  for (let i = 0; i < n; i++) {
    // At least one hoax and one advisory whenever n >= 2, whatever the draw.
    const kind: CorpusKind = n >= 2 && i === 0 ? "bulletin" : n >= 2 && i === 1 ? "hoax" : pickKind(r, hoaxShare);
    let year = r.int(1999, 2004);
    let id: string;
    let title: Bi;
    let bulletins: string[] = [];
    const family = r.pick(FAMILIES);
    const files = Array.from({ length: r.int(2, 4) }, () => fileName(r)).filter((f, k, all) => all.indexOf(f) === k);
    let hoax: Plan["hoax"];
    if (kind === "bulletin") {
      // MS04-001 … MS04-999, then MS03-…: unique, and the year matches the publication date.
      year = 2004 - Math.floor(bulletinCount / 999);
      const bulletin = `MS${pad(year % 100, 2)}-${pad((bulletinCount % 999) + 1, 3)}`;
      bulletinCount++;
      id = bulletin.toLowerCase();
      bulletins = [bulletin];
      const comp = r.pick(COMPONENTS);
      title = { ja: `${bulletin}: ${comp.ja} の脆弱性により、リモートでコードが実行される`, en: `${bulletin}: Vulnerability in ${comp.en} could allow remote code execution` };
    } else if (kind === "incident") {
      const variant = String.fromCharCode(65 + r.int(0, 25));
      id = `${family.toLowerCase()}-${variant.toLowerCase()}-${i}`;
      title = { ja: `W32.${family}.${variant} ワーム`, en: `W32.${family}.${variant} worm` };
    } else if (kind === "guidance") {
      const topic = r.pick(GUIDANCE_TOPICS);
      id = `${topic.id}-${i}`;
      title = { ja: topic.ja, en: topic.en };
    } else {
      const stem = hoaxFileStem(r);
      const file = `${stem}.EXE`;
      id = `${stem.toLowerCase()}-exe-${i}`;
      const place = r.pick(PLACES);
      const month = r.int(1, 12);
      hoax = { file, names: [file, `${stem}_Hoax`, `${stem} virus warning`], firstSeen: `${year - r.int(0, 3)}-${pad(month, 2)}`, place };
      title = { ja: `${file} を削除せよというデマ`, en: `${file} deletion hoax` };
    }
    const start = Date.UTC(year, 0, 1) + r.int(0, 330) * DAY;
    const published = isoDay(start);
    const revisionCount = r.chance(0.6) ? 1 : r.int(2, 4);
    const revisions: Plan["revisions"] = [];
    let at = start;
    for (let k = 1; k <= revisionCount; k++) {
      if (k > 1) at += r.int(1, 20) * DAY;
      revisions.push({ number: k, date: isoDay(at), note: k === 1 ? { ja: "公開", en: "Published" } : r.pick([{ ja: "亜種の情報を追記", en: "Added variants" }, { ja: "修正プログラムの情報を更新", en: "Updated the update information" }, { ja: "既知の問題を追記", en: "Added known issues" }, { ja: "誤記を訂正", en: "Corrected a typo" }]) });
    }
    const pool = SECTIONS_BY_KIND[kind];
    const sections = [pool[0]!, ...r.sample(pool.slice(1), r.int(2, 4))];
    const affected = kind === "hoax" ? [] : r.sample(PRODUCT_IDS, r.int(1, 5));
    const notAffected = kind === "hoax" ? [] : r.sample(PRODUCT_IDS.filter((p) => !affected.includes(p)), r.int(0, 3));
    const cveYear = (y: number) => `CVE-${y}-${pad(r.int(1, 999), 4)}`;
    const cveCount = kind === "bulletin" ? r.int(1, 6) : kind === "incident" ? r.int(0, 2) : 0;
    const cve = [...new Set(Array.from({ length: cveCount }, () => cveYear(year - r.int(0, 1))))];
    plans.push({
      index: i, id, kind, folder: kind === "hoax" ? "hoaxes" : "advisories", title,
      summary: kind === "hoax"
        ? { ja: `${hoax!.file} はウイルスなので削除せよというメールはデマです。転送しないでください。`, en: `An e-mail telling you to delete ${hoax!.file} because it is a virus is a hoax. Do not forward it.` }
        : { ja: `「${title.ja}」についての情報です。影響を受ける製品、対処方法、関連する修正プログラムをまとめています。`, en: `About ${title.en}: the affected products, what to do, and the related updates.` },
      published, revisions, sections, affected, notAffected,
      kb: kind === "hoax" ? [] : Array.from({ length: r.int(1, 3) }, newKb),
      cve, bulletins, files, family,
      ports: r.sample([135, 139, 445, 593, 1025, 4444, 5554, 9996, 80, 25], 3),
      related: [],
      ...(hoax ? { hoax } : {}),
      stale: revisionCount > 1 && r.chance(staleShare),
    });
  }
  // Incidents and guidance cite existing bulletins; everything may relate to 0–3 other entries.
  const bulletinIds = plans.filter((p) => p.kind === "bulletin").flatMap((p) => p.bulletins);
  for (const p of plans) {
    if ((p.kind === "incident" || p.kind === "guidance") && bulletinIds.length) p.bulletins = r.sample(bulletinIds, r.int(0, 2));
    if (plans.length > 1) p.related = r.sample(plans, r.int(0, 3)).filter((o) => o !== p).map((o) => o.id);
  }
  return plans;
}

function textContext(r: Random, p: Plan, plans: Plan[]): TextContext {
  const products = p.affected.length ? p.affected : (["windows-98", "windows-me", "windows-2000", "windows-xp"] as ProductId[]);
  const allBulletins = p.bulletins.length ? p.bulletins : ["MS04-011", "MS03-026", "MS03-039"];
  return {
    r,
    product: () => { const p = PRODUCTS[r.pick(products)]!; return { ja: p.ja, en: p.en }; },
    file: () => r.pick(p.files),
    kb: () => (p.kb.length ? r.pick(p.kb) : r.int(800000, 899999)),
    cve: () => (p.cve.length ? r.pick(p.cve) : `CVE-2003-${pad(r.int(1, 999), 4)}`),
    bulletin: () => r.pick(allBulletins),
    family: p.family,
    port: () => r.pick(p.ports),
    date: () => formatDate(r.pick(p.revisions).date),
    link: () => {
      if (plans.length < 2) return undefined;
      const target = r.pick(plans);
      if (target === p) return undefined;
      const scheme = target.folder === "hoaxes" ? "hoax" : "advisory";
      const anchor = r.chance(0.4) ? `#${r.pick(target.sections)}` : "";
      return { ja: `[${target.title.ja}](${scheme}:${target.id}${anchor})`, en: `[${target.title.en}](${scheme}:${target.id}${anchor})` };
    },
  };
}

const byteLength = (s: string) => Buffer.byteLength(s, "utf8");

/** Section bodies in both languages, grown block by block until each is 2–4 KB of UTF-8. */
function bodies(r: Random, p: Plan, c: TextContext): Bi {
  const target = r.int(2300, 3700);
  const enTarget = r.int(2048, 2800);
  const max = 4096;
  const blocks = new Map<string, Bi[]>(p.sections.map((s) => [s, []]));
  const render = (lang: "ja" | "en") =>
    p.sections.map((s) => [`## ${SECTION_TITLES[s]![lang]} {#${s}}`, ...blocks.get(s)!.map((b) => b[lang])].join("\n\n")).join("\n\n") + "\n";
  const nextBlock = (): Bi => {
    if (p.kind === "hoax") return r.chance(0.7) ? hoaxParagraph(c, p.hoax!.file, p.hoax!.place) : bulletList(c);
    const x = r.next();
    return x < 0.55 ? paragraph(c) : x < 0.7 ? bulletList(c) : x < 0.85 ? steps(c) : table(c);
  };
  // Every section gets at least one paragraph; then blocks go round-robin until both bodies are big enough.
  for (const s of p.sections) blocks.get(s)!.push(p.kind === "hoax" ? hoaxParagraph(c, p.hoax!.file, p.hoax!.place) : paragraph(c));
  const short = () => byteLength(render("ja")) < target || byteLength(render("en")) < enTarget;
  for (let k = 0, tries = 0; short() && tries < 80; tries++) {
    const s = p.sections[k % p.sections.length]!;
    const block = nextBlock();
    blocks.get(s)!.push(block);
    if (byteLength(render("ja")) > max || byteLength(render("en")) > max) blocks.get(s)!.pop();
    else k++;
  }
  return { ja: render("ja"), en: render("en") };
}

function frontmatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

function sourceFile(r: Random, p: Plan, vulns: VulnerabilityPlan[]): Record<string, unknown> {
  const sources = [
    p.kind === "bulletin"
      ? { title: `Microsoft セキュリティ情報 ${p.bulletins[0]}`, url: `https://learn.microsoft.com/ja-jp/security-updates/securitybulletins/20${p.bulletins[0]!.slice(2, 4)}/${p.id}` }
      : { title: `IPA セキュリティセンター: ${p.title.ja}`, url: `https://www.ipa.go.jp/security/${p.id}.html` },
    ...(r.chance(0.5) ? [{ title: `${p.family} に関するウイルス対策ソフトウェア会社の解説 (2004年当時)` }] : []),
  ];
  const keywords = [...new Set([...p.files, ...p.kb.map((n) => `KB${n}`), ...p.bulletins, ...(p.kind === "incident" ? [p.family] : [])])];
  const common = {
    kind: p.kind,
    title: p.title.ja,
    summary: p.summary.ja,
    published: p.published,
    revisions: p.revisions.map((v) => ({ number: v.number, date: v.date, note: v.note.ja })),
  };
  if (p.kind === "hoax") {
    const h = p.hoax!;
    return {
      ...common,
      names: h.names,
      firstSeen: { date: h.firstSeen, approximate: r.chance(0.5), where: h.place.ja },
      file: h.file,
      claim: `${h.file} はウイルスで、14日後にハードディスクを消去する、とメールは主張します。すぐに削除し、アドレス帳のすべての人に知らせるよう求めています。`,
      truth: `${h.file} はウイルスではありません。Windows に含まれる正規のファイルです。\n\nただし、メールに**添付されて届いた** ${h.file} は、本物のウイルスに感染している可能性があります。`,
      action: `- ${h.file} を削除しないでください。\n- メールを転送しないでください。`,
      ifActed: `- **削除してしまった場合:** ごみ箱から元に戻すか、Windows の CD-ROM から復元してください。\n- **転送してしまった場合:** 送った相手に、デマだったことを知らせてください。`,
      keywords: [...new Set([h.file, ...h.names.slice(1)])],
      related: p.related,
      sources,
    };
  }
  return {
    ...common,
    ...(p.kind !== "guidance" || r.chance(0.5) ? { severity: r.pick(["critical", "important", "moderate", "low"]) } : {}),
    affected: p.affected,
    ...(p.notAffected.length ? { notAffected: p.notAffected } : {}),
    kb: p.kb,
    ...(p.cve.length ? { cve: p.cve } : {}),
    ...(p.bulletins.length ? { bulletins: p.bulletins } : {}),
    related: p.related,
    keywords,
    sources,
    ...(vulns.length ? { vulnerabilities: vulns.map(({ en: _en, ...v }) => v) } : {}),
  };
}

interface VulnerabilityPlan { id: string; name: string; en: string; cve: string; can?: string; impact: string; ratings: Record<string, string> }

function vulnerabilities(r: Random, p: Plan): VulnerabilityPlan[] {
  const comps = r.sample(COMPONENTS, p.cve.length);
  return p.cve.map((cve, k) => {
    const comp = comps[k % comps.length]!;
    const ratings: Record<string, string> = {};
    for (const product of p.affected) ratings[product] = r.pick(["critical", "important", "moderate", "low"]);
    for (const product of p.notAffected) ratings[product] = "none";
    return {
      id: `${comp.id}-${k + 1}`,
      name: `${comp.ja} の脆弱性`,
      en: `${comp.en} vulnerability`,
      cve,
      ...(r.chance(0.5) ? { can: cve.replace(/^CVE-/, "CAN-") } : {}),
      impact: r.pick(IMPACT_IDS),
      ratings,
    };
  });
}

function translationFile(p: Plan, vulns: VulnerabilityPlan[]): Record<string, unknown> {
  const last = p.revisions.at(-1)!.number;
  const translationOf = p.stale ? last - 1 : last;
  const base = {
    translationOf,
    title: p.title.en,
    summary: p.summary.en,
    revisions: p.revisions.filter((v) => v.number <= translationOf).map((v) => ({ number: v.number, note: v.note.en })),
  };
  if (p.kind === "hoax") {
    const h = p.hoax!;
    return {
      ...base,
      names: h.names,
      firstSeen: { where: h.place.en },
      claim: `The mail says ${h.file} is a virus that wipes your hard disk after 14 days. It tells you to delete the file at once and to warn everyone in your address book.`,
      truth: `${h.file} is not a virus. It is a genuine file that ships with Windows.\n\nHowever, a ${h.file} that **arrives as an e-mail attachment** may carry a real virus.`,
      action: `- Do not delete ${h.file}.\n- Do not forward the message.`,
      ifActed: `- **If you deleted the file:** restore it from the Recycle Bin or from your Windows CD.\n- **If you forwarded the message:** tell the people you sent it to that it was a hoax.`,
    };
  }
  return { ...base, ...(vulns.length ? { vulnerabilities: vulns.map((v) => ({ id: v.id, name: v.en })) } : {}) };
}

const PAGES: Record<string, Bi> = {
  about: {
    ja: "---\ntitle: このサイトについて\nsummary: ベンチマーク用に生成したコンテンツです。\n---\n\n## 発行元 {#publisher}\n\nこのサイトの内容は、性能測定のために自動生成したものです。実在の製品や修正プログラムの情報ではありません。\n",
    en: "---\ntitle: About this site\nsummary: Generated content for the benchmark.\n---\n\n## Publisher {#publisher}\n\nThe content of this site was generated automatically to measure performance. It does not describe real products or updates.\n",
  },
  hoaxes: {
    ja: "---\ntitle: デマ情報\nsummary: 「このファイルを削除せよ」「皆に知らせて」というウイルス警告の多くはデマです。\nkeywords: [デマ, デマ情報, チェーンメール]\n---\n\n## デマの見分け方 {#recognise}\n\n転送を求めるウイルス警告メールは、ほとんどがデマです。\n",
    en: "---\ntitle: Virus hoaxes\nsummary: Most virus warnings that tell you to delete a file and pass the warning on are hoaxes.\nkeywords: [hoax, hoaxes, chain letter]\n---\n\n## How to recognise a hoax {#recognise}\n\nVirus warnings that ask you to forward them are almost always hoaxes.\n",
  },
};

/** The corpus's site.yaml: the bundled site's name and notices, so pages weigh what the bundled site's do. */
const SITE_YAML = [
  "name: { ja: 警告 Keikoku, en: Keikoku }",
  "tagline: { ja: セキュリティ情報とウイルスのデマ情報(ベンチマーク用), en: Security advisories and virus hoaxes (benchmark corpus) }",
  "footerNotice:",
  "  ja: 掲載内容は2004年当時の情報です。電話番号・URL・ツールは当時のものです。",
  "  en: This is information as of 2004. Phone numbers, URLs and tools are those of the time.",
  "publisher: { name: Keikoku, category: other }",
  "csaf: { idPrefix: KEIKOKU }",
  "logo: { mark: 警 }",
  "",
].join("\n");

function stats(values: number[]): SizeStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}

export function generateCorpus(options: CorpusOptions): CorpusSummary {
  const { dir, entries: n, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--advisories must be a positive integer, got ${n}`);
  const r = createRandom(seed);
  const plans = plan(r, n, options.hoaxShare ?? 0.15, options.staleShare ?? 0.03);
  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
    files++;
    bytes += byteLength(text);
  };
  write("site.yaml", SITE_YAML);
  write("products.yaml", PRODUCTS_YAML);
  for (const [id, text] of Object.entries(PAGES)) {
    write(`ja/pages/${id}.md`, text.ja);
    write(`en/pages/${id}.md`, text.en);
  }
  const bodySizes = { ja: [] as number[], en: [] as number[] };
  const byKind: Record<CorpusKind, number> = { incident: 0, bulletin: 0, guidance: 0, hoax: 0 };
  for (const p of plans) {
    // Each entry has its own random stream, so one entry's text does not shift every later one.
    const er = createRandom((seed * 1_000_003 + p.index * 7919) >>> 0);
    const c = textContext(er, p, plans);
    const body = bodies(er, p, c);
    const vulns = p.kind === "bulletin" ? vulnerabilities(er, p) : [];
    write(`ja/${p.folder}/${p.id}.md`, `${frontmatter(sourceFile(er, p, vulns))}\n${body.ja}`);
    write(`en/${p.folder}/${p.id}.md`, `${frontmatter(translationFile(p, vulns))}\n${body.en}`);
    bodySizes.ja.push(byteLength(body.ja));
    bodySizes.en.push(byteLength(body.en));
    byKind[p.kind]++;
  }
  const target = plans.find((p) => p.folder === "advisories") ?? plans[0]!;
  return {
    dir,
    entries: n,
    byKind,
    files,
    bytes,
    bodyBytes: { ja: stats(bodySizes.ja), en: stats(bodySizes.en) },
    editTarget: { id: target.id, file: join(dir, SOURCE_FILE(target)), urlPath: `/ja/${target.folder}/${target.id}/` },
    probes: [
      { lang: "ja", query: "ワーム" },
      { lang: "en", query: "worm" },
    ],
  };
}

const SOURCE_FILE = (p: Plan) => `ja/${p.folder}/${p.id}.md`;

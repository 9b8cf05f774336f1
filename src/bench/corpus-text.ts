/**
 * Text material for the benchmark corpus: parallel Japanese/English sentences, lists and tables about
 * 2004-era worms, bulletins, measures and hoaxes, filled with identifiers (MS04-0xx, KB numbers, CVE ids,
 * file names, registry keys, ports) so that Markdown rendering and search indexing see realistic input.
 * Every block is produced in both languages at once, so a translation has the same structure as its source.
 */
import type { Random } from "./random.ts";

/** The same text in both languages. */
export interface Bi {
  ja: string;
  en: string;
}

/** What a block may mention about its entry, and links to other entries. */
export interface TextContext {
  r: Random;
  product(): Bi;
  file(): string;
  kb(): number;
  cve(): string;
  bulletin(): string;
  family: string;
  port(): number;
  date(): Bi;
  /** A Markdown link to another entry (possibly with an #anchor), or undefined when there is none. */
  link(): Bi | undefined;
}

export const FAMILIES = [
  "Sasser", "Blaster", "Welchia", "Netsky", "Bagle", "Mydoom", "Sober", "Korgo", "Dabber", "Lovgate", "Klez",
  "Bugbear", "Sobig", "Swen", "Mimail", "Gaobot", "Agobot", "Phatbot", "Zafi", "Beagle", "Nimda", "Badtrans",
  "Slammer", "Deloder", "Fizzer", "Yaha", "Opaserv", "Nachi", "Mytob", "Cabir",
] as const;

export const COMPONENTS = [
  { id: "lsass", ja: "LSASS", en: "LSASS" }, { id: "ldap", ja: "LDAP", en: "LDAP" }, { id: "pct", ja: "PCT", en: "PCT" },
  { id: "winlogon", ja: "Winlogon", en: "Winlogon" }, { id: "asn1", ja: "ASN.1 ライブラリ", en: "ASN.1 library" },
  { id: "rpcss", ja: "RPCSS サービス", en: "RPCSS service" }, { id: "dcom", ja: "RPC/DCOM", en: "RPC/DCOM" },
  { id: "webdav", ja: "WebDAV", en: "WebDAV" }, { id: "jet", ja: "Jet データベース エンジン", en: "Jet Database Engine" },
  { id: "help-center", ja: "ヘルプとサポート センター", en: "Help and Support Center" },
  { id: "vdm", ja: "仮想 DOS マシン", en: "Virtual DOS Machine" }, { id: "smtp", ja: "SMTP サービス", en: "SMTP service" },
  { id: "h323", ja: "H.323", en: "H.323" }, { id: "negotiate-ssp", ja: "ネゴシエート SSP", en: "Negotiate SSP" },
  { id: "ssl", ja: "SSL ライブラリ", en: "SSL library" }, { id: "messenger", ja: "Messenger サービス", en: "Messenger service" },
  { id: "shell", ja: "Windows シェル", en: "Windows Shell" }, { id: "mhtml", ja: "MHTML プロトコル ハンドラー", en: "MHTML protocol handler" },
  { id: "utility-manager", ja: "ユーティリティ マネージャー", en: "Utility Manager" }, { id: "task-scheduler", ja: "タスク スケジューラ", en: "Task Scheduler" },
] as const;

export const GUIDANCE_TOPICS = [
  { id: "windows-update", ja: "Windows Update で修正プログラムを適用する", en: "Apply updates with Windows Update" },
  { id: "iis-lockdown", ja: "使っていない IIS を停止する", en: "Turn off IIS where it is not used" },
  { id: "firewall", ja: "インターネット接続ファイアウォールを有効にする", en: "Turn on Internet Connection Firewall" },
  { id: "antivirus", ja: "ウイルス対策ソフトウェアを最新にする", en: "Keep anti-virus software up to date" },
  { id: "attachments", ja: "メールの添付ファイルを開く前に確認する", en: "Check e-mail attachments before opening them" },
  { id: "file-sharing", ja: "ファイル共有を見直す", en: "Review file sharing" },
  { id: "passwords", ja: "管理者パスワードを強化する", en: "Use strong administrator passwords" },
  { id: "backup", ja: "定期的にバックアップを取る", en: "Back up regularly" },
  { id: "ie-settings", ja: "Internet Explorer のセキュリティ設定を見直す", en: "Review Internet Explorer security settings" },
  { id: "macros", ja: "Office のマクロ セキュリティを設定する", en: "Set Office macro security" },
] as const;

export const HOAX_THEMES = [
  { ja: "テディベアのアイコン", en: "teddy bear icon" }, { ja: "一週間後にハードディスクを消去", en: "wipes the hard disk after a week" },
  { ja: "ウイルス対策ソフトでは検出できない", en: "cannot be detected by anti-virus software" },
  { ja: "開いただけで感染する電子カード", en: "an e-card that infects you when opened" },
  { ja: "携帯電話に感染するウイルス", en: "a virus that infects mobile phones" },
  { ja: "件名が「Good Times」のメール", en: "a mail with the subject \"Good Times\"" },
  { ja: "マイクロソフトと AOL が確認した", en: "confirmed by Microsoft and AOL" },
  { ja: "すべての知人に転送してください", en: "forward this to everyone you know" },
] as const;

export const PLACES = [
  { ja: "ブラジル", en: "Brazil" }, { ja: "米国", en: "the United States" }, { ja: "スペイン", en: "Spain" },
  { ja: "日本国内の掲示板", en: "Japanese message boards" }, { ja: "メーリングリスト", en: "mailing lists" },
  { ja: "英国", en: "the United Kingdom" }, { ja: "韓国", en: "Korea" }, { ja: "オランダ", en: "the Netherlands" },
] as const;

const REG_KEYS = [
  "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
  "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
  "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess",
  "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole",
] as const;

const SYLLABLES = ["ka", "ro", "mi", "tsu", "sa", "ne", "ko", "ra", "ji", "bu", "do", "ve", "lo", "xe", "qu", "ma", "ti", "ze"] as const;

/** A plausible 2004 malware file name: avserve2.exe, kamiro32.dll … */
export function fileName(r: Random): string {
  const stem = Array.from({ length: r.int(2, 3) }, () => r.pick(SYLLABLES)).join("");
  const suffix = r.pick(["", "32", "2", "_up", "svc", "mgr"]);
  return `${stem}${suffix}.${r.pick(["exe", "exe", "exe", "dll", "scr", "pif", "com"])}`;
}

/** Upper-case file stem for hoax files: SULFNBK-like names. */
export function hoaxFileStem(r: Random): string {
  return Array.from({ length: r.int(2, 3) }, () => r.pick(SYLLABLES)).join("").toUpperCase().slice(0, 8);
}

const JA_MONTHS = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export function formatDate(iso: string): Bi {
  const d = new Date(`${iso}T00:00:00Z`);
  return { ja: JA_MONTHS(d), en: `${d.getUTCDate()} ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

type Sentence = (c: TextContext) => Bi;

const SENTENCES: Sentence[] = [
  (c) => { const p = c.product(); const f = c.file(); return { ja: `${p.ja} を実行しているコンピューターでは、システム フォルダーに ${f} というファイルが作成されることがあります。`, en: `On computers running ${p.en}, a file named ${f} may be created in the system folder.` }; },
  () => ({ ja: "この脆弱性が悪用されると、攻撃者は影響を受けるシステムで任意のコードを実行し、完全に制御できる可能性があります。", en: "An attacker who exploits this vulnerability could run arbitrary code on an affected system and take complete control of it." }),
  (c) => { const b = c.bulletin(); const kb = c.kb(); return { ja: `${b} で提供されている修正プログラム (KB${kb}) を、できるだけ早く適用してください。`, en: `Apply the update released with ${b} (KB${kb}) as soon as possible.` }; },
  (c) => { const id = c.cve(); const d = c.date(); return { ja: `この問題は ${id} として識別されており、${d.ja}に公表されました。`, en: `The issue is tracked as ${id} and was made public on ${d.en}.` }; },
  () => ({ ja: "ウイルス対策ソフトウェアのパターン ファイルを最新の状態に更新してから、コンピューター全体をスキャンしてください。", en: "Update the pattern files of your anti-virus software, then scan the whole computer." }),
  (c) => { const port = c.port(); return { ja: `ファイアウォールで TCP ポート ${port} への着信をブロックすると、インターネットからの攻撃を防ぐことができます。`, en: `Blocking incoming connections to TCP port ${port} at the firewall prevents attacks from the Internet.` }; },
  (c) => { const f = c.file(); return { ja: `感染すると ${f} が起動し、レジストリの \`${c.r.pick(REG_KEYS)}\` に値が追加されます。`, en: `Once infected, ${f} starts and a value is added under \`${c.r.pick(REG_KEYS)}\` in the registry.` }; },
  (c) => ({ ja: `${c.family} の亜種は、ランダムな IP アドレスに対して次々と接続を試みるため、ネットワークが非常に遅くなることがあります。`, en: `Variants of ${c.family} try to connect to random IP addresses one after another, which can slow the network down severely.` }),
  () => ({ ja: "「LSA Shell (Export Version) の問題が発生したため、終了します」というメッセージが表示され、コンピューターが再起動することがあります。", en: "A message such as \"LSA Shell (Export Version) has encountered a problem and needs to close\" may appear, and the computer may restart." }),
  (c) => { const kb = c.kb(); return { ja: `サポート技術情報 ${kb} には、修正プログラムを適用した後に起動しなくなった場合の対処方法が説明されています。`, en: `Knowledge Base article ${kb} explains what to do if the computer no longer starts after the update is installed.` }; },
  (c) => { const p = c.product(); return { ja: `${p.ja} は影響を受けますが、既定の構成では攻撃の対象となるサービスが無効になっています。`, en: `${p.en} is affected, but the service that is attacked is turned off in the default configuration.` }; },
  () => ({ ja: "修正プログラムを適用する前に、実行中のアプリケーションをすべて終了し、重要なデータのバックアップを取ってください。", en: "Before you install the update, close all running programs and back up important data." }),
  (c) => { const f = c.file(); return { ja: `タスク マネージャーで ${f} が実行されていないか確認し、実行されている場合はプロセスを終了してください。`, en: `Check Task Manager for a running ${f} and end the process if you find one.` }; },
  () => ({ ja: "企業ネットワークでは、修正プログラムを適用するまで、感染したコンピューターをネットワークから切り離してください。", en: "On a corporate network, disconnect infected computers until the update has been installed." }),
  (c) => { const d = c.date(); return { ja: `${d.ja}の時点で、この問題を悪用する攻撃が確認されています。`, en: `As of ${d.en}, attacks exploiting this issue have been seen.` }; },
  (c) => { const b = c.bulletin(); return { ja: `${b} は、以前に公開された修正プログラムを置き換えます。`, en: `${b} replaces updates that were released earlier.` }; },
  () => ({ ja: "Microsoft Baseline Security Analyzer (MBSA) を使うと、修正プログラムが適用されているかどうかを確認できます。", en: "Microsoft Baseline Security Analyzer (MBSA) can tell you whether the update is installed." }),
  () => ({ ja: "なお、これらの情報は2004年当時に公開されたものであり、電話番号や URL は現在では使われていないことがあります。", en: "Note that this information was published in 2004; phone numbers and URLs given at the time may no longer be in use." }),
  (c) => { const f = c.file(); return { ja: `ログ ファイル \`C:\\WINDOWS\\debug\\dcpromo.log\` に ${f} に関する記録が残っている場合は、感染を疑ってください。`, en: `If the log file \`C:\\WINDOWS\\debug\\dcpromo.log\` mentions ${f}, suspect an infection.` }; },
  () => ({ ja: "メールに添付された実行ファイルは、差出人が知り合いであっても開かないでください。", en: "Do not open executable attachments, even when the sender is someone you know." }),
];

/** A paragraph of 2–4 sentences, sometimes ending with a link to a related entry. */
export function paragraph(c: TextContext): Bi {
  const parts = Array.from({ length: c.r.int(2, 4) }, () => c.r.pick(SENTENCES)(c));
  const link = c.r.chance(0.35) ? c.link() : undefined;
  if (link) parts.push({ ja: `詳しくは${link.ja}を参照してください。`, en: `For details, see ${link.en}.` });
  return { ja: parts.map((p) => p.ja).join(""), en: parts.map((p) => p.en).join(" ") };
}

const LIST_ITEMS: Sentence[] = [
  (c) => { const f = c.file(); return { ja: `\`%WINDIR%\\${f}\` が存在する`, en: `\`%WINDIR%\\${f}\` exists` }; },
  (c) => { const port = c.port(); return { ja: `TCP ポート ${port} で待ち受けているプロセスがある`, en: `a process listens on TCP port ${port}` }; },
  () => ({ ja: "コンピューターが突然シャットダウンする", en: "the computer shuts down without warning" }),
  () => ({ ja: "ネットワークの通信量が急に増える", en: "network traffic rises suddenly" }),
  (c) => { const kb = c.kb(); return { ja: `**KB${kb}** が適用されていない`, en: `**KB${kb}** is not installed` }; },
  (c) => { const b = c.bulletin(); return { ja: `${b} の修正プログラムが適用されていない`, en: `the ${b} update is not installed` }; },
  (c) => { const id = c.cve(); return { ja: `${id} の影響を受けるバージョンを使っている`, en: `you run a version affected by ${id}` }; },
  () => ({ ja: "見覚えのない共有フォルダーが作成されている", en: "shared folders you did not create appear" }),
  () => ({ ja: "ウイルス対策ソフトウェアが起動しない", en: "the anti-virus software does not start" }),
];

/** A bulleted list of 3–5 signs or conditions. */
export function bulletList(c: TextContext): Bi {
  const items = Array.from({ length: c.r.int(3, 5) }, () => c.r.pick(LIST_ITEMS)(c));
  const intro = { ja: "次のような場合は、感染しているおそれがあります。", en: "You may be infected if:" };
  return { ja: `${intro.ja}\n\n${items.map((i) => `- ${i.ja}`).join("\n")}`, en: `${intro.en}\n\n${items.map((i) => `- ${i.en}`).join("\n")}` };
}

const STEPS: Sentence[] = [
  () => ({ ja: "コンピューターをネットワークから切り離します。", en: "Disconnect the computer from the network." }),
  () => ({ ja: "[スタート] ボタンをクリックし、[Windows Update] をクリックします。", en: "Click **Start**, then click **Windows Update**." }),
  (c) => { const kb = c.kb(); return { ja: `修正プログラム KB${kb} をダウンロードしてインストールします。`, en: `Download and install update KB${kb}.` }; },
  (c) => { const f = c.file(); return { ja: `駆除ツールを実行し、${f} を削除します。`, en: `Run the removal tool to delete ${f}.` }; },
  () => ({ ja: "コンピューターを再起動します。", en: "Restart the computer." }),
  () => ({ ja: "ウイルス対策ソフトウェアで、もう一度コンピューター全体をスキャンします。", en: "Scan the whole computer again with your anti-virus software." }),
  (c) => ({ ja: `レジストリ エディターで \`${c.r.pick(REG_KEYS)}\` を開き、不審な値を削除します。`, en: `Open \`${c.r.pick(REG_KEYS)}\` in Registry Editor and delete suspicious values.` }),
  () => ({ ja: "インターネット接続ファイアウォールを有効にします。", en: "Turn on Internet Connection Firewall." }),
];

/** Numbered steps (3–6). */
export function steps(c: TextContext): Bi {
  const items = c.r.sample(STEPS, c.r.int(3, 6)).map((s) => s(c));
  return { ja: items.map((i, n) => `${n + 1}. ${i.ja}`).join("\n"), en: items.map((i, n) => `${n + 1}. ${i.en}`).join("\n") };
}

const SEVERITY_NAMES: Bi[] = [{ ja: "緊急", en: "Critical" }, { ja: "重要", en: "Important" }, { ja: "警告", en: "Moderate" }, { ja: "注意", en: "Low" }];

/** A table of products, severity and update (3–5 rows). */
export function table(c: TextContext): Bi {
  const rows = Array.from({ length: c.r.int(3, 5) }, () => ({ p: c.product(), s: c.r.pick(SEVERITY_NAMES), kb: c.kb(), f: c.file() }));
  const ja = ["| 製品 | 深刻度 | 修正プログラム | 関係するファイル |", "| --- | --- | --- | --- |", ...rows.map((x) => `| ${x.p.ja} | ${x.s.ja} | KB${x.kb} | ${x.f} |`)];
  const en = ["| Product | Severity | Update | Related file |", "| --- | --- | --- | --- |", ...rows.map((x) => `| ${x.p.en} | ${x.s.en} | KB${x.kb} | ${x.f} |`)];
  return { ja: ja.join("\n"), en: en.join("\n") };
}

/** A paragraph about hoax mail. */
export function hoaxParagraph(c: TextContext, file: string, place: Bi): Bi {
  const theme = c.r.pick(HOAX_THEMES);
  const d = c.date();
  const options: Bi[] = [
    { ja: `このメールは「${theme.ja}」と主張し、${file} を削除するよう求めます。`, en: `The mail claims "${theme.en}" and asks you to delete ${file}.` },
    { ja: `${d.ja}ごろから${place.ja}で広まり、その後さまざまな言語に翻訳されました。`, en: `It spread in ${place.en} from around ${d.en} and was later translated into many languages.` },
    { ja: "「アドレス帳のすべての人に知らせてください」という一文は、デマの典型的な特徴です。", en: "The line \"tell everyone in your address book\" is the classic sign of a hoax." },
    { ja: `${file} は Windows の正規のファイルであり、削除すると一部の機能が使えなくなります。`, en: `${file} is a genuine Windows file; deleting it breaks some features.` },
    { ja: "大手ウイルス対策ソフトウェア会社は、このメールがデマであることを確認しています。", en: "The major anti-virus vendors have confirmed that this mail is a hoax." },
  ];
  const parts = c.r.sample(options, c.r.int(2, 4));
  const link = c.r.chance(0.3) ? c.link() : undefined;
  if (link) parts.push({ ja: `関連する情報は${link.ja}にあります。`, en: `Related information: ${link.en}.` });
  return { ja: parts.map((p) => p.ja).join(""), en: parts.map((p) => p.en).join(" ") };
}

/** Section headings by id; the ids are ASCII and the same in both languages. */
export const SECTION_TITLES: Record<string, Bi> = {
  overview: { ja: "概要", en: "Overview" },
  symptoms: { ja: "症状", en: "Symptoms" },
  infection: { ja: "感染経路", en: "How it spreads" },
  "technical-details": { ja: "技術的な詳細", en: "Technical details" },
  detection: { ja: "感染の確認方法", en: "How to check for infection" },
  removal: { ja: "駆除方法", en: "Removal" },
  prevention: { ja: "予防策", en: "Prevention" },
  variants: { ja: "亜種", en: "Variants" },
  timeline: { ja: "経緯", en: "Timeline" },
  faq: { ja: "よくある質問", en: "Frequently asked questions" },
  "mitigating-factors": { ja: "問題を緩和する要素", en: "Mitigating factors" },
  workarounds: { ja: "回避策", en: "Workarounds" },
  "update-info": { ja: "修正プログラムについて", en: "About the update" },
  "known-issues": { ja: "既知の問題", en: "Known issues" },
  acknowledgments: { ja: "謝辞", en: "Acknowledgments" },
  steps: { ja: "手順", en: "Steps" },
  checklist: { ja: "確認項目", en: "Checklist" },
  "windows-update": { ja: "Windows Update の使い方", en: "Using Windows Update" },
  firewall: { ja: "ファイアウォールの設定", en: "Firewall settings" },
  background: { ja: "経緯", en: "Background" },
  signs: { ja: "デマの見分け方", en: "Tell-tale signs" },
  "what-happened": { ja: "実際に起きたこと", en: "What actually happened" },
};

/** Which section ids each kind draws from (the first is always used). */
export const SECTIONS_BY_KIND: Record<"incident" | "bulletin" | "guidance" | "hoax", string[]> = {
  incident: ["overview", "symptoms", "infection", "technical-details", "detection", "removal", "prevention", "variants", "timeline", "faq"],
  bulletin: ["overview", "technical-details", "mitigating-factors", "workarounds", "update-info", "known-issues", "detection", "faq", "acknowledgments"],
  guidance: ["overview", "steps", "checklist", "windows-update", "firewall", "prevention", "faq"],
  hoax: ["background", "signs", "variants", "what-happened", "timeline", "faq"],
};

/**
 * Japanese for the content report (`npm run check -- --lang ja`). The data layer writes its problems in
 * English (src/data/*.ts, src/links/aliases.ts); this file translates them afterwards, so the message sites
 * stay the single source of what is checked. Field paths, file names, ids and quoted values are kept as
 * they are; only the sentence around them changes:
 *
 *   content/ja/advisories/sasser.md:14:1 afected: unknown field "afected" — did you mean "affected"?
 *   content/ja/advisories/sasser.md:14:1 afected: 不明なフィールド "afected" です — "affected" の誤りではありませんか?
 *
 * Each table is ordered: the first pattern that matches the whole English text wins. A template is a
 * replacement string (`$1` … are the captured groups) or a function of the groups. A text no pattern matches
 * stays in English; tests/authoring/check-ja.unit.test.ts fails when that happens for any message the data
 * layer can produce, so a new message needs a line here.
 */
import { formatProblem, sortProblems, type ContentProblem } from "../data/problems.ts";

export type Template = string | ((...groups: string[]) => string);
export type Rule = readonly [RegExp, Template];

/** How the report names languages and link kinds inside a Japanese sentence. */
const LANG_JA: Record<string, string> = { ja: "日本語", en: "英語" };
const LINK_KIND_JA: Record<string, string> = { advisory: "セキュリティ情報", hoax: "デマ情報", page: "ページ" };

/** The value types zod expects (`expected array, got …`), as an author would call them. */
const EXPECTED_JA: Record<string, string> = {
  array: "リスト",
  object: "マッピング (キー: 値)",
  record: "マッピング (キー: 値)",
  string: "文字列",
  number: "数値",
  int: "整数",
  boolean: "true か false",
  date: "日付",
};

/** What was found instead, as zod-problems.ts's describeInput() words it. */
function foundJa(found: string): string {
  if (found === "nothing") return "値が空です";
  if (found === "a list") return "リストになっています";
  if (found === "a mapping") return "マッピングになっています";
  const m = /^(string|number|boolean|bigint|undefined|symbol|function) ?(.*)$/.exec(found);
  const kinds: Record<string, string> = { string: "文字列", number: "数値", boolean: "真偽値", bigint: "数値", undefined: "値なし", symbol: "シンボル", function: "関数" };
  if (m) return `${kinds[m[1]!]}${m[2] ? ` ${m[2]}` : ""} になっています`;
  return `${found} になっています`;
}

const expectedJa = (type: string): string => EXPECTED_JA[type] ?? type;
/** A space between a word that ends in ASCII and the Japanese that follows, as the content is written. */
const spaced = (word: string): string => (/[\x21-\x7e]$/.test(word) ? `${word} ` : word);

/** YAML syntax errors come from the `yaml` library; the frequent ones in Japanese, the rest quoted. */
export const YAML_ERRORS_JA: Rule[] = [
  [/^Map keys must be unique$/, "同じキーが 2 回以上書かれています"],
  [/^Nested mappings are not allowed in compact mappings$/, "1 行の中で「キー: 値」が入れ子になっています(値に \": \" が含まれていませんか)"],
  [/^Implicit keys need to be on a single line$/, "キーは 1 行で書く必要があります(\": \" を書き忘れていませんか)"],
  [/^Implicit keys of flow sequence pairs need to be on a single line$/, "[ ] の中のキーは 1 行で書く必要があります"],
  [/^Implicit map keys need to be followed by map values$/, "キーの後に値がありません"],
  [/^Missing closing "quote$/, "閉じる引用符 \" がありません"],
  [/^Missing closing 'quote$/, "閉じる引用符 ' がありません"],
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]$/, "[ ] で書いたリストが ] で閉じられていないか、インデントが足りません"],
  [/^Flow (?:map|mapping) in block collection must be sufficiently indented and end with a \}$/, "{ } で書いたマッピングが } で閉じられていないか、インデントが足りません"],
  [/^Block collections are not allowed within flow collections$/, "[ ] や { } の中には、改行とインデントで書くリストやマッピングを入れられません(, を書き忘れていませんか)"],
  [/^Tabs are not allowed as indentation$/, "インデントにタブは使えません。空白を使ってください"],
  [/^All mapping items must start at the same column$/, "同じ階層のキーは同じ桁から書き始めてください"],
  [/^All sequence items must start at the same column$/, "リストの項目 (-) は同じ桁から書き始めてください"],
  [/^Sequence item without - indicator$/, "リストの項目に - がありません"],
  [/^Plain value cannot start with .*?(\S+)$/, "引用符で囲まない値は $1 で始められません。値を引用符で囲んでください"],
  [/^Invalid escape sequence (.*)$/, "不正なエスケープシーケンス $1 があります"],
  [/^Unexpected , in flow (?:sequence|map)$/, "[ ] や { } の中に余分な , があります"],
  [/^Missing , between flow (?:sequence|map) items$/, "[ ] や { } の項目の間に , がありません"],
  [/^Missing , or : between flow (?:sequence|map) items$/, "{ } の項目の間に , または : がありません"],
  [/^Missing space after : in flow (?:sequence|map)$/, "{ } の中の : の後に空白がありません"],
  [/^Unexpected block-seq-ind on same line with key$/, "キーと同じ行にリストの項目 (-) があります。- は次の行から書いてください"],
  [/^Unexpected \S+ token in YAML stream: "(.*)"$/, "余分な \"$1\" があります"],
  [/^Comments must be separated from other tokens by white space characters$/, "コメントの # の前には空白が必要です"],
  [/^Tags and anchors must be separated from the next token by white space$/, "タグやアンカーの後には空白が必要です"],
  [/^(?:Alias|Anchor) cannot be an empty string$/, "空のエイリアスやアンカー (& や *) は使えません"],
  [/^A node can have at most one (?:anchor|tag)$/, "1 つの値に付けられるアンカーやタグは 1 つだけです"],
  [/^Unresolved alias.*: (.*)$/, "エイリアス *$1 に対応するアンカー &$1 がありません"],
];

/** Messages, in the order the data layer can produce them. */
export const MESSAGES_JA: Rule[] = [
  // src/data/read-file.ts
  [/^the file is (\S+) MB; the limit is 1 MB$/, "ファイルが $1 MB あります。上限は 1 MB です"],
  [/^the file is not valid UTF-8$/, "ファイルが正しい UTF-8 ではありません"],
  [/^contains (a Unicode direction control|a NUL byte|a control character) \(U\+(\w+)\)$/, (name, code) =>
    `${name === "a Unicode direction control" ? "Unicode の書字方向制御文字" : name === "a NUL byte" ? "NUL バイト" : "制御文字"} (U+${code}) が含まれています`],
  [/^contains (.+) \(U\+(\w+)\)$/, "見えない文字 (U+$2) が含まれています"],

  // src/data/frontmatter.ts, src/data/load-content.ts
  [/^the file does not start with a `---` frontmatter block$/, "ファイルの先頭に `---` で始まるフロントマターがありません"],
  [/^the frontmatter block is not closed with a `---` line$/, "フロントマターが `---` の行で閉じられていません"],
  [/^YAML syntax error: (.*)$/, (detail) => {
    const ja = applyRules(YAML_ERRORS_JA, detail);
    return ja ? `YAML の構文エラーです: ${ja}` : `YAML の構文エラーです(パーサーのメッセージ: "${detail}")`;
  }],
  [/^unexpected "(.*)" in content\/$/, "content/ に想定外の \"$1\" があります"],
  [/^unexpected "(.*)" in (content\/.*\/)$/, "$2 に想定外の \"$1\" があります"],
  [/^"(.*)" is not a Markdown file$/, "\"$1\" は Markdown ファイルではありません"],
  [/^invalid id "(.*)" in the file name$/, "ファイル名の id \"$1\" が正しくありません"],
  [/^unknown page "(.*)"$/, "不明なページ \"$1\" です"],
  [/^id "(.*)" is already used by (\S+)$/, "id \"$1\" はすでに $2 で使われています"],
  [/^the "(.*)" page is missing$/, "\"$1\" ページがありません"],
  [/^this translation has no Japanese source (\S+)$/, "この翻訳には日本語の原文 $1 がありません"],
  [/^link to unknown (\w+) "(.*)"$/, (kind, id) => `リンク先の${LINK_KIND_JA[kind] ?? kind} "${id}" が見つかりません`],
  [/^invalid anchor "(.*)"$/, "アンカー \"$1\" が正しくありません"],
  [/^link to (\S+), but that entry has no section "(.*)"$/, "$1 へのリンクですが、リンク先にセクション \"$2\" がありません"],
  [/^the section id "(.*)" is rendered by the layout$/, "セクション id \"$1\" はレイアウトが出力するため、本文では使えません"],
  [/^two sections have the id "(.*)"$/, "2 つのセクションが同じ id \"$1\" を使っています"],
  [/^section ids differ from (\S+): (.*)$/, (file, parts) => `セクション id が ${file} と一致しません: ${parts
    .split("; ")
    .map((part) => part.replace(/^missing (.*)$/, "$1 がありません").replace(/^not in the source (.*)$/, "原文にない $1 があります"))
    .join("、")}`],

  // src/data/zod-problems.ts
  [/^unknown field "(.*)"$/, "不明なフィールド \"$1\" です"],
  [/^required field "(.*)" is missing$/, "必須フィールド \"$1\" がありません"],
  [/^expected (\S+), got (.*)$/, (type, found) => `${spaced(expectedJa(type))}を書いてください(${foundJa(found)})`],

  // src/data/schema.ts (custom zod errors)
  [/^expected text$/, "テキストを書いてください"],
  [/^must not be empty$/, "空にはできません"],
  [/^contains a control character$/, "制御文字が含まれています"],
  [/^expected an id$/, "id を書いてください"],
  [/^invalid id "(.*)"$/, "id \"$1\" が正しくありません"],
  [/^expected a date written as YYYY-MM-DD$/, "日付を YYYY-MM-DD の形で書いてください"],
  [/^expected a date written as YYYY, YYYY-MM or YYYY-MM-DD$/, "日付を YYYY、YYYY-MM または YYYY-MM-DD の形で書いてください"],
  [/^malformed date "(.*)"$/, "日付 \"$1\" が正しくありません"],
  [/^not an http\(s\) URL: "(.*)"$/, "\"$1\" は http(s) の URL ではありません"],
  [/^not a valid URL: "(.*)" contains a space or a character that must be percent-encoded \(one URL per field; a space is %20\)$/, "\"$1\" は正しい URL ではありません。空白か、パーセントエンコードが必要な文字が含まれています（1 つのフィールドには URL を 1 つだけ書き、空白は %20 と書きます）"],
  [/^unknown product "(.*)"$/, "不明な製品 \"$1\" です"],
  [/^unknown severity "(.*)"$/, "不明な深刻度 \"$1\" です"],
  [/^unknown impact "(.*)"$/, "不明な影響 \"$1\" です"],
  [/^malformed CVE id "(.*)"$/, "CVE 番号 \"$1\" の形式が正しくありません"],
  [/^malformed CAN id "(.*)"$/, "CAN 番号 \"$1\" の形式が正しくありません"],
  [/^malformed KB number "(.*)"$/, "KB 番号 \"$1\" の形式が正しくありません"],
  [/^malformed bulletin id "(.*)"$/, "セキュリティ情報の番号 \"$1\" の形式が正しくありません"],
  [/^unknown product status "(.*)"$/, "不明な製品の状態 \"$1\" です"],
  [/^unknown remediation category "(.*)"$/, "不明な対処の種類 \"$1\" です"],
  [/^malformed CWE id "(.*)"$/, "CWE 番号 \"$1\" の形式が正しくありません"],
  [/^malformed CVSS vector "(.*)"$/, "CVSS ベクトル \"$1\" の形式が正しくありません"],
  [/^unknown document status "(.*)"$/, "不明な文書の状態 \"$1\" です(interim か draft)"],
  [/^malformed SHA-256 "(.*)"$/, "SHA-256 \"$1\" の形式が正しくありません"],
  [/^needs at least one version$/, "バージョンが 1 つ以上必要です"],
  [/^needs at least one product$/, "製品が 1 つ以上必要です"],
  [/^needs at least one status$/, "製品の状態が 1 つ以上必要です"],
  [/^expected all, or a list of version names from testedVersions$/, "all か、testedVersions にあるバージョン名のリストを書いてください"],
  [/^expected a product status \(known-affected, fixed, …\) or a mapping of status → all \| \[versions\]$/, "製品の状態 (known-affected、fixed など) か、「状態: all または [バージョン]」のマッピングを書いてください"],
  [/^expected a number from 0 to 10$/, "0 から 10 までの数を書いてください"],
  [/^give one of servicePack, servicePacks and versions$/, "servicePack、servicePacks、versions のうち 1 つだけを書いてください"],
  [/^needs at least one revision$/, "改訂履歴が 1 件以上必要です"],
  [/^needs at least one name$/, "名前が 1 つ以上必要です"],
  // zod writes "undefined" when the field is absent: say so instead.
  [/^unknown kind "undefined" for a hoax$/, "\"kind\" がありません。デマ情報では kind: hoax と書いてください"],
  [/^unknown kind "(.*)" for a hoax$/, "デマ情報の kind は hoax です(\"$1\" は使えません)"],
  [/^unknown kind "undefined"$/, "\"kind\" がありません"],
  [/^unknown kind "(.*)"$/, "不明な種類 (kind) \"$1\" です"],

  // zod's own messages, for checks without a custom error
  [/^Too small: expected (?:number|int|bigint) to be >(\S+)$/, "$1 より大きい数にしてください"],
  [/^Too small: expected (?:number|int|bigint) to be >=(\S+)$/, "$1 以上の数にしてください"],
  [/^Too small: expected (?:array|set) to have >=?(\d+) items?$/, "$1 件以上必要です"],
  [/^Too small: expected string to have >=?(\d+) characters?$/, "$1 文字以上必要です"],
  [/^Too big: expected (?:number|int|bigint) to be <=(\S+)$/, "数が大きすぎます($1 以下にしてください)"],
  [/^Too big: expected (?:number|int|bigint) to be <(\S+)$/, "数が大きすぎます($1 未満にしてください)"],
  [/^Too big: expected (?:array|set) to have <=?(\d+) items?$/, "多すぎます($1 件以下にしてください)"],
  [/^Too big: expected string to have <=?(\d+) characters?$/, "長すぎます($1 文字以下にしてください)"],
  [/^Invalid input: expected (\S+), received (\S+)$/, (type, found) => `${spaced(expectedJa(type))}を書いてください(${found === "null" || found === "undefined" ? "値が空です" : `${spaced(expectedJa(found))}になっています`})`],
  [/^Invalid option: expected one of (.*)$/, "次のいずれかを書いてください: $1"],
  [/^Invalid input$/, "値が正しくありません"],

  // src/data/cross-check.ts
  [/^expected revision (\S+), found (\S+)$/, "改訂番号は $1 のはずですが、$2 になっています"],
  [/^revision date (\S+) is before "published" \((\S+)\)$/, "改訂日 $1 が公開日 \"published\" ($2) より前です"],
  [/^revision (\S+) \((\S+)\) is dated before revision (\S+) \((\S+)\)$/, "改訂 $1 ($2) の日付が改訂 $3 ($4) より前です"],
  [/^"(.*)" is this entry itself$/, "\"$1\" はこの記事自身です"],
  [/^unknown id "(.*)"$/, "不明な id \"$1\" です"],
  [/^the version "(.*)" is listed twice$/, "バージョン \"$1\" が 2 回書かれています"],
  [/^(.+) is listed twice$/, "$1 が 2 回書かれています"],
  [/^invalid alias "(.*)"$/, "エイリアス \"$1\" が正しくありません"],
  [/^"(.*)" is also listed in "affected"$/, "\"$1\" は \"affected\" にも書かれています"],
  [/^vulnerability id "(.*)" is used twice$/, "脆弱性の id \"$1\" が 2 回使われています"],
  [/^(\S+) is not listed in "cve"$/, "$1 が \"cve\" に書かれていません"],
  [/^(\S+) does not match (\S+)$/, "$1 が $2 と一致しません"],
  [/^(\S+) is given without a CVE id$/, "$1 に対応する CVE 番号 (cve) がありません"],
  [/^(\S+) is not listed in "bulletins"$/, "$1 が \"bulletins\" に書かれていません"],
  [/^not a version of (\S+) in "testedVersions": (.*)$/, "$2 は testedVersions にある $1 のバージョンではありません"],
  [/^(\S+) has both a rating and a status$/, "$1 に深刻度 (ratings) と状態 (status) の両方が書かれています"],
  [/^(\S+) is given an affected status but is not listed in "affected"$/, "$1 は影響ありの状態ですが、\"affected\" に書かれていません"],
  [/^(\S+) is given an affected status but is listed in "notAffected"$/, "$1 は影響ありの状態ですが、\"notAffected\" に書かれています"],
  [/^(.+) is (.+) at once$/, (what, groups) => `${what} が同時に複数の状態 (${groups.replace(/ and /g, "、")}) になっています`],
  [/^the CVSS vector "(.*)" cannot be computed$/, "CVSS ベクトル \"$1\" から値を計算できません"],
  [/^(\S+) is not the base score of its vector \((\S+)\)$/, "$1 はベクトルから計算した基本値 ($2) と一致しません"],
  [/^the score names no products and the vulnerability has no affected product$/, "スコアに製品 (products) がなく、この脆弱性には影響を受ける製品もありません"],
  [/^the remediation names no products and the vulnerability has no affected product$/, "対処 (remediation) に製品 (products) がなく、この脆弱性には影響を受ける製品もありません"],
  [/^(.+) disagrees with the (\w+) source (\S+):(\d+) \((.*)\)$/, (mine, lang, file, line, theirs) =>
    `${mine} が${LANG_JA[lang] ?? lang}の原文 ${file}:${line} の値 (${theirs}) と一致しません`],
  [/^revision (\S+) does not exist in (\S+) \(latest is (\S+)\)$/, "改訂 $1 は $2 にありません(最新は改訂 $3 です)"],
  [/^revision (\S+) does not exist in (\S+)$/, "改訂 $1 は $2 にありません"],
  [/^(\S+) disagrees with the source's date (\S+)$/, "$1 が原文の日付 $2 と一致しません"],
  [/^unknown vulnerability id "(.*)"$/, "不明な脆弱性 id \"$1\" です"],
  [/^disagrees with the source \((.*)\)$/, "原文の値 ($1) と一致しません"],

  // src/links/aliases.ts
  [/^alias "(.*)" must end in "\/" or "\.html"$/, "エイリアス \"$1\" は \"/\" か \".html\" で終わる必要があります"],
  [/^alias "(.*)" is the URL of a real page$/, "エイリアス \"$1\" は実在するページの URL です"],
  [/^alias "(.*)" is also an alias in (\S+)$/, "エイリアス \"$1\" は $2 でもエイリアスになっています"],

  // src/csaf/document.ts (the CWE list of the validator's test 6.1.11)
  [/^(CWE-\S+) is not a weakness of the CWE list$/, "$1 は CWE の一覧にある脆弱性タイプ（weakness）ではありません"],
  [/^the name of (CWE-\S+) is "(.*)"$/, "$1 の名前は \"$2\" です"],
  [/^scores\[(\d+)\] already rates these products with CVSS (\S+); a product has one score per CVSS version$/, "scores[$1] がすでにこれらの製品を CVSS $2 で評価しています。1 つの製品に付けられるスコアは、CVSS のバージョンごとに 1 つだけです"],

  // src/links/content-urls.ts
  [/^(\S+) would no longer be published: (\S+) now says published (\S+), which moves its CSAF document to (\S+)$/, "$1 が公開されなくなります。$2 の published が $3 になり、CSAF 文書が $4 に移るためです"],
  [/^(\S+) would no longer be published$/, "$1 が公開されなくなります"],
];

/** Hints. */
export const HINTS_JA: Rule[] = [
  // Shared by many checks.
  [/^did you mean "(.*)"\?$/, "\"$1\" の誤りではありませんか?"],
  [/^use one of: (.*)$/, "次のいずれかを書いてください: $1"],
  [/^remove it$/, "削除してください"],

  // src/data/read-file.ts
  [/^split the advisory, or move long material to a linked source$/, "記事を分けるか、長い資料は出典として別の場所に置いてリンクしてください"],
  [/^save it as UTF-8 \(Shift_JIS and EUC-JP are not accepted\)$/, "UTF-8 で保存し直してください(Shift_JIS や EUC-JP は使えません)"],
  [/^remove it; it is invisible and can make text read differently from how it is stored$/, "削除してください。目に見えない文字で、保存されている内容とは違う読まれ方をする原因になります"],

  // src/data/load-content.ts
  [/^content\/ holds one folder per language: (.*)$/, "content/ には言語ごとのフォルダ ($1) だけを置いてください"],
  [/^use (.*)$/, "$1 のいずれかを使ってください"],
  [/^content files end in \.md$/, "コンテンツのファイル名は .md で終わる必要があります"],
  [/^file names are the id: lower-case ASCII letters, digits and single hyphens, e\.g\. (\S+)$/, "ファイル名が id になります。半角英小文字・数字と、単独のハイフンだけを使ってください(例: $1)"],
  [/^pages are: (.*)$/, "ページは $1 だけです"],
  [/^start the file with ---, the YAML fields, then --- on its own line$/, "ファイルの先頭に --- を書き、YAML のフィールドを続け、最後に --- だけの行で閉じてください"],
  [/^quote values that contain ": " or start with a special character$/, "\": \" を含む値や記号で始まる値は、引用符で囲んでください"],
  [/^ids are unique across advisories and hoaxes; rename one of the two files$/, "id はセキュリティ情報とデマ情報を通して一意です。どちらかのファイル名を変えてください"],
  [/^every site has an about page and a hoax-list introduction \(pages\/hoaxes\.md\)$/, "サイトには about ページとデマ情報一覧の紹介ページ (pages/hoaxes.md) が必要です"],
  [/^write the Japanese file first \(Japanese is the source language\), or rename this file to match it$/, "先に日本語のファイルを書くか(日本語が原文の言語です)、このファイルの名前を原文に合わせてください"],
  [/^link to an existing (\w+) id$/, (kind) => `存在する${LINK_KIND_JA[kind] ?? kind}の id にリンクしてください`],
  [/^anchors are ASCII section ids such as (\S+)$/, "アンカーには $1 のような半角英数字のセクション id を使ってください"],
  [/^its sections are: (.*)$/, "リンク先のセクションは $1 です"],
  [/^the layout already shows this section from the frontmatter; remove the heading or give it another \{#id\}$/, "このセクションはフロントマターからレイアウトが表示します。見出しを削除するか、別の {#id} を付けてください"],
  [/^give each heading its own \{#id\}$/, "見出しごとに別の {#id} を付けてください"],
  [/^give the same section the same \{#id\} in both languages$/, "同じセクションには、両方の言語で同じ {#id} を付けてください"],

  // src/data/zod-problems.ts
  [/^remove it; allowed here: $/, "削除してください"],
  [/^remove it; allowed here: (.*)$/, "削除してください。ここで使えるフィールドは $1 です"],
  [/^add "(.*):" \(see (.+)\)$/, "\"$1:\" を追加してください($2 を参照)"],
  [/^write dates as YYYY-MM-DD, e\.g\. (\S+) \(firstSeen also takes YYYY-MM or YYYY\)$/, "日付は YYYY-MM-DD の形で書いてください(例: $1)。firstSeen では YYYY-MM や YYYY も使えます"],
  [/^write the article number only, e\.g\. (\S+)$/, "記事番号の数字だけを書いてください(例: $1)"],
  [/^write it as (\S+), e\.g\. (\S+)$/, "$1 の形で書いてください(例: $2)"],
  [/^copy the vector as the vendor published it, e\.g\. (\S+)$/, "ベンダーが公開したとおりにベクトルを書き写してください(例: $1)"],
  [/^write the 64 lower-case hex digits that npm run import recorded$/, "取り込み (インポート) のときに記録された 64 桁の小文字の 16 進数を書いてください"],
  [/^ids are lower-case ASCII letters, digits and single hyphens, e\.g\. (\S+)$/, "id には半角英小文字・数字と、単独のハイフンだけを使ってください(例: $1)"],
  [/^only absolute https: or http: URLs are allowed$/, "https: か http: で始まる絶対 URL だけが使えます"],
  [/^remove the invisible control character$/, "目に見えない制御文字を削除してください"],

  // src/data/cross-check.ts
  [/^number revisions 1, 2, 3 … oldest first$/, "改訂番号は古い順に 1, 2, 3 … と付けてください"],
  [/^a revision cannot predate publication; fix the date or "published"$/, "公開より前の改訂はありえません。改訂日か \"published\" を直してください"],
  [/^list revisions oldest first$/, "改訂履歴は古い順に並べてください"],
  [/^related ids name existing advisories or hoaxes$/, "related には既存のセキュリティ情報かデマ情報の id を書いてください"],
  [/^remove the repeat$/, "重複している方を削除してください"],
  [/^an alias is a path inside this site such as (\S+) \(ASCII, no "\.\."\)$/, "エイリアスは $1 のような、このサイトの中のパスです(半角英数字のみ、\"..\" は使えません)"],
  [/^a product is either affected or not affected$/, "製品は \"affected\" か \"notAffected\" のどちらか一方にだけ書いてください"],
  [/^give each vulnerability its own id$/, "脆弱性ごとに別の id を付けてください"],
  [/^add (\S+) to "cve"$/, "\"cve\" に $1 を追加してください"],
  [/^the candidate id has the same numbers as the CVE id$/, "CAN 番号の数字の部分は、CVE 番号と同じです"],
  [/^add the CVE id the candidate became \(cve\), or remove can$/, "CAN 番号が後に割り当てられた CVE 番号 (cve) を書くか、can を削除してください"],
  [/^add (\S+) to "(bulletins|affected)"$/, "\"$2\" に $1 を追加してください"],
  [/^write all, or full names from testedVersions: (.*)$/, "all か、testedVersions にある完全な名前 ($1) を書いてください"],
  [/^list its versions under testedVersions\.(\S+), or write all$/, "testedVersions.$1 にバージョンを書くか、all と書いてください"],
  [/^a rating already gives the status \(none = not affected, any other rating = affected\); remove one of the two$/, "深刻度から状態が決まります(none は影響なし、それ以外は影響あり)。どちらか一方を削除してください"],
  [/^remove (\S+) from "notAffected", or correct the status$/, "\"notAffected\" から $1 を削除するか、状態を直してください"],
  [/^CSAF allows one of affected, not affected, fixed and under investigation per version; correct the status$/, "CSAF では、1 つのバージョンの状態は影響あり・影響なし・修正済み・調査中のいずれか 1 つです。状態を直してください"],
  [/^copy the vector exactly as the vendor published it$/, "ベンダーが公開したとおりにベクトルを書き写してください"],
  [/^write (\S+), or check the vector$/, "$1 と書くか、ベクトルを確認してください"],
  [/^add products: \{ product-id: all \}$/, "products: { 製品 id: all } を追加してください"],
  [/^remove "(.*)" from the translation \(it is taken from the source\), or make it equal$/, "翻訳から \"$1\" を削除するか(値は原文から取られます)、原文と同じ値にしてください"],
  [/^set translationOf to the source revision you translated \(1–(\S+)\)$/, "translationOf には、翻訳のもとにした原文の改訂番号 (1–$1) を書いてください"],
  [/^the source has revisions 1–(\S+)$/, "原文の改訂は 1–$1 です"],
  [/^the source's ids are: (.*)$/, "原文の id は $1 です"],
  [/^remove the date \(it is taken from the source\), or make it equal$/, "日付を削除するか(原文から取られます)、原文と同じ日付にしてください"],
  [/^remove it \(it is taken from the source\), or make it equal$/, "削除するか(値は原文から取られます)、原文と同じ値にしてください"],

  // src/links/aliases.ts
  [/^write it as the URL readers used, e\.g\. (\S+)$/, "読者が使っていた URL のとおりに書いてください(例: $1)"],
  [/^an alias names an old URL that no longer has its own page; remove it$/, "エイリアスには、今は独自のページがない古い URL を書きます。削除してください"],
  [/^an old URL can redirect to one page only; remove one of the two$/, "古い URL から転送できるのは 1 ページだけです。どちらか一方を削除してください"],
  // src/csaf/document.ts
  [/^use the id of a weakness \(not a category or view\) from cwe\.mitre\.org, e\.g\. (CWE-\d+)$/, "cwe.mitre.org にある脆弱性タイプ（カテゴリやビューではなく weakness）の ID を書いてください（例：$1）"],
  [/^write the name exactly as the CWE list gives it$/, "名前は CWE の一覧のとおりに書いてください"],
  [/^give each score of the same CVSS version its own products \(\{ product-id: all \}\), or remove one$/, "同じ CVSS バージョンのスコアには、それぞれ別の製品を指定するか（{ product-id: all }）、どちらかを削除してください"],

  // src/links/content-urls.ts
  [/^keep "published" the day of first publication, or accept the removal with: npm run urls -- --accept-removal (\S+)$/, "published は最初に公開した日のままにしてください。削除してよい場合は、npm run urls -- --accept-removal $1 で削除を認めてください"],
  [/^keep the KB number or CVE id in an entry, or accept the removal with: npm run urls -- --accept-removal (\S+)$/, "KB 番号か CVE ID をいずれかの記事に残してください。削除してよい場合は、npm run urls -- --accept-removal $1 で削除を認めてください"],
  [/^add "(\S+)" to the aliases of the entry that replaced it, or accept the removal with: npm run urls -- --accept-removal (\S+)$/, "後継の記事の aliases に \"$1\" を加えてください。削除してよい場合は、npm run urls -- --accept-removal $2 で削除を認めてください"],
  [/^restore the entry that produced it, or accept the removal with: npm run urls -- --accept-removal (\S+)$/, "これを生成していた記事を元に戻してください。削除してよい場合は、npm run urls -- --accept-removal $1 で削除を認めてください"],
];

/** Notes that `check` prints for valid content (load-content.ts: fallbacks and stale translations). */
export const NOTICES_JA: Rule[] = [
  [/^(\w+): page "(.*)" has no translation; serving the (\w+) text at (\S+)$/, (lang, id, source, url) =>
    `${lang}: ページ "${id}" は未翻訳です。${url} では${LANG_JA[source] ?? source}の原文を表示します`],
  [/^(\w+): (\S+) has no translation; serving the (\w+) text at (\S+)$/, (lang, id, source, url) =>
    `${lang}: ${id} は未翻訳です。${url} では${LANG_JA[source] ?? source}の原文を表示します`],
  [/^(\w+): (\S+) translation follows revision (\d+), the source is at revision (\d+)$/, "$1: $2 の翻訳は改訂 $3 にもとづいています(原文は改訂 $4 です)"],
  [/^(\S+) still has TODO: placeholders \(from npm run new\)$/, "$1 には \"npm run new\" が入れた TODO: の仮の文がまだ残っています"],
];

/** The Japanese for `text` by the first rule that matches it whole, or undefined. */
export function applyRules(rules: readonly Rule[], text: string): string | undefined {
  for (const [pattern, template] of rules) {
    const match = pattern.exec(text);
    if (!match || match[0] !== text) continue;
    const groups = match.slice(1).map((g) => g ?? "");
    return typeof template === "function"
      ? template(...groups)
      : template.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? "");
  }
  return undefined;
}

/** A message in Japanese; a message with no rule stays in English rather than disappear. */
export const translateMessage = (message: string): string => applyRules(MESSAGES_JA, message) ?? message;
export const translateHint = (hint: string): string => applyRules(HINTS_JA, hint) ?? hint;
export const translateNotice = (notice: string): string => applyRules(NOTICES_JA, notice) ?? notice;

/** The same problem with its message and hint in Japanese; file, position and field are unchanged. */
export function translateProblem(p: ContentProblem): ContentProblem {
  return { ...p, message: translateMessage(p.message), ...(p.hint !== undefined ? { hint: translateHint(p.hint) } : {}) };
}

/** The closing line of a Japanese report. */
export function summaryJa(problems: ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `✖ ${problems.length} 件の問題があります(${files} ファイル)。何も書き出していません。`;
}

/** formatReport() in Japanese: every problem (same `file:line:column field:` prefix), then the count. */
export function formatReportJa(problems: ContentProblem[]): string {
  const lines = sortProblems(problems).map(translateProblem).map(formatProblem);
  lines.push(summaryJa(problems));
  return lines.join("\n");
}

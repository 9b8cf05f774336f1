/**
 * The identifier table in shards, so that a reader's first search fetches a few kilobytes of it instead of
 * all of it (one file held every key and every page card: 744 KB at 2,000 entries, more than Pagefind's
 * whole first query). Shared by the build and the browser code, which must pick the same shard for a key.
 *
 *   /{lang}/search/identifiers.json          { keyShards, cardShards }
 *   /{lang}/search/identifiers/k{n}.json     { "ms04-011": "/ja/advisories/ms04-011/", … }   keys whose hash is n
 *   /{lang}/search/identifiers/c{n}.json     { "/ja/advisories/ms04-011/": { title, … }, … } cards by URL hash
 *
 * A card is needed only when the page a query names is not among Pagefind's results, so it is a second,
 * separate fetch in that case alone.
 */

export interface IdentifierCard {
  title: string;
  kind: string;
  kindName: string;
  date: string;
  summary: string;
}

export interface IdentifierManifest {
  keyShards: number;
  cardShards: number;
}

/** FNV-1a over UTF-16 code units: tiny, the same in Node and every browser, and spreads short keys well. */
export function shardOf(text: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Bytes a shard should stay under on average; a power of two of shards keeps the count stable as a site grows. */
const TARGET_SHARD_BYTES = 4 * 1024;

function shardCount(totalBytes: number): number {
  let shards = 1;
  while (totalBytes / shards > TARGET_SHARD_BYTES) shards *= 2;
  return shards;
}

function split<T>(items: [string, T][], shards: number): Record<string, T>[] {
  const out: Record<string, T>[] = Array.from({ length: shards }, () => ({}));
  for (const [key, value] of items) out[shardOf(key, shards)]![key] = value;
  return out;
}

/** The files for one language: path under /{lang}/search/ → JSON text. */
export function identifierFiles(table: Record<string, string>, cards: Record<string, IdentifierCard>): Map<string, string> {
  const keys = Object.entries(table);
  const cardList = Object.entries(cards);
  // Bytes as served (UTF-8): a Japanese card is about 1.5 times its length in UTF-16 code units.
  const utf8 = new TextEncoder();
  const keyShards = shardCount(utf8.encode(JSON.stringify(table)).length);
  const cardShards = shardCount(utf8.encode(JSON.stringify(cards)).length);
  const files = new Map<string, string>();
  files.set("identifiers.json", JSON.stringify({ keyShards, cardShards } satisfies IdentifierManifest));
  split(keys, keyShards).forEach((shard, n) => files.set(`identifiers/k${n}.json`, JSON.stringify(shard)));
  split(cardList, cardShards).forEach((shard, n) => files.set(`identifiers/c${n}.json`, JSON.stringify(shard)));
  return files;
}

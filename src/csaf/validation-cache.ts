/**
 * Remembers validation results by the exact bytes validated, so a rebuild with unchanged documents does not
 * pay for loading the validator (its import compiles hundreds of schemas: ~12 s on two cores, against a ~2 s
 * site build). A result is reused only for the same bytes, the same validator version and the same provider
 * schema, so a cached "valid" means exactly what a fresh run would say. The output never depends on the cache.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

export interface CachedProblem {
  severity: "error" | "warning";
  test: string;
  path: string;
  message: string;
}

interface CacheFile {
  key: string;
  results: Record<string, CachedProblem[]>;
}

/**
 * Results kept beyond the current site's documents; the least recently used are dropped first (the bundled
 * site with both PATH_PREFIX variants needs ~100, a 5,000-advisory archive 10,000).
 */
const SPARE = 2000;

const libVersion = (): string => {
  const path = createRequire(import.meta.url).resolve("@secvisogram/csaf-validator-lib/package.json");
  return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
};

export class ValidationCache {
  private results = new Map<string, CachedProblem[]>();
  private dirty = false;
  /** Results looked up or stored by this build: all of them are kept. */
  private used = 0;
  private readonly key: string;

  /** `salt` joins the key: anything besides the bytes that decides a result (the provider schema). */
  constructor(private readonly file: string | undefined, salt: string) {
    this.key = createHash("sha256").update(`csaf-validator-lib@${libVersion()}\n${salt}`).digest("hex");
    if (!file) return;
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (data.key === this.key) this.results = new Map(Object.entries(data.results));
    } catch {
      // No cache yet, or an unreadable one: validate everything.
    }
  }

  private static hash(kind: string, text: string): string {
    return createHash("sha256").update(`${kind}\n${text}`).digest("hex");
  }

  get(kind: string, text: string): CachedProblem[] | undefined {
    const id = ValidationCache.hash(kind, text);
    const found = this.results.get(id);
    // Most recently used last, so the documents of the current site are the last to be dropped.
    if (found) {
      this.used++;
      this.results.delete(id);
      this.results.set(id, found);
    }
    return found;
  }

  set(kind: string, text: string, problems: CachedProblem[]): void {
    const id = ValidationCache.hash(kind, text);
    this.results.delete(id);
    this.results.set(id, problems);
    this.used++;
    this.dirty = true;
  }

  /** Writes atomically (parallel test processes may share the file; the last writer wins, which is harmless). */
  save(): void {
    if (!this.file || !this.dirty) return;
    const entries = [...this.results].slice(-(this.used + SPARE));
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key: this.key, results: Object.fromEntries(entries) } satisfies CacheFile));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}

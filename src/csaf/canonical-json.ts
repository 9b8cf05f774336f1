/**
 * JSON with every object's keys sorted, 2-space indentation and a final newline, so a document's bytes depend
 * only on its content. Keys are compared the way the validator's test 6.2.13 (Sorting) compares them.
 */
const collator = new Intl.Collator("en");

export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v)) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => collator.compare(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)])) as T;
}

export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

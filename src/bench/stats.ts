/**
 * Min / median / max over runs, ratios between paired runs, and the units the table prints.
 */
export interface Stat {
  min: number;
  median: number;
  max: number;
  n: number;
}

/** undefined for an empty list; the median of an even count is the mean of the middle two. */
export function stat(values: readonly (number | undefined)[]): Stat | undefined {
  const v = values.filter((x): x is number => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { min: v[0]!, median, max: v.at(-1)!, n: v.length };
}

/** Ratios of paired values (ours[i] / baseline[i]); a pair missing either side is skipped. */
export function pairedRatios(ours: readonly (number | undefined)[], baseline: readonly (number | undefined)[]): number[] {
  const out: number[] = [];
  ours.forEach((o, i) => {
    const b = baseline[i];
    if (o !== undefined && b !== undefined && b > 0) out.push(o / b);
  });
  return out;
}

export type Unit = "ms" | "kb" | "bytes" | "count" | "ratio";

export function format(value: number, unit: Unit): string {
  switch (unit) {
    case "ms":
      return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
    case "kb":
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} GiB` : `${Math.round(value / 1024)} MiB`;
    case "bytes":
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
    case "count":
      return String(Math.round(value));
    case "ratio":
      return `${value.toFixed(2)}×`;
  }
}

/** "1.2 s / 1.3 s / 1.5 s", or the single value when min = max, or "—". */
export function formatStat(s: Stat | undefined, unit: Unit): string {
  if (!s) return "—";
  const [a, b, c] = [format(s.min, unit), format(s.median, unit), format(s.max, unit)];
  return a === c ? b : `${a} / ${b} / ${c}`;
}

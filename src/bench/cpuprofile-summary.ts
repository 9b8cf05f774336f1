/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): where the main thread's time went, by package or
 * source folder (self time), by function (self and inclusive time), without opening DevTools.
 *
 *   node --import tsx src/bench/cpuprofile-summary.ts CPU.…cpuprofile [--top 25] [--json]
 *
 * Self time is the sum of the sampling intervals whose top frame is the function; inclusive time also
 * counts its callees (each sample counted once per function even under recursion).
 */
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: { name: string; selfMs: number }[];
  bySelf: { name: string; where: string; selfMs: number }[];
  byInclusive: { name: string; where: string; inclusiveMs: number }[];
}

/** "eleventy", "markdown-it", "keikoku src/data", "node internals", "(garbage collector)" … */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.replace(/.*node_modules\/\.pnpm\/[^/]+\//, "node_modules/"));
  if (nm) return nm[1]!.replace(/^@11ty\//, "@11ty/");
  if (url.startsWith("node:")) return "node internals";
  const src = /\/(src|tests|layouts)\/([^/]+)/.exec(url);
  if (src) return `keikoku ${src[1]}/${src[2]!.replace(/\.(ts|js|njk)$/, "")}`;
  if (url.endsWith(".eleventy.ts")) return "keikoku .eleventy.ts";
  return url.replace(/^file:\/\//, "");
}

const shortUrl = (url: string) => url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "").replace(/^\/work\/main\//, "");

export function summarise(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // The interval after a sample belongs to it (the last sample has none): µs → ms below.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"}\u0000${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const selfByKey = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const root = profile.nodes.find((n) => !parent.has(n.id));
  // Depth-first walk keeping the multiset of function keys on the current path.
  const onPath = new Map<string, number>();
  const stack: { id: number; entered: boolean }[] = root ? [{ id: root.id, entered: false }] : [];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const node = byId.get(top.id)!;
    const key = keyOf(node);
    if (!top.entered) {
      top.entered = true;
      onPath.set(key, (onPath.get(key) ?? 0) + 1);
      const t = self.get(node.id) ?? 0;
      if (t) {
        selfByKey.set(key, (selfByKey.get(key) ?? 0) + t);
        const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
        selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + t);
        for (const k of onPath.keys()) inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      }
      for (const c of node.children ?? []) stack.push({ id: c, entered: false });
    } else {
      stack.pop();
      const count = onPath.get(key)! - 1;
      if (count) onPath.set(key, count);
      else onPath.delete(key);
    }
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const split = (key: string) => {
    const [name, where] = key.split("\u0000") as [string, string];
    return { name, where };
  };
  const idle = new Set(["(idle)\u0000:0", "(program)\u0000:0", "(root)\u0000:0"]);
  return {
    totalMs: ms(profile.endTime - profile.startTime),
    byPackage: [...selfByPackage].sort((a, b) => b[1] - a[1]).map(([name, t]) => ({ name, selfMs: ms(t) })),
    bySelf: [...selfByKey].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => ({ ...split(k), selfMs: ms(t) })),
    byInclusive: [...inclusive].filter(([k]) => !idle.has(k)).sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => ({ ...split(k), inclusiveMs: ms(t) })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: cpuprofile-summary.ts FILE.cpuprofile [--top N] [--json]");
    process.exit(2);
  }
  const topIndex = args.indexOf("--top");
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const summary = summarise(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, top);
  if (args.includes("--json")) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`profile: ${file} (${(summary.totalMs / 1000).toFixed(1)} s)`);
    console.log("\nself time by package / source folder:");
    for (const p of summary.byPackage.slice(0, top)) console.log(`  ${String(p.selfMs).padStart(9)} ms  ${(100 * p.selfMs / summary.totalMs).toFixed(1).padStart(5)}%  ${p.name}`);
    console.log("\nself time by function:");
    for (const f of summary.bySelf) console.log(`  ${String(f.selfMs).padStart(9)} ms  ${f.name}  ${f.where}`);
    console.log("\ninclusive time by function:");
    for (const f of summary.byInclusive) console.log(`  ${String(f.inclusiveMs).padStart(9)} ms  ${f.name}  ${f.where}`);
  }
}

/**
 * Runs one command as a child process and measures it from the outside:
 *   - wall time: from spawn to exit, in the benchmark process (performance.now);
 *   - peak memory of the largest single process in its tree: the larger of GNU `/usr/bin/time -v`
 *     "Maximum resident set size" (Linux: the largest of the child and every descendant it *reaped*) and a
 *     /proc poll of the whole tree (VmHWM per process; also the sum of VmRSS at each poll). Both are
 *     needed: Pagefind's Node API leaves its binary to be killed at exit rather than reaped, so `time -v`
 *     never sees it (at N=5000 it reported node's 2.7 GB while the polled Pagefind binary held 3.9 GB),
 *     and the poll can miss a peak shorter than its interval;
 *   - CPU time (user + system) of the tree, from `time -v`.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export interface ProcessPeak {
  pid: number;
  name: string;
  /** Peak resident set (VmHWM) seen for this process, in KiB. */
  hwmKb: number;
  /** User + system CPU time at the last poll, in ms (a lower bound: the last interval is not seen). */
  cpuMs: number;
}

const TICK_MS = 1000 / (Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100);

/** utime + stime of a process, in ms. */
function cpuTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields after the name start at field 3 (state): utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export interface Measured {
  command: string;
  wallMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Largest single process's peak RSS in KiB: the larger of `time -v` and the /proc poll. */
  peakRssKb: number;
  /** Which of the two gave peakRssKb. */
  peakRssSource: "time -v" | "/proc poll";
  /** `time -v`'s figure alone, when it ran. */
  timeMaxRssKb?: number;
  /** Per process of the tree, from the /proc poll (largest first). */
  processes: ProcessPeak[];
  /** Largest sum of VmRSS over the tree at one poll, in KiB (what the machine had to hold at once). */
  treeRssKb: number;
  /** User + system CPU seconds of the tree (time -v only). */
  cpuSeconds?: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the tree after this long (ms). */
  timeoutMs?: number;
  /** /proc poll interval (ms). */
  pollMs?: number;
  /** Called with each chunk of stdout/stderr as it arrives. */
  onOutput?: (text: string) => void;
}

let gnuTime: boolean | undefined;
/** True when /usr/bin/time is GNU time with -v and -o. */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-v", "-o", "/dev/null", "true"]).status === 0;
  }
  return gnuTime;
}

/** pid → parent pid for every process in /proc. */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name is in parentheses and may contain spaces: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we listed it
    }
  }
  return children;
}

/** The root pid and all its descendants. */
export function processTree(root: number): number[] {
  const children = parentMap();
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function readStatus(pid: number): { name: string; hwmKb: number; rssKb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
    return { name: /^Name:\s+(.*)$/m.exec(text)?.[1] ?? "?", hwmKb: field("VmHWM"), rssKb: field("VmRSS") };
  } catch {
    return undefined;
  }
}

/** Polls a process tree's memory until stop() is called. */
export function watchTree(root: number, pollMs = 100): { stop(): { processes: ProcessPeak[]; treeRssKb: number } } {
  const peaks = new Map<number, ProcessPeak>();
  let treeRssKb = 0;
  const poll = () => {
    let sum = 0;
    for (const pid of processTree(root)) {
      const s = readStatus(pid);
      if (!s) continue;
      sum += s.rssKb;
      const seen = peaks.get(pid);
      const cpuMs = cpuTime(pid) ?? seen?.cpuMs ?? 0;
      peaks.set(pid, { pid, name: s.name, hwmKb: Math.max(s.hwmKb, seen?.hwmKb ?? 0), cpuMs: Math.max(cpuMs, seen?.cpuMs ?? 0) });
    }
    treeRssKb = Math.max(treeRssKb, sum);
  };
  poll();
  const timer = setInterval(poll, pollMs);
  return {
    stop() {
      clearInterval(timer);
      return { processes: [...peaks.values()].filter((p) => p.name !== "time").sort((a, b) => b.hwmKb - a.hwmKb), treeRssKb };
    },
  };
}

/** Kills a process and its descendants (children first), by pid. */
export function killTree(root: number, signal: NodeJS.Signals = "SIGTERM"): void {
  for (const pid of processTree(root).reverse()) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function parseTimeV(text: string): { maxRssKb?: number; cpuSeconds?: number } {
  const num = (label: string) => {
    const m = new RegExp(`${label}:\\s+([\\d.]+)`).exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const user = num("User time \\(seconds\\)");
  const sys = num("System time \\(seconds\\)");
  const maxRss = num("Maximum resident set size \\(kbytes\\)");
  return {
    ...(maxRss !== undefined ? { maxRssKb: maxRss } : {}),
    ...(user !== undefined && sys !== undefined ? { cpuSeconds: Math.round((user + sys) * 100) / 100 } : {}),
  };
}

export async function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  const useTime = hasGnuTime();
  const scratch = mkdtempSync(join(tmpdir(), "keikoku-bench-time-"));
  const timeFile = join(scratch, "time.txt");
  const [file, argv] = useTime ? ["/usr/bin/time", ["-v", "-o", timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  const watch = watchTree(child.pid!, options.pollMs ?? 100);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
    options.onOutput?.(s);
  });
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
    options.onOutput?.(s);
  });
  const timer = options.timeoutMs ? setTimeout(() => killTree(child.pid!, "SIGKILL"), options.timeoutMs) : undefined;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  const polled = watch.stop();
  const timed = useTime && existsSync(timeFile) && statSync(timeFile).size ? parseTimeV(readFileSync(timeFile, "utf8")) : {};
  rmSync(scratch, { recursive: true, force: true });
  // `time` exits with the command's status; its own failure to run the command shows as 127.
  const polledPeak = polled.processes[0]?.hwmKb ?? 0;
  return {
    command: [command, ...args].join(" "),
    wallMs,
    exitCode: code,
    signal,
    stdout,
    stderr,
    peakRssKb: Math.max(timed.maxRssKb ?? 0, polledPeak),
    peakRssSource: (timed.maxRssKb ?? 0) >= polledPeak ? "time -v" : "/proc poll",
    ...(timed.maxRssKb !== undefined ? { timeMaxRssKb: timed.maxRssKb } : {}),
    processes: polled.processes,
    treeRssKb: polled.treeRssKb,
    ...(timed.cpuSeconds !== undefined ? { cpuSeconds: timed.cpuSeconds } : {}),
  };
}

/** Total size and number of files under a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        bytes += statSync(path).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** Number of files ending in `suffix` under a folder. */
export function countFiles(dir: string, suffix: string): number {
  let n = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  }
  return n;
}

/** Pages in a Pagefind bundle (Σ page_count over its languages), from <site>/pagefind/pagefind-entry.json. */
export function searchIndexPages(site: string): number | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(site, "pagefind", "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { page_count?: number }> };
    return Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
  } catch {
    return undefined;
  }
}

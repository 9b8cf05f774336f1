/**
 * Runs `generateCsaf` on the CSAF worker thread (worker.ts), which also writes the files. One worker per process, started on first use
 * and kept (unref'd) so the dev server's rebuilds keep the loaded validator; jobs run one after another.
 */
import { Worker } from "node:worker_threads";
import type { SiteData } from "../data/entries.ts";
import type { CsafConfig } from "./config.ts";
import type { CsafWrite, CsafWritten } from "./write-files.ts";

let worker: Worker | undefined;
let nextId = 1;
/** Jobs sent and not answered yet, each with the worker it was sent to. */
const pending = new Map<number, { owner: Worker; resolve: (output: CsafWritten) => void; reject: (error: Error) => void }>();

const hasJobs = (owner: Worker) => [...pending.values()].some((job) => job.owner === owner);

/** Fails the jobs of one worker only: a stopped worker's exit must not fail the jobs of its successor. */
function failJobsOf(owner: Worker, error: Error): void {
  for (const [id, job] of pending) {
    if (job.owner !== owner) continue;
    pending.delete(id);
    job.reject(error);
  }
}

/**
 * Stops the worker, e.g. when a build has failed: its work is no longer wanted, and a worker still loading
 * its modules would keep the process from exiting.
 */
export function stopCsafWorker(): void {
  const running = worker;
  worker = undefined;
  void running?.terminate();
}

/** Starts the worker (and with it the validator import) now, so it is ready when the content is. */
export function warmUpCsafWorker(): void {
  if (worker) return;
  const started = new Worker(new URL("./worker-entry.mjs", import.meta.url));
  started.unref();
  started.on("message", (message: { id: number; output?: CsafWritten; error?: string }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (!hasJobs(started)) started.unref();
    if (message.output) job.resolve(message.output);
    else job.reject(new Error(`CSAF generation failed on its worker thread:\n${message.error}`));
  });
  const gone = (error: Error) => {
    if (worker === started) worker = undefined;
    failJobsOf(started, error);
  };
  started.on("error", (error) => gone(new Error(`The CSAF worker thread crashed: ${error.stack ?? error.message}`)));
  started.on("exit", (code) => gone(new Error(`The CSAF worker thread exited (code ${code}) before answering`)));
  worker = started;
}

/** Never throws: a worker that cannot start or take the job makes the returned promise reject instead. */
export function generateCsafInBackground(site: SiteData, config: CsafConfig, cacheFile: string | undefined, write: CsafWrite): Promise<CsafWritten> {
  const id = nextId++;
  try {
    warmUpCsafWorker();
    const owner = worker!;
    const answer = new Promise<CsafWritten>((resolve, reject) => pending.set(id, { owner, resolve, reject }));
    // Held while a job is out, so the process waits for the answer.
    worker!.ref();
    worker!.postMessage({ id, site, config, cacheFile, write });
    return answer;
  } catch (error) {
    pending.delete(id);
    if (worker && !hasJobs(worker)) worker.unref();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

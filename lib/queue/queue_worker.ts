/**
 * `deno task worker`: takes queued sweep runs from the job queue, runs them
 * with the same executor and shared services as a local sweep (on
 * `threads` Deno workers that share the prices, loaded once per process),
 * stores each result in the PostgreSQL sweep store and marks its job done,
 * and keeps going until told to stop (a signal, `--max-jobs`, `--idle-exit`,
 * `--once`).
 *
 * Before a run, a job is checked: the sweep it names must be queued in this
 * store, the code version that planned it must be this worker's, the config
 * rebuilt from the sweep's layers and the job's parameters must hash to the
 * job's config hash, and the prices this worker reads for it must hash to the
 * job's data hash. A job that fails a check is refused: its attempt is failed
 * with a message naming both sides (so it goes back to the queue for a worker
 * that has the right code and data, and fails for good, visibly in
 * `deno task sweep --status`, once its retries are spent), and this worker
 * stops taking jobs and ends with that message (exit 2), since it would
 * refuse the sweep's every run.
 *
 * A result is stored before its job is marked done, and a run is stored once
 * whatever happens (the store keys runs by sweep and config hash): a job
 * retried after its worker was killed, or after it expired while still
 * running, stores nothing twice.
 *
 * The threads run the runs, so this thread stays free for the queue: it
 * sends each held job's heartbeat while the job runs, holds up to
 * {@link JOBS_PER_THREAD} jobs a thread (taking more, several in one call,
 * when half of them are done) so a thread never waits for the database
 * between runs, and marks finished jobs done together, in one call for all
 * that finished while the previous call ran: the queue's cost is shared by
 * the jobs of a call, and overlaps the runs.
 *
 * @module
 */
import { configHash } from "../config/hash.ts";
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import { InputError, ServiceError } from "../errors.ts";
import { SharedServices } from "../run/shared_services.ts";
import { sharedMarket } from "../research/shared_market.ts";
import { configOfRun, describeParams } from "../research/sweep_plan.ts";
import type { SweepStore } from "../research/sweep_store.ts";
import { SweepWorkers } from "../research/sweep_workers.ts";
import type { ExecutedRun } from "../research/sweep_executor.ts";
import type { JobQueue, TakenJob } from "./job_queue.ts";
import type { QueuedSweep, QueuedSweeps } from "./queued_sweeps.ts";
import { parseRunJob, type RunJob } from "./run_job.ts";

/** How a worker runs and when it stops. */
export type QueueWorkerOptions = {
  /** Threads running runs (default 1). */
  readonly threads?: number;
  /** Stop after taking this many jobs. */
  readonly maxJobs?: number | undefined;
  /**
   * Stop after this many seconds with nothing to take and nothing running
   * (0: as soon as the queue has nothing ready, `--once`); default: never.
   */
  readonly idleExitSeconds?: number | undefined;
  /** Seconds between looks at an empty queue (default 1). */
  readonly pollSeconds?: number;
  /** Aborting it stops the worker: no more jobs are taken, the runs held finish and are stored. */
  readonly signal?: AbortSignal;
  /** One line per event (default: stderr). */
  readonly log?: (line: string) => void;
};

/** What a worker is given. */
export type QueueWorkerServices = {
  readonly queue: JobQueue;
  /** The PostgreSQL sweep store of the queue's schema. */
  readonly store: SweepStore;
  readonly sweeps: QueuedSweeps;
  /** This checkout's code version (lib/run/code_version.ts). */
  readonly codeVersion: string;
};

/** What a worker did. */
export type QueueWorkerSummary = {
  /** Jobs taken. */
  readonly taken: number;
  /** Runs stored by this worker. */
  readonly stored: number;
  /** Runs that another attempt had stored already (nothing written). */
  readonly alreadyStored: number;
  /** Runs that failed (their jobs failed with the message, to be retried). */
  readonly failed: number;
  /** The sweeps it ran runs of. */
  readonly sweeps: readonly string[];
  /** The refusal that stopped it, if one did. */
  readonly refused?: string;
  readonly seconds: number;
  /** Milliseconds spent in the queue's calls (take, complete, fail, heartbeat), in all. */
  readonly queueMs: number;
  /** Milliseconds the runs took on their threads, in all. */
  readonly runMs: number;
};

/** Jobs a worker holds at most per thread (running, or waiting for their thread). */
export const JOBS_PER_THREAD = 4;

/** A run's check failed: the job is refused and the worker stops. */
class Refusal extends InputError {}

/** Runs a worker until it is told to stop; see the module doc. */
export async function runQueueWorker(
  services: QueueWorkerServices,
  options: QueueWorkerOptions = {},
): Promise<QueueWorkerSummary> {
  const worker = new _Worker(services, options);
  return await worker.run();
}

class _Worker {
  readonly #s: QueueWorkerServices;
  readonly #o: QueueWorkerOptions;
  readonly #log: (line: string) => void;
  readonly #shared = new SharedServices();
  readonly #sweeps = new Map<string, QueuedSweep>();
  readonly #held = new Map<string, { job: TakenJob; done: Promise<void> }>();
  readonly #ranSweeps = new Set<string>();
  #pool: Promise<SweepWorkers> | undefined;
  readonly #finished: TakenJob[] = [];
  #flushing: Promise<void> | undefined;
  #taken = 0;
  #stored = 0;
  #already = 0;
  #failed = 0;
  #queueMs = 0;
  #runMs = 0;
  #stopping = false;
  #refused: string | undefined;
  #fatal: Error | undefined;

  constructor(services: QueueWorkerServices, options: QueueWorkerOptions) {
    this.#s = services;
    this.#o = options;
    this.#log = options.log ?? ((line) => console.error(line));
  }

  async run(): Promise<QueueWorkerSummary> {
    const started = performance.now();
    const threads = this.#o.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(
        `Cannot start the worker as threads must be >= 1: current value is ${threads}`,
      );
    }
    const capacity = threads * JOBS_PER_THREAD;
    const poll = (this.#o.pollSeconds ?? 1) * 1000;
    const idle = this.#o.idleExitSeconds;
    const stopped = new Promise<void>((resolve) => {
      if (this.#o.signal?.aborted) resolve();
      this.#o.signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    stopped.then(() => this.#stopping = true);
    const beat = setInterval(() => this.#heartbeat(), 3000);
    let lastActive = performance.now();
    try {
      while (true) {
        const free = capacity - this.#held.size;
        const room = Math.min(
          free,
          this.#o.maxJobs === undefined ? Infinity : this.#o.maxJobs - this.#taken,
        );
        if (!this.#stopping && room > 0 && free >= capacity / 2) {
          const jobs = await this.#timed(() => this.#s.queue.take(room)).catch((e) =>
            this.#stop(e)
          );
          for (const job of jobs ?? []) this.#hold(job);
          if ((jobs?.length ?? 0) > 0) {
            lastActive = performance.now();
            continue;
          }
        }
        if (this.#held.size === 0) {
          const allTaken = this.#o.maxJobs !== undefined && this.#taken >= this.#o.maxJobs;
          if (this.#stopping || allTaken) break;
          if (idle !== undefined && performance.now() - lastActive >= idle * 1000) break;
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        const wait = new Promise<void>((resolve) => timer = setTimeout(resolve, poll));
        await Promise.race([wait, stopped, ...[...this.#held.values()].map((h) => h.done)]);
        clearTimeout(timer);
        if (this.#held.size > 0) lastActive = performance.now();
      }
    } finally {
      clearInterval(beat);
      await Promise.allSettled([...this.#held.values()].map((h) => h.done));
      if (this.#pool) await (await this.#pool.catch(() => undefined))?.close();
    }
    if (this.#fatal) throw this.#fatal;
    return {
      taken: this.#taken,
      stored: this.#stored,
      alreadyStored: this.#already,
      failed: this.#failed,
      sweeps: [...this.#ranSweeps].sort(),
      ...(this.#refused === undefined ? {} : { refused: this.#refused }),
      seconds: (performance.now() - started) / 1000,
      queueMs: this.#queueMs,
      runMs: this.#runMs,
    };
  }

  #hold(job: TakenJob): void {
    this.#taken++;
    const done = this.#handle(job).catch((error) => this.#stop(error)).finally(() =>
      this.#held.delete(job.id)
    );
    this.#held.set(job.id, { job, done });
  }

  async #handle(job: TakenJob): Promise<void> {
    const parsed = parseRunJob(job.data);
    if (typeof parsed === "string") {
      this.#failed++;
      this.#log(`worker: job ${job.id} failed: ${parsed}`);
      await this.#timed(() => this.#s.queue.fail(job, parsed));
      return;
    }
    const which = `sweep ${parsed.sweep} run #${parsed.position + 1} (${
      describeParams(parsed.params)
    })`;
    this.#log(
      `worker: took ${which}${job.retryCount > 0 ? `, attempt ${job.retryCount + 1}` : ""}`,
    );
    let config: Config, market: MarketData;
    try {
      ({ config, market } = await this.#check(parsed, which));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      await this.#timed(() => this.#s.queue.fail(job, error.message));
      this.#refused ??= error.message;
      this.#stopping = true;
      return;
    }
    let executed: ExecutedRun;
    const started = performance.now();
    try {
      const pool = await this.#threads(config, market);
      executed = await pool.run(config, parsed.params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#failed++;
      this.#log(`worker: ${which} failed: ${message.split("\n")[0]}`);
      await this.#timed(() => this.#s.queue.fail(job, message));
      // A run that refused its input fails alone; anything else is a bug or a lost thread,
      // which would fail every run: the worker stops.
      if (!(error instanceof InputError)) throw error;
      return;
    }
    this.#runMs += performance.now() - started;
    const { record, dates } = executed;
    await this.#s.store.putCalendar(record.calendar.id, dates);
    if (await this.#s.store.put(parsed.sweep, record)) this.#stored++;
    else this.#already++;
    this.#ranSweeps.add(parsed.sweep);
    await this.#complete(job);
  }

  /** Marks `job` done, with the others that finish while the call before runs. */
  #complete(job: TakenJob): Promise<void> {
    this.#finished.push(job);
    return this.#flush();
  }

  #flush(): Promise<void> {
    if (this.#flushing) {
      return this.#flushing.then(() => this.#finished.length > 0 ? this.#flush() : undefined);
    }
    const batch = this.#finished.splice(0);
    if (batch.length === 0) return Promise.resolve();
    const flushing = this.#timed(() => this.#s.queue.complete(batch)).then(() => {})
      .finally(() => this.#flushing = undefined);
    this.#flushing = flushing;
    return flushing;
  }

  /** The run's config and prices, once every check passed; a {@link Refusal} otherwise. */
  async #check(job: RunJob, which: string): Promise<{ config: Config; market: MarketData }> {
    if (job.codeVersion !== this.#s.codeVersion) {
      throw new Refusal(
        `${which}: planned by code version ${job.codeVersion}, and this worker runs ${this.#s.codeVersion}: ` +
          "refused (its results could differ); run workers from the same version as the sweep",
      );
    }
    let sweep = await this.#sweep(job.sweep, false);
    let config = this.#configOf(sweep, job, which);
    if (configHash(config) !== job.configHash) {
      sweep = await this.#sweep(job.sweep, true); // enqueued again since it was read
      config = this.#configOf(sweep, job, which);
    }
    const hash = configHash(config);
    if (hash !== job.configHash) {
      throw new Refusal(
        `${which}: its config hashes to ${hash.slice(0, 12)} here and to ${
          job.configHash.slice(0, 12)
        } where it was planned: refused; run workers from the same version as the sweep`,
      );
    }
    let market: MarketData;
    try {
      market = await this.#shared.market(config);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new Refusal(
        `${which}: this worker cannot read the prices the run needs (data hash ${
          job.dataHash.slice(0, 12)
        }): ${error.message}`,
        { cause: error },
      );
    }
    if (market.dataHash !== job.dataHash) {
      throw new Refusal(
        `${which}: the job's prices hash to ${job.dataHash.slice(0, 12)}, and this worker's ` +
          `${market.source} hashes to ${market.dataHash.slice(0, 12)}: refused, its result would ` +
          "differ; run workers on a copy of the price store the sweep was planned on",
      );
    }
    return { config, market };
  }

  #configOf(sweep: QueuedSweep, job: RunJob, which: string): Config {
    try {
      return configOfRun({ layers: sweep.layers, source: sweep.source }, job.params);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new Refusal(`${which}: its config is not valid here: ${error.message}`, {
        cause: error,
      });
    }
  }

  async #sweep(name: string, fresh: boolean): Promise<QueuedSweep> {
    const known = fresh ? undefined : this.#sweeps.get(name);
    if (known) return known;
    const sweep = await this.#s.sweeps.get(name);
    if (sweep === undefined) {
      throw new Refusal(
        `sweep ${name} has jobs but was never queued in this store (${this.#s.store.location})`,
      );
    }
    this.#sweeps.set(name, sweep);
    return sweep;
  }

  /** The threads, started with the first run's prices (in shared memory) and config. */
  #threads(config: Config, market: MarketData): Promise<SweepWorkers> {
    this.#pool ??= SweepWorkers.start(this.#o.threads ?? 1, {
      market: sharedMarket(market),
      base: config,
      codeVersion: this.#s.codeVersion,
      share: true,
    });
    return this.#pool;
  }

  #heartbeat(): void {
    const jobs = [...this.#held.values()].map((h) => h.job).filter((j) => j.heartbeatSeconds > 0);
    if (jobs.length === 0) return;
    this.#timed(() => this.#s.queue.touch(jobs)).catch((error) => {
      this.#log(`worker: heartbeat not sent: ${error instanceof Error ? error.message : error}`);
    });
  }

  /** Stops taking jobs after a failure of the queue, the store or a thread (rethrown at the end). */
  #stop(error: unknown): undefined {
    this.#stopping = true;
    this.#fatal ??= error instanceof Error ? error : new Error(String(error));
    if (error instanceof ServiceError) this.#log(`worker: ${error.message}`);
    return undefined;
  }

  async #timed<T>(call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.#queueMs += performance.now() - started;
    }
  }
}

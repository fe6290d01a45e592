/**
 * A pool of Deno workers running a sweep's configs: each worker gets the
 * market once (in shared memory) and keeps up to two runs queued so it never
 * waits for the main thread between runs. A run that fails rejects its
 * promise with the worker's message (an {@link InputError} when the run
 * refused its input); a worker that dies rejects everything it held.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import { InputError } from "../errors.ts";
import type { Assignment } from "./grid_space.ts";
import type { ExecutedRun } from "./sweep_executor.ts";
import type { WorkerInit, WorkerJob, WorkerReply } from "./worker_messages.ts";

/** Runs queued per worker at most. */
export const RUNS_PER_WORKER = 2;

type Pending = {
  readonly resolve: (run: ExecutedRun) => void;
  readonly reject: (error: Error) => void;
};

type Slot = {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
};

/** What every worker is told before its first run. */
export type PoolInit = {
  readonly market: MarketData;
  readonly base: Config;
  readonly codeVersion: string;
  readonly share: boolean;
};

/** A started pool; {@link close} it when done (also after a failure). */
export class SweepWorkers {
  readonly #slots: Slot[];
  /** Each calendar's dates, as the first worker to use it sent them. */
  readonly #dates = new Map<string, readonly string[]>();
  #nextId = 0;
  #closed = false;

  private constructor(slots: Slot[]) {
    this.#slots = slots;
  }

  /** Starts `count` workers and waits until each has the market. */
  static async start(count: number, init: PoolInit): Promise<SweepWorkers> {
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(
        `Cannot start the workers as count must be a positive integer: current value is ${count}`,
      );
    }
    const url = new URL("./sweep_worker.ts", import.meta.url);
    const message: WorkerInit = { kind: "init", ...init };
    const slots: Slot[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const worker = new Worker(url, { type: "module", name: `sweep-${i + 1}` });
      const slot: Slot = { worker, pending: new Map() };
      slots.push(slot);
      ready.push(
        new Promise((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<WorkerReply>) => {
            if (event.data.kind === "ready") resolve();
          };
          worker.onerror = (event) => {
            event.preventDefault();
            reject(new Error(`sweep worker ${i + 1} failed to start: ${event.message}`));
          };
        }),
      );
      worker.postMessage(message);
    }
    const pool = new SweepWorkers(slots);
    try {
      await Promise.all(ready);
    } catch (error) {
      pool.#terminate();
      throw error;
    }
    for (const [i, slot] of slots.entries()) pool.#listen(slot, i + 1);
    return pool;
  }

  /** How many runs the pool can hold at once (workers x {@link RUNS_PER_WORKER}). */
  get capacity(): number {
    return this.#slots.length * RUNS_PER_WORKER;
  }

  /** Runs one config on the least busy worker. */
  run(config: Config, params: Assignment): Promise<ExecutedRun> {
    if (this.#closed) return Promise.reject(new Error("the sweep's workers are closed"));
    const slot = this.#slots.reduce((a, b) => b.pending.size < a.pending.size ? b : a);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      const job: WorkerJob = { kind: "run", id, config, params };
      slot.worker.postMessage(job);
    });
  }

  /** Lets each worker close its database connections, then stops them all. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) =>
      new Promise<void>((resolve) => {
        slot.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          if (event.data.kind === "closed") resolve();
        };
        slot.worker.onerror = (event) => {
          event.preventDefault();
          resolve();
        };
        slot.worker.postMessage({ kind: "close" });
      })
    ));
    this.#terminate();
  }

  /** Stops every worker at once (after a failure), failing what they held. */
  abort(): void {
    this.#closed = true;
    this.#terminate();
  }

  #terminate(): void {
    for (const slot of this.#slots) {
      slot.worker.terminate();
      for (const p of slot.pending.values()) {
        p.reject(new Error("the sweep's workers were stopped"));
      }
      slot.pending.clear();
    }
  }

  #listen(slot: Slot, number: number): void {
    slot.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind !== "done" && reply.kind !== "failed") return;
      const pending = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if (pending === undefined) return;
      if (reply.kind === "failed") {
        pending.reject(reply.input ? new InputError(reply.message) : new Error(reply.message));
        return;
      }
      const id = reply.record.calendar.id;
      if (reply.dates !== undefined && !this.#dates.has(id)) this.#dates.set(id, reply.dates);
      const dates = reply.dates ?? this.#dates.get(id);
      if (dates === undefined) {
        pending.reject(new Error(`sweep worker ${number} sent calendar ${id} without its dates`));
        return;
      }
      pending.resolve({ record: reply.record, dates });
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`sweep worker ${number} stopped: ${event.message}`);
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      this.abort();
    };
  }
}

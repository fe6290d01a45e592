/**
 * A SQLite event store written from a worker: the backtest's thread only packs
 * events ({@link BatchPacker}) and posts them; the worker runs the same
 * {@link SqliteEventStore}, so the file, its layout and its safety are the
 * same. Design decision: this exists to keep auditing's cost on the
 * backtest's thread small (the SQLite work runs on another core); the
 * thread blocks only when more than {@link MAX_BATCHES_IN_FLIGHT} batches wait.
 *
 * @module
 */
import { InputError, ServiceError } from "../errors.ts";
import type { EventRecord } from "./event_record.ts";
import type { EventSink, RunClaim } from "./event_sink.ts";
import { BatchPacker, type PackedBatch } from "./packed_batch.ts";

/** Messages to the worker. */
export type WorkerRequest =
  | {
    readonly op: "open";
    readonly id: number;
    readonly path: string;
    readonly batchSize: number;
    readonly inflight: SharedArrayBuffer;
  }
  | { readonly op: "claim"; readonly id: number; readonly run: RunClaim }
  | { readonly op: "batch"; readonly batch: PackedBatch }
  | { readonly op: "flush"; readonly id: number }
  | { readonly op: "close"; readonly id: number };

/** Replies from the worker. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
    readonly id: number;
    readonly ok: false;
    readonly error: { readonly name: string; readonly message: string };
  };

/** Batches posted but not yet written before `record` waits for the worker. */
export const MAX_BATCHES_IN_FLIGHT = 16;

/** Options of {@link SqliteWorkerStore.open}. */
export type SqliteWorkerStoreOptions = {
  /** Events per packed batch sent to the worker; default 2,000. */
  readonly postSize?: number;
  /** Events per write transaction in the worker; default 20,000. */
  readonly batchSize?: number;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

function _error(error: { name: string; message: string }): Error {
  if (error.name === "InputError") return new InputError(error.message);
  if (error.name === "ServiceError") return new ServiceError(error.message);
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}

/**
 * An {@link EventSink} writing a SQLite store from a worker.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { AuditLog, SqliteAuditReader, SqliteWorkerStore } from "./mod.ts";
 *
 * const dir = await Deno.makeTempDir();
 * const store = await SqliteWorkerStore.open(`${dir}/audit.db`);
 * const log = await AuditLog.start(store, { configHash: "c", dataHash: "d", codeVersion: "t", asOf: "2021-03-01" });
 * log.logCustomEvent({ asOf: "2021-03-01", eventType: "custom_analysis", metadata: { custom_metric: 0.85 } });
 * await log.finish();
 * await store.close();
 * const reader = SqliteAuditReader.open(`${dir}/audit.db`);
 * assert.deepEqual(reader.runs().map((r) => [r.status, r.events]), [["finished", 3]]);
 * reader.close();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export class SqliteWorkerStore implements EventSink {
  /** The store's file. */
  readonly path: string;
  readonly #worker: Worker;
  readonly #inflight: Int32Array;
  readonly #postSize: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  readonly #packer = new BatchPacker();

  private constructor(path: string, worker: Worker, inflight: Int32Array, postSize: number) {
    this.path = path;
    this.#worker = worker;
    this.#inflight = inflight;
    this.#postSize = postSize;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(_error(reply.error));
    };
  }

  /** Starts the worker and opens (creating if new) the store at `path` there. */
  static async open(
    path: string,
    options: SqliteWorkerStoreOptions = {},
  ): Promise<SqliteWorkerStore> {
    const postSize = options.postSize ?? 2_000;
    if (!Number.isInteger(postSize) || postSize < 1) {
      throw new RangeError(
        `Cannot open the store as postSize must be a positive integer: current value is ${postSize}`,
      );
    }
    const worker = new Worker(new URL("./sqlite_writer_worker.ts", import.meta.url), {
      type: "module",
    });
    const inflight = new SharedArrayBuffer(4);
    const store = new SqliteWorkerStore(path, worker, new Int32Array(inflight), postSize);
    try {
      await store.#request({
        op: "open",
        id: store.#nextId,
        path,
        batchSize: options.batchSize ?? 20_000,
        inflight,
      });
    } catch (error) {
      worker.terminate();
      throw error;
    }
    return store;
  }

  #request(request: WorkerRequest & { id: number }): Promise<unknown> {
    this.#nextId = request.id + 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  /** Registers the run in the store (status `running`). */
  async claimRun(run: RunClaim): Promise<string> {
    return String(await this.#request({ op: "claim", id: this.#nextId, run }));
  }

  /** Buffers the event; full buffers are packed and posted to the worker. */
  record(event: EventRecord): void {
    this.#packer.add(event);
    if (this.#packer.count >= this.#postSize) this.#post();
  }

  #post(): void {
    if (this.#packer.count === 0) return;
    const batch = this.#packer.take();
    for (;;) {
      const inflight = Atomics.load(this.#inflight, 0);
      if (inflight < MAX_BATCHES_IN_FLIGHT) break;
      Atomics.wait(this.#inflight, 0, inflight, 100);
    }
    Atomics.add(this.#inflight, 0, 1);
    this.#worker.postMessage({ op: "batch", batch } satisfies WorkerRequest, [
      batch.numbers.buffer,
    ]);
  }

  /** Posts what is buffered and resolves once the worker has committed everything. */
  async flush(): Promise<void> {
    this.#post();
    await this.#request({ op: "flush", id: this.#nextId });
  }

  /** Flushes, closes the store and stops the worker. */
  async close(): Promise<void> {
    try {
      this.#post();
      await this.#request({ op: "close", id: this.#nextId });
    } finally {
      this.#worker.terminate();
    }
  }
}

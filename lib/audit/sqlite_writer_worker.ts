/**
 * The worker behind {@link SqliteWorkerStore}: owns a {@link SqliteEventStore}
 * and writes the packed batches the backtest's thread sends it.
 *
 * @module
 */
import { SqliteEventStore } from "./sqlite_store.ts";
import type { PackedBatch } from "./packed_batch.ts";
import type { WorkerReply, WorkerRequest } from "./sqlite_worker_store.ts";

const port = globalThis as unknown as {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

let store: SqliteEventStore | null = null;
let inflight: Int32Array | null = null;
let failure: unknown = null;

function _errorOf(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: "Error", message: String(error) };
}

function _reply(id: number, work: () => unknown): void {
  try {
    if (failure !== null) {
      const earlier = failure;
      failure = null;
      throw earlier;
    }
    port.postMessage({ id, ok: true, value: work() });
  } catch (error) {
    port.postMessage({ id, ok: false, error: _errorOf(error) });
  }
}

function _batch(batch: PackedBatch): void {
  try {
    if (failure === null && store !== null) store.recordPacked(batch);
  } catch (error) {
    failure = error;
  } finally {
    if (inflight !== null) {
      Atomics.sub(inflight, 0, 1);
      Atomics.notify(inflight, 0);
    }
  }
}

port.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.op) {
    case "open":
      inflight = new Int32Array(request.inflight);
      return _reply(request.id, () => {
        store = SqliteEventStore.open(request.path, { batchSize: request.batchSize });
      });
    case "claim":
      return _reply(request.id, () => _open().claimRunSync(request.run));
    case "batch":
      return _batch(request.batch);
    case "flush":
      return _reply(request.id, () => store?.flushSync());
    case "close":
      return _reply(request.id, () => {
        const open = store;
        store = null;
        open?.closeSync();
      });
  }
};

function _open(): SqliteEventStore {
  if (store === null) throw new Error("the audit writer worker has no open store");
  return store;
}

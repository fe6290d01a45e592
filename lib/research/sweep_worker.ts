/**
 * A sweep's worker (a Deno Worker, one per core by default): receives the
 * market once, then runs the configs it is sent one at a time with its own
 * shared services, and posts each run's record back (the returns' buffer
 * transferred, not copied). Loaded by sweep_workers.ts; not for direct use.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { InputError, ServiceError } from "../errors.ts";
import { SharedServices } from "../run/shared_services.ts";
import type { RunDatabase } from "../run/regime_services.ts";
import { SweepExecutor } from "./sweep_executor.ts";
import type { WorkerClose, WorkerInit, WorkerJob, WorkerReply } from "./worker_messages.ts";

let executor: SweepExecutor | undefined;
let database: { runContext: RunDatabase | undefined; close: () => Promise<void> } | undefined;
const sentCalendars = new Set<string>();

async function openDatabase(): Promise<typeof database> {
  const d = await import("../run/database_services.ts");
  return d.openDatabaseServices({
    enabled: true,
    env: (name) => Deno.env.get(name),
    logger: d.stderrLogger,
  });
}

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  self.postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<WorkerInit | WorkerJob | WorkerClose>) => {
  const message = event.data;
  if (message.kind === "close") {
    await database?.close();
    database = undefined;
    post({ kind: "closed" });
    return;
  }
  if (message.kind === "init") {
    executor = new SweepExecutor({
      shared: message.share ? new SharedServices() : undefined,
      market: message.market,
      base: message.base,
      codeVersion: message.codeVersion,
      database: () => database?.runContext,
    });
    post({ kind: "ready" });
    return;
  }
  try {
    if (executor === undefined) throw new Error("sweep worker: a run arrived before init");
    if (message.config.database.enabled && database === undefined) database = await openDatabase();
    const { record, dates } = await executor.run(message.config, message.params);
    const first = !sentCalendars.has(record.calendar.id);
    sentCalendars.add(record.calendar.id);
    post(
      { kind: "done", id: message.id, record, ...(first ? { dates } : {}) },
      [record.returns.buffer as ArrayBuffer],
    );
  } catch (error) {
    const input = error instanceof InputError || error instanceof ServiceError;
    post({
      kind: "failed",
      id: message.id,
      message: input ? (error as Error).message : _describe(error),
      input,
    });
  }
};

function _describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The audit log of one run: a fresh SQLite event store in the run's folder
 * (a previous run of the same config and data is replaced, so the same run
 * always leaves the same log) or a shared PostgreSQL store (where a repeated
 * run is stored beside the first as `<run id>.2`), the run started, finished
 * or failed.
 *
 * @module
 */
import { dirname } from "node:path";
import { AuditLog } from "../audit/audit_log.ts";
import type { EventSink } from "../audit/event_sink.ts";
import { SqliteEventStore } from "../audit/sqlite_store.ts";
import { accessProblem } from "../errors.ts";
import type { PreparedRun } from "./run_from_config.ts";

/** An open run audit: where it is, its log, and how to end it. */
export type RunAudit = {
  readonly path: string;
  readonly log: AuditLog;
  readonly finish: (asOf: string) => Promise<void>;
  readonly fail: (error: unknown) => Promise<void>;
};

/** Where a run's audit log goes: a fresh SQLite file, or a shared PostgreSQL store. */
export type AuditTarget =
  | { readonly store: "sqlite"; readonly path: string }
  | { readonly store: "postgres"; readonly url: string; readonly schema: string };

/**
 * Opens the run's audit store (see {@link AuditTarget}) and starts its log.
 * PostgreSQL's client is loaded only for a PostgreSQL target (it costs a run
 * that does not use it ~30 ms of start-up).
 *
 * Design decision: the SQLite file is written in the run's thread. A worker
 * ({@link SqliteWorkerStore}) was measured here as the alternative: on two
 * shared cores its start-up and the packing of events cost a one-shot
 * `deno task backtest` more than the writes it moves away (+29% against
 * +17% for the default run; measured again for issue 13 with the worker
 * started before the market loads: +32% against +11%), and at 500 assets x
 * 5,000 days the cold worker writes slower than the run records, so the run
 * waits for it (+53% against +65% of the plain task, on a loaded machine).
 * Since the broker's order events are stored as groups (one row for a day's
 * fills or orders of one side; see {@link OrderGroup}), what a worker could
 * take away is a few milliseconds of SQLite a run.
 *
 * Design decision: the run's own file is written without syncs
 * (`durable: false`): it is replaced by every run of the same config and data,
 * so a power cut costs a rerun, while a killed run still leaves a consistent
 * store marked incomplete (WAL; tests/audit_safety_test.ts). Syncing cost a
 * run's start about 30 ms on this machine's disk. A paper portfolio's log,
 * kept for good, is written with syncs (lib/live/portfolio_audit.ts).
 */
export async function openRunAudit(
  target: AuditTarget,
  run: PreparedRun,
  codeVersion: string,
): Promise<RunAudit> {
  if (target.store === "postgres") {
    const { PostgresEventStore } = await import("../audit/postgres_store.ts");
    const store = await PostgresEventStore.open({ url: target.url, schema: target.schema });
    return await _start(store, `postgres schema ${target.schema}`, run, codeVersion);
  }
  await _freshFile(target.path);
  // The run's own file, replaced by every run of the same config and data: no syncs (see WriteOptions).
  const store = SqliteEventStore.open(target.path, { durable: false });
  return await _start(store, target.path, run, codeVersion);
}

async function _freshFile(path: string): Promise<void> {
  try {
    await Deno.mkdir(dirname(path), { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) {
      await Deno.remove(`${path}${suffix}`).catch((e) => {
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      });
    }
  } catch (error) {
    throw accessProblem(error, "folder", dirname(path), "write") ?? error;
  }
}

async function _start(
  store: EventSink,
  path: string,
  run: PreparedRun,
  codeVersion: string,
): Promise<RunAudit> {
  const log = await AuditLog.start(store, {
    configHash: run.configHash,
    dataHash: run.market.dataHash,
    codeVersion,
    asOf: run.start,
    metadata: { strategy: run.strategyName, start: run.start, end: run.end },
  });
  return {
    path,
    log,
    finish: async (asOf) => {
      await log.finish({ asOf });
      await store.close();
    },
    fail: async (error) => {
      await log.fail(error);
      await store.close();
    },
  };
}

/**
 * The audit log of one run: a fresh SQLite event store in the run's folder
 * (a previous run of the same config and data is replaced, so the same run
 * always leaves the same log), the run started, finished or failed.
 *
 * @module
 */
import { dirname } from "node:path";
import { AuditLog } from "../audit/audit_log.ts";
import { SqliteEventStore } from "../audit/sqlite_store.ts";
import { InputError } from "../errors.ts";
import type { PreparedRun } from "./run_from_config.ts";

/** An open run audit: its log, and how to end it. */
export type RunAudit = {
  readonly path: string;
  readonly log: AuditLog;
  readonly finish: (asOf: string) => Promise<void>;
  readonly fail: (error: unknown) => Promise<void>;
};

/** Opens a fresh event store at `path` and starts the run's log. */
export async function openRunAudit(
  path: string,
  run: PreparedRun,
  codeVersion: string,
): Promise<RunAudit> {
  try {
    await Deno.mkdir(dirname(path), { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) {
      await Deno.remove(`${path}${suffix}`).catch((e) => {
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      });
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      throw new InputError(
        `cannot write ${
          dirname(path)
        }: this task may only write under its results folder (see its permission set in deno.json)`,
        { cause: error },
      );
    }
    throw error;
  }
  const store = SqliteEventStore.open(path);
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

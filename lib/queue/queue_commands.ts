/**
 * The queued side of `deno task sweep` (scripts/sweep.ts loads this module
 * only for `--queue` and `--status`): enqueuing a prepared sweep, and a
 * queued sweep's status and, once it is complete, its report.
 *
 * @module
 */
import { join } from "node:path";
import type { ExtraFlags } from "../config/flags.ts";
import { loadConfig } from "../config/load_config.ts";
import { connectionFromEnv, type DatabaseConnection } from "../db/connection.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { InputError } from "../errors.ts";
import { PostgresSweepStore } from "../research/postgres_sweep_store.ts";
import type { PreparedSweep } from "../research/run_sweep.ts";
import { SWEEP_NAME } from "../research/sweep_name.ts";
import { writeSweepOutputs } from "../research/sweep_outputs.ts";
import { type SweepSettings, sweepSettings } from "../research/sweep_settings.ts";
import { readEnv } from "../run/audit_target.ts";
import { type EnqueueCounts, enqueueSweep, type EnqueueTarget } from "./enqueue_sweep.ts";
import { JobQueue } from "./job_queue.ts";
import { QueuedSweeps } from "./queued_sweeps.ts";
import { jobOptionsOf, type QueueFlags } from "./queue_settings.ts";
import { statusLines, sweepStatus } from "./sweep_status.ts";

/** The database the environment names; an {@link InputError} naming `flag` when none is. */
export function queueConnection(flag: string): DatabaseConnection {
  const connection = connectionFromEnv(readEnv);
  if (connection === undefined) {
    throw new InputError(
      `${flag}: the job queue lives in PostgreSQL and no database is configured: set DATABASE_URL (or DB_HOST, DB_NAME, ...)`,
    );
  }
  return connection;
}

/** The PostgreSQL sweep store of a schema, its queued sweeps and its job queue, open together. */
export type QueueTarget = Omit<EnqueueTarget, "name">;

/**
 * Opens the store, the queued sweeps and the job queue of `schema` on the
 * database the environment names (an {@link InputError} naming `flag` when it
 * names none), runs `fn` with them and closes them.
 */
export async function withJobQueue<T>(
  flag: string,
  schema: string,
  fn: (target: QueueTarget) => Promise<T>,
): Promise<T> {
  const connection = queueConnection(flag);
  const db = openDatabase(connection);
  try {
    const store = await PostgresSweepStore.open(db, schema);
    const sweeps = await QueuedSweeps.open(db, store.schema);
    const queue = await JobQueue.open(connection, store.schema);
    try {
      return await fn({ store, sweeps, queue });
    } finally {
      await queue.close();
    }
  } finally {
    await db.close();
  }
}

/** `--queue`: stores the plan, enqueues the missing runs, prints what it did, returns. */
export async function enqueueCommand(
  prepared: PreparedSweep,
  settings: SweepSettings,
  flags: QueueFlags,
): Promise<void> {
  const options = jobOptionsOf(flags);
  await withJobQueue("--queue", settings.schema, async ({ store, sweeps, queue }) => {
    const counts = await enqueueSweep(
      prepared,
      { name: settings.name, store, sweeps, queue },
      options,
    );
    if (flags.json === true) {
      console.log(
        JSON.stringify({ name: settings.name, schema: store.schema, ...counts, options }),
      );
      return;
    }
    console.log(
      `sweep ${settings.name}: ${counts.planned} runs planned, ${
        enqueuedText(counts)
      } (${store.location}, jobs in ${queue.schema})`,
    );
    const schemaFlag = schemaFlagOf(store.schema);
    console.log(
      `workers: deno task worker${schemaFlag}; progress: deno task sweep --status ${settings.name}${schemaFlag}`,
    );
  });
}

/** What enqueuing did, after the runs planned: `0 stored, 9 enqueued now, 0 already queued...`. */
export function enqueuedText(counts: EnqueueCounts): string {
  return `${counts.stored} stored, ${counts.added} enqueued now, ${counts.queued} already queued` +
    (counts.putBack > 0 ? `, ${counts.putBack} failed runs put back` : "") +
    (counts.cancelled > 0 ? `, ${counts.cancelled} jobs of runs no longer planned cancelled` : "");
}

/** ` --schema NAME` for commands printed to the user, or nothing for the default schema. */
export function schemaFlagOf(schema: string): string {
  return schema === "sweep" ? "" : ` --schema ${schema}`;
}

/** `--status NAME [--json] [--report]`: a sweep's progress; its report once complete. */
export async function sweepStatusCommand(
  args: readonly string[],
  extra: ExtraFlags,
): Promise<void> {
  const loaded = await loadConfig({ args, env: readEnv, extra });
  const flags = loaded.extra;
  const name = String(flags.status);
  if (!SWEEP_NAME.test(name)) {
    throw new InputError(
      `--status: a sweep's name (lower-case letters, digits, '.', '_' or '-'), got ${
        JSON.stringify(name)
      }`,
    );
  }
  const connection = queueConnection("--status");
  const db = openDatabase(connection);
  try {
    await _status(db, name, flags, loaded.config.output.dir);
  } finally {
    await db.close();
  }
}

async function _status(db: Database, name: string, flags: QueueFlags, outputDir: string) {
  const schema = typeof flags.schema === "string" ? flags.schema : "sweep";
  const status = await sweepStatus(db, schema, name);
  if (flags.report !== true) {
    if (flags.json === true) console.log(JSON.stringify(status, null, 2));
    else for (const line of statusLines(status)) console.log(line);
    return;
  }
  if (!status.complete) {
    throw new InputError(
      `--report: sweep ${name} is not complete: ${status.done} of ${status.planned} runs stored ` +
        `(${status.running} running, ${status.waiting} waiting, ${status.failed} failed); ` +
        `see deno task sweep --status ${name}`,
    );
  }
  const store = await PostgresSweepStore.open(db, schema);
  const definition = await store.definition(name);
  if (definition === undefined) throw new InputError(`--report: sweep ${name} has no definition`);
  const settings = sweepSettings(
    flags,
    { path: `${name}.yaml`, parameters: {}, metric: definition.metric },
    1,
  );
  console.error(statusLines(status)[0]);
  await writeSweepOutputs(store, definition, join(outputDir, "sweeps", name), {
    metric: settings.metric,
    top: settings.top,
    json: flags.json === true,
  });
}

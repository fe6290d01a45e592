/**
 * `deno task sweep --status NAME`: a sweep's progress read from the
 * PostgreSQL sweep store and its job queue: runs planned and done (stored),
 * running, waiting, failed for good, retried, not queued at all; the recent
 * rate and the time left at that rate; the messages of the latest failures.
 *
 * Read with the sweep store's client (`postgres`), from pg-boss's job table
 * (`<schema>_queue.job`, which pg-boss documents for direct SQL: its
 * docs/sql/job-table.md), so a status needs no queue client.
 *
 * @module
 */
import { type Database, guardQuery } from "../db/database.ts";
import { InputError } from "../errors.ts";
import { checkSchemaName } from "../audit/postgres_schema.ts";
import { queueSchemaOf, RUNS_QUEUE } from "./job_queue.ts";

/** A sweep's progress; see the module doc. */
export type SweepStatus = {
  readonly name: string;
  readonly schema: string;
  readonly planned: number;
  /** Planned runs stored. */
  readonly done: number;
  /** Jobs running now (or held by a worker that died, until they expire). */
  readonly running: number;
  /** Jobs waiting for a worker (new, or to be retried). */
  readonly waiting: number;
  /** Jobs that failed for good, their runs not stored. */
  readonly failed: number;
  /** Jobs tried again, or waiting to be (a worker lost, a run failed or refused). */
  readonly retried: number;
  /** Planned runs neither stored nor in the queue (enqueue again to add them). */
  readonly notQueued: number;
  /** Runs stored per second lately (over the last 5 minutes of stores); null when unknown. */
  readonly runsPerSecond: number | null;
  /** Seconds left at that rate; null when unknown, 0 when done. */
  readonly secondsLeft: number | null;
  readonly complete: boolean;
  /** The latest failures' messages (at most 3, newest first). */
  readonly errors: readonly string[];
};

/**
 * What a status is read of: sweeps (the default), or the in-sample sweeps of
 * walk-forwards, stored under `walkforward.<name>`.
 */
export type StatusKind = {
  /** What the user names (`sweep`, `walk-forward`), for messages. */
  readonly noun: string;
  /** What the store's sweep name adds before the user's name. */
  readonly prefix: string;
};

/** The status of a sweep the user names as it is stored. */
export const SWEEP_KIND: StatusKind = { noun: "sweep", prefix: "" };

/**
 * Reads a sweep's status (`name` as the user gives it: the store's sweep is
 * `kind.prefix` + `name`); an {@link InputError} when the store holds no such sweep.
 */
export async function sweepStatus(
  db: Database,
  schema: string,
  name: string,
  kind: StatusKind = SWEEP_KIND,
): Promise<SweepStatus> {
  const sweep = kind.prefix + name;
  const s = checkSchemaName(schema);
  const q = queueSchemaOf(s);
  const sql = db.sql;
  const [found] = await guardQuery(
    db,
    "read the sweep",
    () =>
      sql`SELECT to_regclass(${`${s}.sweeps`}) IS NOT NULL AS store,
      to_regclass(${`${q}.job`}) IS NOT NULL AS queue`,
  );
  const known = found?.store
    ? await guardQuery(
      db,
      "read the sweeps",
      () => sql`SELECT name FROM ${sql(s)}.sweeps ORDER BY name`,
    )
    : [];
  if (!known.some((r) => r.name === sweep)) {
    const names = known.map((r) => String(r.name)).filter((n) => n.startsWith(kind.prefix))
      .map((n) => n.slice(kind.prefix.length));
    throw new InputError(
      `--status: no ${kind.noun} named ${name} in schema ${s} of ${db.connection}` +
        (names.length > 0
          ? ` (${kind.noun}s there: ${names.slice(0, 10).join(", ")})`
          : " (it holds none)"),
    );
  }
  const [progress] = await guardQuery(db, "count the runs", () =>
    sql`SELECT
      (SELECT count(*) FROM ${sql(s)}.sweep_plan WHERE sweep = ${sweep})::int AS planned,
      (SELECT count(*) FROM ${sql(s)}.sweep_plan p JOIN ${sql(s)}.sweep_runs r
        ON r.sweep = p.sweep AND r.config_hash = p.config_hash WHERE p.sweep = ${sweep})::int AS done,
      (SELECT json_build_object('n', count(*), 'first', extract(epoch FROM min(finished_at)),
        'last', extract(epoch FROM max(finished_at))) FROM ${sql(s)}.sweep_runs
        WHERE sweep = ${sweep} AND finished_at > now() - interval '5 minutes') AS recent`);
  const planned = Number(progress?.planned ?? 0), done = Number(progress?.done ?? 0);
  const jobs = { running: 0, waiting: 0, failed: 0, retried: 0, queued: 0 };
  let errors: string[] = [];
  if (found?.queue) {
    // Jobs of runs that are stored count for nothing (a job may outlive its stored run).
    const rows = await guardQuery(
      db,
      "count the jobs",
      () =>
        sql`SELECT j.state::text AS state, count(*)::int AS n
        FROM ${sql(q)}.job j JOIN ${sql(s)}.sweep_plan p
          ON p.sweep = ${sweep} AND p.config_hash = j.data->>'configHash'
        LEFT JOIN ${sql(s)}.sweep_runs r ON r.sweep = p.sweep AND r.config_hash = p.config_hash
        WHERE j.name = ${RUNS_QUEUE} AND j.data->>'sweep' = ${sweep} AND r.config_hash IS NULL
        GROUP BY j.state`,
    );
    for (const row of rows) {
      const n = Number(row.n);
      if (row.state === "active") jobs.running += n;
      else if (row.state === "created" || row.state === "retry") jobs.waiting += n;
      else if (row.state === "failed") jobs.failed += n;
      if (row.state !== "completed" && row.state !== "cancelled") jobs.queued += n;
    }
    const [retried] = await guardQuery(
      db,
      "count the retried jobs",
      () =>
        sql`SELECT count(*)::int AS n FROM ${sql(q)}.job WHERE name = ${RUNS_QUEUE}
        AND data->>'sweep' = ${sweep} AND (retry_count > 0 OR state = 'retry')`,
    );
    jobs.retried = Number(retried?.n ?? 0);
    const failures = await guardQuery(
      db,
      "read the failures",
      () =>
        sql`SELECT output->>'message' AS message FROM ${sql(q)}.job WHERE name = ${RUNS_QUEUE}
        AND data->>'sweep' = ${sweep} AND output->>'message' IS NOT NULL
        AND state IN ('failed', 'retry') ORDER BY completed_on DESC NULLS LAST LIMIT 3`,
    );
    errors = failures.map((r) => String(r.message).split("\n")[0] as string);
  }
  const recent = progress?.recent as { n: number; first: number | null; last: number | null };
  const span = (recent?.last ?? 0) - (recent?.first ?? 0);
  const rate = recent && recent.n >= 2 && span > 0 ? (recent.n - 1) / span : null;
  const left = planned - done;
  return {
    name,
    schema: s,
    planned,
    done,
    running: jobs.running,
    waiting: jobs.waiting,
    failed: jobs.failed,
    retried: jobs.retried,
    notQueued: Math.max(0, left - jobs.queued),
    runsPerSecond: rate,
    secondsLeft: left === 0 ? 0 : rate === null ? null : left / rate,
    complete: left === 0,
    errors,
  };
}

/** How {@link statusLines} names what it reports on and the commands it suggests. */
export type StatusWording = {
  /** What the first line starts with (`sweep demo`). */
  readonly title: string;
  /** What the counted runs are (`runs`, `in-sample runs`). */
  readonly runs: string;
  /** The line once every run is stored. */
  readonly complete: string;
  /** The command that enqueues the missing runs again. */
  readonly enqueue: string;
};

/** The wording of a sweep's status (`deno task sweep --status NAME`). */
export function sweepWording(name: string): StatusWording {
  return {
    title: `sweep ${name}`,
    runs: "runs",
    complete:
      `complete: deno task sweep --status ${name} --report writes its ranked table and page`,
    enqueue: "deno task sweep --grid FILE --queue",
  };
}

/**
 * The status as lines for a terminal, worded for a sweep unless told otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { statusLines } from "./sweep_status.ts";
 *
 * const lines = statusLines({
 *   name: "demo", schema: "sweep", planned: 10, done: 4, running: 2, waiting: 4, failed: 0,
 *   retried: 1, notQueued: 0, runsPerSecond: 2, secondsLeft: 3, complete: false, errors: [],
 * });
 * assert.equal(lines[0], "sweep demo (schema sweep): 4 of 10 runs done, 2 running, 4 waiting, 0 failed, 1 retried");
 * assert.equal(lines[1], "2.00 runs/s lately, about 3 s left");
 * ```
 */
export function statusLines(
  status: SweepStatus,
  wording: StatusWording = sweepWording(status.name),
): string[] {
  const lines = [
    `${wording.title} (schema ${status.schema}): ${status.done} of ${status.planned} ${wording.runs} done, ` +
    `${status.running} running, ${status.waiting} waiting, ${status.failed} failed, ${status.retried} retried`,
  ];
  if (status.complete) {
    lines.push(wording.complete);
  } else {
    lines.push(
      status.runsPerSecond === null
        ? "no run stored in the last 5 minutes: is a worker running? (deno task worker)"
        : `${status.runsPerSecond.toFixed(2)} runs/s lately, about ${
          _duration(status.secondsLeft ?? 0)
        } left`,
    );
  }
  if (status.notQueued > 0) {
    lines.push(
      `${status.notQueued} planned runs are neither stored nor queued: enqueue again (${wording.enqueue})`,
    );
  }
  if (status.failed > 0) {
    lines.push(
      `${status.failed} runs failed for good: enqueuing again puts them back (${wording.enqueue})`,
    );
  }
  for (const error of status.errors) lines.push(`latest failure: ${error}`);
  return lines;
}

function _duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

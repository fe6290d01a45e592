/**
 * The queued side of `deno task walkforward` (scripts/walkforward.ts loads
 * this module only for `--queue`, `--status` and `--postgres`): a walk-forward
 * whose in-sample runs go to the job queue for `deno task worker`, its
 * progress, and the check that finishing it locally does not run what the
 * workers still hold.
 *
 * The in-sample phase of a walk-forward is an ordinary sweep plan
 * (lib/research/walk_forward_plan.ts), stored as the sweep
 * `walkforward.<name>`; each run's parameters carry its span's `run.start`
 * and `run.end`, so a worker rebuilds its config from the queued layers and
 * the job's parameters exactly as for any sweep, and checks it against the
 * job's config hash (lib/queue/queue_worker.ts). Enqueuing is the sweep's
 * (lib/queue/enqueue_sweep.ts): the same job layout, data hash and code
 * version checks, and job ids fixed by the schema, the sweep and the config
 * hash. Once the workers have stored every in-sample run, the walk-forward
 * command run again with `--postgres` finds them all stored, runs only the
 * few out-of-sample pieces, and writes its outputs.
 *
 * Design decision: finishing is the walk-forward command itself, not a
 * `--status --report` that rebuilds the walk-forward from the store: the
 * windows are cut from the calendar of the data the command reads, and the
 * pieces run here, so the command that planned the runs is the one that can
 * judge them; the enqueuing command prints it.
 *
 * @module
 */
import type { ExtraFlags } from "../config/flags.ts";
import { loadConfig } from "../config/load_config.ts";
import { type Database, guardQuery, openDatabase } from "../db/database.ts";
import { InputError } from "../errors.ts";
import type { PreparedWalkForward } from "../research/prepare_walk_forward.ts";
import { SWEEP_NAME } from "../research/sweep_name.ts";
import type { SweepStore } from "../research/sweep_store.ts";
import { spanOfRun } from "../research/walk_forward_plan.ts";
import {
  WALK_FORWARD_STORE_PREFIX,
  type WalkForwardSettings,
} from "../research/walk_forward_settings.ts";
import { checkSchemaName } from "../audit/postgres_schema.ts";
import { readEnv } from "../run/audit_target.ts";
import { enqueueSweep } from "./enqueue_sweep.ts";
import { queueSchemaOf, RUNS_QUEUE } from "./job_queue.ts";
import { enqueuedText, queueConnection, schemaFlagOf, withJobQueue } from "./queue_commands.ts";
import { jobOptionsOf, type QueueFlags } from "./queue_settings.ts";
import { jobIdOf } from "./run_job.ts";
import { statusLines, type StatusWording, sweepStatus } from "./sweep_status.ts";

/** Flags of the enqueuing command that the finishing command does not take. */
const QUEUE_ONLY_FLAGS = new Set(["queue", "expire", "heartbeat", "retries", "json"]);
const QUEUE_ONLY_STRINGS = new Set(["expire", "heartbeat", "retries"]);

/**
 * The command that finishes a queued walk-forward: the enqueuing command's
 * arguments without `--queue` and the job options (`--expire`, `--heartbeat`,
 * `--retries`) or `--json`, with `--postgres`, quoted for a POSIX shell.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { finishCommand } from "./queued_walk_forward.ts";
 *
 * assert.equal(
 *   finishCommand(["--grid", "my grid.yaml", "--train", "2y", "--queue", "--expire=60", "--retries", "1"]),
 *   "deno task walkforward --grid 'my grid.yaml' --train 2y --postgres",
 * );
 * assert.equal(
 *   finishCommand(["--grid", "g.yaml", "--postgres", "--queue"]),
 *   "deno task walkforward --grid g.yaml --postgres",
 * );
 * ```
 */
export function finishCommand(args: readonly string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const flag = /^--(?:no-)?([a-z0-9-]+)(=.*)?$/.exec(arg);
    if (flag && QUEUE_ONLY_FLAGS.has(flag[1] as string)) {
      if (QUEUE_ONLY_STRINGS.has(flag[1] as string) && flag[2] === undefined) i++;
      continue;
    }
    kept.push(arg);
  }
  if (!kept.includes("--postgres")) kept.push("--postgres");
  return ["deno task walkforward", ...kept.map(_quoted)].join(" ");
}

function _quoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'"'"'`)}'`;
}

/**
 * `--queue`: stores the in-sample plan, enqueues its missing runs for `deno
 * task worker`, prints how to follow and finish it, returns. `args` are the
 * command's own, from which the finishing command is made.
 */
export async function enqueueWalkForwardCommand(
  prepared: PreparedWalkForward,
  settings: WalkForwardSettings,
  flags: QueueFlags,
  args: readonly string[],
): Promise<void> {
  const options = jobOptionsOf(flags);
  const { windows, trials } = prepared.plan;
  const finish = finishCommand(args);
  await withJobQueue("--queue", settings.schema, async ({ store, sweeps, queue }) => {
    const counts = await enqueueSweep(
      prepared.sweep,
      { name: settings.storeName, store, sweeps, queue },
      options,
    );
    if (flags.json === true) {
      console.log(JSON.stringify({
        name: settings.name,
        sweep: settings.storeName,
        schema: store.schema,
        windows: windows.length,
        trials,
        ...counts,
        options,
        finish,
      }));
      return;
    }
    const schemaFlag = schemaFlagOf(store.schema);
    console.log(
      `walk-forward ${settings.name}: ${windows.length} windows x ${trials} configurations, and the whole period: ` +
        `${counts.planned} in-sample runs planned, ${enqueuedText(counts)} ` +
        `(${store.location}, sweep ${settings.storeName}, jobs in ${queue.schema})`,
    );
    console.log(
      `workers: deno task worker${schemaFlag}; progress: deno task walkforward --status ${settings.name}${schemaFlag}`,
    );
    console.log(
      `once every in-sample run is stored: ${finish}  (runs the windows' winners and writes results/walkforward/${settings.name}/)`,
    );
  });
}

/** The wording of a walk-forward's status. */
export function walkForwardWording(name: string): StatusWording {
  return {
    title: `walk-forward ${name}`,
    runs: "in-sample runs",
    complete:
      `complete: the command that queued it, with --postgres in place of --queue, runs the windows' winners and writes results/walkforward/${name}/`,
    enqueue: "deno task walkforward --grid FILE ... --queue",
  };
}

/** `--status NAME [--schema S] [--json]`: the progress of a queued walk-forward's in-sample runs. */
export async function walkForwardStatusCommand(
  args: readonly string[],
  extra: ExtraFlags,
): Promise<void> {
  const loaded = await loadConfig({ args, env: readEnv, extra });
  const flags = loaded.extra;
  const name = String(flags.status);
  if (!SWEEP_NAME.test(name)) {
    throw new InputError(
      `--status: a walk-forward's name (lower-case letters, digits, '.', '_' or '-'), got ${
        JSON.stringify(name)
      }`,
    );
  }
  const schema = typeof flags.schema === "string" ? flags.schema : "sweep";
  const db = openDatabase(queueConnection("--status"));
  try {
    const status = await sweepStatus(db, schema, name, {
      noun: "walk-forward",
      prefix: WALK_FORWARD_STORE_PREFIX,
    });
    if (flags.json === true) console.log(JSON.stringify(status, null, 2));
    else for (const line of statusLines(status, walkForwardWording(name))) console.log(line);
  } finally {
    await db.close();
  }
}

/** The missing in-sample runs that a job of the queue still holds (waiting or running). */
export type QueuedRuns = {
  /** Planned in-sample runs not stored. */
  readonly missing: number;
  readonly running: number;
  readonly waiting: number;
  /** Per span with a queued run: its label (`window 1`, `the whole period`) and its counts. */
  readonly spans: readonly { readonly label: string; readonly queued: number }[];
};

/**
 * The in-sample runs of `prepared` that `store` lacks and whose jobs are
 * waiting or running in the queue beside it (nothing when the walk-forward
 * was never queued).
 */
export async function queuedRuns(
  db: Database,
  prepared: PreparedWalkForward,
  store: SweepStore & { readonly schema: string },
  sweep: string,
): Promise<QueuedRuns> {
  const { plan } = prepared;
  const stored = await store.storedHashes(sweep);
  const missing = plan.sweep.runs.filter((r) => !stored.has(r.configHash));
  const none = { missing: missing.length, running: 0, waiting: 0, spans: [] };
  if (missing.length === 0) return none;
  const q = queueSchemaOf(checkSchemaName(store.schema));
  const sql = db.sql;
  const [found] = await guardQuery(
    db,
    "look for the job queue",
    () => sql`SELECT to_regclass(${`${q}.job`}) IS NOT NULL AS queue`,
  );
  if (!found?.queue) return none;
  const ids = missing.map((r) => jobIdOf(store.schema, sweep, r.configHash));
  const rows = await guardQuery(
    db,
    "read the jobs",
    () =>
      sql`SELECT id::text AS id, state::text AS state FROM ${sql(q)}.job
      WHERE name = ${RUNS_QUEUE} AND id = ANY(${ids}::uuid[])
      AND state IN ('created', 'retry', 'active')`,
  );
  const states = new Map(rows.map((r) => [String(r.id), String(r.state)]));
  const perSpan = new Map<number, number>();
  let running = 0, waiting = 0;
  for (const [i, run] of missing.entries()) {
    const state = states.get(ids[i] as string);
    if (state === undefined) continue;
    if (state === "active") running++;
    else waiting++;
    const span = spanOfRun(plan, run.position);
    perSpan.set(span, (perSpan.get(span) ?? 0) + 1);
  }
  const spans = [...perSpan.entries()].sort(([a], [b]) => a - b).map(([span, queued]) => ({
    label: span === plan.windows.length ? "the whole period" : `window ${span}`,
    queued,
  }));
  return { missing: missing.length, running, waiting, spans };
}

/**
 * Refuses, with one line saying which runs are still missing, to finish a
 * walk-forward whose in-sample runs are still queued for workers: running them
 * here too would do their work twice (a run is stored once whatever happens,
 * so nothing would be wrong, only slow). Runs that are missing with no job
 * waiting or running (never queued, or failed for good) are run here as usual.
 */
export async function refuseWhileQueued(
  prepared: PreparedWalkForward,
  settings: WalkForwardSettings,
  store: SweepStore,
): Promise<void> {
  if (store.kind !== "postgres") return;
  const db = openDatabase(queueConnection("--postgres"), { maxConnections: 1 });
  try {
    const found = await queuedRuns(
      db,
      prepared,
      store as SweepStore & { readonly schema: string },
      settings.storeName,
    );
    const queued = found.running + found.waiting;
    if (queued === 0) return;
    const { trials } = prepared.plan;
    const schemaFlag = schemaFlagOf(settings.schema);
    throw new InputError(
      `walk-forward ${settings.name}: ${queued} of ${prepared.plan.sweep.runs.length} in-sample runs are still queued ` +
        `for workers (${found.running} running, ${found.waiting} waiting): ${
          found.spans.map((s) => `${s.label} (${s.queued} of ${trials})`).join(", ")
        }; wait for the workers (deno task walkforward --status ${settings.name}${schemaFlag}) ` +
        `or start one (deno task worker${schemaFlag}), then run this again`,
    );
  } finally {
    await db.close();
  }
}

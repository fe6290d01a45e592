/**
 * `deno task worker`: runs queued sweep runs (`deno task sweep --grid FILE
 * --queue`, or a walk-forward's in-sample runs: `deno task walkforward --grid
 * FILE --queue`) from the job queue in PostgreSQL, storing each in the PostgreSQL
 * sweep store, until stopped: Ctrl-C or SIGTERM (the runs held finish and are
 * stored first), `--max-jobs N`, `--idle-exit SECONDS`, or `--once`. Start any
 * number, on any machine with the same code version and price store,
 * pointing at the same DATABASE_URL. See lib/queue/queue_worker.ts.
 *
 * Exit 0 when stopped, 1 when a run failed, 2 on a bad flag, a database that
 * cannot be reached, or a job refused (other code or other prices).
 *
 * @module
 */
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { openDatabase } from "../lib/db/database.ts";
import { InputError } from "../lib/errors.ts";
import { PostgresSweepStore } from "../lib/research/postgres_sweep_store.ts";
import { codeVersion } from "../lib/run/code_version.ts";
import { JobQueue } from "../lib/queue/job_queue.ts";
import { queueConnection } from "../lib/queue/queue_commands.ts";
import { QueuedSweeps } from "../lib/queue/queued_sweeps.ts";
import { workerSettingsOf } from "../lib/queue/queue_settings.ts";
import { runQueueWorker } from "../lib/queue/queue_worker.ts";

/** Printed by `--help`. */
export const USAGE =
  `deno task worker [--schema NAME] [--threads N] [--once | --idle-exit SECONDS] [--max-jobs N] [--json]

Takes the runs of queued sweeps (deno task sweep --grid FILE --queue) and walk-forwards' in-sample
runs (deno task walkforward --grid FILE --queue) from the job queue in PostgreSQL, runs them on
the prices of this checkout's price store, and stores each result in the PostgreSQL sweep store;
runs until Ctrl-C or SIGTERM (the runs it holds finish first).

  --schema NAME        the sweep store's schema (default sweep; the jobs are in NAME_queue)
  --threads N          runs at once in this process, on threads sharing the prices (default 1)
  --once               stop as soon as no job is ready (jobs held by a lost worker come back later)
  --idle-exit SECONDS  stop after SECONDS with no job ready and none running
  --max-jobs N         stop after taking N jobs
  --poll SECONDS       seconds between looks at an empty queue (default 1)
  --json               print the summary as JSON on stdout
  --help               this help

Connection: DATABASE_URL=postgres://user:password@host:5432/database, or DB_HOST, DB_PORT,
DB_NAME, DB_USER, DB_PASSWORD. The task reaches 127.0.0.1:5432 and localhost:5432; for a
database on another machine run
  deno run -P=worker --allow-net=HOST:5432 scripts/worker.ts`;

const FLAGS = {
  schema: { type: "string" },
  threads: { type: "string" },
  once: { type: "boolean" },
  "idle-exit": { type: "string" },
  "max-jobs": { type: "string" },
  poll: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

await runScript(async () => {
  const { values } = parseFlags(Deno.args, FLAGS);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const settings = workerSettingsOf(values);
  const connection = queueConnection("deno task worker");
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) Deno.exit(130);
    console.error("worker: stopping: the runs held finish first (again to stop at once)");
    stop.abort();
  };
  Deno.addSignalListener("SIGINT", onSignal);
  Deno.addSignalListener("SIGTERM", onSignal);
  const db = openDatabase(connection, { maxConnections: 2 });
  let failed = 0;
  try {
    const store = await PostgresSweepStore.open(db, settings.schema);
    const sweeps = await QueuedSweeps.open(db, store.schema);
    const queue = await JobQueue.open(connection, store.schema, { supervise: true });
    let summary;
    try {
      console.error(
        `worker: taking runs from ${queue.schema} (${store.location}), ${settings.threads} ${
          settings.threads === 1 ? "thread" : "threads"
        }`,
      );
      summary = await runQueueWorker({ queue, store, sweeps, codeVersion: await codeVersion() }, {
        threads: settings.threads,
        maxJobs: settings.maxJobs,
        idleExitSeconds: settings.idleExitSeconds,
        pollSeconds: settings.pollSeconds,
        signal: stop.signal,
      });
    } finally {
      await queue.close();
    }
    if (settings.json) console.log(JSON.stringify(summary));
    console.error(
      `worker: ${summary.stored} runs stored` +
        (summary.alreadyStored > 0
          ? `, ${summary.alreadyStored} stored already by another attempt`
          : "") +
        `, ${summary.failed} failed, of ${summary.taken} jobs taken in ${
          summary.seconds.toFixed(1)
        } s` +
        (summary.sweeps.length > 0 ? ` (sweeps ${summary.sweeps.join(", ")})` : ""),
    );
    if (summary.refused !== undefined) throw new InputError(summary.refused);
    failed = summary.failed;
  } finally {
    await db.close();
    Deno.removeSignalListener("SIGINT", onSignal);
    Deno.removeSignalListener("SIGTERM", onSignal);
  }
  if (failed > 0) {
    console.error(
      `worker: ${failed} runs failed (their jobs are retried): deno task sweep --status NAME`,
    );
    Deno.exit(1);
  }
});

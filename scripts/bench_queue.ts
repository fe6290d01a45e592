/**
 * Benchmark of queued sweeps (issue 10, part 5): the regime-aware strategy on
 * the fixtures over a random sample of scripts/bench_sweep.ts's sizing and
 * protection grid, enqueued with `deno task sweep --queue` and run by 1, then
 * 2, `deno task worker --once` processes (whole processes, start-up and
 * price loading included), beside the same grid swept locally on 2 worker
 * threads; and the queue's own cost per job, measured apart from any run:
 * taking a job and marking it done (pg-boss `fetch` and `complete`, one job at
 * a time and four at a time as a worker can take them), a heartbeat, enqueuing.
 * Goal: under 5 ms of queue machinery a job.
 *
 * Needs DATABASE_URL (skips with a message otherwise). Works in scratch
 * schemas `bench_queue_*`, dropped at the end. The parts that reach the
 * database run as child processes under their tasks' permission sets
 * (`sweep`, `worker`), so the bench set needs no network.
 *
 * Usage: deno run -P=bench scripts/bench_queue.ts [--runs N] [--jobs N] [--json]
 *
 * @module
 */
import { join } from "node:path";
import { parseFlags } from "../lib/cli/args.ts";
import { runScript } from "../lib/cli/run_script.ts";
import { connectionFromEnv } from "../lib/db/connection.ts";
import { InputError } from "../lib/errors.ts";
import { BENCH_GRID } from "./bench_sweep.ts";

const USAGE = `Usage: deno run -P=bench scripts/bench_queue.ts [--runs N] [--jobs N] [--json]

Queued sweeps on the fixtures (needs DATABASE_URL): N runs (default 100) of the sizing and
protection grid through deno task sweep --queue and 1, then 2, deno task worker processes, beside
a local sweep on 2 threads; and the queue's cost per job apart from the run (--jobs, default 300).

  --runs N     runs of each sweep (default 100)
  --jobs N     jobs of the queue-cost probe (default 300)
  --json       one JSON object instead of the lines
  --help, -h   this help`;

const FLAGS = {
  runs: { type: "string" },
  jobs: { type: "string" },
  json: { type: "boolean" },
  probe: { type: "string" },
  drop: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The queue's cost per job, in milliseconds (wall time of the calls). */
export type QueueCost = {
  readonly jobs: number;
  /** Enqueuing, per job (batches of 500). */
  readonly enqueueMs: number;
  /** Taking one job and marking it done, one at a time. */
  readonly takeCompleteMs: number;
  /** The same, four taken in one call and marked done in one (as a worker with one thread can). */
  readonly takeCompleteBatch4Ms: number;
  /** One heartbeat of four held jobs. */
  readonly heartbeatMs: number;
  /** A bare `SELECT 1` round trip (npm postgres), the machine's floor for any query. */
  readonly roundTripMs: number;
};

await runScript(async () => {
  const { values } = parseFlags(Deno.args, FLAGS);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = (v: string | undefined, flag: string, fallback: number) => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 2) throw new InputError(`${flag}: a whole number >= 2`);
    return n;
  };
  const jobs = count(values.jobs, "--jobs", 300);
  if (values.probe !== undefined) return await probe(values.probe, jobs);
  if (values.drop !== undefined) return await drop(values.drop);
  if (connectionFromEnv((name) => Deno.env.get(name)) === undefined) {
    console.log("bench_queue: skipped: set DATABASE_URL (a PostgreSQL the bench may use)");
    return;
  }
  const runs = count(values.runs, "--runs", 100);
  const schema = `bench_queue_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const dir = "results/bench";
  await Deno.mkdir(dir, { recursive: true });
  const grid = join(dir, "queue_grid.json");
  await Deno.writeTextFile(
    grid,
    JSON.stringify({ parameters: BENCH_GRID, random: { count: runs, seed: 11 } }),
  );
  try {
    const cost = JSON.parse(
      (await child("worker", ["scripts/bench_queue.ts", "--probe", schema, "--jobs", String(jobs)]))
        .stdout,
    ) as QueueCost;
    const local = await child("sweep", [
      "scripts/sweep.ts",
      "--grid",
      grid,
      "--name",
      `${schema}-local`,
      "--workers",
      "2",
      "--results-dir",
      dir,
      "--json",
    ]);
    const queued = [];
    for (const workers of [1, 2]) {
      const name = `bench-${workers}`;
      const enqueue = await child("sweep", [
        "scripts/sweep.ts",
        "--grid",
        grid,
        "--name",
        name,
        "--schema",
        schema,
        "--queue",
        "--results-dir",
        dir,
        "--json",
      ]);
      const started = performance.now();
      const ends = await Promise.all(
        Array.from(
          { length: workers },
          () => child("worker", ["scripts/worker.ts", "--schema", schema, "--once", "--json"]),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const summaries = ends.map((e) => JSON.parse(e.stdout));
      const taken = summaries.reduce((a, s) => a + s.taken, 0);
      const stored = summaries.reduce((a, s) => a + s.stored, 0);
      if (stored !== runs) throw new Error(`${name}: ${stored} of ${runs} runs stored`);
      queued.push({
        workers,
        enqueueSeconds: enqueue.seconds,
        seconds,
        runsPerSecond: runs / seconds,
        queueMsPerJob: summaries.reduce((a, s) => a + s.queueMs, 0) / taken,
      });
    }
    const result = {
      runs,
      cost,
      local: { workers: 2, seconds: local.seconds, runsPerSecond: runs / local.seconds },
      queued,
    };
    if (values.json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      `queue cost a job (${jobs} jobs, no run): take + complete ${
        cost.takeCompleteMs.toFixed(2)
      } ms one at a time, ${cost.takeCompleteBatch4Ms.toFixed(2)} ms four at a time; ` +
        `heartbeat ${cost.heartbeatMs.toFixed(2)} ms; enqueue ${cost.enqueueMs.toFixed(3)} ms ` +
        `(a bare SELECT 1 round trip: ${cost.roundTripMs.toFixed(2)} ms)`,
    );
    console.log(
      `local sweep, ${runs} runs on 2 threads: ${local.seconds.toFixed(1)} s (${
        result.local.runsPerSecond.toFixed(1)
      } runs/s, whole process)`,
    );
    for (const q of queued) {
      console.log(
        `queued, ${q.workers} worker ${q.workers === 1 ? "process" : "processes"}: ${
          q.seconds.toFixed(1)
        } s (${q.runsPerSecond.toFixed(1)} runs/s, start-up included; enqueue ${
          q.enqueueSeconds.toFixed(1)
        } s); a job's share of the worker's queue calls (heartbeats included, overlapping ` +
          `the runs on the threads): ${q.queueMsPerJob.toFixed(1)} ms`,
      );
    }
  } finally {
    await child("worker", ["scripts/bench_queue.ts", "--drop", schema]).catch((error) =>
      console.error(`bench_queue: could not drop ${schema}: ${error.message}`)
    );
    await Deno.remove(join(dir, "sweeps", `${schema}-local`), { recursive: true }).catch(() => {});
  }
});

/** Runs a script under a task's permission set; its stdout and wall seconds. */
async function child(set: string, args: readonly string[]) {
  const started = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", `-P=${set}`, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - started) / 1000;
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  if (out.code !== 0) throw new Error(`${args.join(" ")} exited ${out.code}: ${text(out.stderr)}`);
  return { stdout: text(out.stdout), seconds };
}

/** The queue-cost probe (run under the worker set): prints a {@link QueueCost}. */
async function probe(schema: string, jobs: number): Promise<void> {
  const { JobQueue, DEFAULT_JOB_OPTIONS } = await import("../lib/queue/job_queue.ts");
  const { jobIdOf } = await import("../lib/queue/run_job.ts");
  const { queueConnection } = await import("../lib/queue/queue_commands.ts");
  const queue = await JobQueue.open(queueConnection("bench_queue"), schema);
  try {
    const fresh = (round: string) =>
      Array.from({ length: jobs }, (_, i) => ({
        id: jobIdOf(schema, round, String(i)),
        data: {
          v: 1,
          sweep: round,
          position: i,
          configHash: String(i),
          params: { "sizing.minScore": 0.6 },
          dataHash: "0".repeat(64),
          codeVersion: "bench",
        },
      }));
    let t = performance.now();
    await queue.enqueue(fresh("one"), DEFAULT_JOB_OPTIONS);
    const enqueueMs = (performance.now() - t) / jobs;
    t = performance.now();
    for (let i = 0; i < jobs; i++) {
      const [job] = await queue.take(1);
      if (job) await queue.complete([job]);
    }
    const takeCompleteMs = (performance.now() - t) / jobs;
    await queue.enqueue(fresh("two"), DEFAULT_JOB_OPTIONS);
    let beats = 0, beatMs = 0;
    t = performance.now();
    for (let i = 0; i < jobs; i += 4) {
      const held = await queue.take(4);
      if (i % 40 === 0) {
        const b = performance.now();
        await queue.touch(held);
        beatMs += performance.now() - b;
        beats++;
      }
      await queue.complete(held);
    }
    const batchMs = (performance.now() - t - beatMs) / jobs;
    const { openDatabase } = await import("../lib/db/database.ts");
    const db = openDatabase(queueConnection("bench_queue"), { maxConnections: 1 });
    await db.sql`SELECT 1`;
    t = performance.now();
    for (let i = 0; i < jobs; i++) await db.sql`SELECT 1`;
    const roundTripMs = (performance.now() - t) / jobs;
    await db.close();
    const cost: QueueCost = {
      jobs,
      roundTripMs,
      enqueueMs,
      takeCompleteMs,
      takeCompleteBatch4Ms: batchMs,
      heartbeatMs: beatMs / beats,
    };
    console.log(JSON.stringify(cost));
  } finally {
    await queue.close();
  }
}

/** Drops a scratch store schema and its queue's (run under the worker set). */
async function drop(schema: string): Promise<void> {
  if (!/^bench_queue_[0-9a-f]{12}$/.test(schema)) {
    throw new InputError(`--drop: not a bench schema`);
  }
  const { openDatabase } = await import("../lib/db/database.ts");
  const { queueConnection } = await import("../lib/queue/queue_commands.ts");
  const db = openDatabase(queueConnection("bench_queue"));
  try {
    for (const s of [schema, `${schema}_queue`]) {
      await db.sql`DROP SCHEMA IF EXISTS ${db.sql(s)} CASCADE`;
    }
  } finally {
    await db.close();
  }
}

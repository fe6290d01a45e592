/**
 * Queued sweeps against a real PostgreSQL, through the tasks as a user runs
 * them: `deno task sweep --queue` enqueues (again: nothing twice), several
 * `deno task worker` processes take the runs, one is killed with SIGKILL
 * while it holds jobs, its jobs come back after their heartbeat timeout and
 * are run by the others, the sweep completes with every run stored once and
 * equal to the single-machine sweep's; a worker whose prices differ refuses
 * with both hashes; a database that is down gets one clear message, exit 2.
 * Skips with a message without DATABASE_URL, except in CI.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../lib/db/database.ts";
import { REPO, resultsScratch, runTask } from "./_task.ts";
import {
  closedPort,
  requireConnection,
  scratchSchemaName,
  SKIP_DB_TESTS,
  TEST_CONNECTION,
} from "./db_scratch.ts";

const DATABASE_URL = TEST_CONNECTION
  ? `postgres://${encodeURIComponent(TEST_CONNECTION.user)}:${
    encodeURIComponent(TEST_CONNECTION.revealPassword())
  }@${TEST_CONNECTION.host}:${TEST_CONNECTION.port}/${encodeURIComponent(TEST_CONNECTION.database)}`
  : "";
const ENV = { DATABASE_URL };

/** A scratch store schema (and its queue's), dropped after `fn`. */
async function withSchemas(fn: (schema: string) => Promise<void>): Promise<void> {
  const schema = scratchSchemaName();
  const admin = openDatabase(requireConnection(), { maxConnections: 1 });
  try {
    await fn(schema);
  } finally {
    for (const s of [schema, `${schema}_queue`]) {
      await admin.sql`DROP SCHEMA IF EXISTS ${admin.sql(s)} CASCADE`;
    }
    await admin.close();
  }
}

/** A worker process with its stderr read line by line. */
function startWorker(args: readonly string[]) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "-P=worker", join(REPO, "scripts", "worker.ts"), ...args],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", ...ENV },
  }).spawn();
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: () => void }[] = [];
  const read = (async () => {
    let rest = "";
    const take = (line: string) => {
      lines.push(line);
      for (const w of waiters.filter((w) => w.match.test(line))) w.resolve();
    };
    for await (const text of child.stderr.pipeThrough(new TextDecoderStream())) {
      const parts = (rest + text).split("\n");
      rest = parts.pop() ?? "";
      parts.forEach(take);
    }
    if (rest !== "") take(rest);
  })();
  const stdout = new Response(child.stdout).text();
  return {
    child,
    lines,
    /** Resolves when a line matches (or at once when one did). */
    seen(match: RegExp): Promise<void> {
      if (lines.some((l) => match.test(l))) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    async end() {
      const status = await child.status;
      await read;
      return { status, stdout: await stdout, stderr: lines.join("\n") };
    },
  };
}

async function status(schema: string, name: string) {
  const run = await runTask(
    "sweep",
    "sweep",
    ["--status", name, "--schema", schema, "--json"],
    ENV,
  );
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout);
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${seconds} s waiting for ${what}`);
}

Deno.test({
  name:
    "queued sweep: several workers, one killed with SIGKILL holding jobs; its jobs come back after the heartbeat timeout, every run stored once, equal to the local sweep's",
  ignore: SKIP_DB_TESTS,
  sanitizeResources: false,
  async fn() {
    const { dir, cleanup } = await resultsScratch("queue");
    try {
      await withSchemas(async (schema) => {
        const grid = join(dir, "grid.yaml");
        await Deno.writeTextFile(
          join(REPO, grid),
          "base: { run: { start: 2020-01-02 } }\nparameters:\n" +
            "  sizing.minScore: [0.55, 0.6, 0.65, 0.7]\n  protection.graceDays: [2, 3]\n",
        );
        const enqueue = (extra: string[] = []) =>
          runTask("sweep", "sweep", [
            "--grid",
            grid,
            "--name",
            "queued",
            "--schema",
            schema,
            "--queue",
            "--heartbeat",
            "10",
            "--results-dir",
            dir,
            "--json",
            ...extra,
          ], ENV);
        const first = await enqueue();
        assert.equal(first.code, 0, first.stderr);
        assert.deepEqual(
          { ...JSON.parse(first.stdout), options: undefined },
          {
            name: "queued",
            schema,
            planned: 8,
            stored: 0,
            added: 8,
            queued: 0,
            putBack: 0,
            cancelled: 0,
            options: undefined,
          },
        );
        const again = await enqueue();
        assert.equal(again.code, 0, again.stderr);
        assert.equal(JSON.parse(again.stdout).added, 0, "enqueued twice");
        assert.equal(JSON.parse(again.stdout).queued, 8);
        const db = openDatabase(requireConnection(), { maxConnections: 1 });
        const sql = db.sql;
        try {
          const jobs = async (state: string) =>
            Number(
              (await sql`SELECT count(*) AS n FROM ${sql(`${schema}_queue`)}.job
                WHERE name = 'sweep-runs' AND state = ${state}`)[0]?.n,
            );
          assert.equal(await jobs("created"), 8, "one job per run, however often enqueued");

          // A worker takes jobs and is killed while it holds them.
          const doomed = startWorker(["--schema", schema]);
          await doomed.seen(/took sweep queued run/);
          doomed.child.kill("SIGKILL");
          const killed = await doomed.end();
          assert.equal(killed.status.signal, "SIGKILL");
          const held = await jobs("active");
          assert.ok(held >= 1, `the killed worker held no job:\n${killed.stderr}`);

          // Two more finish the sweep: the killed one's jobs come back for them.
          const workers = [1, 2].map(() => startWorker(["--schema", schema]));
          const done = await until("the sweep to complete", 120, async () => {
            const s = await status(schema, "queued");
            return s.complete ? s : undefined;
          });
          for (const w of workers) w.child.kill("SIGTERM");
          const ends = await Promise.all(workers.map((w) => w.end()));
          for (const end of ends) assert.equal(end.status.code, 0, end.stderr);
          assert.equal(done.planned, 8);
          assert.equal(done.done, 8);
          assert.equal(done.failed, 0);
          assert.equal(done.retried, held, "the killed worker's jobs, retried once each");
          const retriedLines = ends.flatMap((e) => e.stderr.split("\n"))
            .filter((l) => /took sweep queued run .*attempt 2/.test(l));
          assert.equal(retriedLines.length, held, ends.map((e) => e.stderr).join("\n"));

          // Every run once; equal to the same grid swept on one machine.
          const local = await runTask("sweep", "sweep", [
            "--grid",
            grid,
            "--name",
            "local",
            "--postgres",
            "--schema",
            schema,
            "--workers",
            "1",
            "--results-dir",
            dir,
            "--json",
          ], ENV);
          assert.equal(local.code, 0, local.stderr);
          const rows = async (sweep: string) =>
            (await sql`SELECT config_hash, metrics, summary, encode(returns, 'hex') AS returns
              FROM ${sql(schema)}.sweep_runs WHERE sweep = ${sweep} ORDER BY config_hash`)
              .map((r) => ({ ...r }));
          const queued = await rows("queued");
          assert.equal(queued.length, 8);
          assert.equal(new Set(queued.map((r) => r.config_hash)).size, 8);
          assert.deepEqual(queued, await rows("local"));

          // Enqueued once more, the complete sweep adds nothing; its report comes from the store.
          const after = await enqueue();
          assert.equal(after.code, 0, after.stderr);
          assert.equal(JSON.parse(after.stdout).stored, 8);
          assert.equal(JSON.parse(after.stdout).added, 0);
          const report = await runTask("sweep", "sweep", [
            "--status",
            "queued",
            "--schema",
            schema,
            "--report",
            "--results-dir",
            dir,
          ], ENV);
          assert.equal(report.code, 0, report.stderr);
          assert.match(report.stdout, /8 runs ranked by sharpe: .*ranked\.json, .*report\.html/);
          const ranked = JSON.parse(
            await Deno.readTextFile(join(REPO, dir, "sweeps", "queued", "ranked.json")),
          );
          const localRanked = JSON.parse(
            await Deno.readTextFile(join(REPO, dir, "sweeps", "local", "ranked.json")),
          );
          const strip = (r: { runs: { configHash: string; durationMs?: number }[] }) =>
            r.runs.map(({ durationMs: _, ...run }) => run);
          assert.deepEqual(strip(ranked), strip(localRanked));
        } finally {
          await db.close();
        }
      });
    } finally {
      await cleanup();
    }
  },
});

Deno.test({
  name:
    "a worker whose prices differ from the sweep's refuses the job naming both hashes, exit 2; the job waits for a worker with the right data; workers that end after N jobs or when idle",
  ignore: SKIP_DB_TESTS,
  sanitizeResources: false,
  async fn() {
    const { dir, cleanup } = await resultsScratch("queue-data");
    try {
      await withSchemas(async (schema) => {
        const csv = join(dir, "QQQ.csv");
        const original = await Deno.readTextFile(join(REPO, "fixtures", "market", "QQQ.csv"));
        await Deno.writeTextFile(join(REPO, csv), original);
        const grid = join(dir, "grid.yaml");
        await Deno.writeTextFile(
          join(REPO, grid),
          `base: { data: { csv: ${
            JSON.stringify(csv)
          }, prices: raw }, strategy: { name: sma-cross } }\n` +
            "parameters:\n  strategy.params.period: [20, 30]\n",
        );
        const enqueued = await runTask("sweep", "sweep", [
          "--grid",
          grid,
          "--name",
          "data",
          "--schema",
          schema,
          "--queue",
        ], ENV);
        assert.equal(enqueued.code, 0, enqueued.stderr);

        // This machine's copy of the prices differs by one day's volume.
        const lines = original.split("\n");
        const cells = (lines[100] as string).split(",");
        cells[6] = String(Number(cells[6]) + 1);
        lines[100] = cells.join(",");
        await Deno.writeTextFile(join(REPO, csv), lines.join("\n"));
        const refused = await runTask("worker", "worker", ["--schema", schema, "--once"], ENV);
        assert.equal(refused.code, 2, refused.stderr);
        assert.match(
          refused.stderr,
          /error: sweep data run #\d .*: the job's prices hash to [0-9a-f]{12}, and this worker's csv .*QQQ\.csv hashes to [0-9a-f]{12}: refused/,
        );
        const s = await status(schema, "data");
        assert.equal(s.done, 0);
        // Both jobs were taken at once (a worker takes up to four a thread), and both refused.
        assert.equal(s.retried, 2, JSON.stringify(s));
        assert.equal(s.failed, 0, "the refused jobs went back to the queue");
        assert.equal(s.waiting, 2);
        assert.match(s.errors[0], /the job's prices hash to/);

        const early = await runTask("sweep", "sweep", [
          "--status",
          "data",
          "--schema",
          schema,
          "--report",
        ], ENV);
        assert.equal(early.code, 2);
        assert.match(early.stderr, /--report: sweep data is not complete: 0 of 2 runs stored/);
        const unknown = await runTask(
          "sweep",
          "sweep",
          ["--status", "nope", "--schema", schema],
          ENV,
        );
        assert.equal(unknown.code, 2);
        assert.match(
          unknown.stderr,
          /--status: no sweep named nope in schema t_\w+ .*\(sweeps there: data\)/,
        );

        // A worker with the sweep's prices runs both runs, the refused one included.
        await Deno.writeTextFile(join(REPO, csv), original);
        // Two workers that end by themselves: after one job, and after a second idle.
        const one = await runTask(
          "worker",
          "worker",
          ["--schema", schema, "--max-jobs", "1", "--json"],
          ENV,
        );
        assert.equal(one.code, 0, one.stderr);
        assert.equal(JSON.parse(one.stdout).taken, 1);
        const ran = await runTask(
          "worker",
          "worker",
          ["--schema", schema, "--idle-exit", "1", "--json"],
          ENV,
        );
        assert.equal(ran.code, 0, ran.stderr);
        assert.equal(JSON.parse(one.stdout).stored + JSON.parse(ran.stdout).stored, 2);
        assert.equal((await status(schema, "data")).complete, true);
      });
    } finally {
      await cleanup();
    }
  },
});

Deno.test("worker, --queue and --status (of a sweep and a walk-forward) with the database down or unset: one clear message, exit 2", async () => {
  const port = closedPort();
  const down = { DATABASE_URL: `postgres://engine:secret@127.0.0.1:${port}/engine_test` };
  const net = `--allow-net=127.0.0.1:${port}`;
  const run = async (set: string, script: string, args: string[], env: Record<string, string>) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", `-P=${set}`, net, join(REPO, "scripts", `${script}.ts`), ...args],
      cwd: REPO,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1", ...env },
    }).output();
    return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
  };
  for (
    const [set, script, args] of [
      ["worker", "worker", ["--once"]],
      ["sweep", "sweep", ["--grid", "examples/sweep_grid.yaml", "--queue"]],
      ["sweep", "sweep", ["--status", "example"]],
      ["walkforward", "walkforward", [
        "--grid",
        "examples/walkforward_grid.yaml",
        "--train",
        "2y",
        "--test",
        "1y",
        "--queue",
      ]],
      ["walkforward", "walkforward", ["--status", "example-2y-1y"]],
    ] as const
  ) {
    const out = await run(set, script, [...args], down);
    assert.equal(out.code, 2, out.stderr);
    assert.equal(
      out.stderr.trim(),
      `error: cannot connect to postgres://engine:***@127.0.0.1:${port}/engine_test: connection refused`,
    );
  }
  const unset = await run("worker", "worker", ["--once"], { DATABASE_URL: "" });
  assert.equal(unset.code, 2);
  assert.match(unset.stderr, /no database is configured: set DATABASE_URL/);
  const bad = await run("worker", "worker", ["--threads", "0"], down);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--threads: must be a whole number >= 1, got "0"/);
});

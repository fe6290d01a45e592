/**
 * A queued walk-forward against a real PostgreSQL, through the tasks as a
 * user runs them: `deno task walkforward --queue` enqueues the in-sample runs
 * (again: nothing twice); finishing it with `--postgres` while they are
 * queued is refused naming the windows still queued; `--status` follows it;
 * two `deno task worker` processes run the runs (each window's runs carry
 * their own run.start and run.end); the command run again with `--postgres`
 * runs no in-sample run and ends with the same walkforward.json (windows,
 * winners, stitched metrics, DSR, PBO) as the walk-forward run on one
 * machine. Skips with a message without DATABASE_URL, except in CI.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../lib/db/database.ts";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";
import {
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

/** Two entry scores over 2018-2020 of the fixtures; a year to train, a year to test: 6 runs. */
const GRID = `name: cli
base:
  run: { start: "2018-01-02" }
parameters:
  sizing.minScore: [0.6, 0.7]
`;

Deno.test({
  name:
    "queued walk-forward: enqueued once, refused to finish while queued, run by two workers, finished with --postgres to the local walk-forward's figures",
  ignore: SKIP_DB_TESTS,
  sanitizeResources: false,
  async fn() {
    const { dir, cleanup } = await resultsScratch("walkforward-queue");
    const schema = scratchSchemaName();
    const admin = openDatabase(requireConnection(), { maxConnections: 1 });
    try {
      const grid = join(dir, "grid.yaml");
      await Deno.writeTextFile(join(REPO, grid), GRID);
      const common = [
        "--grid",
        grid,
        "--train",
        "1y",
        "--test",
        "1y",
        "--results-dir",
        dir,
        "--workers",
        "1",
      ];
      const walkForward = (...more: string[]) =>
        runTask("walkforward", "walkforward", [...common, ...more], ENV);
      const status = async () => {
        const run = await runTask("walkforward", "walkforward", [
          "--status",
          "cli-1y-1y",
          "--schema",
          schema,
          "--json",
        ], ENV);
        assert.equal(run.code, 0, run.stderr);
        return JSON.parse(run.stdout);
      };

      const first = await walkForward("--schema", schema, "--queue", "--json");
      assert.equal(first.code, 0, first.stderr);
      const enqueued = JSON.parse(first.stdout);
      assert.deepEqual(
        { ...enqueued, options: undefined },
        {
          name: "cli-1y-1y",
          sweep: "walkforward.cli-1y-1y",
          schema,
          windows: 2,
          trials: 2,
          planned: 6,
          stored: 0,
          added: 6,
          queued: 0,
          putBack: 0,
          cancelled: 0,
          options: undefined,
          finish:
            `deno task walkforward --grid ${grid} --train 1y --test 1y --results-dir ${dir} --workers 1 --schema ${schema} --postgres`,
        },
      );
      const again = await walkForward("--schema", schema, "--queue");
      assert.equal(again.code, 0, again.stderr);
      assert.match(
        again.stdout,
        /6 in-sample runs planned, 0 stored, 0 enqueued now, 6 already queued/,
      );
      assert.match(again.stdout, /progress: deno task walkforward --status cli-1y-1y --schema /);

      // Finishing now would run the workers' runs a second time: refused, naming what is queued.
      const early = await walkForward("--schema", schema, "--postgres");
      assert.equal(early.code, 2, early.stderr);
      assert.equal(
        early.stderr.trim(),
        `error: walk-forward cli-1y-1y: 6 of 6 in-sample runs are still queued for workers (0 running, 6 waiting): ` +
          `window 0 (2 of 2), window 1 (2 of 2), the whole period (2 of 2); wait for the workers ` +
          `(deno task walkforward --status cli-1y-1y --schema ${schema}) or start one (deno task worker --schema ${schema}), then run this again`,
      );
      assert.deepEqual(await listFiles(join(dir, "walkforward")), [], "nothing written");
      const waiting = await status();
      assert.equal(waiting.planned, 6);
      assert.equal(waiting.waiting, 6);
      assert.equal(waiting.complete, false);
      const unknown = await runTask(
        "walkforward",
        "walkforward",
        ["--status", "nope", "--schema", schema],
        ENV,
      );
      assert.equal(unknown.code, 2);
      assert.match(
        unknown.stderr,
        /^error: --status: no walk-forward named nope in schema t_\w+ .*\(walk-forwards there: cli-1y-1y\)\n$/,
      );

      // Two worker processes, three jobs each.
      const workers = await Promise.all(
        [1, 2].map(() =>
          runTask("worker", "worker", ["--schema", schema, "--max-jobs", "3", "--json"], ENV)
        ),
      );
      for (const w of workers) {
        assert.equal(w.code, 0, w.stderr);
        assert.equal(JSON.parse(w.stdout).stored, 3, w.stderr);
      }
      const done = await status();
      assert.equal(done.done, 6);
      assert.equal(done.complete, true);

      const finished = await walkForward("--schema", schema, "--postgres", "--json");
      assert.equal(finished.code, 0, finished.stderr);
      assert.match(finished.stderr, /6 in-sample runs, 6 stored, 0 to run/);
      const [runs] = await admin.sql`SELECT count(*) AS n FROM ${
        admin.sql(schema)
      }.sweep_runs WHERE sweep = 'walkforward.cli-1y-1y'`;
      assert.equal(Number(runs?.n), 6, "no in-sample run stored twice");

      const local = await walkForward("--name", "local", "--json");
      assert.equal(local.code, 0, local.stderr);
      const { name: queuedName, ...queued } = JSON.parse(finished.stdout);
      const { name: _, ...alone } = JSON.parse(local.stdout);
      assert.equal(queuedName, "cli-1y-1y");
      assert.equal(queued.windows.length, 2);
      assert.deepEqual(queued, alone);
      const written = JSON.parse(
        await Deno.readTextFile(join(REPO, dir, "walkforward", "cli-1y-1y", "walkforward.json")),
      );
      assert.deepEqual({ ...written, name: undefined }, { ...alone, name: undefined });
    } finally {
      for (const s of [schema, `${schema}_queue`]) {
        await admin.sql`DROP SCHEMA IF EXISTS ${admin.sql(s)} CASCADE`;
      }
      await admin.close();
      await cleanup();
    }
  },
});

/**
 * `deno task walkforward` as a user runs it (its permission set, from the
 * repository root): a grid walked forward to the side-by-side table, the
 * stitched result that `deno task report` draws, walkforward.json and
 * walkforward.html; bad input refused with exit 2 and one message before
 * anything is written; a walk-forward killed with SIGKILL and started again
 * runs only what is missing and ends with an uninterrupted one's results; and
 * the PostgreSQL store by flag.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";
import { requireConnection, scratchSchemaName, SKIP_DB_TESTS } from "./db_scratch.ts";
import { openDatabase } from "../lib/db/database.ts";

/** Three entry scores over 2018-2020 of the fixtures; a year to train, a year to test. */
const GRID = `name: cli
base:
  run: { start: "2018-01-02" }
parameters:
  sizing.minScore: [0.6, 0.65, 0.7]
`;
const WINDOWS = ["--train", "1y", "--test", "1y"];

function walkForwardTask(grid: string, dir: string, ...more: string[]) {
  return runTask("walkforward", "walkforward", [
    "--grid",
    grid,
    "--results-dir",
    dir,
    "--workers",
    "1",
    ...WINDOWS,
    ...more,
  ]);
}

async function gridFile(dir: string, text = GRID, name = "grid.yaml"): Promise<string> {
  const path = join(dir, name);
  await Deno.writeTextFile(join(REPO, path), text);
  return path;
}

/** Config hash -> metrics of the in-sample runs stored so far (none while there is no store). */
function storedRuns(db: string): Map<string, unknown> {
  try {
    const handle = new DatabaseSync(join(REPO, db), { readOnly: true });
    try {
      const rows = handle.prepare("SELECT config_hash, metrics FROM sweep_runs").all() as {
        config_hash: string;
        metrics: string;
      }[];
      return new Map(rows.map((r) => [r.config_hash, JSON.parse(r.metrics)]));
    } finally {
      handle.close();
    }
  } catch {
    return new Map();
  }
}

Deno.test("deno task walkforward: the windows side by side, the stitched result deno task report draws, the page", async () => {
  const { dir, cleanup } = await resultsScratch("walkforward-cli");
  try {
    const grid = await gridFile(dir);
    const run = await walkForwardTask(grid, dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /walk-forward cli-1y-1y: 2 windows \(1y train, 1y test, rolling\) x 3 configurations, and the whole period: 9 in-sample runs, 0 stored, 9 to run on 1 workers/,
    );
    const lines = run.stdout.split("\n");
    assert.match(
      lines[0] ?? "",
      /^window +train +test +minScore +IS sharpe +OOS sharpe +OOS return +DSR +PBO$/,
    );
    assert.match(
      lines[2] ?? "",
      /^0 +2018-01-02\.\.2018-12-31 +2019-01-02\.\.2019-12-31 +0\.(6|65|7) /,
    );
    assert.match(lines[3] ?? "", /^1 +2019-01-02\.\.2019-12-31 +2020-01-02\.\.2020-12-31 /);
    assert.match(
      run.stdout,
      /\nout of sample 2019-01-02\.\.2020-12-31 \(2 windows, \d+ days\): return /,
    );
    assert.match(run.stdout, /\n {2}SPY +return /);
    assert.match(
      run.stdout,
      /\nwhole period 2018-01-02\.\.2020-12-31 \(3 configurations\): best sharpe /,
    );
    assert.match(run.stdout, /\n {2}deflated Sharpe ratio \d\.\d\d: Sharpe /);
    assert.match(
      run.stdout,
      /\n {2}probability of backtest overfitting \d\.\d\d \(CSCV, 16 blocks/,
    );
    const folder = join(dir, "walkforward", "cli-1y-1y");
    assert.deepEqual(await listFiles(folder), [
      "pieces/window-0.json",
      "pieces/window-1.json",
      "report.html",
      "result.json",
      "sweep.db",
      "walkforward.html",
      "walkforward.json",
    ]);
    const report = JSON.parse(await Deno.readTextFile(join(REPO, folder, "walkforward.json")));
    assert.equal(report.windows.length, 2);
    assert.equal(report.trials, 3);
    const page = await Deno.readTextFile(join(REPO, folder, "walkforward.html"));
    assert.match(page, /<h1>Walk-forward cli-1y-1y<\/h1>/);
    const drawn = await runTask("report", "report", [join(folder, "result.json")]);
    assert.equal(drawn.code, 0, drawn.stderr);
    assert.match(drawn.stdout + drawn.stderr, /2019-01-02 to 2020-12-31/);

    // Again: nothing to run; --json prints walkforward.json, the same report.
    const again = await walkForwardTask(grid, dir, "--json");
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /9 in-sample runs, 9 stored, 0 to run/);
    assert.deepEqual(JSON.parse(again.stdout), report);
  } finally {
    await cleanup();
  }
});

Deno.test("deno task walkforward refuses bad input with exit 2 and one message, writing nothing", async () => {
  const { dir, cleanup } = await resultsScratch("walkforward-bad");
  try {
    const grid = await gridFile(dir);
    const varying = await gridFile(
      dir,
      "parameters:\n  run.start: [2018-01-02]\n  sizing.minScore: [0.6]\n",
      "varying.yaml",
    );
    const cases: [string[], RegExp][] = [
      [[], /^error: --grid: a grid file is needed/],
      [["--grid", grid, "--train", "3 years"], /^error: --train: "3 years" is not a duration/],
      [["--grid", grid, "--test", "0m"], /^error: --test: "0m" is out of range/],
      [
        ["--grid", grid, "--train", "5y"],
        /^error: walk-forward: the calendar covers 2018-01-02 to 2020-12-31 \(756 trading days\): a 5y training window leaves no day to test/,
      ],
      [["--grid", grid, "--metric", "turnover"], /^error: --metric: a walk-forward chooses/],
      [
        ["--grid", varying],
        /^error: .*varying\.yaml: parameters\.run\.start: a walk-forward sets run\.start and run\.end/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runTask("walkforward", "walkforward", [...args, "--results-dir", dir]);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(" "));
      assert.equal(run.stderr.trimEnd().split("\n").length, 1, run.stderr);
      assert.equal(run.stdout, "");
    }
    assert.deepEqual(await listFiles(join(dir, "walkforward")), []);
  } finally {
    await cleanup();
  }
});

Deno.test("deno task walkforward killed with SIGKILL and started again runs only what is missing, with the same results", async () => {
  const { dir, cleanup } = await resultsScratch("walkforward-kill");
  try {
    const grid = await gridFile(dir);
    const db = join(dir, "walkforward", "cli-1y-1y", "sweep.db");
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "-P=walkforward",
        join(REPO, "scripts", "walkforward.ts"),
        "--grid",
        grid,
        "--results-dir",
        dir,
        "--workers",
        "1",
        ...WINDOWS,
      ],
      cwd: REPO,
      stdout: "null",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).spawn();
    const stderr = new Response(child.stderr).text();
    // Wait, without sleeping, for the store to hold four runs: each write touches the folder.
    const watcher = Deno.watchFs(join(REPO, dir), { recursive: true });
    child.status.then(() => watcher.close());
    for await (const _ of watcher) {
      if (storedRuns(db).size >= 4) break;
    }
    child.kill("SIGKILL");
    const status = await child.status;
    assert.equal(status.signal, "SIGKILL", `it ended before it was killed: ${await stderr}`);
    const atKill = storedRuns(db);
    assert.ok(atKill.size >= 4 && atKill.size < 9, `stored at the kill: ${atKill.size}`);

    const resumed = await walkForwardTask(grid, dir, "--json");
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(
      resumed.stderr,
      new RegExp(`9 in-sample runs, ${atKill.size} stored, ${9 - atKill.size} to run`),
    );
    const after = storedRuns(db);
    assert.equal(after.size, 9);
    for (const [hash, metrics] of atKill) assert.deepEqual(after.get(hash), metrics);

    // The same walk-forward uninterrupted, under another name: the same runs and report.
    const clean = await walkForwardTask(grid, dir, "--json", "--name", "clean");
    assert.equal(clean.code, 0, clean.stderr);
    assert.deepEqual(storedRuns(join(dir, "walkforward", "clean", "sweep.db")), after);
    const { name: _a, ...resumedReport } = JSON.parse(resumed.stdout);
    const { name: _b, ...cleanReport } = JSON.parse(clean.stdout);
    assert.deepEqual(resumedReport, cleanReport);
  } finally {
    await cleanup();
  }
});

Deno.test({
  name: "deno task walkforward --postgres stores the in-sample runs in a PostgreSQL schema",
  ignore: SKIP_DB_TESTS,
  async fn() {
    const { dir, cleanup } = await resultsScratch("walkforward-pg");
    const schema = scratchSchemaName();
    const admin = openDatabase(requireConnection(), { maxConnections: 1 });
    try {
      const grid = await gridFile(dir, GRID.replace("[0.6, 0.65, 0.7]", "[0.6, 0.7]"));
      const args = ["--postgres", "--schema", schema, "--json"];
      const run = await walkForwardTask(grid, dir, ...args);
      assert.equal(run.code, 0, run.stderr);
      const [row] = await admin.sql`SELECT count(*) AS n FROM ${
        admin.sql(schema)
      }.sweep_runs WHERE sweep = 'walkforward.cli-1y-1y'`;
      assert.equal(Number(row?.n), 6);
      const again = await walkForwardTask(grid, dir, ...args);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, /6 in-sample runs, 6 stored, 0 to run/);
      assert.deepEqual(JSON.parse(again.stdout), JSON.parse(run.stdout));
    } finally {
      await admin.sql`DROP SCHEMA IF EXISTS ${admin.sql(schema)} CASCADE`;
      await admin.close();
      await cleanup();
    }
  },
});

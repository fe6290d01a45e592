/**
 * `deno task sweep` as a user runs it (its permission set, from the
 * repository root): a grid to a ranked table, ranked.json, report.html and
 * the store; bad input refused with exit 2 before anything is written; a
 * sweep killed with SIGKILL and started again runs only what is missing,
 * none twice and none lost, and ends with the results of an uninterrupted
 * sweep; and the PostgreSQL store by flag.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";
import { requireConnection, scratchSchemaName, SKIP_DB_TESTS } from "./db_scratch.ts";
import { openDatabase } from "../lib/db/database.ts";

/** A grid of 12 short runs on the fixtures (the last year). */
const GRID = `name: cli
base:
  run: { start: "2020-01-02" }
parameters:
  sizing.minScore: [0.55, 0.6, 0.65, 0.7]
  protection.graceDays: [2, 3, 4]
`;

/** `deno task sweep --grid GRID --results-dir DIR --workers 1 ...more`, as the user runs it. */
function sweepTask(grid: string, dir: string, ...more: string[]) {
  return runTask("sweep", "sweep", [
    "--grid",
    grid,
    "--results-dir",
    dir,
    "--workers",
    "1",
    ...more,
  ]);
}

async function gridFile(dir: string, text = GRID, name = "grid.yaml"): Promise<string> {
  const path = join(dir, name);
  await Deno.writeTextFile(join(REPO, path), text);
  return path;
}

/** Runs in the store so far (0 while it does not exist yet). */
function countRuns(db: string): number {
  try {
    const handle = new DatabaseSync(join(REPO, db), { readOnly: true });
    try {
      return Number(
        (handle.prepare("SELECT count(*) AS n FROM sweep_runs").get() as { n: number }).n,
      );
    } finally {
      handle.close();
    }
  } catch {
    return 0;
  }
}

/** Config hash -> metrics of the store's runs, and the number of rows. */
function storedRuns(db: string): { rows: number; metrics: Map<string, unknown> } {
  const handle = new DatabaseSync(join(REPO, db), { readOnly: true });
  try {
    const rows = handle.prepare("SELECT config_hash, metrics FROM sweep_runs").all() as {
      config_hash: string;
      metrics: string;
    }[];
    return {
      rows: rows.length,
      metrics: new Map(rows.map((r) => [r.config_hash, JSON.parse(r.metrics)])),
    };
  } finally {
    handle.close();
  }
}

Deno.test("deno task sweep runs a grid: ranked table on screen, ranked.json, report.html and the store", async () => {
  const { dir, cleanup } = await resultsScratch("sweep-cli");
  try {
    const grid = await gridFile(
      dir,
      GRID.replace("[0.55, 0.6, 0.65, 0.7]", "[0.6, 0.7]").replace("[2, 3, 4]", "[2, 4]"),
    );
    const run = await sweepTask(grid, dir, "--top", "3");
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split("\n");
    assert.match(
      lines[0] ?? "",
      /^rank +sharpe +sizing\.minScore +protection\.graceDays +CAGR +max DD +trades$/,
    );
    assert.equal(lines.filter((l) => /^\d+ {2}/.test(l)).length, 3);
    assert.match(
      run.stdout,
      /4 runs ranked by sharpe: .*ranked\.json, .*report\.html, .*sweep\.db/,
    );
    assert.match(run.stderr, /sweep cli: 4 runs planned, 0 stored, 4 to run on 1 workers/);
    const files = await listFiles(join(dir, "sweeps", "cli"));
    for (const name of ["ranked.json", "report.html", "sweep.db"]) {
      assert.ok(files.includes(name), name);
    }
    const ranked = JSON.parse(
      await Deno.readTextFile(join(REPO, dir, "sweeps", "cli", "ranked.json")),
    );
    assert.equal(ranked.runs.length, 4);
    assert.deepEqual(ranked.runs.map((r: { rank: number }) => r.rank), [1, 2, 3, 4]);
    const values = ranked.runs.map((r: { value: number }) => r.value);
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    const page = await Deno.readTextFile(join(REPO, dir, "sweeps", "cli", "report.html"));
    assert.match(page, /<h1>Sweep cli<\/h1>/);
    assert.match(page, /id="chart-heatmap"/);

    // Again: nothing to run; --json prints the ranked runs.
    const again = await runTask("sweep", "sweep", ["--grid", grid, "--results-dir", dir, "--json"]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /4 runs planned, 4 stored, 0 to run/);
    assert.deepEqual(JSON.parse(again.stdout), ranked);
  } finally {
    await cleanup();
  }
});

Deno.test("deno task sweep refuses bad input with exit 2 and one line per problem, writing nothing", async () => {
  const { dir, cleanup } = await resultsScratch("sweep-bad");
  try {
    const bad = await gridFile(
      dir,
      "parameters:\n  sizing.maxSingle: [0.1, 1.5]\n  protection.gracedays: [2]\n",
      "bad.yaml",
    );
    const good = await gridFile(dir);
    const cases: [string[], RegExp][] = [
      [[], /^error: --grid: a grid file is needed/],
      [["--grid", join(dir, "none.yaml")], /^error: grid file .*none\.yaml: cannot be read/],
      [
        ["--grid", bad],
        /^error: .*bad\.yaml: parameters\.protection\.gracedays: no such config path \(did you mean "protection\.graceDays"\?\)/,
      ],
      [
        ["--grid", good, "--max-single", "2"],
        /^error: --max-single: sizing\.maxSingle: must be <= 1, got 2/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runTask("sweep", "sweep", [...args, "--results-dir", dir]);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(" "));
      assert.equal(run.stdout, "");
    }
    const value = await runTask("sweep", "sweep", [
      "--grid",
      await gridFile(dir, "parameters:\n  sizing.maxSingle: [0.1, 1.5]\n", "value.yaml"),
      "--results-dir",
      dir,
    ]);
    assert.equal(value.code, 2);
    assert.equal(
      value.stderr.trimEnd(),
      `error: ${
        join(dir, "value.yaml")
      }: parameters.sizing.maxSingle = 1.5: sizing.maxSingle: must be <= 1, got 1.5`,
    );
    assert.deepEqual(await listFiles(join(dir, "sweeps")), []);
  } finally {
    await cleanup();
  }
});

Deno.test("deno task sweep killed with SIGKILL mid-sweep and started again runs only what is missing, none twice, none lost", async () => {
  const { dir, cleanup } = await resultsScratch("sweep-kill");
  try {
    const grid = await gridFile(dir);
    const db = join(dir, "sweeps", "cli", "sweep.db");
    const args = [
      "run",
      "--quiet",
      "-P=sweep",
      join(REPO, "scripts", "sweep.ts"),
      "--grid",
      grid,
      "--results-dir",
      dir,
      "--workers",
      "1",
    ];
    const child = new Deno.Command(Deno.execPath(), {
      args,
      cwd: REPO,
      stdout: "null",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).spawn();
    const stderr = new Response(child.stderr).text();
    // Wait, without sleeping, for the store to hold two runs: each write touches the folder.
    const watcher = Deno.watchFs(join(REPO, dir), { recursive: true });
    child.status.then(() => watcher.close());
    for await (const _ of watcher) {
      if (countRuns(db) >= 2) break;
    }
    child.kill("SIGKILL");
    const status = await child.status;
    assert.equal(status.signal, "SIGKILL", `the sweep ended before it was killed: ${await stderr}`);
    const atKill = storedRuns(db);
    assert.ok(atKill.rows >= 2 && atKill.rows < 12, `stored at the kill: ${atKill.rows}`);

    const resumed = await sweepTask(grid, dir);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(
      resumed.stderr,
      new RegExp(`12 runs planned, ${atKill.rows} stored, ${12 - atKill.rows} to run`),
    );
    const after = storedRuns(db);
    assert.equal(after.rows, 12);
    for (const [hash, metrics] of atKill.metrics) {
      assert.deepEqual(after.metrics.get(hash), metrics);
    }

    // The same grid uninterrupted, in another sweep: the same runs and results.
    const clean = await sweepTask(grid, dir, "--name", "clean");
    assert.equal(clean.code, 0, clean.stderr);
    assert.deepEqual(storedRuns(join(dir, "sweeps", "clean", "sweep.db")).metrics, after.metrics);
  } finally {
    await cleanup();
  }
});

Deno.test({
  name: "deno task sweep --postgres stores the runs in a PostgreSQL schema",
  ignore: SKIP_DB_TESTS,
  async fn() {
    const { dir, cleanup } = await resultsScratch("sweep-pg");
    const schema = scratchSchemaName();
    const admin = openDatabase(requireConnection(), { maxConnections: 1 });
    try {
      const grid = await gridFile(
        dir,
        GRID.replace("[0.55, 0.6, 0.65, 0.7]", "[0.6]").replace("[2, 3, 4]", "[2, 4]"),
      );
      const env = { DATABASE_URL: Deno.env.get("DATABASE_URL") ?? "" };
      const args = [
        "--grid",
        grid,
        "--results-dir",
        dir,
        "--postgres",
        "--schema",
        schema,
        "--workers",
        "1",
      ];
      const run = await runTask("sweep", "sweep", args, env);
      assert.equal(run.code, 0, run.stderr);
      assert.match(
        run.stdout,
        /2 runs ranked by sharpe: .*ranked\.json, .*report\.html \(runs in postgres:\/\/.* schema t_/,
      );
      const [row] = await admin.sql`SELECT count(*) AS n FROM ${admin.sql(schema)}.sweep_runs`;
      assert.equal(Number(row?.n), 2);
      const again = await runTask("sweep", "sweep", args, env);
      assert.match(again.stderr, /2 runs planned, 2 stored, 0 to run/);
    } finally {
      await admin.sql`DROP SCHEMA IF EXISTS ${admin.sql(schema)} CASCADE`;
      await admin.close();
      await cleanup();
    }
  },
});

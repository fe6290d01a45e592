/**
 * The backtest's `--enable-database`: a research row makes that day's regime
 * the database's; no database configured gives one info line, an unreachable
 * one a single warning, and the run completes either way.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { validateConfig } from "../lib/config/load.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import { initSchema } from "../lib/db/schema.ts";
import { insertResearch } from "../lib/db/research_repository.ts";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import { REGIME_AWARE } from "../lib/run/strategy_source.ts";
import { openDatabaseServices } from "../lib/run/database_services.ts";
import type { RunResult } from "../lib/engine/run_result.ts";
import { listFiles, REPO, resultsScratch, runTask, type TaskRun } from "./_task.ts";
import { closedPort, requireConnection, SKIP_DB_TESTS, withScratchSchema } from "./db_scratch.ts";

const ignore = SKIP_DB_TESTS;
const DAY = "2020-03-16";
const SECRET = "B4cktest-Secret-Pw";
const RUN_FLAGS = ["--start-date", "2020-01-01", "--no-audit", "--no-report", "--json"];

function notes() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(`info: ${m}`),
      warn: (m: string) => lines.push(`warn: ${m}`),
    },
  };
}

/** A regime-aware run of 2020 on the fixtures, with `database` as executeRun's context. */
async function runOf(enabled: boolean, database?: Parameters<typeof executeRun>[1]["database"]) {
  const config = validateConfig({
    run: { start: "2020-01-01" },
    data: { fixturesDir: join(REPO, "fixtures") },
    database: { enabled },
    audit: { enabled: false },
  });
  const market = await loadMarket({ ...config.data });
  const run = prepareRun(config, market, REGIME_AWARE);
  return await executeRun(run, {
    startedAt: "2024-01-01T00:00:00.000Z",
    codeVersion: "test",
    ...(database ? { database } : {}),
  });
}

function regimeOn(result: RunResult, date: string) {
  const path = result.regimes;
  const i = path?.dates.indexOf(date) ?? -1;
  return { regime: path?.regime[i], confidence: path?.confidence[i] };
}

Deno.test({
  name: "backtest with the database enabled takes a day's regime from its research row",
  ignore,
  fn: () =>
    withScratchSchema(async (db, schema) => {
      await initSchema(db);
      const computed = await runOf(false);
      const before = regimeOn(computed, DAY);
      assert.ok(before.regime !== undefined, `precondition: ${DAY} has a computed regime`);
      const other = before.regime === "Deflation" ? "Goldilocks" : "Deflation";
      await insertResearch(db, [{ regime: other, buckets: [], date: DAY, confidence: 0.777 }]);
      const { lines, logger } = notes();
      const services = openDatabaseServices({
        enabled: true,
        env: (name) => Deno.env.get(name),
        logger,
        open: { searchPath: schema },
      });
      assert.equal(services.status, "opened");
      let result;
      try {
        result = await runOf(true, services.runContext);
      } finally {
        await services.close();
      }
      assert.deepEqual(lines, []);
      assert.deepEqual(regimeOn(result, DAY), { regime: other, confidence: 0.777 });
      // The day after has no row: the detector's reading, as without the database.
      const next = computed.regimes?.dates[(computed.regimes?.dates.indexOf(DAY) ?? 0) + 1] ?? "";
      assert.deepEqual(regimeOn(result, next), regimeOn(computed, next));
    }),
});

/** `deno run -P=backtest [extra deno flags] scripts/backtest.ts args` with `env`. */
async function backtest(
  args: readonly string[],
  env: Record<string, string>,
  denoFlags: readonly string[] = [],
): Promise<TaskRun> {
  if (denoFlags.length === 0) return runTask("backtest", "backtest", args, env);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "-P=backtest",
      ...denoFlags,
      join(REPO, "scripts/backtest.ts"),
      ...args,
    ],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", ...env },
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("backtest --enable-database without a database configured computes, with one info line", async () => {
  const { dir, cleanup } = await resultsScratch("db-none");
  try {
    const run = await backtest(
      ["--enable-database", ...RUN_FLAGS, "--results-dir", dir],
      { DATABASE_URL: "", DB_HOST: "", DB_NAME: "" },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr.trimEnd(),
      "info: regime: no database configured (DATABASE_URL, DB_HOST); regimes computed from market data",
    );
    assert.ok((JSON.parse(run.stdout) as RunResult).regimes?.dates.length);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest --enable-database warns once when nothing listens, hides the password, and completes", async () => {
  const { dir, cleanup } = await resultsScratch("db-refused");
  const port = closedPort();
  try {
    // --allow-net replaces the set's hosts: the way to reach a server on another port.
    const run = await backtest(
      ["--enable-database", ...RUN_FLAGS, "--results-dir", dir],
      { DATABASE_URL: `postgres://engine:${SECRET}@127.0.0.1:${port}/engine_test` },
      [`--allow-net=127.0.0.1:${port}`],
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr.trimEnd(),
      `warning: regime: cannot connect to postgres://engine:***@127.0.0.1:${port}/engine_test: connection refused; regimes computed from market data`,
    );
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
    const files = await listFiles(dir);
    assert.equal(files.length, 1, files.join(", "));
    assert.match(files[0] ?? "", /result\.json$/);
  } finally {
    await cleanup();
  }
});

Deno.test({
  name:
    "backtest --enable-database reaches the server through its own permission set, and warns once on a missing database",
  ignore,
  fn: async () => {
    const real = requireConnection();
    const { dir, cleanup } = await resultsScratch("db-missing");
    try {
      const missing = `no_such_db_${crypto.randomUUID().slice(0, 8)}`;
      const url = `postgres://${encodeURIComponent(real.user)}:${
        encodeURIComponent(real.revealPassword())
      }@${real.host}:${real.port}/${missing}`;
      const run = await backtest(["--enable-database", ...RUN_FLAGS, "--results-dir", dir], {
        DATABASE_URL: url,
      });
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1, run.stderr);
      assert.match(
        lines[0] ?? "",
        new RegExp(
          `^warning: regime: cannot connect to postgres://[^@]+@.*/${missing}: .*${missing}.* does not exist; regimes computed from market data$`,
        ),
      );
    } finally {
      await cleanup();
    }
  },
});

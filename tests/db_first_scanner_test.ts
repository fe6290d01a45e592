/**
 * Database-first scans against the real PostgreSQL: `deno task scan --save`
 * then `--enable-database` reads the rows back; stored rows replace computed
 * readings; missing tables and an unreachable server warn once and compute.
 * Each test works in its own scratch schema (see db_scratch.ts).
 *
 * @module
 */
import assert from "node:assert/strict";
import { loadFixtures } from "../lib/data/fixtures.ts";
import { Panel } from "../lib/data/panel.ts";
import { ServiceError } from "../lib/errors.ts";
import { initSchema } from "../lib/db/schema.ts";
import { listScannerRows, scannerReader, upsertScannerRows } from "../lib/db/scanner_repository.ts";
import type { ScanTableRow } from "../lib/market/scan_table.ts";
import { scanDatabaseFirst } from "../lib/market/scanner_database.ts";
import { scanHistory } from "../lib/market/scanner_history.ts";
import { scanMain } from "../scripts/scan.ts";
import { runTask } from "./_task.ts";
import { closedPort, SKIP_DB_TESTS, withScratchSchema } from "./db_scratch.ts";

const ignore = SKIP_DB_TESTS;
const DATE = "2020-06-12";
const TICKERS = ["SPY", "TLT", "GLD"];
const SECRET = "Sc4n-Secret-Pw";

type ScanJson = {
  date: string;
  database: string;
  databaseRows: number;
  saved: number | null;
  rows: ScanTableRow[];
};

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

Deno.test({
  name:
    "scan --save stores each asset's per-timeframe rows; scan --enable-database then reads them back (source database)",
  ignore,
  fn: () =>
    withScratchSchema(async (db, schema) => {
      await initSchema(db);
      const common = ["--date", DATE, "--tickers", TICKERS.join(","), "--schema", schema, "--json"];
      const saved = await runTask("scan", "scan", [...common, "--save"]);
      assert.equal(saved.code, 0, saved.stderr);
      assert.equal(saved.stderr, "");
      const first = JSON.parse(saved.stdout) as ScanJson;
      // Three timeframes (1d, 1w, 1mo) for each of the three tickers; the combined row is not stored.
      assert.equal(first.saved, 9);
      for (const timeframe of ["1d", "1w", "1mo"]) {
        const stored = await listScannerRows(db, { from: DATE, to: DATE, timeframe });
        assert.deepEqual(stored.map((r) => r.ticker), [...TICKERS].sort());
        for (const r of stored) {
          const part = first.rows.find((x) => x.ticker === r.ticker)?.parts
            .find((p) => p.timeframe === timeframe);
          assert.equal(r.market, part?.condition);
          // DECIMAL(5,3): the stored confidence is the computed one to 3 decimals.
          assert.ok(Math.abs(r.confidence - (part?.confidence ?? NaN)) <= 0.0005);
          // DECIMAL(8,4) in percent.
          assert.ok(Math.abs((r.priceChange ?? NaN) - (part?.priceChange ?? NaN) * 100) <= 5e-5);
        }
      }
      const again = await runTask("scan", "scan", [...common, "--enable-database"]);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stderr, "");
      const second = JSON.parse(again.stdout) as ScanJson;
      assert.equal(second.database, "used");
      assert.equal(second.databaseRows, 9);
      assert.equal(second.saved, null);
      assert.deepEqual(second.rows.map((r) => r.ticker), first.rows.map((r) => r.ticker));
      for (const row of second.rows) {
        const before = first.rows.find((r) => r.ticker === row.ticker);
        assert.equal(row.source, "database");
        assert.ok(row.parts.every((p) => p.source === "database"));
        assert.equal(row.condition, before?.condition);
        // Recombined from parts rounded to 3 decimals: within 0.0005 of the computed value.
        assert.ok(Math.abs(row.confidence - (before?.confidence ?? NaN)) <= 0.0005);
      }
    }),
});

Deno.test({
  name:
    "scanDatabaseFirst() reads a stored timeframe back in fractions and recombines it with the computed ones",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      await upsertScannerRows(db, [{
        ticker: "SPY",
        market: "breakdown",
        confidence: 0.9,
        timeframe: "1w",
        date: DATE,
        strength: 0.8,
        volumeRatio: 2,
        priceChange: -3,
        volatility: 25,
      }]);
      const fixtures = await loadFixtures();
      const panel = Panel.fromSeries(fixtures.series);
      const history = scanHistory(panel);
      const t = panel.indexOnOrBefore(DATE);
      const assets = TICKERS.map((ticker) => panel.indexOf(ticker));
      const { lines, logger } = notes();
      const scan = await scanDatabaseFirst({
        history,
        t,
        assets,
        database: scannerReader(db),
        logger,
      });
      assert.deepEqual(lines, []);
      assert.equal(scan.databaseRows, 1);
      assert.deepEqual(scan.scans.map((s) => [s.ticker, s.source]), [
        ["SPY", "mixed"],
        ["TLT", "computed"],
        ["GLD", "computed"],
      ]);
      const weekly = scan.scans[0]?.parts.find((p) => p.timeframe === "1w");
      assert.deepEqual(
        weekly && [weekly.condition, weekly.trendDirection, weekly.confidence, weekly.source],
        ["breakdown", "down", 0.9, "database"],
      );
      assert.equal(weekly?.priceChange, -0.03);
      assert.equal(weekly?.volatility, 0.25);
      const computed = history.resultAt(assets[1] as number, t);
      assert.equal(scan.scans[1]?.confidence, computed?.confidence);
    }),
});

Deno.test({
  name: "scan --enable-database warns once and computes when the tables are missing",
  ignore,
  fn: () =>
    withScratchSchema(async (_db, schema) => {
      const run = await runTask("scan", "scan", [
        "--date",
        DATE,
        "--tickers",
        "SPY",
        "--enable-database",
        "--schema",
        schema,
        "--json",
      ]);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1, run.stderr);
      assert.match(
        lines[0] ?? "",
        /^warning: scanner: table scanner_historical not found in postgres:\/\/.*\(run `deno task db init`\); scans computed from market data$/,
      );
      const json = JSON.parse(run.stdout) as ScanJson;
      assert.equal(json.database, "unavailable");
      assert.equal(json.rows[0]?.source, "computed");
    }),
});

Deno.test("scan --enable-database warns once, computes and hides the password when nothing listens", async () => {
  const port = closedPort();
  const url = `postgres://engine:${SECRET}@127.0.0.1:${port}/engine_test`;
  const printed: string[] = [];
  const { lines, logger } = notes();
  const env = (name: string) => name === "DATABASE_URL" ? url : undefined;
  await scanMain(["--date", DATE, "--tickers", "SPY,TLT", "--enable-database", "--json"], {
    env,
    print: (l) => printed.push(l),
    logger,
  });
  assert.deepEqual(lines, [
    `warn: scanner: cannot connect to postgres://engine:***@127.0.0.1:${port}/engine_test: connection refused; scans computed from market data`,
  ]);
  const json = JSON.parse(printed.join("\n")) as ScanJson;
  assert.equal(json.database, "unavailable");
  assert.deepEqual(json.rows.map((r) => r.source), ["computed", "computed"]);
  assert.ok(!printed.join("\n").includes(SECRET));
  // --save needs the database: the same server is a ServiceError (exit 2), and nothing is printed.
  const quiet: string[] = [];
  const error = await scanMain(["--date", DATE, "--tickers", "SPY", "--save"], {
    env,
    print: (l) => quiet.push(l),
    logger,
  }).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ServiceError);
  assert.equal(
    error.message,
    `cannot connect to postgres://engine:***@127.0.0.1:${port}/engine_test: connection refused`,
  );
  assert.deepEqual(quiet, []);
});

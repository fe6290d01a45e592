/**
 * `deno task scan` as a user runs it, under its own permission set, without a
 * database (the database-first paths are in db_first_scanner_test.ts).
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadMarket } from "../lib/data/load_market.ts";
import { Panel } from "../lib/data/panel.ts";
import { CONDITION_PRIORITY, type ScanTableRow } from "../lib/market/scan_table.ts";
import { scanHistory } from "../lib/market/scanner_history.ts";
import { bucketsOf } from "../lib/market/buckets.ts";
import { REPO, runTask } from "./_task.ts";

/** No database configured, whatever the test runner's environment holds. */
const NO_DATABASE = { DATABASE_URL: "", DB_HOST: "", DB_NAME: "" };

const scan = (args: readonly string[]) => runTask("scan", "scan", args, NO_DATABASE);

type ScanJson = {
  date: string;
  asked: string;
  database: string;
  saved: number | null;
  notScanned: string[];
  rows: ScanTableRow[];
};

Deno.test("scan prints a ranked table of every fixture asset on the last trading day on or before --date", async () => {
  const run = await scan(["--date", "2020-06-14"]); // a Sunday
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, "");
  const lines = run.stdout.trimEnd().split("\n");
  assert.equal(
    lines[0],
    "scan of 2020-06-12 (last trading day on or before 2020-06-14) - fixtures (42 tickers) - timeframes 1d 0.5, 1w 0.3, 1mo 0.2",
  );
  assert.match(
    lines[1] ?? "",
    /^ #\s+ticker\s+buckets\s+condition\s+dir\s+confidence\s+strength\s+volume\s+change\s+volatility\s+source$/,
  );
  const body = lines.slice(2, -1);
  assert.equal(body.length, 42);
  assert.equal(lines.at(-1), "42 scanned");
  assert.match(body[0] ?? "", /^ 1 {2}\S+ /);
  for (const line of body) assert.match(line, /computed$/);
  // The table's order is the JSON's.
  const json = JSON.parse((await scan(["--date", "2020-06-14", "--json"])).stdout) as ScanJson;
  const tickers = body.map((l) => l.trim().split(/\s+/)[1]);
  assert.deepEqual(tickers, json.rows.map((r) => r.ticker));
});

Deno.test("scan --json gives the scanner's readings, ranked by condition then confidence", async () => {
  const run = await scan(["--date", "2020-06-12", "--json"]);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout) as ScanJson;
  assert.equal(json.date, "2020-06-12");
  assert.equal(json.database, "disabled");
  assert.equal(json.saved, null);
  assert.deepEqual(json.rows.map((r) => r.rank), json.rows.map((_, i) => i + 1));
  for (let i = 1; i < json.rows.length; i++) {
    const [a, b] = [json.rows[i - 1] as ScanTableRow, json.rows[i] as ScanTableRow];
    const order = CONDITION_PRIORITY[a.condition] - CONDITION_PRIORITY[b.condition];
    assert.ok(
      order < 0 || (order === 0 && a.confidence >= b.confidence),
      `${a.ticker} ${b.ticker}`,
    );
  }
  // Expected readings: the scanner's own, on the same adjusted Panel.
  const market = await loadMarket({
    source: "fixtures",
    store: "data/prices.db",
    fixturesDir: join(REPO, "fixtures"),
  });
  const panel = Panel.fromSeries(market.series, { prices: "adjusted", splits: market.splits });
  const expected = scanHistory(panel).at(panel.indexOnOrBefore("2020-06-12"));
  const byTicker = new Map(json.rows.map((r) => [r.ticker, r]));
  assert.equal(byTicker.size, expected.length);
  for (const e of expected) {
    const row = byTicker.get(e.ticker);
    assert.equal(row?.condition, e.condition, e.ticker);
    assert.equal(row?.confidence, e.confidence, e.ticker);
    assert.equal(row?.direction, e.trendDirection, e.ticker);
    assert.deepEqual(row?.parts.map((p) => p.timeframe), e.parts.map((p) => p.timeframe));
    assert.deepEqual(row?.buckets, bucketsOf(e.ticker));
  }
});

Deno.test("scan --buckets keeps only the assets of those buckets; --tickers and --timeframes narrow it further", async () => {
  const run = await scan(["--date", "2020-06-12", "--buckets", "Gold,Treasuries", "--json"]);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout) as ScanJson;
  // The fixture tickers of Gold (GLD, IAU) and Treasuries (TLT, IEF, SHY, GOVT): IAU and GOVT are not fixtures.
  assert.deepEqual(json.rows.map((r) => r.ticker).sort(), ["GLD", "IEF", "SHY", "TLT"]);
  const narrow = await scan([
    "--date",
    "2020-06-12",
    "--tickers",
    "SPY,TLT",
    "--timeframes",
    "1d",
    "--json",
  ]);
  const rows = (JSON.parse(narrow.stdout) as ScanJson).rows;
  assert.deepEqual(rows.map((r) => r.ticker).sort(), ["SPY", "TLT"]);
  assert.ok(rows.every((r) => r.timeframe === "1d" && r.parts.length === 0));
});

Deno.test("scan exits 2 with one line naming the problem: bad or outside date, unknown bucket or ticker, backtest flag", async () => {
  const cases: [string[], string][] = [
    [["--date", "2020-02-30"], 'error: --date: "2020-02-30" is not a date as YYYY-MM-DD'],
    [
      ["--date", "2010-06-01"],
      "error: --date: 2010-06-01 is outside the data, which covers 2011-01-03 to 2020-12-31",
    ],
    [
      ["--date", "2020-06-12", "--buckets", "Crypto"],
      'error: --buckets: unknown bucket "Crypto": ',
    ],
    [
      ["--date", "2020-06-12", "--tickers", "SPY,ZZZZ"],
      "error: the fixtures: no prices for ticker ZZZZ",
    ],
    [["--date", "2020-06-12", "--cash", "5"], "error: --cash: not a scan flag"],
  ];
  for (const [args, start] of cases) {
    const run = await scan(args);
    assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr.trimEnd().split("\n").length, 1, run.stderr);
    assert.ok(run.stderr.startsWith(start), run.stderr);
  }
});

Deno.test("scan --save without a database exits 2 and says how to configure one", async () => {
  const run = await scan(["--date", "2020-06-12", "--save"]);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, "");
  assert.equal(
    run.stderr.trimEnd(),
    "error: --save: no database configured: set DATABASE_URL, or DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD",
  );
});

Deno.test("scan --enable-database without a database computes, with one info line on stderr", async () => {
  const run = await scan([
    "--date",
    "2020-06-12",
    "--tickers",
    "SPY",
    "--enable-database",
    "--json",
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stderr.trimEnd(),
    "info: scanner: no database configured (DATABASE_URL, DB_HOST); scans computed from market data",
  );
  const json = JSON.parse(run.stdout) as ScanJson;
  assert.equal(json.database, "not configured");
  assert.equal(json.rows[0]?.source, "computed");
});

Deno.test("scan --help prints the usage", async () => {
  const run = await scan(["--help"]);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Usage: deno task scan \[--date YYYY-MM-DD\]/);
  assert.match(run.stdout, /the last day in the data/);
  assert.match(run.stdout, /--enable-database/);
});

Deno.test("scan reads ENGINE_* variables like the backtest (environment < flags)", async () => {
  const fromEnv = await runTask("scan", "scan", ["--date", "2020-06-30", "--json"], {
    ...NO_DATABASE,
    ENGINE_DATA_TICKERS: "SPY,TLT",
  });
  assert.equal(fromEnv.code, 0, fromEnv.stderr);
  assert.deepEqual(
    JSON.parse(fromEnv.stdout).rows.map((r: { ticker: string }) => r.ticker).sort(),
    ["SPY", "TLT"],
  );
  const flagWins = await runTask("scan", "scan", [
    "--date",
    "2020-06-30",
    "--tickers",
    "GLD",
    "--json",
  ], {
    ...NO_DATABASE,
    ENGINE_DATA_TICKERS: "SPY,TLT",
  });
  assert.equal(flagWins.code, 0, flagWins.stderr);
  assert.deepEqual(JSON.parse(flagWins.stdout).rows.map((r: { ticker: string }) => r.ticker), [
    "GLD",
  ]);
});

Deno.test("scan without --date scans the last day in the data and says so on stderr", async () => {
  const run = await scan(["--tickers", "SPY,TLT", "--json"]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stderr,
    "info: no --date: scanning 2020-12-31, the last day in the data (fixtures (2 tickers))\n",
  );
  const json = JSON.parse(run.stdout) as ScanJson;
  assert.equal(json.date, "2020-12-31"); // the fixtures' last day (fixtures/README.md)
  assert.equal(json.asked, "2020-12-31");
  assert.deepEqual(json.rows.map((r) => r.ticker).sort(), ["SPY", "TLT"]);
});

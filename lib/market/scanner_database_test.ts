import assert from "node:assert/strict";
import { loadFixtures } from "../data/fixtures.ts";
import { Panel } from "../data/panel.ts";
import { ServiceError } from "../errors.ts";
import type { ScannerQuery, ScannerReader, ScannerRecord } from "../db/scanner_repository.ts";
import { scanHistory } from "./scanner_history.ts";
import type { ScanResult } from "./scanner_result.ts";
import { scanDatabaseFirst, type SourcedScan } from "./scanner_database.ts";

const fixtures = await loadFixtures();
const panel = Panel.fromSeries(fixtures.series);
const history = scanHistory(panel);
const DATE = "2020-06-12";
const T = panel.indexOnOrBefore(DATE);

/** A reader over fixed records that notes each query. */
function fakeReader(records: readonly ScannerRecord[]) {
  const queries: ScannerQuery[] = [];
  const reader: ScannerReader = {
    listScanner: (q) => {
      queries.push(q);
      return Promise.resolve(
        records.filter((r) =>
          r.timeframe === (q.timeframe ?? "1d") && r.date >= q.from && r.date <= q.to &&
          (q.tickers === undefined || q.tickers.includes(r.ticker))
        ),
      );
    },
  };
  return { reader, queries };
}

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

function record(
  ticker: string,
  timeframe: string,
  market: string,
  confidence: number,
  extra: Partial<ScannerRecord> = {},
): ScannerRecord {
  return {
    ticker,
    market,
    confidence,
    timeframe,
    date: DATE,
    strength: 0.5,
    volumeRatio: 1,
    priceChange: 1,
    volatility: 20,
    ...extra,
  };
}

/** A sourced scan without its sources: what the scanner alone would give. */
function unsourced(scan: SourcedScan): ScanResult {
  const { source: _source, parts, ...rest } = scan;
  return { ...rest, parts: parts.map(unsourced) };
}

Deno.test("scanDatabaseFirst() without stored rows gives exactly the scanner's results, all computed", async () => {
  const { reader } = fakeReader([]);
  const scan = await scanDatabaseFirst({ history, t: T, database: reader });
  assert.equal(scan.date, DATE);
  assert.equal(scan.databaseStatus, "used");
  assert.equal(scan.databaseRows, 0);
  // Expected: the scanner's own result for the day (ScanHistory.at).
  assert.deepEqual(scan.scans.map(unsourced), history.at(T));
  for (const s of scan.scans) {
    assert.equal(s.source, "computed");
    assert.ok(s.parts.every((p) => p.source === "computed"));
  }
});

Deno.test("scanDatabaseFirst() asks one query per timeframe, for the scan day and the scanned tickers", async () => {
  const { reader, queries } = fakeReader([]);
  const spy = panel.indexOf("SPY"), tlt = panel.indexOf("TLT");
  await scanDatabaseFirst({ history, t: T, assets: [spy, tlt], database: reader });
  assert.deepEqual(queries, [
    { from: DATE, to: DATE, timeframe: "1d", tickers: ["SPY", "TLT"] },
    { from: DATE, to: DATE, timeframe: "1w", tickers: ["SPY", "TLT"] },
    { from: DATE, to: DATE, timeframe: "1mo", tickers: ["SPY", "TLT"] },
  ]);
});

Deno.test("scanDatabaseFirst() takes stored timeframes, computes the others and recombines (source mixed)", async () => {
  const spy = panel.indexOf("SPY");
  const computedMonth = history.resultAt(spy, T)?.parts.find((p) => p.timeframe === "1mo");
  assert.ok(
    computedMonth && computedMonth.condition !== "breakout",
    "precondition: 1mo is no breakout",
  );
  const { reader } = fakeReader([
    record("SPY", "1d", "breakout", 0.8, { strength: 0.9, volumeRatio: 2.5, priceChange: 3 }),
    record("SPY", "1w", "breakout", 0.6, { strength: 0.5 }),
  ]);
  const scan = await scanDatabaseFirst({ history, t: T, assets: [spy], database: reader });
  const row = scan.scans[0];
  assert.ok(row);
  assert.equal(row.source, "mixed");
  assert.deepEqual(row.parts.map((p) => [p.timeframe, p.source]), [
    ["1d", "database"],
    ["1w", "database"],
    ["1mo", "computed"],
  ]);
  assert.equal(scan.databaseRows, 2);
  // By hand, weights 0.5 / 0.3 / 0.2: breakout votes 0.5 x 0.8 + 0.3 x 0.6 = 0.58 of a total
  // weight of 1; strength (0.4 x 0.9 + 0.18 x 0.5) / 0.58; measures from the heaviest (1d) row.
  assert.equal(row.condition, "breakout");
  assert.equal(row.trendDirection, "up");
  assert.ok(Math.abs(row.confidence - 0.58) < 1e-12);
  assert.ok(Math.abs(row.strength - 0.45 / 0.58) < 1e-12);
  assert.equal(row.volumeRatio, 2.5);
  assert.equal(row.priceChange, 0.03);
  assert.equal(row.parts[2]?.confidence, computedMonth.confidence);
});

Deno.test("scanDatabaseFirst() marks a row read entirely from the database as database", async () => {
  const spy = panel.indexOf("SPY");
  const { reader } = fakeReader(
    ["1d", "1w", "1mo"].map((tf) => record("SPY", tf, "ranging", 0.7, { priceChange: -2 })),
  );
  const scan = await scanDatabaseFirst({ history, t: T, assets: [spy], database: reader });
  const row = scan.scans[0];
  assert.equal(row?.source, "database");
  assert.equal(row?.condition, "ranging");
  assert.equal(row?.trendDirection, "down"); // the sign of the stored price change
  assert.ok(Math.abs((row?.confidence ?? 0) - 0.7) < 1e-12);
});

Deno.test("scanDatabaseFirst() ignores rows with an unknown condition, with one warning", async () => {
  const spy = panel.indexOf("SPY");
  const { reader } = fakeReader([
    record("SPY", "1d", "bullish", 0.9),
    record("SPY", "1w", "sideways", 0.9),
  ]);
  const { lines, logger } = notes();
  const scan = await scanDatabaseFirst({ history, t: T, assets: [spy], database: reader, logger });
  assert.equal(scan.scans[0]?.source, "computed");
  assert.deepEqual(lines, [
    `warn: scanner: 2 scanner_historical row(s) with an unknown condition ignored (first: SPY 1d on ${DATE}: "bullish")`,
  ]);
});

Deno.test("scanDatabaseFirst() warns once and computes when the database fails; other errors are bugs and throw", async () => {
  const failing: ScannerReader = {
    listScanner: () => Promise.reject(new ServiceError("cannot connect to postgres://x@h:1/d")),
  };
  const { lines, logger } = notes();
  const scan = await scanDatabaseFirst({ history, t: T, database: failing, logger });
  assert.equal(scan.databaseStatus, "unavailable");
  assert.deepEqual(scan.scans.map(unsourced), history.at(T));
  assert.deepEqual(lines, [
    "warn: scanner: cannot connect to postgres://x@h:1/d; scans computed from market data",
  ]);
  const buggy: ScannerReader = { listScanner: () => Promise.reject(new TypeError("bug")) };
  await assert.rejects(scanDatabaseFirst({ history, t: T, database: buggy }), TypeError);
});

Deno.test("scanDatabaseFirst() of a single timeframe gives the timeframe's row itself, without parts", async () => {
  const daily = scanHistory(panel, { timeframes: { "1d": 1 } });
  const spy = panel.indexOf("SPY"), tlt = panel.indexOf("TLT");
  const { reader } = fakeReader([record("TLT", "1d", "breakdown", 0.9)]);
  const scan = await scanDatabaseFirst({
    history: daily,
    t: T,
    assets: [spy, tlt],
    database: reader,
  });
  assert.deepEqual(scan.scans.map((s) => [s.ticker, s.timeframe, s.source, s.parts.length]), [
    ["SPY", "1d", "computed", 0],
    ["TLT", "1d", "database", 0],
  ]);
  assert.equal(scan.scans[1]?.trendDirection, "down");
});

Deno.test("scanDatabaseFirst() rejects a day index off the calendar", async () => {
  await assert.rejects(
    scanDatabaseFirst({ history, t: panel.dayCount }),
    /Cannot scan as t must be a day index in \[0, \d+\): current value is \d+/,
  );
});

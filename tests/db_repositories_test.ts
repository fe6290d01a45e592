import assert from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { initSchema } from "../lib/db/schema.ts";
import { insertResearch, listResearch } from "../lib/db/research_repository.ts";
import {
  listScannerRows,
  type ScannerRow,
  upsertScannerRows,
} from "../lib/db/scanner_repository.ts";
import { SKIP_DB_TESTS, withScratchSchema } from "./db_scratch.ts";

const ignore = SKIP_DB_TESTS;

Deno.test({
  name: "insertResearch() then listResearch() round-trips rows in the date range, by date then id",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      const ids = await insertResearch(db, [
        {
          regime: "Inflation",
          buckets: ["Commodities", "Energy"],
          date: "2024-03-15",
          confidence: 0.72,
          metadata: { source: "test", growth: -1.5 },
        },
        { regime: "Goldilocks", buckets: ["Risk Assets"], date: "2024-01-15", confidence: 0.85 },
        { regime: "Deflation", buckets: [], date: "2024-02-01", confidence: 0.781 },
        { regime: "Reflation", buckets: ["Cyclicals"], date: "2024-04-01", confidence: 0.8 },
      ]);
      assert.equal(ids.length, 4);
      const rows = await listResearch(db, "2024-01-15", "2024-03-15");
      assert.deepEqual(rows.map((r) => [r.date, r.regime]), [
        ["2024-01-15", "Goldilocks"],
        ["2024-02-01", "Deflation"],
        ["2024-03-15", "Inflation"],
      ]);
      const inflation = rows[2];
      assert.deepEqual(inflation?.buckets, ["Commodities", "Energy"]);
      assert.equal(inflation?.confidence, 0.72);
      assert.deepEqual(inflation?.metadata, { source: "test", growth: -1.5 });
      assert.equal(rows[0]?.metadata, null);
      // DECIMAL(5,3) keeps three decimals: 0.781 comes back exactly.
      assert.equal(rows[1]?.confidence, 0.781);
      assert.deepEqual(rows[1]?.buckets, []);
    }),
});

Deno.test({
  name: "insertResearch() rejects every bad row at once and writes nothing",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      const error = await insertResearch(db, [
        { regime: "Goldilocks", buckets: [], date: "2024-01-15", confidence: 0.5 },
        { regime: "Goldilocks", buckets: [], date: "2024-13-01", confidence: 1.5 },
      ]).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof InputError);
      assert.deepEqual(error.problems, [
        'research row 2: date "2024-13-01" is not YYYY-MM-DD',
        "research row 2: confidence 1.5 must be in [0, 1]",
      ]);
      assert.deepEqual(await listResearch(db, "2000-01-01", "2100-01-01"), []);
    }),
});

const ROWS: readonly ScannerRow[] = [
  {
    ticker: "AAPL",
    market: "trending",
    confidence: 0.85,
    date: "2024-07-26",
    strength: 0.78,
    volumeRatio: 1.25,
  },
  { ticker: "MSFT", market: "trending", confidence: 0.82, date: "2024-07-26", strength: 0.75 },
  { ticker: "AAPL", market: "ranging", confidence: 0.6, date: "2024-07-29", priceChange: -1.2345 },
  { ticker: "AAPL", market: "breakout", confidence: 0.9, timeframe: "1w", date: "2024-07-26" },
];

Deno.test({
  name: "upsertScannerRows() then listScannerRows() round-trips rows, NULL for measures not given",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      assert.equal(await upsertScannerRows(db, ROWS), 4);
      const daily = await listScannerRows(db, { from: "2024-07-01", to: "2024-07-31" });
      assert.deepEqual(daily, [
        {
          ticker: "AAPL",
          market: "trending",
          confidence: 0.85,
          timeframe: "1d",
          date: "2024-07-26",
          strength: 0.78,
          volumeRatio: 1.25,
          priceChange: null,
          volatility: null,
        },
        {
          ticker: "AAPL",
          market: "ranging",
          confidence: 0.6,
          timeframe: "1d",
          date: "2024-07-29",
          strength: null,
          volumeRatio: null,
          priceChange: -1.2345,
          volatility: null,
        },
        {
          ticker: "MSFT",
          market: "trending",
          confidence: 0.82,
          timeframe: "1d",
          date: "2024-07-26",
          strength: 0.75,
          volumeRatio: null,
          priceChange: null,
          volatility: null,
        },
      ]);
      const weekly = await listScannerRows(db, {
        from: "2024-07-26",
        to: "2024-07-26",
        timeframe: "1w",
        tickers: ["AAPL"],
      });
      assert.deepEqual(weekly.map((r) => r.market), ["breakout"]);
      const msft = await listScannerRows(db, {
        from: "2024-07-01",
        to: "2024-07-31",
        tickers: ["MSFT"],
      });
      assert.deepEqual(msft.map((r) => r.ticker), ["MSFT"]);
    }),
});

Deno.test({
  name:
    "upsertScannerRows() replaces the row of the same (ticker, timeframe, date) and stamps updated_at",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      await upsertScannerRows(db, ROWS);
      await db.sql`UPDATE scanner_historical SET updated_at = '2000-01-01'`;
      const written = await upsertScannerRows(db, [
        { ticker: "MSFT", market: "breakdown", confidence: 0.4, date: "2024-07-26" },
        { ticker: "MSFT", market: "ranging", confidence: 0.55, date: "2024-07-26" },
      ]);
      assert.equal(written, 1); // the batch's two rows share a key: the last one wins
      const rows = await db.sql<
        { market: string; confidence: string; strength: string | null; fresh: boolean }[]
      >`
        SELECT market, confidence::text, strength::text, updated_at > '2000-01-01' AS fresh
        FROM scanner_historical WHERE ticker = 'MSFT'`;
      assert.deepEqual([...rows], [{
        market: "ranging",
        confidence: "0.550",
        strength: null,
        fresh: true,
      }]);
      const [count] = await db.sql<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM scanner_historical`;
      assert.equal(count?.n, 4);
    }),
});

Deno.test({
  name: "upsertScannerRows() rejects values the seed's columns cannot hold, naming row and field",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      const error = await upsertScannerRows(db, [
        { ticker: "TOOLONGTICKER", market: "trending", confidence: 0.5, date: "2024-07-26" },
        {
          ticker: "SPY",
          market: "trending",
          confidence: 0.5,
          date: "2024-07-26",
          volumeRatio: 1e6,
        },
      ]).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof InputError);
      assert.deepEqual(error.problems, [
        'scanner row 1: ticker must have 1 to 10 characters, got "TOOLONGTICKER"',
        "scanner row 2: volumeRatio 1000000 must be a number no larger than 99999.999 in size",
      ]);
      assert.deepEqual(await listScannerRows(db, { from: "2024-01-01", to: "2024-12-31" }), []);
    }),
});

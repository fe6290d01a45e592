import assert from "node:assert/strict";
import { formatScanTable, rankScans, scanTableRows } from "./scan_table.ts";
import type { SourcedScan } from "./scanner_database.ts";

const base = {
  market: "default",
  date: "2020-06-12",
  timeframe: "1d",
  trendDirection: "up",
  volumeRatio: 1,
  priceChange: 0.01,
  volatility: 0.2,
  source: "computed",
  parts: [],
} as const;

Deno.test("rankScans() breaks equal confidence by strength, then by ticker, and puts NaN last", () => {
  const ranked = rankScans([
    { ticker: "B", condition: "trending", confidence: 0.7, strength: 0.5 },
    { ticker: "A", condition: "trending", confidence: 0.7, strength: 0.5 },
    { ticker: "C", condition: "trending", confidence: 0.7, strength: 0.9 },
    { ticker: "D", condition: "trending", confidence: NaN, strength: 0.9 },
    { ticker: "E", condition: "breakdown", confidence: 0.99, strength: 1 },
  ]);
  assert.deepEqual(ranked.map((r) => r.ticker), ["C", "A", "B", "D", "E"]);
});

Deno.test("scanTableRows() numbers the ranked rows and lists each ticker's buckets and parts", () => {
  const scans: SourcedScan[] = [
    { ...base, ticker: "TLT", condition: "ranging", confidence: 0.9, strength: 0.2 },
    {
      ...base,
      ticker: "GLD",
      timeframe: "multi",
      condition: "breakout",
      confidence: 0.6,
      strength: 0.7,
      source: "mixed",
      parts: [
        { ...base, ticker: "GLD", condition: "breakout", confidence: 0.6, strength: 0.7 },
        {
          ...base,
          ticker: "GLD",
          timeframe: "1w",
          condition: "trending",
          confidence: 0.4,
          strength: 0.3,
          source: "database",
        },
      ],
    },
  ];
  const rows = scanTableRows(scans, { Gold: ["GLD"], Treasuries: ["TLT"], Safe: ["GLD", "TLT"] });
  assert.deepEqual(rows.map((r) => [r.rank, r.ticker, r.buckets]), [
    [1, "GLD", ["Gold", "Safe"]],
    [2, "TLT", ["Treasuries", "Safe"]],
  ]);
  assert.deepEqual(rows[0]?.parts.map((p) => [p.timeframe, p.condition, p.source]), [
    ["1d", "breakout", "computed"],
    ["1w", "trending", "database"],
  ]);
  assert.equal(rows[0]?.source, "mixed");
});

Deno.test("formatScanTable() shows unknown measures and missing buckets as '-', and falls as negative", () => {
  const lines = formatScanTable([{
    rank: 12,
    ticker: "IDX",
    date: "2020-06-12",
    buckets: [],
    timeframe: "1d",
    condition: "breakdown",
    direction: "down",
    confidence: 0.5,
    strength: NaN,
    volumeRatio: NaN,
    priceChange: -0.1234,
    volatility: NaN,
    source: "database",
    parts: [],
  }]);
  assert.equal(lines.length, 2);
  assert.equal(
    lines[1],
    "12  IDX     -        breakdown  down        0.50         -       -  -12.34%           -  database",
  );
  // Every line is as wide as the header's columns (aligned).
  assert.equal(lines[0]?.indexOf("source"), lines[1]?.indexOf("database"));
});

import assert from "node:assert/strict";
import { convertChart, type YahooChart } from "./yahoo_chart.ts";

const DAY = 86_400_000;

function chart(over: Partial<YahooChart> & { gmtoffset?: number }): YahooChart {
  return {
    meta: { gmtoffset: over.gmtoffset ?? -14_400 },
    timestamp: over.timestamp ?? [],
    indicators: over.indicators ??
      { quote: [{ open: [], high: [], low: [], close: [], volume: [] }] },
    ...(over.events === undefined ? {} : { events: over.events }),
  };
}

Deno.test("convertChart() stamps daily bars at midnight UTC of the exchange's local date", () => {
  // Tokyo opens 09:00 JST = 00:00 UTC; with gmtoffset +32400 the local date is the same day.
  // 2024-05-01T23:59:00Z is 2024-05-02 08:59 in Tokyo, so that bar belongs to 2024-05-02.
  const t = Date.UTC(2024, 4, 1, 23, 59) / 1000;
  const c = chart({
    gmtoffset: 32_400,
    timestamp: [t],
    indicators: { quote: [{ open: [10], high: [11], low: [9], close: [10], volume: [null] }] },
  });
  const { series } = convertChart(c, "7203.T", "1d");
  assert.deepEqual([...series.time], [Date.UTC(2024, 4, 2)]);
  assert.deepEqual([...series.volume], [0]);
});

Deno.test("convertChart() keeps the later bar when Yahoo repeats the last day (live bar)", () => {
  const open = Date.UTC(2024, 4, 2, 13, 30) / 1000;
  const c = chart({
    timestamp: [open - 86_400, open, open + 3 * 3600],
    indicators: {
      quote: [{
        open: [1, 2, 2],
        high: [1, 3, 4],
        low: [1, 1, 1],
        close: [1, 2, 3],
        volume: [1, 5, 9],
      }],
      adjclose: [{ adjclose: [1, 2, 3] }],
    },
  });
  const { series } = convertChart(c, "X", "1d");
  assert.deepEqual([...series.time], [Date.UTC(2024, 4, 1), Date.UTC(2024, 4, 2)]);
  assert.deepEqual([...series.close], [1, 3]);
  assert.deepEqual([...series.volume], [1, 9]);
});

Deno.test("convertChart() skips rows with a null price or adjclose and counts them", () => {
  const t0 = Date.UTC(2024, 4, 1, 13, 30) / 1000;
  const c = chart({
    timestamp: [t0, t0 + 86_400, t0 + 2 * 86_400],
    indicators: {
      quote: [{
        open: [1, null, 1],
        high: [1, 1, 1],
        low: [1, 1, 1],
        close: [1, 1, 1],
        volume: [1, 1, 1],
      }],
      adjclose: [{ adjclose: [1, 1, null] }],
    },
  });
  const { series, skippedRows } = convertChart(c, "X", "1d");
  assert.equal(series.time.length, 1);
  assert.equal(skippedRows, 2);
});

Deno.test("convertChart() merges a dividend and a split on one day and filters actions by day", () => {
  const exDate = new Date(Date.UTC(2024, 4, 2, 13, 30));
  const c = chart({
    events: {
      dividends: { a: { amount: 0.5, date: exDate }, b: { amount: 0.25, date: new Date(0) } },
      splits: { s: { date: exDate, numerator: 1, denominator: 8 } },
    },
  });
  const fromDay = Date.UTC(2024, 0, 1) / DAY;
  const { series, actions } = convertChart(c, "X", "1d", fromDay);
  assert.equal(series.time.length, 0);
  assert.deepEqual(actions, [{
    ticker: "X",
    day: Date.UTC(2024, 4, 2) / DAY,
    dividend: 0.5,
    split: 0.125,
  }]);
});

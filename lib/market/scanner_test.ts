/**
 * Tests of the scanner on hand-built series whose condition is known
 * (_scanner_cases.ts), and of its point-in-time guarantee.
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { type BarSeries, sliceSeries } from "../data/bars.ts";
import { dayOfMs, weekdayOfDay } from "../data/dates.ts";
import { Panel } from "../data/panel.ts";
import { _breakCase, _hourlyFromDaily, _rangeCase, _trendCase } from "./_scanner_cases.ts";
import { scanAsset, scanPanel } from "./scanner.ts";
import { combineTimeframes } from "./scanner_combine.ts";
import { scanHistory } from "./scanner_history.ts";
import type { ScanResult } from "./scanner_result.ts";

const DAYS = 1_300; // about five years of weekdays: enough for monthly ADX and bands

function summary(r: ScanResult | undefined): string {
  return r === undefined ? "none" : `${r.condition} ${r.trendDirection}`;
}

Deno.test("scanAsset() finds each hand-built case's condition on every timeframe", () => {
  const cases: [BarSeries, string, string[]][] = [
    [_trendCase("UP", DAYS, 0.003), "trending up", ["trending", "trending", "trending"]],
    [_trendCase("DOWN", DAYS, -0.003), "trending down", ["trending", "trending", "trending"]],
    [_rangeCase("RANGE", DAYS), "ranging up", ["ranging", "ranging", "ranging"]],
  ];
  for (const [series, expected, parts] of cases) {
    const result = scanAsset(series);
    assert.equal(summary(result), expected, series.ticker);
    assert.equal(result?.timeframe, "multi");
    assert.deepEqual(result?.parts.map((p) => p.timeframe), ["1d", "1w", "1mo"]);
    assert.deepEqual(result?.parts.map((p) => p.condition), parts, series.ticker);
  }
});

Deno.test("scanAsset() calls a jump out of a squeeze on 3x volume a breakout or breakdown", () => {
  const up = scanAsset(_breakCase("BO", DAYS, 0.03, 3), { timeframes: { "1d": 1 } });
  const down = scanAsset(_breakCase("BD", DAYS, -0.03, 3), { timeframes: { "1d": 1 } });
  assert.equal(summary(up), "breakout up");
  assert.equal(summary(down), "breakdown down");
  // The quiet last 40 days made a squeeze: full squeeze evidence, so high confidence.
  assert.ok((up?.confidence ?? 0) > 0.9, `confidence ${up?.confidence}`);
  assert.equal(up?.volumeRatio, 3);
  // The same jump on ordinary volume is no breakout.
  const thin = scanAsset(_breakCase("THIN", DAYS, 0.03, 1), { timeframes: { "1d": 1 } });
  assert.notEqual(thin?.condition, "breakout");
});

Deno.test("scanAsset() reports the combination of its parts, by combineTimeframes()", () => {
  const result = scanAsset(_breakCase("BO", DAYS, 0.03, 3));
  assert.ok(result !== undefined);
  const weights = [0.5, 0.3, 0.2];
  const expected = combineTimeframes(
    result.parts.map((p, k) => ({ result: p, weight: weights[k] as number })),
  );
  assert.deepEqual(
    {
      condition: result.condition,
      trendDirection: result.trendDirection,
      confidence: result.confidence,
      strength: result.strength,
      volumeRatio: result.volumeRatio,
      priceChange: result.priceChange,
      volatility: result.volatility,
    },
    expected,
  );
  // 1d breakout (confidence 1, weight 0.5) outvotes the slower timeframes' range.
  assert.equal(result.condition, "breakout");
});

Deno.test("scanAsset() reports the seed's scanner_historical columns", () => {
  const series = _trendCase("UP", DAYS, 0.003);
  const result = scanAsset(series, {
    timeframes: { "1d": 1 },
    markets: { UP: "us_equity" },
  });
  assert.ok(result !== undefined);
  assert.equal(result.ticker, "UP");
  assert.equal(result.market, "us_equity");
  assert.equal(result.timeframe, "1d");
  assert.deepEqual(result.parts, []);
  const last = series.close.length - 1;
  assert.equal(result.date, new Date(series.time[last] as number).toISOString().slice(0, 10));
  // Price change over 20 bars, by hand from the closes.
  const change = (series.close[last] as number) / (series.close[last - 20] as number) - 1;
  assert.ok(Math.abs(result.priceChange - change) < 1e-12);
  for (const v of [result.confidence, result.strength]) assert.ok(v >= 0 && v <= 1);
  assert.ok(result.volatility > 0 && result.volumeRatio > 0);
  assert.equal(scanAsset(series, { timeframes: { "1d": 1 } })?.market, "default");
});

/** A Panel of every case, one listed a year late and one with a missing day. */
function casePanel(): Panel {
  const late = _trendCase("LATE", DAYS, 0.002, 9);
  const gappy = _rangeCase("GAPPY", DAYS, 4);
  const holes = [...gappy.time.keys()].filter((i) => i !== 700);
  const pick = (c: Float64Array) => Float64Array.from(holes, (i) => c[i] as number);
  return Panel.fromSeries([
    _trendCase("UP", DAYS, 0.003),
    _rangeCase("RANGE", DAYS),
    _breakCase("BO", DAYS, 0.03, 3),
    sliceSeries(late, 250, DAYS),
    {
      ...gappy,
      time: pick(gappy.time),
      open: pick(gappy.open),
      high: pick(gappy.high),
      low: pick(gappy.low),
      close: pick(gappy.close),
      adjClose: pick(gappy.adjClose),
      volume: pick(gappy.volume),
    },
  ]);
}

Deno.test("the scan at day t is the same on the full panel, on panel.truncate(t) and on panel.view(t)", () => {
  const panel = casePanel();
  const history = scanHistory(panel);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: DAYS - 1 }), (t) => {
      const full = history.at(t);
      assert.deepEqual(scanHistory(panel.truncate(t)).at(t), full, `day ${t}`);
      assert.deepEqual(scanPanel(panel.view(t)), full, `day ${t}`);
    }),
    { numRuns: 12, examples: [[700], [1299], [300]] },
  );
});

Deno.test("scanHistory() leaves out an asset on a day it has no bar, and before it has history", () => {
  const panel = casePanel();
  const history = scanHistory(panel);
  const tickersAt = (t: number) => history.at(t).map((r) => r.ticker);
  assert.deepEqual(tickersAt(DAYS - 1), ["UP", "RANGE", "BO", "LATE", "GAPPY"]);
  assert.ok(!tickersAt(700).includes("GAPPY"));
  assert.ok(!tickersAt(270).includes("LATE")); // listed at day 250: no ADX yet
  assert.ok(tickersAt(300).includes("LATE")); // 51 bars: daily ADX (28 bars) is there
  assert.deepEqual(tickersAt(10), []);
  assert.throws(() => history.resultAt(9, 0), RangeError);
});

Deno.test("scanHistory() reads the last complete week: Wednesday sees the week that ended on Friday", () => {
  const panel = Panel.fromSeries([_trendCase("UP", DAYS, 0.003)]);
  const history = scanHistory(panel);
  const t = [...panel.days.keys()].findLast((i) => weekdayOfDay(panel.days[i] as number) === 3);
  assert.ok(t !== undefined && weekdayOfDay(panel.days[t - 2] as number) === 1);
  const weekly = (i: number) => {
    const part = history.resultAt(0, i)?.parts.find((p) => p.timeframe === "1w");
    return part === undefined ? undefined : { ...part, date: "" };
  };
  // Monday, Tuesday and Wednesday all read the previous Friday's completed week.
  assert.deepEqual(weekly(t), weekly(t - 3));
  assert.deepEqual(weekly(t - 1), weekly(t - 3));
  // The week completing on Friday is new information.
  assert.notDeepEqual(weekly(t + 2), weekly(t));
});

Deno.test("the scanner adds 1h and 4h timeframes from hourly bars, only on days that have them", () => {
  const daily = _trendCase("UP", 400, 0.003);
  const hourly = _hourlyFromDaily(sliceSeries(daily, 0, 390)); // hourly bars stop 10 days early
  const options = { timeframes: { "1d": 0.5, "4h": 0.25, "1h": 0.25 }, intraday: { UP: hourly } };
  const history = scanHistory(Panel.fromSeries([daily]), options);
  const at = (t: number) =>
    history.resultAt(0, t)?.parts.map((p) => `${p.timeframe} ${p.condition}`);
  // Heaviest first, finer first on equal weight.
  assert.deepEqual(at(389), ["1d trending", "1h trending", "4h trending"]);
  assert.deepEqual(at(395), ["1d trending"]);
  // Point in time: hourly bars after day t change nothing at day t.
  const t = 300;
  const known = hourly.time.findLastIndex((ms) => dayOfMs(ms) <= dayOfMs(daily.time[t] as number));
  const cut = scanHistory(Panel.fromSeries([sliceSeries(daily, 0, t + 1)]), {
    ...options,
    intraday: { UP: sliceSeries(hourly, 0, known + 1) },
  });
  assert.deepEqual(cut.resultAt(0, t), history.resultAt(0, t));
});

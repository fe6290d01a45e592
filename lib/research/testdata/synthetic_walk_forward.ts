/**
 * A walk-forward's report without running one, for text, page and browser
 * tests: four one-year windows over a grid of two parameters (one window's
 * chosen value and the grid's source hostile), statistics computed by the
 * real functions on seeded returns, a stitched curve and two benchmarks.
 *
 * @module
 */
import { createRandom } from "../../data/random.ts";
import { HOSTILE } from "../../report/testdata/synthetic_run_result.ts";
import { searchStatisticsOf } from "../search_statistics.ts";
import type { Headline, WalkForwardReport } from "../walk_forward_report.ts";

/** The report of a synthetic 2y/1y rolling walk-forward over 2015-2020 with 6 configurations. */
export function syntheticWalkForwardReport(): WalkForwardReport {
  const rng = createRandom(11, "walk-forward-report");
  const returns = (days: number, drift: number) =>
    Float64Array.from({ length: days }, () => drift + 0.01 * (rng.next() - 0.5));
  const search = (days: number) => {
    const columns = Array.from({ length: 6 }, (_, n) => returns(days, 0.0002 * (n - 2)));
    return searchStatisticsOf(columns, 5);
  };
  const headline = (sharpe: number): Headline => ({
    totalReturn: sharpe * 0.08,
    cagr: sharpe * 0.07,
    sharpe,
    sortino: sharpe * 1.4,
    annualVolatility: 0.11,
    maxDrawdown: -0.05 - 0.1 * rng.next(),
  });
  const year = (y: number) => ({ start: `${y}-01-02`, end: `${y}-12-31`, days: 252 });
  const windows = [0, 1, 2, 3].map((k) => {
    const isSharpe = 1 + rng.next(), oosSharpe = 1.5 * rng.next() - 0.3;
    return {
      index: k,
      train: { start: `${2015 + k}-01-02`, end: `${2016 + k}-12-31`, days: 504 },
      test: year(2017 + k),
      partial: k === 3,
      params: {
        "sizing.minScore": [0.6, 0.65, 0.7, 0.6][k],
        "protection.graceDays": k === 2 ? HOSTILE : k + 2,
      },
      byMetric: true,
      inSample: { ...headline(isSharpe), value: isSharpe, configHash: `in${k}`.padEnd(64, "0") },
      outOfSample: {
        ...headline(oosSharpe),
        value: oosSharpe,
        startValue: 100_000 * (1 + 0.05 * k),
        endValue: 100_000 * (1 + 0.05 * (k + 1)),
      },
      statistics: search(504),
    };
  });
  const dates: string[] = [], value: number[] = [], spy: number[] = [], mix: number[] = [];
  let v = 100_000, s = 100_000, m = 100_000;
  for (let i = 0; i < 4 * 252; i++) {
    dates.push(
      new Date(Date.UTC(2017, 0, 2 + Math.floor(i * 365 / 252))).toISOString().slice(0, 10),
    );
    value.push(v *= 1 + 0.0004 + 0.01 * (rng.next() - 0.5));
    spy.push(s *= 1 + 0.0003 + 0.012 * (rng.next() - 0.5));
    mix.push(m *= 1 + 0.0002 + 0.006 * (rng.next() - 0.5));
  }
  return {
    name: "synthetic",
    source: `grids/${HOSTILE}.yaml`,
    train: "2y",
    test: "1y",
    anchored: false,
    metric: { name: "sharpe", label: "Sharpe", format: "number" },
    trials: 6,
    random: null,
    parameters: [
      { path: "sizing.minScore", values: ["0.6", "0.65", "0.7"] },
      { path: "protection.graceDays", values: ["2", "3", HOSTILE, "5", "6"] },
    ],
    dataHash: "d".repeat(64),
    codeVersion: "test",
    configHash: "c".repeat(64),
    windows,
    stitched: {
      period: { start: "2017-01-02", end: dates.at(-1) ?? "", days: dates.length },
      initialCash: 100_000,
      finalValue: value.at(-1) ?? NaN,
      headline: headline(0.8),
      benchmarks: [
        { name: "SPY", headline: headline(0.7) },
        { name: "60/40:SPY,TLT", headline: headline(0.6) },
      ],
      benchmarkNotes: [],
      curve: { dates, value, benchmarks: [spy, mix] },
    },
    whole: {
      span: { start: "2015-01-02", end: "2020-12-31", days: 1512 },
      params: { "sizing.minScore": 0.65, "protection.graceDays": 3 },
      byMetric: true,
      inSample: { ...headline(1.2), value: 1.2, configHash: "w".padEnd(64, "0") },
      statistics: search(1511),
    },
  };
}

/**
 * The data of the calendar returns charts: the monthly heat map (year x
 * month) and the yearly bars, the strategy's from its metrics and the
 * benchmark's compounded the same way (lib/analytics/period_returns.ts) over
 * the days it has a price.
 *
 * @module
 */

import { periodReturns } from "../analytics/mod.ts";
import type { RunResult } from "../engine/run_result.ts";
import { roundSignificant } from "./format.ts";

/** `[month index 0-11, year index, return]`, the heat map's cell. */
export type MonthCell = readonly [month: number, year: number, value: number];

/** The heat map and the yearly bars. */
export type ReturnsCharts = {
  /** Years of the heat map, ascending. */
  readonly years: readonly string[];
  readonly monthly: readonly MonthCell[];
  /** Yearly returns of the strategy on `years` (null for a year without one). */
  readonly yearly: readonly (number | null)[];
  /** Yearly returns of the first benchmark on `years`, or null without a benchmark. */
  readonly benchmarkYearly: readonly (number | null)[] | null;
  /** The first benchmark's name, or null without one. */
  readonly benchmarkName: string | null;
};

/** The calendar returns charts of a run. */
export function returnsCharts(result: RunResult): ReturnsCharts {
  const { monthly, yearly } = result.metrics.periodReturns;
  const years = Object.keys(yearly).sort();
  const cells: MonthCell[] = [];
  years.forEach((year, y) => {
    const row = monthly[year] ?? {};
    for (let m = 1; m <= 12; m++) {
      const v = row[String(m)];
      if (v !== undefined) cells.push([m - 1, y, roundSignificant(v, 5)]);
    }
  });
  const bench = _benchmarkYearly(result);
  return {
    years,
    monthly: cells,
    yearly: years.map((year) => _rounded(yearly[year])),
    benchmarkYearly: bench === null ? null : years.map((year) => _rounded(bench[year])),
    benchmarkName: result.benchmarks[0]?.name ?? null,
  };
}

function _rounded(v: number | undefined): number | null {
  return v === undefined ? null : roundSignificant(v, 5);
}

function _benchmarkYearly(result: RunResult): Readonly<Record<string, number>> | null {
  const first = result.benchmarks[0];
  if (first === undefined) return null;
  const dates: string[] = [], value: number[] = [];
  first.value.forEach((v, i) => {
    if (v !== null && v > 0) {
      dates.push(result.equity.dates[i] ?? "");
      value.push(v);
    }
  });
  return value.length < 2 ? null : periodReturns({ dates, value }).yearly;
}

/**
 * Everything the report's charts draw, computed from a run's result and
 * embedded in the page as one JSON document: series downsampled, periods
 * aggregated, nothing the charts do not use. Sections a strategy does not
 * produce are null.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import {
  type AllocationChart,
  allocationChart,
  type HoldingBar,
  holdingBars,
} from "./allocation_chart.ts";
import { type DrawdownChart, drawdownChart } from "./drawdown_chart.ts";
import { type EquityChart, equityChart } from "./equity_chart.ts";
import { type ProtectionCharts, protectionCharts } from "./protection_charts.ts";
import { type RegimeBand, regimeBand } from "./regime_band.ts";
import type { ResolvedReportOptions } from "./report_options.ts";
import { type ReturnsCharts, returnsCharts } from "./returns_charts.ts";
import { type RollingChart, rollingChart } from "./rolling_chart.ts";

/** Bars in the holdings chart (the table lists more). */
export const HOLDING_BARS = 25;

/** The data the charts draw. */
export type ReportData = {
  readonly equity: EquityChart;
  readonly regimes: RegimeBand | null;
  readonly drawdown: DrawdownChart;
  readonly returns: ReturnsCharts;
  readonly rolling: RollingChart | null;
  readonly allocation: AllocationChart | null;
  readonly holdings: readonly HoldingBar[];
  readonly protection: ProtectionCharts | null;
};

/**
 * The chart data of a run. Throws `RangeError` when a column's length differs
 * from its dates' (a malformed result is a bug upstream).
 */
export function reportData(result: RunResult, options: ResolvedReportOptions): ReportData {
  _checkEquity(result);
  const maxPoints = options.maxPointsPerLine;
  return {
    equity: equityChart(result, maxPoints, options.logScale),
    regimes: result.regimes === null ? null : regimeBand(result.regimes),
    drawdown: drawdownChart(result, maxPoints, options.worstDrawdowns),
    returns: returnsCharts(result),
    rolling: rollingChart(result, options.rollingWindowDays, maxPoints),
    allocation: result.allocation === null ? null : allocationChart(result.allocation, maxPoints),
    holdings: holdingBars(result.holdings, HOLDING_BARS),
    protection: result.protection === null ? null : protectionCharts(result.protection),
  };
}

function _checkEquity(result: RunResult): void {
  const { dates, value } = result.equity;
  if (dates.length === 0) {
    throw new RangeError("Cannot build a report as the equity curve is empty");
  }
  const columns: [string, number][] = [
    ["equity.value", value.length],
    ...result.benchmarks.map((b, k): [string, number] => [`benchmarks.${k}.value`, b.value.length]),
  ];
  for (const [name, length] of columns) {
    if (length !== dates.length) {
      throw new RangeError(
        `Cannot build a report as ${name} must hold one entry per date: current length is ${length}, dates ${dates.length}`,
      );
    }
  }
}

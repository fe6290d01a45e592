/**
 * The metrics table: the strategy's figures beside the benchmark's, from the
 * run's `Metrics` (lib/analytics/metrics.ts), as HTML.
 *
 * @module
 */

import type { Metrics } from "../analytics/mod.ts";
import { escapeHtml } from "./html_escape.ts";
import { formatNumber, formatPercent, MISSING } from "./format.ts";

type Row = readonly [label: string, strategy: string, benchmark: string];

const pct = (v: number | null): string => formatPercent(v);
const ratio = (v: number | null): string => formatNumber(v, 2);
const money = (v: number | null): string => formatNumber(v, 2);

/** The rows of the metrics table: label, strategy, benchmark (a dash where it has none). */
export function metricsRows(
  metrics: Metrics,
  benchmarkValues: readonly (number | null)[] | null = null,
): Row[] {
  const b = metrics.benchmark, t = metrics.trades, dd = metrics.maxDrawdown;
  const span = (peak: string | null, trough: string | null) =>
    peak === null || trough === null ? MISSING : `${peak} → ${trough}`;
  return [
    ["Start value", money(metrics.startValue), money(_first(benchmarkValues))],
    ["End value", money(metrics.endValue), money(_first([...(benchmarkValues ?? [])].reverse()))],
    ["Total return", pct(metrics.totalReturn), pct(b?.totalReturn ?? null)],
    ["CAGR", pct(metrics.cagr), pct(b?.cagr ?? null)],
    ["Annual volatility", pct(metrics.annualVolatility), pct(b?.annualVolatility ?? null)],
    ["Sharpe ratio", ratio(metrics.sharpe), ratio(b?.sharpe ?? null)],
    ["Sortino ratio", ratio(metrics.sortino), MISSING],
    ["Calmar ratio", ratio(metrics.calmar), MISSING],
    ["Max drawdown", pct(dd.depth), pct(b?.maxDrawdown.depth ?? null)],
    [
      "Max drawdown peak → trough",
      span(dd.peak, dd.trough),
      span(b?.maxDrawdown.peak ?? null, b?.maxDrawdown.trough ?? null),
    ],
    [
      "Max drawdown recovery",
      dd.recovery ?? (dd.peak === null ? MISSING : "not recovered"),
      b === null
        ? MISSING
        : b.maxDrawdown.recovery ?? (b.maxDrawdown.peak === null ? MISSING : "not recovered"),
    ],
    ["Beta", ratio(b?.beta ?? null), MISSING],
    ["Alpha (annual)", pct(b?.alpha ?? null), MISSING],
    ["Tracking error", pct(b?.trackingError ?? null), MISSING],
    ["Information ratio", ratio(b?.informationRatio ?? null), MISSING],
    ["Mean exposure", pct(metrics.exposure), MISSING],
    ["Turnover (annual)", pct(metrics.turnover), MISSING],
    ["Closed trades", formatNumber(t.count), MISSING],
    ["Win rate", pct(t.winRate), MISSING],
    ["Profit factor", ratio(t.profitFactor), MISSING],
    ["Average win", money(t.averageWin), MISSING],
    ["Average loss", money(t.averageLoss), MISSING],
    ["SQN", ratio(t.sqn), MISSING],
    ["Risk-free rate (annual)", pct(metrics.riskFreeRate), MISSING],
  ];
}

function _first(values: readonly (number | null)[] | null): number | null {
  return values?.find((v) => v !== null) ?? null;
}

/** The metrics table as HTML; the benchmark column is left out without a benchmark. */
export function metricsTableHtml(
  metrics: Metrics,
  benchmark: { readonly ticker: string; readonly value: readonly (number | null)[] } | null,
): string {
  const benchmarkTicker = benchmark?.ticker ?? null;
  const withBenchmark = benchmarkTicker !== null;
  const head = `<tr><th>Metric</th><th>Strategy</th>${
    withBenchmark ? `<th>Benchmark (${escapeHtml(benchmarkTicker)})</th>` : ""
  }</tr>`;
  const body = metricsRows(metrics, benchmark?.value ?? null).map(([label, strategy, benchmark]) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(strategy)}</td>${
      withBenchmark ? `<td>${escapeHtml(benchmark)}</td>` : ""
    }</tr>`
  );
  return `<table class="metrics"><thead>${head}</thead><tbody>${body.join("")}</tbody></table>`;
}

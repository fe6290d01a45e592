/**
 * The metrics table: the strategy's figures beside each benchmark's, from the
 * run's `Metrics` (lib/analytics/metrics.ts) and each benchmark's own, as HTML.
 * Beta, alpha, tracking error and information ratio are the strategy's,
 * measured against the first benchmark.
 *
 * @module
 */

import type { Metrics } from "../analytics/mod.ts";
import type { BenchmarkRun } from "../engine/run_result.ts";
import { escapeHtml } from "./html_escape.ts";
import { formatNumber, formatPercent, MISSING } from "./format.ts";

/** A label, then the strategy's cell, then one cell per benchmark. */
type Row = readonly string[];

const pct = (v: number | null | undefined): string => formatPercent(v ?? null);
const ratio = (v: number | null | undefined): string => formatNumber(v ?? null, 2);
const money = (v: number | null | undefined): string => formatNumber(v ?? null, 2);

/** The figures of one column; a version 1 benchmark knows only some (the rest are dashes). */
type Figures = Partial<Metrics> & Pick<Metrics, "maxDrawdown">;

/**
 * The rows of the metrics table: label, strategy, then each benchmark (a dash where a
 * figure does not apply). A benchmark without metrics of its own (read from a version 1
 * result) shows, in first place, the figures `metrics.benchmark` holds.
 */
export function metricsRows(metrics: Metrics, benchmarks: readonly BenchmarkRun[] = []): Row[] {
  const b = metrics.benchmark, t = metrics.trades;
  const columns: Figures[] = [metrics, ...benchmarks.map((x, k) => _figures(x, k, metrics))];
  const cells = (f: (c: Figures) => string): string[] => columns.map(f);
  const row = (label: string, f: (c: Figures) => string): Row => [label, ...cells(f)];
  const strategyOnly = (label: string, value: string): Row => [
    label,
    value,
    ...benchmarks.map(() => MISSING),
  ];
  const span = (c: Figures) =>
    c.maxDrawdown.peak === null || c.maxDrawdown.trough === null
      ? MISSING
      : `${c.maxDrawdown.peak} → ${c.maxDrawdown.trough}`;
  const versus = benchmarks[0] === undefined ? "" : ` (vs ${benchmarks[0].name})`;
  return [
    row("Start value", (c) => money(c.startValue)),
    row("End value", (c) => money(c.endValue)),
    row("Total return", (c) => pct(c.totalReturn)),
    row("CAGR", (c) => pct(c.cagr)),
    row("Annual volatility", (c) => pct(c.annualVolatility)),
    row("Sharpe ratio", (c) => ratio(c.sharpe)),
    row("Sortino ratio", (c) => ratio(c.sortino)),
    row("Calmar ratio", (c) => ratio(c.calmar)),
    row("Max drawdown", (c) => pct(c.maxDrawdown.depth)),
    row("Max drawdown peak → trough", span),
    row(
      "Max drawdown recovery",
      (c) => c.maxDrawdown.recovery ?? (c.maxDrawdown.peak === null ? MISSING : "not recovered"),
    ),
    strategyOnly(`Beta${versus}`, ratio(b?.beta)),
    strategyOnly(`Alpha (annual)${versus}`, pct(b?.alpha)),
    strategyOnly(`Tracking error${versus}`, pct(b?.trackingError)),
    strategyOnly(`Information ratio${versus}`, ratio(b?.informationRatio)),
    row("Mean exposure", (c) => pct(c.exposure)),
    row("Turnover (annual)", (c) => pct(c.turnover)),
    row("Closed trades", (c) => c.trades === undefined ? MISSING : formatNumber(c.trades.count)),
    strategyOnly("Win rate", pct(t.winRate)),
    strategyOnly("Profit factor", ratio(t.profitFactor)),
    strategyOnly("Average win", money(t.averageWin)),
    strategyOnly("Average loss", money(t.averageLoss)),
    strategyOnly("SQN", ratio(t.sqn)),
    strategyOnly("Risk-free rate (annual)", pct(metrics.riskFreeRate)),
  ];
}

function _figures(run: BenchmarkRun, k: number, metrics: Metrics): Figures {
  if (run.metrics !== null) return run.metrics;
  const values = run.value.filter((v): v is number => v !== null);
  const old = k === 0 ? metrics.benchmark : null;
  return {
    ...(values.length > 0 ? { startValue: values[0], endValue: values.at(-1) } : {}),
    ...(old === null ? {} : {
      totalReturn: old.totalReturn,
      cagr: old.cagr,
      annualVolatility: old.annualVolatility,
      sharpe: old.sharpe,
    }),
    maxDrawdown: old?.maxDrawdown ?? { depth: NaN, peak: null, trough: null, recovery: null },
  } as Figures;
}

/** The metrics table as HTML: one column for the strategy and one per benchmark. */
export function metricsTableHtml(metrics: Metrics, benchmarks: readonly BenchmarkRun[]): string {
  const head = `<tr><th>Metric</th><th>Strategy</th>${
    benchmarks.map((b) => `<th>${escapeHtml(b.name)}</th>`).join("")
  }</tr>`;
  const body = metricsRows(metrics, benchmarks).map(([label, ...values]) =>
    `<tr><th scope="row">${escapeHtml(label ?? "")}</th>${
      values.map((v) => `<td>${escapeHtml(v)}</td>`).join("")
    }</tr>`
  );
  return `<table class="metrics"><thead>${head}</thead><tbody>${body.join("")}</tbody></table>`;
}

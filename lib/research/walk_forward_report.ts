/**
 * A walk-forward's report as data (`walkforward.json`, what `--json` prints
 * and what its HTML page draws): per window the in-sample winner against its
 * out-of-sample result with the parameters chosen, the deflated Sharpe ratio
 * and the PBO of its search; the stitched out-of-sample metrics against its
 * benchmarks, with the curves downsampled for drawing; and the whole period's
 * search judged the same way.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import { extremaIndices } from "../report/downsample.ts";
import type { Assignment } from "./grid_space.ts";
import type { ChosenRun, WalkForwardSummary } from "./run_walk_forward.ts";
import type { SearchStatistics } from "./search_statistics.ts";
import { metricSpec } from "./sweep_metric.ts";
import type { SelectionMetric } from "./in_sample_winner.ts";

/** Headline figures of a run or benchmark. */
export type Headline = {
  readonly totalReturn: number;
  readonly cagr: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly annualVolatility: number | null;
  readonly maxDrawdown: number;
};

/** A span's dates. */
export type SpanDates = { readonly start: string; readonly end: string; readonly days: number };

/** One window of the report. */
export type WindowReport = {
  readonly index: number;
  readonly train: SpanDates;
  readonly test: SpanDates;
  readonly partial: boolean;
  /** The parameters the window chose. */
  readonly params: Assignment;
  /** False when no run had a value of the metric (the first by config hash was taken). */
  readonly byMetric: boolean;
  readonly inSample: Headline & { readonly value: number | null; readonly configHash: string };
  readonly outOfSample: Headline & {
    readonly value: number | null;
    readonly startValue: number;
    readonly endValue: number;
  };
  readonly statistics: SearchStatistics;
};

/** The report of a walk-forward; see the module doc. */
export type WalkForwardReport = {
  readonly name: string;
  readonly source: string;
  readonly train: string;
  readonly test: string;
  readonly anchored: boolean;
  readonly metric: {
    readonly name: SelectionMetric;
    readonly label: string;
    readonly format: "percent" | "number";
  };
  /** Configurations searched in each window. */
  readonly trials: number;
  readonly random: { readonly count: number; readonly seed: number } | null;
  readonly parameters: readonly { readonly path: string; readonly values: readonly string[] }[];
  readonly dataHash: string;
  readonly codeVersion: string;
  readonly configHash: string;
  readonly windows: readonly WindowReport[];
  readonly stitched: {
    readonly period: SpanDates;
    readonly initialCash: number;
    readonly finalValue: number;
    readonly headline: Headline;
    readonly benchmarks: readonly { readonly name: string; readonly headline: Headline | null }[];
    readonly benchmarkNotes: readonly string[];
    /** The curves at up to {@link CURVE_POINTS} days (extremes kept), benchmarks at the same days. */
    readonly curve: {
      readonly dates: readonly string[];
      readonly value: readonly number[];
      readonly benchmarks: readonly (readonly (number | null)[])[];
    };
  };
  readonly whole: {
    readonly span: SpanDates;
    readonly params: Assignment;
    readonly byMetric: boolean;
    readonly inSample: Headline & { readonly value: number | null; readonly configHash: string };
    readonly statistics: SearchStatistics;
  };
};

/** Points of the stitched curve kept for drawing. */
export const CURVE_POINTS = 600;

/**
 * The headline figures of a run's metrics.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics } from "../analytics/metrics.ts";
 * import { headlineOf } from "./walk_forward_report.ts";
 *
 * const h = headlineOf(computeMetrics({ curve: { dates: ["2024-01-02", "2024-01-03"], value: [100, 90] } }));
 * assert.equal(h.maxDrawdown.toFixed(2), "-0.10");
 * ```
 */
export function headlineOf(m: Metrics): Headline {
  return {
    totalReturn: m.totalReturn,
    cagr: m.cagr,
    sharpe: m.sharpe,
    sortino: m.sortino,
    annualVolatility: m.annualVolatility,
    maxDrawdown: m.maxDrawdown.depth,
  };
}

/**
 * The report of a finished walk-forward named `name`.
 *
 * @example The summary of a walk-forward over 2020 of the fixture market, as data
 * ```ts
 * import assert from "node:assert/strict";
 * import { walkForward } from "./walk_forward.ts";
 * import { walkForwardReport } from "./walk_forward_report.ts";
 *
 * for await (const event of walkForward({
 *   base: { run: { start: "2020-01-02" } },
 *   parameters: { "sizing.minScore": [0.65] },
 *   train: "6m",
 *   test: "3m",
 * })) {
 *   if (event.kind !== "summary") continue;
 *   const report = walkForwardReport(event, "example");
 *   assert.equal(report.windows.length, event.windows.length);
 *   assert.equal(report.stitched.period.start, report.windows[0]?.test.start);
 *   assert.equal(report.whole.statistics.overfitting, null); // one configuration: no PBO
 * }
 * ```
 */
export function walkForwardReport(summary: WalkForwardSummary, name: string): WalkForwardReport {
  const { spec, stitched } = summary;
  const result = stitched.result;
  const spec_ = metricSpec(spec.metric);
  const series = [result.equity.value, ...result.benchmarks.map((b) => b.value)];
  const picked = extremaIndices(series, Math.max(CURVE_POINTS, 4 * series.length + 2));
  const span = (s: SpanDates): SpanDates => ({ start: s.start, end: s.end, days: s.days });
  return {
    name,
    source: spec.source,
    train: spec.train,
    test: spec.test,
    anchored: spec.anchored,
    metric: { name: spec.metric, label: spec_.label, format: spec_.format },
    trials: spec.trials,
    random: spec.random ?? null,
    parameters: spec.parameters.map((p) => ({ path: p.path, values: p.values.map(parameterText) })),
    dataHash: result.dataHash,
    codeVersion: result.codeVersion,
    configHash: result.configHash,
    windows: summary.windows.map((w, k) => {
      const piece = stitched.pieces[k];
      return {
        index: w.index,
        train: span(w.train),
        test: span(w.test),
        partial: w.partial,
        params: w.inSample.params,
        byMetric: w.inSample.byMetric,
        inSample: _chosen(w.inSample),
        outOfSample: {
          ...headlineOf(w.outOfSample.result.metrics),
          value: w.outOfSample.value,
          startValue: piece?.startValue ?? NaN,
          endValue: piece?.endValue ?? NaN,
        },
        statistics: w.statistics,
      };
    }),
    stitched: {
      period: span(result.period),
      initialCash: result.initialCash,
      finalValue: result.finalValue,
      headline: headlineOf(result.metrics),
      benchmarks: result.benchmarks.map((b) => ({
        name: b.name,
        headline: b.metrics ? headlineOf(b.metrics) : null,
      })),
      benchmarkNotes: result.benchmarkNotes,
      curve: {
        dates: picked.map((i) => result.equity.dates[i] as string),
        value: picked.map((i) => result.equity.value[i] as number),
        benchmarks: result.benchmarks.map((b) => picked.map((i) => b.value[i] ?? null)),
      },
    },
    whole: {
      span: span(summary.whole.span),
      params: summary.whole.best.params,
      byMetric: summary.whole.best.byMetric,
      inSample: _chosen(summary.whole.best),
      statistics: summary.whole.statistics,
    },
  };
}

/** A parameter value as text: strings as they are, anything else as JSON. */
export function parameterText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function _chosen(run: ChosenRun): WindowReport["inSample"] {
  return { ...headlineOf(run.metrics), value: run.value, configHash: run.configHash };
}

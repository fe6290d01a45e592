/**
 * The metrics a sweep can rank its runs by (the names of lib/analytics/metrics.ts,
 * as walk-forward's in-sample winner takes them): where each sits in a run's
 * {@link Metrics} and which way is better (a higher Sharpe, a shallower
 * drawdown, a lower volatility).
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";

/** The rankable metrics, by the name `--metric` takes. */
export const METRIC_NAMES = [
  "sharpe",
  "sortino",
  "calmar",
  "cagr",
  "totalReturn",
  "maxDrawdown",
  "annualVolatility",
  "turnover",
  "winRate",
  "profitFactor",
  "sqn",
  "alpha",
  "informationRatio",
] as const;

/** One of {@link METRIC_NAMES}. */
export type MetricName = typeof METRIC_NAMES[number];

/** Where a metric is in the metrics object and whether higher is better. */
export type MetricSpec = {
  readonly name: MetricName;
  /** Keys from the metrics object down to the number. */
  readonly path: readonly string[];
  readonly better: "higher" | "lower";
  /** Shown as a percentage (a fraction) or as a plain number. */
  readonly format: "percent" | "number";
  readonly label: string;
};

const SPECS: Readonly<Record<MetricName, Omit<MetricSpec, "name">>> = {
  sharpe: { path: ["sharpe"], better: "higher", format: "number", label: "Sharpe" },
  sortino: { path: ["sortino"], better: "higher", format: "number", label: "Sortino" },
  calmar: { path: ["calmar"], better: "higher", format: "number", label: "Calmar" },
  cagr: { path: ["cagr"], better: "higher", format: "percent", label: "CAGR" },
  totalReturn: {
    path: ["totalReturn"],
    better: "higher",
    format: "percent",
    label: "Total return",
  },
  // depth is <= 0: higher is shallower.
  maxDrawdown: {
    path: ["maxDrawdown", "depth"],
    better: "higher",
    format: "percent",
    label: "Max drawdown",
  },
  annualVolatility: {
    path: ["annualVolatility"],
    better: "lower",
    format: "percent",
    label: "Volatility",
  },
  turnover: { path: ["turnover"], better: "lower", format: "number", label: "Turnover" },
  winRate: { path: ["trades", "winRate"], better: "higher", format: "percent", label: "Win rate" },
  profitFactor: {
    path: ["trades", "profitFactor"],
    better: "higher",
    format: "number",
    label: "Profit factor",
  },
  sqn: { path: ["trades", "sqn"], better: "higher", format: "number", label: "SQN" },
  alpha: { path: ["benchmark", "alpha"], better: "higher", format: "percent", label: "Alpha" },
  informationRatio: {
    path: ["benchmark", "informationRatio"],
    better: "higher",
    format: "number",
    label: "Information ratio",
  },
};

/** The spec of a metric name. */
export function metricSpec(name: MetricName): MetricSpec {
  return { name, ...SPECS[name] };
}

/** Whether `name` is a rankable metric. */
export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

/**
 * The metric's value in a run's metrics, or null when undefined there (a
 * Sharpe ratio without volatility, an alpha without a benchmark).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { metricValue } from "./sweep_metric.ts";
 *
 * const metrics = { sharpe: 1.2, maxDrawdown: { depth: -0.1 }, benchmark: null };
 * assert.equal(metricValue(metrics, "sharpe"), 1.2);
 * assert.equal(metricValue(metrics, "maxDrawdown"), -0.1);
 * assert.equal(metricValue(metrics, "alpha"), null);
 * ```
 */
export function metricValue(
  metrics: Partial<Metrics> | Record<string, unknown>,
  name: MetricName,
): number | null {
  let node: unknown = metrics;
  for (const key of SPECS[name].path) {
    if (node === null || typeof node !== "object") return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "number" && Number.isFinite(node) ? node : null;
}

/**
 * The result of a run as it is written to `results/<run>/result.json` and read
 * back by the report and the notebooks: plain JSON, numbers or null (never NaN
 * or Infinity), dates as ISO strings, series column by column.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import type { Fill, OrderNote, Trade, WholeShareCash } from "./types.ts";
import type { RegimeName } from "../market/regime.ts";
import type { CashSummary } from "../portfolio/cash_causes.ts";

/**
 * Version of the result file layout. 2: `benchmarks` (several, each simulated through the
 * broker with its own metrics) and `benchmarkNotes` in place of version 1's one `benchmark`
 * line of closes; version 1 files are still read (lib/report/run_result_schema.ts).
 */
export const RESULT_VERSION = 2;

/** The regime path of the run: one entry per day, plus the transitions. */
export type RegimePath = {
  readonly dates: readonly string[];
  readonly regime: readonly RegimeName[];
  readonly confidence: readonly number[];
  readonly transitions: readonly {
    readonly date: string;
    readonly from: RegimeName;
    readonly to: RegimeName;
    readonly severity: "minor" | "major" | "critical";
  }[];
};

/** Weight by bucket over time (rebalance days), for the allocation chart. */
export type Allocation = {
  readonly dates: readonly string[];
  /** bucket name -> weight on each date (fractions of total value). */
  readonly byBucket: Readonly<Record<string, readonly number[]>>;
};

/** Protection verdicts counted by day and rule, for the protection chart. */
export type ProtectionActivity = {
  /** One row per (date, rule, outcome) with a count. */
  readonly verdicts: readonly {
    readonly date: string;
    readonly rule: string;
    readonly outcome: "approved" | "blocked" | "modified" | "overridden";
    readonly count: number;
  }[];
  readonly totals: {
    readonly decisions: number;
    readonly approved: number;
    readonly blocked: number;
    readonly overrides: number;
    readonly decays: number;
  };
  readonly blocksByRule: Readonly<Record<string, number>>;
};

/** A benchmark run beside the strategy (see lib/run/benchmark_runs.ts). */
export type BenchmarkRun = {
  /** `SPY`, `60/40:SPY,TLT`, `equal-weight`. */
  readonly name: string;
  /** Target weights by ticker, or null for equal-weight (every ticker of the run). */
  readonly weights: Readonly<Record<string, number>> | null;
  /** Bought once and held, or rebalanced on the first trading day of each month. */
  readonly rebalance: "never" | "monthly";
  /**
   * Value on each of `equity.dates`, simulated with the run's cash, broker and costs (null
   * only where a version 1 result's benchmark had no price yet).
   */
  readonly value: readonly (number | null)[];
  /** Its metrics, computed as the strategy's; null for a version 1 result's benchmark. */
  readonly metrics: Metrics | null;
};

/** A holding at the end of the run. */
export type Holding = {
  readonly ticker: string;
  readonly shares: number;
  readonly price: number;
  readonly value: number;
  readonly weight: number;
  readonly buckets: readonly string[];
};

/** Everything a run produced. Sections a strategy does not produce are null. */
export type RunResult = {
  readonly version: typeof RESULT_VERSION;
  readonly strategy: string;
  readonly startedAt: string;
  readonly codeVersion: string;
  readonly configHash: string;
  readonly dataHash: string;
  /** The effective configuration (as validated). */
  readonly config: unknown;
  readonly period: { readonly start: string; readonly end: string; readonly days: number };
  readonly initialCash: number;
  readonly finalCash: number;
  readonly finalValue: number;
  readonly equity: {
    readonly dates: readonly string[];
    readonly value: readonly number[];
    readonly cash: readonly number[];
    readonly exposure: readonly number[];
    readonly turnover: readonly number[];
  };
  /**
   * The benchmarks, in the order named; `metrics.benchmark` (beta, alpha, information ratio)
   * measures the strategy against the first. Empty without one.
   */
  readonly benchmarks: readonly BenchmarkRun[];
  /** What the default benchmarks left out, and why (empty when every one could be formed). */
  readonly benchmarkNotes: readonly string[];
  readonly metrics: Metrics;
  readonly trades: readonly Trade[];
  readonly fills: readonly Fill[];
  readonly orderNotes: readonly OrderNote[];
  /** Cash that rounding target weights to whole shares left uninvested; null without target rebalances. */
  readonly wholeShareCash: WholeShareCash | null;
  readonly holdings: readonly Holding[];
  readonly regimes: RegimePath | null;
  readonly allocation: Allocation | null;
  readonly protection: ProtectionActivity | null;
  /** Regime-aware runs: the rebalances' invested weight and where the rest went, by cause and regime. */
  readonly cash?: CashSummary;
  /** Regime-aware runs: tickers of the data in no bucket, which the strategy never buys. */
  readonly unbucketed?: readonly string[];
};

/**
 * The result of a run as it is written to `results/<run>/result.json` and read
 * back by the report and the notebooks: plain JSON, numbers or null (never NaN
 * or Infinity), dates as ISO strings, series column by column.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import type { Fill, OrderNote, Trade } from "./types.ts";
import type { RegimeName } from "../market/regime.ts";
import type { CashSummary } from "../portfolio/cash_causes.ts";

/** Version of the result file layout. */
export const RESULT_VERSION = 1;

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
  /** The benchmark's close scaled to the initial cash, aligned to equity.dates, or null without one. */
  readonly benchmark:
    | { readonly ticker: string; readonly value: readonly (number | null)[] }
    | null;
  readonly metrics: Metrics;
  readonly trades: readonly Trade[];
  readonly fills: readonly Fill[];
  readonly orderNotes: readonly OrderNote[];
  readonly holdings: readonly Holding[];
  readonly regimes: RegimePath | null;
  readonly allocation: Allocation | null;
  readonly protection: ProtectionActivity | null;
  /** Regime-aware runs: the rebalances' invested weight and where the rest went, by cause and regime. */
  readonly cash?: CashSummary;
  /** Regime-aware runs: tickers of the data in no bucket, which the strategy never buys. */
  readonly unbucketed?: readonly string[];
};

/**
 * Whether a grid search over one span found skill or luck: the deflated
 * Sharpe ratio of the run the search chose, given how many configurations it
 * tried (deflated_sharpe.ts), and the probability of backtest overfitting of
 * the search by combinatorially symmetric cross-validation
 * (backtest_overfitting.ts), both from the runs' daily returns.
 *
 * Returns are those between closes (the metrics' own: a stored run's first
 * return, from its starting cash to its first close, is left out), so the
 * Sharpe ratio here is the run's reported Sharpe ratio.
 *
 * When a figure cannot be had it is null and a note says why, in words a
 * report can print: one configuration has no selection to deflate (its DSR is
 * the probabilistic Sharpe ratio against zero, and is still given) and cannot
 * be ranked against others (no PBO); a chosen run whose value never moved has
 * no Sharpe ratio; a span too short for the blocks has no PBO.
 *
 * @module
 */
import { resolveConventions } from "../analytics/conventions.ts";
import {
  cscvProblem,
  DEFAULT_CSCV_BLOCKS,
  probabilityOfBacktestOverfitting,
} from "./backtest_overfitting.ts";
import { deflatedSharpeRatio, sharpeVarianceOf } from "./deflated_sharpe.ts";
import { sharpeSampleOf } from "./sharpe_sample.ts";
import type { SweepStore } from "./sweep_store.ts";

/** The deflated Sharpe ratio of a search's chosen run, Sharpe ratios annualised for reading. */
export type DeflatedSharpeFigure = {
  /** DSR: the probability that the chosen run's true Sharpe ratio beats the best of luck (0..1). */
  readonly probability: number;
  /** The chosen run's Sharpe ratio, annualised. */
  readonly sharpe: number;
  /** SR0, the Sharpe ratio the best of `trials` would show by luck, annualised. */
  readonly expectedMaximumSharpe: number;
  readonly trials: number;
  /** Returns the chosen run's Sharpe ratio was measured on. */
  readonly observations: number;
};

/** The probability of backtest overfitting of a search, with its distribution of logits. */
export type OverfittingFigure = {
  /** PBO (0..1). */
  readonly probability: number;
  /** Share of splits whose in-sample best lost money out of sample (Sharpe below zero). */
  readonly probabilityOfLoss: number;
  /** Out-of-sample on in-sample Sharpe ratio (per period) of the in-sample best, across splits. */
  readonly degradation: { readonly slope: number; readonly intercept: number } | null;
  readonly splits: number;
  readonly blocks: number;
  readonly blockPeriods: number;
  /** A histogram of the logits λ (PBO is the share at or below 0). */
  readonly logits: readonly {
    readonly from: number;
    readonly to: number;
    readonly count: number;
  }[];
};

/** The figures of one search, each with the reason it is missing. */
export type SearchStatistics = {
  readonly trials: number;
  /** Returns per configuration (days of the span less one). */
  readonly observations: number;
  readonly deflatedSharpe: DeflatedSharpeFigure | null;
  /** Why there is no DSR, or a caveat about it (one trial); null when there is nothing to say. */
  readonly deflatedSharpeNote: string | null;
  readonly overfitting: OverfittingFigure | null;
  /** Why there is no PBO; null when there is one. */
  readonly overfittingNote: string | null;
};

/** Conventions of the figures: as the runs' metrics. */
export type SearchStatisticsOptions = {
  readonly riskFreeRate?: number;
  readonly periodsPerYear?: number;
  /** CSCV blocks; default 16. */
  readonly blocks?: number;
};

/**
 * The figures of a search from each configuration's returns (all on the same
 * days, in plan order) and the index of the chosen one (null: none could be
 * chosen).
 *
 * @example Three configurations over 64 days; the chosen one is the second
 * ```ts
 * import assert from "node:assert/strict";
 * import { searchStatisticsOf } from "./search_statistics.ts";
 *
 * const wave = (phase: number, drift: number) =>
 *   Float64Array.from({ length: 64 }, (_, t) => drift + 0.01 * Math.sin(t + phase));
 * const stats = searchStatisticsOf([wave(0, 0), wave(1, 0.002), wave(2, -0.001)], 1);
 * assert.equal(stats.trials, 3);
 * assert.ok(stats.deflatedSharpe !== null && stats.deflatedSharpe.trials === 3);
 * assert.ok(stats.deflatedSharpe.probability > 0 && stats.deflatedSharpe.probability <= 1);
 * assert.equal(stats.overfitting?.splits, 12_870);
 * assert.equal(searchStatisticsOf([wave(0, 0.001)], 0).overfitting, null);
 * ```
 */
export function searchStatisticsOf(
  columns: readonly Float64Array[],
  chosen: number | null,
  options: SearchStatisticsOptions = {},
): SearchStatistics {
  const conventions = resolveConventions(options, "judge a search");
  const annual = Math.sqrt(conventions.periodsPerYear);
  const trials = columns.length;
  const observations = columns[0]?.length ?? 0;
  const sharpes = columns.map((c) => _sample(c, options)?.sharpe ?? null);
  let deflatedSharpe: DeflatedSharpeFigure | null = null;
  let deflatedSharpeNote: string | null = null;
  const column = chosen === null ? undefined : columns[chosen];
  const sample = column === undefined ? null : _sample(column, options);
  if (column === undefined) {
    deflatedSharpeNote = "no configuration has a value of the metric: none was chosen";
  } else if (sample === null) {
    deflatedSharpeNote = observations < 2
      ? `the chosen run has ${observations} return(s): a Sharpe ratio needs at least 2`
      : "the chosen run's value never moved: it has no Sharpe ratio";
  } else {
    const dsr = deflatedSharpeRatio({
      ...sample,
      trials,
      sharpeVariance: sharpeVarianceOf(sharpes),
    });
    deflatedSharpe = {
      probability: dsr.probability,
      sharpe: sample.sharpe * annual,
      expectedMaximumSharpe: dsr.expectedMaximumSharpe * annual,
      trials,
      observations: sample.observations,
    };
    if (trials === 1) {
      deflatedSharpeNote =
        "one configuration: nothing was selected, so the DSR is the probabilistic Sharpe ratio against zero";
    }
  }
  const cscv = { blocks: options.blocks ?? DEFAULT_CSCV_BLOCKS, ...conventions };
  const problem = cscvProblem({ periods: observations, trials }, cscv);
  if (problem !== null) {
    return {
      trials,
      observations,
      deflatedSharpe,
      deflatedSharpeNote,
      overfitting: null,
      overfittingNote: `no PBO: ${problem}`,
    };
  }
  const values = new Float64Array(observations * trials);
  columns.forEach((c, n) => {
    for (let t = 0; t < observations; t++) values[t * trials + n] = c[t] ?? NaN;
  });
  const pbo = probabilityOfBacktestOverfitting({ periods: observations, trials, values }, cscv);
  return {
    trials,
    observations,
    deflatedSharpe,
    deflatedSharpeNote,
    overfitting: {
      probability: pbo.probability,
      probabilityOfLoss: pbo.probabilityOfLoss,
      degradation: pbo.degradation,
      splits: pbo.splits,
      blocks: pbo.blocks,
      blockPeriods: pbo.blockPeriods,
      logits: logitHistogram(pbo.logits),
    },
    overfittingNote: null,
  };
}

/**
 * The figures of the search over runs `configHashes` of sweep `name` (in plan
 * order), `chosen` the index of the chosen one, each run's returns read from
 * the store. A run missing from the store is a bug of the caller (a RangeError).
 *
 * @example Two stored runs: too few days for CSCV's blocks, so no PBO, and why
 * ```ts
 * import assert from "node:assert/strict";
 * import { SqliteSweepStore } from "./sqlite_sweep_store.ts";
 * import { sweepRecordOf } from "./sweep_record.ts";
 * import { searchStatistics } from "./search_statistics.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const store = SqliteSweepStore.open(":memory:");
 * const records = [1, 2].map((seed) =>
 *   sweepRecordOf(syntheticRunResult({ assets: 2, days: 30, seed }), { "sizing.minScore": seed }, 1)
 * );
 * await store.begin({
 *   name: "s", source: "example", dataHash: "d", codeVersion: "test", baseConfigHash: "b",
 *   parameters: [{ path: "sizing.minScore", values: [1, 2] }], metric: "sharpe", runs: 2,
 * }, records.map((r, position) => ({ position, params: r.params, configHash: r.configHash })));
 * for (const r of records) {
 *   await store.putCalendar(r.calendar.id, Array.from({ length: 30 }, (_, i) => `d${i}`));
 *   await store.put("s", r);
 * }
 * const stats = await searchStatistics(store, "s", records.map((r) => r.configHash), 0);
 * assert.equal(stats.observations, 29);
 * assert.match(stats.overfittingNote ?? "", /16 blocks need at least 32 periods/);
 * await store.close();
 * ```
 */
export async function searchStatistics(
  store: SweepStore,
  name: string,
  configHashes: readonly string[],
  chosen: number | null,
  options: SearchStatisticsOptions = {},
): Promise<SearchStatistics> {
  const columns: Float64Array[] = [];
  for (const hash of configHashes) {
    const stored = await store.returns(name, hash);
    if (stored === undefined) {
      throw new RangeError(
        `Cannot judge the search as run ${hash} of sweep ${name} must be stored: it is not`,
      );
    }
    columns.push(stored.returns.subarray(1));
  }
  return searchStatisticsOf(columns, chosen, options);
}

/**
 * A histogram of logits in bins of 0.5 from the lowest to the highest (at least [-0.5, 0.5]).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logitHistogram } from "./search_statistics.ts";
 *
 * assert.deepEqual(logitHistogram([0.2, -0.1, 0.4]), [
 *   { from: -0.5, to: 0, count: 1 },
 *   { from: 0, to: 0.5, count: 2 },
 * ]);
 * ```
 */
export function logitHistogram(
  logits: readonly number[],
): { from: number; to: number; count: number }[] {
  const finite = logits.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const width = 0.5;
  const lo = Math.min(-width, Math.floor(Math.min(...finite) / width) * width);
  const hi = Math.max(width, Math.ceil(Math.max(...finite) / width) * width);
  const count = Math.max(1, Math.round((hi - lo) / width));
  const bins = Array.from({ length: count }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
  }));
  for (const x of finite) {
    // A logit on a bin edge counts in the bin below it, so that 0 counts among the overfit.
    const i = Math.min(count - 1, Math.max(0, Math.ceil((x - lo) / width) - 1));
    (bins[i] as { count: number }).count++;
  }
  return bins;
}

function _sample(returns: Float64Array, options: SearchStatisticsOptions) {
  try {
    return sharpeSampleOf(returns, options);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

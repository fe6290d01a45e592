/**
 * What a whole search says about the configuration it chose: every trial's
 * daily returns over one span (each configuration tried once, however many
 * grids tried it), the Sharpe ratio of the chosen one deflated by the number
 * of trials and the spread of their Sharpe ratios, the same for the best
 * trial, and the probability of backtest overfitting of the search by
 * combinatorially symmetric cross-validation.
 *
 * Design decision: the trials are counted once per configuration (by key, a
 * config hash), since a configuration run in two grids is one trial, and the
 * chosen configuration counts among them (adding it when the grids did not
 * try it): deflating by fewer trials than were made would flatter the choice.
 *
 * @see Bailey and López de Prado (2014), the deflated Sharpe ratio (`deflated_sharpe.ts`)
 * @see Bailey, Borwein, López de Prado and Zhu (2017), PBO by CSCV (`backtest_overfitting.ts`)
 * @module
 */
import { type BacktestOverfitting, cscvProblem } from "./backtest_overfitting.ts";
import { probabilityOfBacktestOverfitting } from "./backtest_overfitting.ts";
import { deflatedSharpeRatio, sharpeVarianceOf } from "./deflated_sharpe.ts";
import { returnsMatrixOf } from "./returns_matrix.ts";
import { type SharpeSample, sharpeSampleOf } from "./sharpe_sample.ts";

/**
 * One configuration tried: its key and its daily returns over the span.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Trial } from "./trial_statistics.ts";
 *
 * const trial: Trial = { key: "sha256:c0ffee", returns: [0.001, -0.002, 0.003] };
 * assert.equal(trial.returns.length, 3);
 * ```
 */
export type Trial = { readonly key: string; readonly returns: ArrayLike<number> };

/**
 * A trial's Sharpe ratio, annualised and deflated.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { DeflatedTrial } from "./trial_statistics.ts";
 *
 * const t: DeflatedTrial = { key: "a", sharpe: 1.1, deflated: 0.97, expectedMaximumSharpe: 0.3 };
 * assert.ok(t.sharpe > t.expectedMaximumSharpe);
 * ```
 */
export type DeflatedTrial = {
  readonly key: string;
  /** Annualised Sharpe ratio (risk-free rate 0, 252 days a year). */
  readonly sharpe: number;
  /** The deflated Sharpe ratio: the probability that its true Sharpe ratio beats the best of the trials by luck. */
  readonly deflated: number;
  /** The annualised Sharpe ratio the best of the trials would show by luck alone. */
  readonly expectedMaximumSharpe: number;
};

/**
 * The statistics of a search; see the module doc.
 *
 * @example PBO is absent, with the reason, when the returns are too short for CSCV
 * ```ts
 * import assert from "node:assert/strict";
 * import { trialStatistics, type TrialStatistics } from "./trial_statistics.ts";
 *
 * const stats: TrialStatistics = trialStatistics([
 *   { key: "a", returns: [0.01, -0.005, 0.002, 0.004] },
 *   { key: "b", returns: [0.002, 0.001, -0.003, 0.001] },
 * ], "a");
 * assert.ok("problem" in stats.overfitting);
 * ```
 */
export type TrialStatistics = {
  /** Distinct configurations tried (the untracked ones included). */
  readonly trials: number;
  /** Days of returns each. */
  readonly days: number;
  /** Variance of the trials' annualised Sharpe ratios. */
  readonly sharpeVariance: number;
  readonly chosen: DeflatedTrial;
  readonly best: DeflatedTrial;
  /** PBO by CSCV, or the reason it could not be estimated. */
  readonly overfitting: BacktestOverfitting | { readonly problem: string };
};

const YEAR = 252;

/**
 * The statistics of the trials for the chosen one (see the module doc).
 * Throws a RangeError when the trials' returns differ in length or `chosen`
 * is not among them.
 *
 * @example Three trials, the steady one chosen
 * ```ts
 * import assert from "node:assert/strict";
 * import { trialStatistics } from "./trial_statistics.ts";
 *
 * const wave = (mean: number, amplitude: number) =>
 *   Array.from({ length: 64 }, (_, t) => mean + amplitude * Math.sin(t));
 * const trials = [
 *   { key: "steady", returns: wave(0.001, 0.005) },
 *   { key: "noisy", returns: wave(0.001, 0.02) },
 *   { key: "steady", returns: wave(0.001, 0.005) }, // tried again in another grid: one trial
 *   { key: "flat", returns: wave(0, 0.01) },
 * ];
 * const stats = trialStatistics(trials, "steady", { blocks: 4 });
 * assert.equal(stats.trials, 3);
 * assert.equal(stats.best.key, "steady");
 * assert.ok(stats.chosen.deflated > 0 && stats.chosen.deflated <= 1);
 * assert.ok(stats.chosen.expectedMaximumSharpe > 0);
 * // Twenty more trials made without keeping their returns deflate further.
 * const more = trialStatistics(trials, "steady", { blocks: 4, untracked: 20 });
 * assert.equal(more.trials, 23);
 * assert.ok(more.chosen.deflated < stats.chosen.deflated);
 * ```
 */
export function trialStatistics(
  trials: readonly Trial[],
  chosen: string,
  options: {
    readonly blocks?: number;
    /** Trials made whose returns were not kept (counted in the deflation, not in PBO). Default 0. */
    readonly untracked?: number;
  } = {},
): TrialStatistics {
  const untracked = options.untracked ?? 0;
  if (!(Number.isInteger(untracked) && untracked >= 0)) {
    throw new RangeError(
      `Cannot compute the trial statistics as untracked must be an integer >= 0: current value is ${untracked}`,
    );
  }
  const unique = new Map<string, ArrayLike<number>>();
  for (const t of trials) if (!unique.has(t.key)) unique.set(t.key, t.returns);
  const keys = [...unique.keys()];
  if (!unique.has(chosen)) {
    throw new RangeError(
      `Cannot compute the trial statistics as the chosen configuration must be among the trials: current value is ${chosen}`,
    );
  }
  const columns = keys.map((k) => unique.get(k) as ArrayLike<number>);
  const matrix = returnsMatrixOf(columns);
  const samples = new Map<string, SharpeSample>(
    keys.map((k, i) => [k, sharpeSampleOf(columns[i] as ArrayLike<number>)]),
  );
  const variance = sharpeVarianceOf([...samples.values()].map((s) => s.sharpe));
  const deflate = (key: string): DeflatedTrial => {
    const sample = samples.get(key) as SharpeSample;
    const dsr = deflatedSharpeRatio({
      ...sample,
      trials: keys.length + untracked,
      sharpeVariance: variance,
    });
    return {
      key,
      sharpe: sample.sharpe * Math.sqrt(YEAR),
      deflated: dsr.probability,
      expectedMaximumSharpe: dsr.expectedMaximumSharpe * Math.sqrt(YEAR),
    };
  };
  const bestKey = keys.reduce((a, b) =>
    (samples.get(b)?.sharpe ?? -Infinity) > (samples.get(a)?.sharpe ?? -Infinity) ? b : a
  );
  const problem = cscvProblem(matrix, options);
  return {
    trials: keys.length + untracked,
    days: matrix.periods,
    sharpeVariance: variance * YEAR,
    chosen: deflate(chosen),
    best: deflate(bestKey),
    overfitting: problem === null ? probabilityOfBacktestOverfitting(matrix, options) : { problem },
  };
}

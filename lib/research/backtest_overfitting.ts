/**
 * The probability of backtest overfitting (PBO), estimated by combinatorially
 * symmetric cross-validation (CSCV): how often the configuration that is best
 * in sample ranks in the bottom half out of sample.
 *
 * The procedure, with M the T x N returns matrix of N trials:
 * 1. Split the rows of M into S (even) disjoint blocks of equal size, in time
 *    order (the oldest `T mod S` rows are left out so the blocks are equal).
 * 2. For each of the C(S, S/2) ways c of choosing S/2 blocks: the chosen
 *    blocks form the in-sample set J, the others the out-of-sample set J̄.
 * 3. Compute each trial's performance on J (R) and on J̄ (R̄): here the
 *    per-period Sharpe ratio. n* = argmax R (ties: the lowest column).
 * 4. The relative rank of n* out of sample, ω̄_c = rank(R̄_n*) / (N + 1),
 *    rank 1 the worst and N the best (ties get their average rank), and its
 *    logit λ_c = ln(ω̄_c / (1 - ω̄_c)).
 * 5. PBO = the share of splits with λ_c <= 0 (n* at or below the median out
 *    of sample), the estimate of ∫ f(λ) dλ over (-∞, 0].
 *
 * Besides PBO: the probability of loss, the share of splits where n*'s
 * out-of-sample Sharpe ratio is below zero, and the performance degradation,
 * the least-squares line of R̄_n* on R_n* across splits.
 *
 * When it applies ({@link cscvProblem}): at least 2 trials (a rank among one
 * means nothing), S an even number from 2 to 24 (C(24, 12) = 2.7M splits is
 * the most worth waiting for), and at least 2 periods per block.
 *
 * @see David H. Bailey, Jonathan M. Borwein, Marcos López de Prado and Qiji Jim
 * Zhu, "The Probability of Backtest Overfitting", Journal of Computational
 * Finance 20(4), 2017, section 2 (the CSCV procedure, the logit λ_c and the
 * definition of PBO) and section 3 (performance degradation, probability of
 * loss); https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2326253
 * @module
 */

import { resolveConventions } from "../analytics/conventions.ts";
import { finiteOrNull } from "../analytics/statistics.ts";
import { binomial, combinations, halfSharpe, summariseBlocks } from "./cscv_blocks.ts";
import type { ReturnsMatrix } from "./returns_matrix.ts";

/**
 * Blocks used when none are given, as in the paper's examples.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cscvSplits, DEFAULT_CSCV_BLOCKS } from "./mod.ts";
 *
 * assert.equal(cscvSplits(DEFAULT_CSCV_BLOCKS), 12_870);
 * ```
 */
export const DEFAULT_CSCV_BLOCKS = 16;
const MAX_BLOCKS = 24;

/**
 * Options of {@link probabilityOfBacktestOverfitting}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { CscvOptions } from "./mod.ts";
 *
 * const options: CscvOptions = { blocks: 8, riskFreeRate: 0.02 };
 * assert.equal(options.blocks, 8);
 * ```
 */
export type CscvOptions = {
  /** S, an even number of blocks from 2 to 24; default 16. */
  readonly blocks?: number;
  /** Annual risk-free rate taken off the mean return in each Sharpe ratio; default 0. */
  readonly riskFreeRate?: number;
  /** Periods a year, to turn `riskFreeRate` into a per-period rate; default 252. */
  readonly periodsPerYear?: number;
};

/**
 * The estimate and what it was computed from. Sharpe ratios are per period;
 * a trial flat over a half has none (null).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type BacktestOverfitting, probabilityOfBacktestOverfitting, returnsMatrixOf } from "./mod.ts";
 *
 * const pbo: BacktestOverfitting = probabilityOfBacktestOverfitting(
 *   returnsMatrixOf([[0.01, -0.01, 0.02, 0], [0, 0.01, -0.01, 0.02]]),
 *   { blocks: 2 },
 * );
 * assert.equal(pbo.splits, 2);
 * ```
 */
export type BacktestOverfitting = {
  /** PBO: the share of splits whose in-sample best ranks at or below the out-of-sample median. */
  readonly probability: number;
  /** Share of splits whose in-sample best has an out-of-sample Sharpe ratio below zero. */
  readonly probabilityOfLoss: number;
  /** Least-squares line of the out-of-sample on the in-sample Sharpe ratio of n*; null when undefined. */
  readonly degradation: { readonly slope: number; readonly intercept: number } | null;
  /** C(S, S/2). */
  readonly splits: number;
  readonly blocks: number;
  readonly blockPeriods: number;
  readonly droppedPeriods: number;
  /** Per split, in the lexicographic order of the in-sample blocks: the logit λ_c. */
  readonly logits: readonly number[];
  /** Per split: n*, the column that was best in sample. */
  readonly best: readonly number[];
  /** Per split: R_n*, its in-sample Sharpe ratio. */
  readonly inSampleSharpe: readonly (number | null)[];
  /** Per split: R̄_n*, its out-of-sample Sharpe ratio. */
  readonly outOfSampleSharpe: readonly (number | null)[];
};

/**
 * Why CSCV cannot run on a matrix of this shape, or null when it can. The
 * walk-forward report shows this reason in place of a PBO.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cscvProblem } from "./mod.ts";
 *
 * assert.equal(cscvProblem({ periods: 1000, trials: 50 }), null);
 * assert.match(cscvProblem({ periods: 1000, trials: 1 }) ?? "", /at least 2/);
 * assert.match(cscvProblem({ periods: 20, trials: 50 }) ?? "", /at least 32 periods/);
 * ```
 */
export function cscvProblem(
  shape: { readonly periods: number; readonly trials: number },
  options: CscvOptions = {},
): string | null {
  const blocks = options.blocks ?? DEFAULT_CSCV_BLOCKS;
  if (!(Number.isInteger(blocks) && blocks >= 2 && blocks <= MAX_BLOCKS && blocks % 2 === 0)) {
    return `the number of blocks must be an even number from 2 to ${MAX_BLOCKS}: it is ${blocks}`;
  }
  if (shape.trials < 2) {
    return `the grid has ${shape.trials} configuration(s): ranking configurations against each other needs at least 2`;
  }
  if (Math.floor(shape.periods / blocks) < 2) {
    return `${shape.periods} periods make blocks of fewer than 2 periods: ${blocks} blocks need at least ${
      2 * blocks
    } periods (use fewer blocks or a longer history)`;
  }
  return null;
}

/**
 * Estimates PBO by CSCV (procedure in the module doc). Throws `RangeError`
 * with the reason of {@link cscvProblem} when the matrix does not allow it.
 *
 * @example Three trials over 8 periods, 4 blocks (the worked example of the tests)
 * ```ts
 * import assert from "node:assert/strict";
 * import { probabilityOfBacktestOverfitting, returnsMatrixOf } from "./mod.ts";
 *
 * // Each block is two periods m+1, m-1 around its mean m; block means (x 0.001):
 * // trial A 3, 3, -1, -1 (good early only), B 1, 1, 1, 1 (steady), C -1, -1, 3, 3.
 * const column = (means: number[]) => means.flatMap((m) => [(m + 1) / 1000, (m - 1) / 1000]);
 * const matrix = returnsMatrixOf([column([3, 3, -1, -1]), column([1, 1, 1, 1]), column([-1, -1, 3, 3])]);
 * const pbo = probabilityOfBacktestOverfitting(matrix, { blocks: 4 });
 * // Of the 6 splits, two pick A or C in sample, who come last out of sample.
 * assert.equal(pbo.probability, 2 / 6);
 * ```
 */
export function probabilityOfBacktestOverfitting(
  matrix: ReturnsMatrix,
  options: CscvOptions = {},
): BacktestOverfitting {
  const problem = cscvProblem(matrix, options);
  if (problem !== null) {
    throw new RangeError(`Cannot estimate the probability of backtest overfitting as ${problem}`);
  }
  const blocks = options.blocks ?? DEFAULT_CSCV_BLOCKS;
  const riskFree = resolveConventions(options, "estimate backtest overfitting").periodRiskFree;
  const summaries = summariseBlocks(matrix, blocks);
  const n = matrix.trials;
  const inSample = new Float64Array(n), outOfSample = new Float64Array(n);
  const logits: number[] = [], best: number[] = [];
  const isSharpe: (number | null)[] = [], oosSharpe: (number | null)[] = [];
  let overfit = 0, losses = 0;
  for (const chosen of combinations(blocks, blocks / 2)) {
    const others = _complement(chosen, blocks);
    halfSharpe(summaries, chosen, riskFree, inSample);
    halfSharpe(summaries, others, riskFree, outOfSample);
    const star = _argmax(inSample);
    const rank = _averageRank(outOfSample, star);
    const omega = rank / (n + 1);
    if (rank <= (n + 1) / 2) overfit++;
    const outcome = outOfSample[star] ?? NaN;
    if (outcome < 0) losses++;
    logits.push(Math.log(omega / (1 - omega)));
    best.push(star);
    isSharpe.push(finiteOrNull(inSample[star] ?? NaN));
    oosSharpe.push(finiteOrNull(outcome));
  }
  const splits = logits.length;
  return {
    probability: overfit / splits,
    probabilityOfLoss: losses / splits,
    degradation: _leastSquares(isSharpe, oosSharpe),
    splits,
    blocks,
    blockPeriods: summaries.blockPeriods,
    droppedPeriods: summaries.droppedPeriods,
    logits,
    best,
    inSampleSharpe: isSharpe,
    outOfSampleSharpe: oosSharpe,
  };
}

/**
 * The number of splits CSCV makes with S blocks: C(S, S/2).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cscvSplits } from "./mod.ts";
 *
 * assert.equal(cscvSplits(4), 6); // {0,1} {0,2} {0,3} {1,2} {1,3} {2,3}
 * ```
 */
export function cscvSplits(blocks: number): number {
  return binomial(blocks, blocks / 2);
}

function _complement(chosen: readonly number[], count: number): number[] {
  const out: number[] = [];
  for (let b = 0, i = 0; b < count; b++) {
    if (chosen[i] === b) i++;
    else out.push(b);
  }
  return out;
}

function _argmax(values: Float64Array): number {
  let star = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? NaN) > (values[star] ?? NaN)) star = i;
  return star;
}

/** Rank of `values[index]` among `values`, 1 the lowest, ties at their average rank. */
function _averageRank(values: Float64Array, index: number): number {
  const v = values[index] ?? NaN;
  let below = 0, equal = 0;
  for (const x of values) {
    if (x < v) below++;
    else if (x === v) equal++;
  }
  return below + (equal + 1) / 2;
}

function _leastSquares(
  xs: readonly (number | null)[],
  ys: readonly (number | null)[],
): { slope: number; intercept: number } | null {
  const pairs: [number, number][] = [];
  xs.forEach((x, i) => {
    const y = ys[i];
    if (x !== null && y !== null && y !== undefined) pairs.push([x, y]);
  });
  if (pairs.length < 2) return null;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  let sxy = 0, sxx = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * The pieces combinatorially symmetric cross-validation works on: the S
 * equal blocks of rows of a returns matrix, summarised once per block and
 * trial (mean and sum of squared deviations), and every way of choosing
 * half of the blocks.
 *
 * Design decision: a half's Sharpe ratio is combined from its blocks'
 * summaries instead of re-reading its T/2 rows, so each of the C(S, S/2)
 * splits costs O(S x N) rather than O(T x N): 12,870 splits of a 5,000 x 1,000
 * matrix stay under a few seconds. Blocks are combined with the exact pooled
 * formula `M2 = Σ M2_b + b Σ (mean_b - mean)²` (Chan, Golub and LeVeque), not
 * from sums of squares, which lose precision on returns of ~1e-3.
 *
 * @module
 */

import { NEGLIGIBLE_STDEV } from "../analytics/statistics.ts";
import type { ReturnsMatrix } from "./returns_matrix.ts";

/** Per block and trial: the mean and the sum of squared deviations of its rows. */
export type BlockSummaries = {
  readonly blocks: number;
  readonly trials: number;
  /** Rows in each block. */
  readonly blockPeriods: number;
  /** Oldest rows left out so that the blocks are equal. */
  readonly droppedPeriods: number;
  /** `mean[b * trials + n]`. */
  readonly mean: Float64Array;
  /** `m2[b * trials + n]`. */
  readonly m2: Float64Array;
};

/** Summarises S equal blocks of rows, leaving out the oldest `periods mod S` rows. */
export function summariseBlocks(matrix: ReturnsMatrix, blocks: number): BlockSummaries {
  const { trials, values } = matrix;
  const blockPeriods = Math.floor(matrix.periods / blocks);
  const dropped = matrix.periods - blockPeriods * blocks;
  const mean = new Float64Array(blocks * trials), m2 = new Float64Array(blocks * trials);
  for (let b = 0; b < blocks; b++) {
    const first = dropped + b * blockPeriods;
    for (let n = 0; n < trials; n++) {
      let sum = 0;
      for (let t = first; t < first + blockPeriods; t++) sum += values[t * trials + n] ?? NaN;
      const m = sum / blockPeriods;
      let squares = 0;
      for (let t = first; t < first + blockPeriods; t++) {
        const d = (values[t * trials + n] ?? NaN) - m;
        squares += d * d;
      }
      mean[b * trials + n] = m;
      m2[b * trials + n] = squares;
    }
  }
  return { blocks, trials, blockPeriods, droppedPeriods: dropped, mean, m2 };
}

/**
 * Per-period Sharpe ratio of each trial over the blocks in `chosen`, into
 * `out` (length N): `(mean - riskFree) / sample stdev`. A trial whose returns
 * do not vary over those blocks scores +Infinity, -Infinity or 0 by the sign
 * of its excess mean, so that ranking stays total.
 */
export function halfSharpe(
  summaries: BlockSummaries,
  chosen: readonly number[],
  riskFree: number,
  out: Float64Array,
): void {
  const { trials, mean, m2, blockPeriods } = summaries;
  const h = chosen.length;
  const rows = h * blockPeriods;
  for (let n = 0; n < trials; n++) {
    let sum = 0;
    for (const b of chosen) sum += mean[b * trials + n] ?? NaN;
    const m = sum / h;
    let squares = 0;
    for (const b of chosen) {
      const d = (mean[b * trials + n] ?? NaN) - m;
      squares += (m2[b * trials + n] ?? NaN) + blockPeriods * d * d;
    }
    const stdev = Math.sqrt(squares / (rows - 1));
    const excess = m - riskFree;
    out[n] = stdev > NEGLIGIBLE_STDEV
      ? excess / stdev
      : excess > 0
      ? Infinity
      : excess < 0
      ? -Infinity
      : 0;
  }
}

/** Every choice of `size` of the numbers 0..count-1, in lexicographic order. */
export function* combinations(count: number, size: number): Generator<number[]> {
  const chosen = Array.from({ length: size }, (_, i) => i);
  while (true) {
    yield [...chosen];
    let i = size - 1;
    while (i >= 0 && chosen[i] === count - size + i) i--;
    if (i < 0) return;
    chosen[i] = (chosen[i] ?? 0) + 1;
    for (let j = i + 1; j < size; j++) chosen[j] = (chosen[j - 1] ?? 0) + 1;
  }
}

/** C(n, k), exact for the sizes used here. */
export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = result * (n - k + i) / i;
  return Math.round(result);
}

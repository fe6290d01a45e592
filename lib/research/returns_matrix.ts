/**
 * The T x N matrix of returns that cross-validation over a grid reads: one
 * column per trial (a configuration of the grid), one row per period, all
 * trials on the same periods.
 *
 * Design decision: one row-major Float64Array rather than N arrays, so a
 * matrix of 1,000 trials over 5,000 days is one 40 MB block that a worker can
 * transfer without copying, and a row (one period of every trial) is contiguous.
 *
 * @module
 */

import { simpleReturns } from "../analytics/value_series.ts";

/**
 * Returns of `trials` trials over `periods` periods.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { ReturnsMatrix } from "./mod.ts";
 *
 * // Two periods of three trials: row t holds values[t * 3 .. t * 3 + 2].
 * const m: ReturnsMatrix = {
 *   periods: 2,
 *   trials: 3,
 *   values: Float64Array.of(0.01, 0, -0.01, 0.02, 0.01, 0),
 * };
 * assert.equal(m.values[1 * m.trials + 0], 0.02); // trial 0, period 1
 * ```
 */
export type ReturnsMatrix = {
  /** T, the number of rows. */
  readonly periods: number;
  /** N, the number of columns. */
  readonly trials: number;
  /** Row-major: `values[t * trials + n]` is trial n's return in period t. */
  readonly values: Float64Array;
};

/**
 * A matrix from one column of returns per trial. Throws `RangeError` when the
 * columns differ in length or hold a value that is not finite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { returnsMatrixOf } from "./mod.ts";
 *
 * const m = returnsMatrixOf([[0.01, 0.02], [0, -0.01]]);
 * assert.deepEqual([m.periods, m.trials], [2, 2]);
 * assert.deepEqual([...m.values], [0.01, 0, 0.02, -0.01]);
 * ```
 */
export function returnsMatrixOf(columns: readonly ArrayLike<number>[]): ReturnsMatrix {
  const trials = columns.length;
  const periods = columns[0]?.length ?? 0;
  const values = new Float64Array(periods * trials);
  columns.forEach((column, n) => {
    if (column.length !== periods) {
      throw new RangeError(
        `Cannot build a returns matrix as every column must hold ${periods} returns: column ${n} holds ${column.length}`,
      );
    }
    for (let t = 0; t < periods; t++) {
      const r = column[t] ?? NaN;
      if (!Number.isFinite(r)) {
        throw new RangeError(
          `Cannot build a returns matrix as column ${n}, period ${t} must be a finite return: current value is ${r}`,
        );
      }
      values[t * trials + n] = r;
    }
  });
  return { periods, trials, values };
}

/**
 * A matrix of the daily simple returns of equity curves on the same dates
 * (each curve's values, one per date, as in a run result's `equity.value`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { returnsMatrixOfCurves } from "./mod.ts";
 *
 * const m = returnsMatrixOfCurves([[100, 110, 99], [100, 100, 101]]);
 * assert.equal(m.periods, 2);
 * assert.ok(Math.abs((m.values[0] ?? NaN) - 0.1) < 1e-12);
 * ```
 */
export function returnsMatrixOfCurves(curves: readonly ArrayLike<number>[]): ReturnsMatrix {
  return returnsMatrixOf(curves.map((curve) => simpleReturns(curve)));
}

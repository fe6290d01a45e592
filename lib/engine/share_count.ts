/**
 * Share counts as the broker holds them: any amount with fractional shares,
 * else whole shares rounded down.
 *
 * Design decision: a count computed in floating point (a target value over a
 * price, a size times a split ratio) can land a hair under the whole number it
 * means (0.29 * 100 is 28.999999999999996); counts within {@link SHARE_EPS} of the next
 * whole share are taken as it, and a count within it of zero as none.
 *
 * @module
 */

/** Tolerance of a share count for float noise; see the module doc. */
export const SHARE_EPS = 1e-9;

/**
 * `x` shares as they can be held: `x` itself when `fractional`, else the whole
 * shares in it (rounded down, within {@link SHARE_EPS}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sharesOf } from "./share_count.ts";
 *
 * assert.equal(sharesOf(0.29 * 100, false), 29); // 28.999999999999996 is 29 whole shares
 * assert.equal(sharesOf(7.5, false), 7);
 * assert.equal(sharesOf(7.5, true), 7.5);
 * ```
 */
export function sharesOf(x: number, fractional: boolean): number {
  return fractional ? x : Math.floor(x + SHARE_EPS);
}

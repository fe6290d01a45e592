/**
 * Scaling a set of buys by one common factor so that together, commissions
 * included, they fit the cash available: the broker's answer to a gap up
 * between a rebalance's decision close and its fill.
 *
 * @module
 */
import { type Commission, commissionFor } from "./commission.ts";

const EPS = 1e-9;

function _cost(
  requested: Float64Array,
  prices: Float64Array,
  commission: Commission,
  factor: number,
  fractional: boolean,
  out: Float64Array,
): number {
  let cost = 0;
  for (let i = 0; i < requested.length; i++) {
    const r = requested[i] as number;
    const n = factor === 1 ? r : fractional ? r * factor : Math.floor(r * factor + EPS);
    out[i] = n;
    if (n > 0) {
      const p = prices[i] as number;
      cost += n * p + commissionFor(commission, n, p);
    }
  }
  return cost;
}

/**
 * Writes into `out` the sizes of `requested` (shares, bought at `prices`)
 * scaled by one common factor, floored to whole shares unless `fractional`,
 * so that their cost plus commission fits in `cash`; returns the factor (1
 * when everything fits as requested).
 *
 * @example A 10% gap up on two buys of 50 shares with 1000 in cash
 * ```ts
 * import assert from "node:assert/strict";
 * import { scaleBuysToCash } from "./cash_scaling.ts";
 *
 * const out = new Float64Array(2);
 * const factor = scaleBuysToCash(Float64Array.of(50, 50), Float64Array.of(11, 11), { type: "none" }, 1000, false, out);
 * // 1000 / 1100 = 0.9091; floor(50 * 0.9091) = 45 shares each, 990 spent.
 * assert.equal(factor.toFixed(4), "0.9091");
 * assert.deepEqual(Array.from(out), [45, 45]);
 * ```
 */
export function scaleBuysToCash(
  requested: Float64Array,
  prices: Float64Array,
  commission: Commission,
  cash: number,
  fractional: boolean,
  out: Float64Array,
): number {
  const total = _cost(requested, prices, commission, 1, fractional, out);
  if (total <= cash) return 1;
  let factor = Math.max(0, cash / total);
  for (let i = 0; i < 60; i++) {
    const cost = _cost(requested, prices, commission, factor, fractional, out);
    if (cost <= cash) break;
    // Fixed fees and flooring make cost not quite proportional: close in, then step down.
    factor *= i < 30 ? (cash / cost) * (1 - 1e-9) : 0.9;
  }
  return factor;
}

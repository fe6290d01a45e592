/**
 * Scaling a set of buys by one common factor so that together, commissions
 * included, they fit the cash available: the broker's answer to a gap up
 * between a rebalance's decision close and its fill.
 *
 * @module
 */
import { type Commission, commissionFor } from "./commission.ts";
import { sharesOf } from "./share_count.ts";

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
    const n = factor === 1 ? r : sharesOf(r * factor, fractional);
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

/**
 * After {@link scaleBuysToCash} floored whole-share buys by `factor`, gives
 * the cash the flooring freed back one share at a time, to the buy with the
 * largest remainder (`requested * factor - out`) first, never above what was
 * requested. The buys stay scaled together (each within one share of its
 * scaled size) without the flooring leaving every buy a share short, which
 * with hundreds of small buys adds up to a cash drag.
 *
 * @example Buys of 50 and 49 shares at 11: the larger remainder gets the share cash allows
 * ```ts
 * import assert from "node:assert/strict";
 * import { scaleBuysToCash, topUpScaledBuys } from "./cash_scaling.ts";
 *
 * const requested = Float64Array.of(50, 49), prices = Float64Array.of(11, 11);
 * const out = new Float64Array(2);
 * const factor = scaleBuysToCash(requested, prices, { type: "none" }, 1020, false, out);
 * // 1020 / 1089 = 0.9366: 46.83 and 45.90 floor to 46 and 45, which cost 1001.
 * assert.deepEqual(Array.from(out), [46, 45]);
 * topUpScaledBuys(requested, prices, { type: "none" }, 1020, factor, out);
 * // 19 is left: one more share at 11, for the larger remainder (0.90 against 0.83).
 * assert.deepEqual(Array.from(out), [46, 46]);
 * ```
 */
export function topUpScaledBuys(
  requested: Float64Array,
  prices: Float64Array,
  commission: Commission,
  cash: number,
  factor: number,
  out: Float64Array,
): void {
  let left = cash - _cost(out, prices, commission, 1, true, new Float64Array(out.length));
  const open: number[] = [];
  for (let i = 0; i < out.length; i++) {
    if ((out[i] as number) < (requested[i] as number)) open.push(i);
  }
  const remainder = (i: number) => (requested[i] as number) * factor - (out[i] as number);
  open.sort((a, b) => remainder(b) - remainder(a) || a - b);
  for (const i of open) {
    const n = out[i] as number, p = prices[i] as number;
    const more = p +
      (n > 0
        ? commissionFor(commission, n + 1, p) - commissionFor(commission, n, p)
        : commissionFor(commission, 1, p));
    if (more > left) continue;
    left -= more;
    out[i] = n + 1;
  }
}

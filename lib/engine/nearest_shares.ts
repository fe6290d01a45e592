/**
 * Whole-share targets rounded to the nearest share within the cash available,
 * optionally leaving alone the holdings that sit inside a drift band: the
 * `nearest` and `band` rounding rules of a target-weight rebalance (the `down`
 * rule is rebalance.ts's own).
 *
 1. Each asset's exact target is `weight * investable / close` shares; the
 *    plan starts from its whole part.
 * 2. With `band`, a holding whose value is within `driftBand` of its target
 *    value (as a fraction of that value), or within one share of it, keeps
 *    its shares: no trade. The one-share floor is backtrader's no-trade zone
 *    (its `order_target_value` orders the whole part of the difference in
 *    value over the price: `CommInfoBase.getsize`), so `driftBand: 0` trades
 *    like it.
 * 3. A change worth less than `minTradeWeight` of the value is not made.
 * 4. The targets whose remainder is half a share or more get one more share,
 *    the largest remainder first, as long as the cash the plan leaves (less
 *    the cash buffer, with slippage and commission) pays for it. So a position
 *    sits as often above its target as below it, and an asset priced above
 *    its target value is still held when its target is at least half a share.
 * 5. When even the whole parts cost more than that cash (commissions, holdings
 *    left in their band), buys give back one share at a time, the buy furthest
 *    above its exact target first, until the plan fits.
 *
 * Everything is priced at the decision close; a gap at the fill is the
 * broker's to scale (see fill_pass.ts).
 *
 * Design decision: rounding to the nearest share and then taking back the
 * shares cash cannot pay for is the largest-remainder method (Hamilton's
 * apportionment) applied to shares: of all whole-share plans that fit the
 * cash, it keeps every position within one share of its exact target. Rounding
 * down instead leaves every position below its target, which at 500 assets and
 * 100,000 cash kept 15% of the value in cash (see docs/whole_shares.md).
 *
 * @module
 */
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import { commissionFor } from "./commission.ts";
import { SHARE_EPS, sharesOf } from "./share_count.ts";

/** The state a rebalance is sized on (as rebalance.ts sizes it). */
export type NearestInput = {
  readonly weights: Float64Array;
  readonly shares: Float64Array;
  readonly prices: Float64Array;
  readonly value: number;
  readonly options: ResolvedBrokerOptions;
};

/**
 * The cash a trade of `delta` shares sized at `price` brings (a sell, delta <
 * 0) or takes (a buy, delta > 0, negative), slippage and commission included.
 */
export function tradeCashFlow(o: ResolvedBrokerOptions, price: number, delta: number): number {
  if (delta === 0) return 0;
  const slip = o.slippageBps / 10_000;
  if (delta < 0) {
    const px = price * (1 - slip);
    return -delta * px - commissionFor(o.commission, -delta, px);
  }
  const px = price * (1 + slip);
  return -(delta * px + commissionFor(o.commission, delta, px));
}

/**
 * Writes into `out` the whole-share holding each asset should end the
 * rebalance with (its current shares where it does not trade) under the
 * `nearest` rule, or `band` when `band` is true; the module doc gives the
 * steps.
 *
 * @example Half a share or more rounds up, the largest remainder first, while cash lasts
 * ```ts
 * import assert from "node:assert/strict";
 * import { nearestShareTargets } from "./nearest_shares.ts";
 * import { resolveBrokerOptions } from "./broker_options.ts";
 *
 * const out = new Float64Array(2);
 * nearestShareTargets({
 *   weights: Float64Array.of(0.5, 0.5),
 *   shares: Float64Array.of(0, 0),
 *   prices: Float64Array.of(300, 40),
 *   value: 1000,
 *   options: resolveBrokerOptions({}),
 * }, false, out);
 * // Exact targets 1.67 and 12.5 shares. Floors cost 1 * 300 + 12 * 40 = 780, leaving 220:
 * // the larger remainder (0.67) would cost 300 and does not fit; the next (0.5) costs 40.
 * assert.deepEqual(Array.from(out), [1, 13]);
 * ```
 */
export function nearestShareTargets(
  input: NearestInput,
  band: boolean,
  out: Float64Array,
): void {
  const { weights, shares, prices, value } = input;
  const o = input.options;
  const n = weights.length;
  const investable = Math.max(0, value * (1 - o.cashBuffer));
  const minValue = o.minTradeWeight * value;
  const exact = new Float64Array(n).fill(NaN);
  // The cash the plan leaves beyond the buffer the targets keep out: value - investable.
  // As value = cash + holdings, that starts at investable - holdings.
  let cash = investable;
  for (let a = 0; a < n; a++) {
    const held = shares[a] as number, price = prices[a] as number;
    out[a] = held;
    if (!(price > 0)) continue;
    cash -= held * price;
    const w = weights[a] as number;
    if (w === 0 && held === 0) continue;
    const target = w * investable;
    const drift = Math.abs(held * price - target);
    if (band && w > 0 && held > 0 && (drift <= o.driftBand * target || drift < price)) continue;
    const x = target / price;
    const floor = sharesOf(x, false);
    if (Math.abs(floor - held) * price >= minValue) out[a] = floor;
    if (out[a] === floor) exact[a] = x; // rounding up is open to it
  }
  for (let a = 0; a < n; a++) {
    cash += tradeCashFlow(o, prices[a] as number, (out[a] as number) - (shares[a] as number));
  }
  if (cash < 0) _giveBack(input, exact, out, cash, minValue);
  else _roundUp(input, exact, out, cash, minValue);
}

/** Adds one share to the floored targets whose remainder is at least half, largest first, while cash lasts. */
function _roundUp(
  input: NearestInput,
  exact: Float64Array,
  out: Float64Array,
  cash: number,
  minValue: number,
): void {
  const { shares, prices, options: o } = input;
  const remainder = (a: number) => (exact[a] as number) - (out[a] as number);
  const open: number[] = [];
  for (let a = 0; a < exact.length; a++) if (remainder(a) >= 0.5 - SHARE_EPS) open.push(a);
  open.sort((a, b) => remainder(b) - remainder(a) || a - b);
  for (const a of open) {
    const held = shares[a] as number, price = prices[a] as number;
    const before = (out[a] as number) - held, after = before + 1;
    if (after !== 0 && Math.abs(after) * price < minValue) continue;
    const cost = tradeCashFlow(o, price, before) - tradeCashFlow(o, price, after);
    if (cost > cash) continue;
    cash -= cost;
    out[a] = held + after;
  }
}

/**
 * When even the floored plan does not fit (commissions, slippage, holdings
 * left in their band), takes buys back one share at a time, the buy furthest
 * above its exact target first, until it fits.
 */
function _giveBack(
  input: NearestInput,
  exact: Float64Array,
  out: Float64Array,
  cash: number,
  minValue: number,
): void {
  const { shares, prices, options: o } = input;
  const buys: number[] = [];
  for (let a = 0; a < out.length; a++) if ((out[a] as number) > (shares[a] as number)) buys.push(a);
  const above = (a: number) => (out[a] as number) - (exact[a] as number);
  // Giving back a share lowers every key by one, so one order serves every pass.
  buys.sort((a, b) => above(b) - above(a) || a - b);
  while (cash < 0 && buys.length > 0) {
    let kept = 0;
    for (const a of buys) {
      const held = shares[a] as number, price = prices[a] as number;
      const before = (out[a] as number) - held;
      let after = before - 1;
      if (after > 0 && after * price < minValue) after = 0;
      cash += tradeCashFlow(o, price, after) - tradeCashFlow(o, price, before);
      out[a] = held + after;
      if (after > 0) buys[kept++] = a;
      if (cash >= 0) break;
    }
    buys.length = cash >= 0 ? 0 : kept;
  }
}

/**
 * Target weights to orders. Sizing happens at the decision close: an asset's
 * target value is `weight * value * (1 - cashBuffer)`, its target shares that
 * value over its last close. Fractional shares take it as is; whole shares
 * round it by the broker's `rounding` rule:
 * - `down`: floored, and a buy is sized so that its cost at the close plus
 *   slippage and commission fits the asset's budget (target value minus what
 *   is held), so no position ends above its target;
 * - `nearest` and `band`: see nearest_shares.ts.
 * Sells come first. A change smaller than `minTradeWeight * value` is skipped.
 * Assets not named in the targets are sold down to zero. The broker scales
 * the buys together at the fill if prices moved against them (see fill_pass.ts).
 *
 * @module
 */
import type { Side } from "./types.ts";
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import { affordableShares, commissionFor } from "./commission.ts";
import { nearestShareTargets, tradeCashFlow } from "./nearest_shares.ts";
import { SHARE_EPS, sharesOf } from "./share_count.ts";

/** One order a rebalance asks for. */
export type RebalanceOrder = { readonly asset: number; readonly side: Side; readonly size: number };

/** The state a rebalance is sized on. */
export type RebalanceInput = {
  /** Target weight per asset index (0 for assets not named). */
  readonly weights: Float64Array;
  readonly shares: Float64Array;
  /** Valuation prices (last known closes); NaN where the asset never had a bar. */
  readonly prices: Float64Array;
  /** Total value at the decision close. */
  readonly value: number;
  readonly options: ResolvedBrokerOptions;
};

/** Receives one rebalance order: asset index, side and size in shares. */
export type EmitOrder = (asset: number, side: Side, size: number) => void;

/** The signed change in shares for one asset (0: no trade); sizing rules in the module doc. */
function _change(input: RebalanceInput, a: number, investable: number, minValue: number): number {
  const o = input.options;
  const w = input.weights[a] as number, held = input.shares[a] as number;
  const price = input.prices[a] as number;
  if ((w === 0 && held === 0) || !(price > 0)) return 0;
  const targetValue = w * investable;
  const exact = targetValue / price;
  const target = sharesOf(exact, o.fractional);
  if (target < held) {
    const size = held - target;
    return size > SHARE_EPS && size * price >= minValue ? -size : 0;
  }
  const buyPrice = price * (1 + o.slippageBps / 10_000);
  const budget = targetValue - held * price;
  let size = affordableShares(o.commission, budget, buyPrice);
  size = sharesOf(size, o.fractional);
  while (size > 0 && size * buyPrice + commissionFor(o.commission, size, buyPrice) > budget) {
    size = o.fractional ? size * (1 - 1e-12) : size - 1;
  }
  return size > SHARE_EPS && size * price >= minValue ? size : 0;
}

/**
 * Emits the orders that move holdings to the target weights: every sell
 * first, then every buy, each by ascending asset index. Returns the cash the
 * rounding to whole shares leaves uninvested: what the plan leaves in cash at
 * the decision close (slippage and commission paid) beyond what the targets
 * keep out (the cash buffer and any weight not allocated); near 0 with
 * fractional shares. The `down` rule allocates no objects per order.
 */
export function eachRebalanceOrder(input: RebalanceInput, emit: EmitOrder): number {
  const o = input.options;
  const investable = Math.max(0, input.value * (1 - o.cashBuffer));
  const { weights, shares, prices } = input;
  const n = weights.length;
  // Cash now less the cash the targets keep out: (value - holdings) - (value - targets).
  let cash = 0;
  for (let a = 0; a < n; a++) {
    const price = prices[a] as number;
    if (price > 0) cash += (weights[a] as number) * investable - (shares[a] as number) * price;
  }
  const order = (a: number, d: number) => {
    cash += tradeCashFlow(o, prices[a] as number, d);
    emit(a, d < 0 ? "sell" : "buy", Math.abs(d));
  };
  if (o.fractional || o.rounding === "down") {
    const minValue = o.minTradeWeight * input.value;
    for (let a = 0; a < n; a++) {
      const d = _change(input, a, investable, minValue);
      if (d < 0) order(a, d);
    }
    for (let a = 0; a < n; a++) {
      const d = _change(input, a, investable, minValue);
      if (d > 0) order(a, d);
    }
    return cash;
  }
  const target = new Float64Array(n);
  nearestShareTargets(input, o.rounding === "band", target);
  for (let a = 0; a < n; a++) {
    const d = (target[a] as number) - (shares[a] as number);
    if (d < 0) order(a, d);
  }
  for (let a = 0; a < n; a++) {
    const d = (target[a] as number) - (shares[a] as number);
    if (d > 0) order(a, d);
  }
  return cash;
}

/** The orders {@link eachRebalanceOrder} emits, as a list. */
export function ordersForTargets(input: RebalanceInput): RebalanceOrder[] {
  const out: RebalanceOrder[] = [];
  eachRebalanceOrder(input, (asset, side, size) => out.push({ asset, side, size }));
  return out;
}

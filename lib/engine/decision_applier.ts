/**
 * Turning a strategy's {@link Decision} into broker orders: validation (a
 * malformed decision is a programming error and throws a RangeError naming
 * the strategy, the day and the rule) and submission.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { OrderRequest, WholeShareCash } from "./types.ts";
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import type { Broker } from "./broker.ts";
import { eachRebalanceOrder } from "./rebalance.ts";
import type { Decision } from "./strategy.ts";

function _fail(strategy: string, date: string, what: string, value: unknown): never {
  throw new RangeError(
    `Cannot accept the decision of strategy ${strategy} on ${date} as ${what}: current value is ${
      JSON.stringify(value)
    }`,
  );
}

function _checkOrder(
  req: OrderRequest,
  panel: Panel,
  o: ResolvedBrokerOptions,
  who: string,
  date: string,
) {
  const asset = panel.indexOf(req.ticker);
  if (asset < 0) _fail(who, date, "an order's ticker must be in the Panel", req.ticker);
  if (req.side !== "buy" && req.side !== "sell") {
    _fail(who, date, "side must be buy or sell", req.side);
  }
  if (!(Number.isFinite(req.size) && req.size > 0)) _fail(who, date, "size must be > 0", req.size);
  if (!o.fractional && !Number.isInteger(req.size)) {
    _fail(who, date, "size must be whole shares (fractional is off)", req.size);
  }
  const type = req.type ?? "market";
  if (type !== "market" && type !== "limit" && type !== "stop") {
    _fail(who, date, "type must be market, limit or stop", type);
  }
  if (type !== "market" && !(Number.isFinite(req.price) && (req.price as number) > 0)) {
    _fail(who, date, `a ${type} order's price must be > 0`, req.price);
  }
  const valid = req.validDays ?? (type === "market" ? Infinity : 1);
  if (!(valid === Infinity || (Number.isInteger(valid) && valid >= 1))) {
    _fail(who, date, "validDays must be a whole number >= 1", req.validDays);
  }
  return {
    asset,
    side: req.side,
    size: req.size,
    type,
    price: req.price ?? NaN,
    validDays: valid,
    reason: req.reason,
  };
}

function _weights(
  targets: Readonly<Record<string, number>>,
  panel: Panel,
  out: Float64Array,
  o: ResolvedBrokerOptions,
  who: string,
  date: string,
): Float64Array {
  out.fill(0);
  let sum = 0;
  for (const ticker in targets) {
    if (!Object.hasOwn(targets, ticker)) continue;
    const w = targets[ticker] as number;
    const a = panel.indexOf(ticker);
    if (a < 0) _fail(who, date, "a target's ticker must be in the Panel", ticker);
    if (!(Number.isFinite(w) && w >= 0)) {
      _fail(who, date, `target ${ticker} must be a weight >= 0`, w);
    }
    out[a] = w;
    sum += w;
  }
  if (!o.margin && sum > 1 + 1e-9) _fail(who, date, "target weights must sum to at most 1", sum);
  return out;
}

/** Applies one strategy's decisions to the broker: cancel, then targets, then orders. */
export class DecisionApplier {
  readonly #panel: Panel;
  readonly #broker: Broker;
  readonly #o: ResolvedBrokerOptions;
  readonly #strategy: string;
  readonly #weights: Float64Array;
  /** The frozen targets `#weights` holds (checked), so the same object is not read again. */
  #weighed: Readonly<Record<string, number>> | undefined;
  #group = 0;
  #rounding = { rebalances: 0, last: 0, lastShare: 0, sumShare: 0, maxShare: 0 };

  /** `groups`: rebalance groups already used (a restored plan carries the count on). */
  constructor(
    panel: Panel,
    broker: Broker,
    options: ResolvedBrokerOptions,
    strategy: string,
    groups = 0,
  ) {
    this.#panel = panel;
    this.#broker = broker;
    this.#o = options;
    this.#strategy = strategy;
    this.#weights = new Float64Array(panel.assetCount);
    this.#group = groups;
  }

  /** Rebalance groups used so far (each target-weight decision opens one). */
  get groups(): number {
    return this.#group;
  }

  /** The cash whole-share rounding left uninvested over the rebalances so far; null before the first. */
  wholeShareCash(): WholeShareCash | null {
    const r = this.#rounding;
    if (r.rebalances === 0) return null;
    return {
      rebalances: r.rebalances,
      last: r.last,
      lastShare: r.lastShare,
      averageShare: r.sumShare / r.rebalances,
      maxShare: r.maxShare,
    };
  }

  #tally(left: number, value: number): void {
    const r = this.#rounding;
    const share = value > 0 ? left / value : 0;
    r.rebalances += 1;
    r.last = left;
    r.lastShare = share;
    r.sumShare += share;
    if (share > r.maxShare) r.maxShare = share;
  }

  /** Applies `d`, decided at the close of day t (total value `value`, ISO date `date`). */
  apply(d: Decision, t: number, value: number, date: string): void {
    const broker = this.#broker, o = this.#o, who = this.#strategy;
    if (d.cancelPending) broker.cancel(false);
    if (d.targets !== undefined) {
      // Frozen targets cannot have changed since they were checked (equal-weight
      // hands out one object until the tradable assets change).
      if (d.targets !== this.#weighed || !Object.isFrozen(d.targets)) {
        _weights(d.targets, this.#panel, this.#weights, o, who, date);
        this.#weighed = Object.isFrozen(d.targets) ? d.targets : undefined;
      }
      broker.cancel(true);
      const group = ++this.#group;
      const input = {
        weights: this.#weights,
        shares: broker.shares,
        prices: broker.lastClose,
        value,
        options: o,
      };
      const left = eachRebalanceOrder(input, (asset, side, size) => {
        broker.submit(t, asset, side, size, "market", NaN, Infinity, group);
      });
      this.#tally(left, value);
    }
    for (const req of d.orders ?? []) {
      const c = _checkOrder(req, this.#panel, o, who, date);
      broker.submit(t, c.asset, c.side, c.size, c.type, c.price, c.validDays, 0, c.reason);
    }
  }
}

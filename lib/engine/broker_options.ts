/**
 * The broker's options, their defaults and their validation. The names match
 * the `broker` section of the run configuration, so a parsed config can be
 * passed as is.
 *
 * @module
 */
import { type Commission, NO_COMMISSION, validateCommission } from "./commission.ts";

/** When market orders fill: the next bar's open (default) or the decision bar's close. */
export type FillTiming = "nextOpen" | "close";

/**
 * How a target-weight rebalance rounds its targets to whole shares: `down`
 * (never above the target), `nearest` (the nearest share within the cash
 * available) or `band` (as `nearest`, but a holding within `driftBand` of its
 * target is left alone). The rules are written in nearest_shares.ts.
 */
export type Rounding = "down" | "nearest" | "band";

/** What the broker does with a buy that cash cannot cover in full. */
export type InsufficientCash = "trim" | "reject";

/** Options of the simulated broker; every field is optional, defaults below. */
export type BrokerOptions = {
  /** Market orders fill at the next bar's open (`"nextOpen"`, default) or at the close of the bar the strategy decided on (`"close"`). */
  readonly fill?: FillTiming;
  /** Commission model; default `{ type: "none" }`. */
  readonly commission?: Commission;
  /** Slippage in basis points: buys pay `price * (1 + bps/10000)`, sells receive `price * (1 - bps/10000)`. Default 0. */
  readonly slippageBps?: number;
  /** Whether orders may hold fractional shares; default false (whole shares). */
  readonly fractional?: boolean;
  /** How whole-share targets are rounded (ignored with `fractional`); default `"nearest"`. */
  readonly rounding?: Rounding;
  /** With `rounding: "band"`, the drift (fraction of a holding's target value) under which it is not traded; default 0.05. */
  readonly driftBand?: number;
  /** Whether cash may go negative (no trimming, no rejection for cash); default false. */
  readonly margin?: boolean;
  /** A buy that cash cannot cover: trimmed to the shares that fit (`"trim"`, default) or rejected (`"reject"`, backtrader's way). */
  readonly insufficientCash?: InsufficientCash;
  /** Fraction of total value (0 to 0.2) that target-weight rebalances leave in cash; default 0. */
  readonly cashBuffer?: number;
  /** Rebalance trades smaller than this fraction of total value are skipped; default 0. */
  readonly minTradeWeight?: number;
};

/** {@link BrokerOptions} with every default filled in. */
export type ResolvedBrokerOptions = {
  readonly [K in keyof BrokerOptions]-?: Exclude<BrokerOptions[K], undefined>;
};

/** The defaults of {@link BrokerOptions}. */
export const DEFAULT_BROKER_OPTIONS: ResolvedBrokerOptions = Object.freeze({
  fill: "nextOpen",
  commission: NO_COMMISSION,
  slippageBps: 0,
  fractional: false,
  rounding: "nearest",
  driftBand: 0.05,
  margin: false,
  insufficientCash: "trim",
  cashBuffer: 0,
  minTradeWeight: 0,
});

function _range(name: string, value: number, lo: number, hi: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value > hi) {
    throw new RangeError(
      `Cannot configure the broker as ${name} must be a number in [${lo}, ${hi}]: current value is ${
        String(value)
      }`,
    );
  }
  return value;
}

function _oneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new TypeError(
      `Cannot configure the broker as ${name} must be one of ${
        allowed.join(", ")
      }: current value is ${String(value)}`,
    );
  }
  return value;
}

function _bool(name: string, value: boolean): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(
      `Cannot configure the broker as ${name} must be a boolean: current value is ${String(value)}`,
    );
  }
  return value;
}

/** Fills in defaults and validates; throws RangeError/TypeError naming the bad option. */
export function resolveBrokerOptions(options: BrokerOptions = {}): ResolvedBrokerOptions {
  const d = DEFAULT_BROKER_OPTIONS;
  return Object.freeze({
    fill: _oneOf("fill", options.fill ?? d.fill, ["nextOpen", "close"]),
    commission: validateCommission(options.commission ?? d.commission),
    slippageBps: _range("slippageBps", options.slippageBps ?? d.slippageBps, 0, 10_000),
    fractional: _bool("fractional", options.fractional ?? d.fractional),
    rounding: _oneOf("rounding", options.rounding ?? d.rounding, ["down", "nearest", "band"]),
    driftBand: _range("driftBand", options.driftBand ?? d.driftBand, 0, 1),
    margin: _bool("margin", options.margin ?? d.margin),
    insufficientCash: _oneOf("insufficientCash", options.insufficientCash ?? d.insufficientCash, [
      "trim",
      "reject",
    ]),
    cashBuffer: _range("cashBuffer", options.cashBuffer ?? d.cashBuffer, 0, 0.2),
    minTradeWeight: _range("minTradeWeight", options.minTradeWeight ?? d.minTradeWeight, 0, 1),
  });
}

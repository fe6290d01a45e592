/**
 * Commission models and the arithmetic the broker needs from them: the fee
 * for a fill, and the most shares a cash amount can pay for fees included.
 *
 * The percent model charges on the traded value (`|shares| * price * rate`),
 * as backtrader's default stock commission scheme does.
 *
 * @module
 */
import { sharesOf } from "./share_count.ts";

/** How the broker charges for a fill. */
export type Commission =
  | { readonly type: "none" }
  /** `perShare` per share, at least `minimum` (default 0) per fill. */
  | { readonly type: "perShare"; readonly perShare: number; readonly minimum?: number }
  /** `rate` times the traded value (0.001 is 0.1%). */
  | { readonly type: "percent"; readonly rate: number }
  /** `amount` per fill, whatever its size. */
  | { readonly type: "fixed"; readonly amount: number };

/** The commission model used when none is given. */
export const NO_COMMISSION: Commission = Object.freeze({ type: "none" });

function _checkNonNegative(value: unknown, field: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cannot use the commission as ${field} must be a finite number >= 0: current value is ${
        String(value)
      }`,
    );
  }
}

/** Throws a RangeError/TypeError naming the field when `c` is not a valid {@link Commission}. */
export function validateCommission(c: Commission): Commission {
  switch (c?.type) {
    case "none":
      return c;
    case "perShare":
      _checkNonNegative(c.perShare, "perShare");
      if (c.minimum !== undefined) _checkNonNegative(c.minimum, "minimum");
      return c;
    case "percent":
      _checkNonNegative(c.rate, "rate");
      if (c.rate >= 1) {
        throw new RangeError(
          `Cannot use the commission as rate must be below 1: current value is ${c.rate}`,
        );
      }
      return c;
    case "fixed":
      _checkNonNegative(c.amount, "amount");
      return c;
    default:
      throw new TypeError(
        `Cannot use the commission as type must be none, perShare, percent or fixed: current value is ${
          String((c as { type?: unknown })?.type)
        }`,
      );
  }
}

/** The fee for filling `shares` (> 0) at `price`. */
export function commissionFor(c: Commission, shares: number, price: number): number {
  switch (c.type) {
    case "none":
      return 0;
    case "perShare":
      return Math.max(c.minimum ?? 0, c.perShare * shares);
    case "percent":
      return shares * price * c.rate;
    case "fixed":
      return c.amount;
  }
}

/**
 * The most shares (not rounded) whose cost plus commission fits in `cash` at
 * `price`; 0 when not even the fixed part of the fee fits.
 */
export function affordableShares(c: Commission, cash: number, price: number): number {
  if (!(cash > 0) || !(price > 0)) return 0;
  let n: number;
  switch (c.type) {
    case "none":
      n = cash / price;
      break;
    case "perShare":
      n = Math.min((cash - (c.minimum ?? 0)) / price, cash / (price + c.perShare));
      break;
    case "percent":
      n = cash / (price * (1 + c.rate));
      break;
    case "fixed":
      n = (cash - c.amount) / price;
      break;
  }
  return Math.max(0, n);
}

/**
 * The most shares that `cash` pays for at `price`, commission included:
 * whole shares unless `fractional`; 0 when not one fits.
 */
export function sharesThatFit(
  c: Commission,
  cash: number,
  price: number,
  fractional: boolean,
): number {
  let n = affordableShares(c, cash, price);
  n = sharesOf(n, fractional);
  // The closed forms can land one ulp (or, floored, one share) over: step back until it fits.
  for (let i = 0; i < 50 && n > 0 && n * price + commissionFor(c, n, price) > cash; i++) {
    n = fractional ? n * (1 - 1e-12) : n - 1;
  }
  return n;
}

/**
 * Checks for the options of this folder's functions: a bad option is a
 * programmer's mistake, so it throws with the message shape of STYLE.md
 * ("Cannot X as Y must be Z: current value is V").
 *
 * @module
 */

export { checkNumber as _checkNumber } from "../option_checks.ts";

/** Throws a RangeError unless `value` is an integer >= min or Infinity (no limit). */
export function _checkCount(what: string, name: string, value: number, min: number): number {
  if (value === Infinity) return value;
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot ${what} as ${name} must be an integer >= ${min} or Infinity: current value is ${value}`,
    );
  }
  return value;
}

/** Throws a RangeError unless `value` is one of `allowed`. */
export function _checkChoice<T extends string>(
  what: string,
  name: string,
  value: T,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value)) {
    throw new RangeError(
      `Cannot ${what} as ${name} must be one of ${allowed.join(", ")}: current value is ${value}`,
    );
  }
  return value;
}

/** `x` bounded to [0, 1]. */
export function _clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** A number for a reason string: three decimals, trailing zeros kept (`0.850`). */
export function _fmt(x: number): string {
  return x.toFixed(3);
}

/**
 * Checks for the options the rule factories take: a bad option is a programmer's
 * mistake, so it throws at construction with the message shape of STYLE.md
 * ("Cannot X as Y must be Z: current value is V").
 *
 * @module
 */

/** Throws a RangeError unless `value` is an integer in [min, max]. */
export function checkInteger(
  what: string,
  name: string,
  value: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new RangeError(
      `Cannot ${what} as ${name} must be an integer ${range}: current value is ${value}`,
    );
  }
  return value;
}

export { checkNumber } from "../option_checks.ts";

/**
 * Checks for the options factories take: a bad option is a programmer's
 * mistake, so it throws at construction with the message shape of STYLE.md
 * ("Cannot X as Y must be Z: current value is V"). Shared by the folders whose
 * functions take numeric options (portfolio, protection).
 *
 * @module
 */

/** Throws a RangeError unless `value` is a finite number in [min, max]. */
export function checkNumber(
  what: string,
  name: string,
  value: number,
  min: number,
  max: number,
): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(
      `Cannot ${what} as ${name} must be a number in [${min}, ${max}]: current value is ${value}`,
    );
  }
  return value;
}

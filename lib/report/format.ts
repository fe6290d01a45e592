/**
 * Number formatting for the report's tables and header: fixed decimals,
 * thousands separated by commas, a dash for a missing figure.
 *
 * Design decision: formatted by hand rather than with `Intl.NumberFormat`, so
 * the bytes of a report do not depend on the ICU data of the Deno build.
 *
 * @module
 */

/** Shown where a figure is undefined (null in the result). */
export const MISSING = "–";

/**
 * A number with `digits` decimals and comma thousands separators; {@link MISSING} for null or a non-finite value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatNumber } from "./format.ts";
 *
 * assert.equal(formatNumber(-1234567.891, 2), "-1,234,567.89");
 * assert.equal(formatNumber(null), "–");
 * ```
 */
export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = "", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * A fraction as a percentage: `formatPercent(0.1234)` is `"12.34%"`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatPercent } from "./format.ts";
 *
 * assert.equal(formatPercent(-0.05, 1), "-5.0%");
 * ```
 */
export function formatPercent(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value)
    ? MISSING
    : `${formatNumber(value * 100, digits)}%`;
}

/** A number rounded to `significant` digits, for chart data (smaller JSON, same picture). */
export function roundSignificant(value: number, significant = 7): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(significant)) : value;
}

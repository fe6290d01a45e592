/**
 * Reading plain CSV fields straight from a file's bytes: decimals and ISO dates
 * without making a string per field. The bar parser's fast path; anything these
 * do not recognise (NaN) goes to the string path, which explains the problem.
 *
 * @module
 */
import { daysFromCivil, daysInMonth } from "./bar_time.ts";

const MS_PER_DAY = 86_400_000;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The plain decimal (`[+-]digits[.digits]`) in bytes [from, to), or NaN for
 * anything else (blanks, an exponent, `null`, a mantissa past 2^53).
 *
 * Exact: with an integer mantissa below 2^53 and at most 22 decimals, both
 * operands of `mantissa / 10^decimals` are exact doubles and IEEE division rounds
 * correctly, so the result equals `Number(field)` (Clinger's fast path).
 *
 * @see https://doi.org/10.1145/93542.93557 Clinger, "How to read floating point numbers accurately"
 */
export function decimalAt(bytes: Uint8Array, from: number, to: number): number {
  let i = from, sign = 1;
  const first = bytes[i];
  if (first === 45 || first === 43) {
    if (first === 45) sign = -1;
    i++;
  }
  let mantissa = 0, digits = 0, decimals = -1;
  for (; i < to; i++) {
    const c = bytes[i] as number;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || mantissa > Number.MAX_SAFE_INTEGER || decimals > 22) return NaN;
  return decimals > 0 ? sign * (mantissa / (POW10[decimals] as number)) : sign * mantissa;
}

function _twoDigits(bytes: Uint8Array, at: number): number {
  const a = (bytes[at] as number) - 48, b = (bytes[at + 1] as number) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** Epoch ms of midnight UTC of an exact `YYYY-MM-DD` in bytes [from, to), else NaN. */
export function isoDayAt(bytes: Uint8Array, from: number, to: number): number {
  if (to - from !== 10 || bytes[from + 4] !== 45 || bytes[from + 7] !== 45) return NaN;
  const year = _twoDigits(bytes, from) * 100 + _twoDigits(bytes, from + 2);
  const month = _twoDigits(bytes, from + 5), day = _twoDigits(bytes, from + 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/** The bytes [from, to) as a string, one char per byte (for short ASCII fields). */
export function asciiAt(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

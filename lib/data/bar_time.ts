/**
 * Bar timestamps as text: fast parsing of the date and date-time forms found in
 * price CSVs, and formatting for messages and summaries.
 *
 * Design decision: parsed by char codes, not by regex or `Date.parse`, because a
 * CSV of 100k rows calls this 100k times; the day number comes from Howard
 * Hinnant's `days_from_civil` (pure integer arithmetic).
 *
 * @see https://howardhinnant.github.io/date_algorithms.html#days_from_civil
 * @module
 */
import type { Interval } from "./bars.ts";

const MS_PER_DAY = 86_400_000;
const ZERO = 48;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function _digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/** Days in `month` (1-12) of `year` (Gregorian leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of the `YYYY-MM-DD` at `at`, or NaN when it is not a real date. */
function _dayAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return NaN;
  const year = _digits(text, at, 4), month = _digits(text, at + 5, 2);
  const day = _digits(text, at + 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day);
}

/** Minutes east of UTC of the zone suffix in [at, end) (none and `Z` are 0), or NaN. */
function _zoneOffsetMinutes(text: string, at: number, end: number): number {
  const rest = end - at;
  if (rest === 0) return 0;
  if (rest === 1 && text.charCodeAt(at) === 90) return 0;
  const sign = text.charCodeAt(at);
  if (rest !== 6 || (sign !== 43 && sign !== 45) || text.charCodeAt(at + 3) !== 58) return NaN;
  const hours = _digits(text, at + 1, 2), minutes = _digits(text, at + 4, 2);
  if (!(hours <= 14 && minutes <= 59)) return NaN;
  return (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Epoch milliseconds of the date or date-time in `text` from index `from` to `to`
 * (exclusive), or NaN; see {@link parseTimeText} for the forms. Reading in place
 * lets a CSV parser skip cutting each field out of its line.
 */
export function parseTimeIn(text: string, from: number, to: number): number {
  const n = to - from;
  if (n < 10) return NaN;
  const day = _dayAt(text, from);
  if (Number.isNaN(day)) return NaN;
  if (n === 10) return day * MS_PER_DAY;
  const sep = text.charCodeAt(from + 10);
  if ((sep !== 84 && sep !== 32) || n < 16 || text.charCodeAt(from + 13) !== 58) return NaN;
  const hour = _digits(text, from + 11, 2), minute = _digits(text, from + 14, 2);
  let second = 0, at = from + 16;
  if (n >= 19 && text.charCodeAt(from + 16) === 58) {
    second = _digits(text, from + 17, 2);
    at = from + 19;
  }
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  const offsetMinutes = _zoneOffsetMinutes(text, at, to);
  if (Number.isNaN(offsetMinutes)) return NaN;
  return day * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
}

/**
 * Midnight UTC of the calendar date written at `from` in `text` (a time and zone
 * up to `to` are checked, then ignored), or NaN; see {@link parseDayText}.
 */
export function parseDayIn(text: string, from: number, to: number): number {
  if (Number.isNaN(parseTimeIn(text, from, to))) return NaN;
  return _dayAt(text, from) * MS_PER_DAY;
}

/**
 * Epoch milliseconds of a date or date-time as price files write them, or NaN:
 * `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]`, optionally
 * followed by `Z` or an offset `±hh:mm`. No zone means UTC.
 */
export function parseTimeText(text: string): number {
  return parseTimeIn(text, 0, text.length);
}

/**
 * Epoch milliseconds of midnight UTC of the calendar date written at the start of
 * `text` (any time and zone after it are checked, then ignored), or NaN. This is
 * how daily bars are stamped: a file's `2023-01-03 00:00:00-05:00` is the trading
 * day 2023-01-03, whatever the zone.
 */
export function parseDayText(text: string): number {
  return parseDayIn(text, 0, text.length);
}

/** True for intervals shorter than a day, whose bars carry a time of day. */
export function isIntraday(interval: Interval): boolean {
  return interval === "1h" || interval === "4h";
}

/** A bar time for people: `YYYY-MM-DD` for daily and slower bars, ISO UTC to the minute otherwise. */
export function formatBarTime(ms: number, interval: Interval): string {
  if (!(Math.abs(ms) <= 8.64e15)) return String(ms);
  const iso = new Date(ms).toISOString();
  return isIntraday(interval) ? `${iso.slice(0, 16)}Z` : iso.slice(0, 10);
}

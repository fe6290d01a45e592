/**
 * A US equity-market calendar for synthetic data: weekdays minus the NYSE's
 * full-day holidays (by their rules since 1998) and a fixed list of unscheduled
 * closures, plus New York's UTC offset for stamping intraday bars.
 *
 * @see https://www.nyse.com/markets/hours-calendars (holiday rules)
 *
 * @module
 */
import { parseIsoDay, weekdayOfDay } from "./dates.ts";

/** Unscheduled full-day closures (Hurricane Sandy, the national day of mourning for G. H. W. Bush). */
export const UNSCHEDULED_CLOSURES: readonly string[] = ["2012-10-29", "2012-10-30", "2018-12-05"];

const _day = (year: number, month: number, date: number): number =>
  Date.UTC(year, month - 1, date) / 86_400_000;

/** Day number of the n-th (1-based) `weekday` (0 Sunday .. 6 Saturday) of a month; n = -1 for the last. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  if (n === -1) {
    const last = _day(year, month + 1, 0);
    return last - ((weekdayOfDay(last) - weekday + 7) % 7);
  }
  const first = _day(year, month, 1);
  return first + ((weekday - weekdayOfDay(first) + 7) % 7) + 7 * (n - 1);
}

/** Day number of Easter Sunday (Gregorian; anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), date = ((h + l - 7 * m + 114) % 31) + 1;
  return _day(year, month, date);
}

/** A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function _observed(day: number): number {
  const wd = weekdayOfDay(day);
  return wd === 6 ? day - 1 : wd === 0 ? day + 1 : day;
}

/** Day numbers of the NYSE's scheduled full-day holidays of a year. */
export function nyseHolidays(year: number): number[] {
  const newYear = _day(year, 1, 1);
  const list = [
    nthWeekdayOfMonth(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekdayOfMonth(year, 2, 1, 3), // Washington's Birthday
    easterSunday(year) - 2, // Good Friday
    nthWeekdayOfMonth(year, 5, 1, -1), // Memorial Day
    _observed(_day(year, 7, 4)), // Independence Day
    nthWeekdayOfMonth(year, 9, 1, 1), // Labor Day
    nthWeekdayOfMonth(year, 11, 4, 4), // Thanksgiving
    _observed(_day(year, 12, 25)), // Christmas
  ];
  // New Year's Day on a Saturday is not observed on the Friday before (NYSE rule 7.2).
  if (weekdayOfDay(newYear) !== 6) list.push(_observed(newYear));
  return list.sort((x, y) => x - y);
}

/** Trading days (day numbers) from `from` to `to` (ISO dates, both included). */
export function tradingDays(from: string, to: string): Int32Array {
  const first = parseIsoDay(from), last = parseIsoDay(to);
  if (Number.isNaN(first) || Number.isNaN(last) || last < first) {
    throw new RangeError(
      `Cannot build a calendar as from..to must be ISO dates in order: current value is ${from}..${to}`,
    );
  }
  const closed = new Set<number>(UNSCHEDULED_CLOSURES.map(parseIsoDay));
  const startYear = new Date(first * 86_400_000).getUTCFullYear();
  const endYear = new Date(last * 86_400_000).getUTCFullYear();
  for (let y = startYear; y <= endYear; y++) for (const d of nyseHolidays(y)) closed.add(d);
  const days: number[] = [];
  for (let d = first; d <= last; d++) {
    const wd = weekdayOfDay(d);
    if (wd !== 0 && wd !== 6 && !closed.has(d)) days.push(d);
  }
  return Int32Array.from(days);
}

/**
 * New York's offset from UTC in hours on a day (-4 in daylight saving time, else -5),
 * by the US rule since 2007: from the second Sunday of March to the first Sunday of November.
 */
export function newYorkUtcOffsetHours(day: number): number {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  const start = nthWeekdayOfMonth(year, 3, 0, 2), end = nthWeekdayOfMonth(year, 11, 0, 1);
  return day >= start && day < end ? -4 : -5;
}

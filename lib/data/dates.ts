/**
 * Calendar helpers. Design decision: a trading day is an integer count of days
 * since 1970-01-01 (UTC), so calendars are Int32Arrays and comparisons are
 * integer comparisons; ISO strings (`YYYY-MM-DD`) appear only at the edges.
 * Intraday bars carry epoch milliseconds instead (see {@link BarSeries}).
 *
 * @module
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, or NaN when the text is not a real calendar date. */
export function parseIsoDay(text: string): number {
  const m = ISO_DATE.exec(text);
  if (!m) return NaN;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day
  ) {
    return NaN;
  }
  return ms / MS_PER_DAY;
}

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function formatIsoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of an epoch-millisecond timestamp (UTC). */
export function dayOfMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** Epoch milliseconds of a day number (midnight UTC). */
export function msOfDay(day: number): number {
  return day * MS_PER_DAY;
}

/** Day of week of a day number: 0 Sunday .. 6 Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Year and month (1-12) of a day number. */
export function yearMonthOfDay(day: number): { readonly year: number; readonly month: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

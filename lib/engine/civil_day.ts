/**
 * Calendar arithmetic on day numbers without Date objects: the day loop needs
 * an ISO date and a month for every day of a run, and allocating a Date for
 * each is measurable at 5,000 days.
 *
 * @see https://howardhinnant.github.io/date_algorithms.html#civil_from_days
 * @module
 */

/** Year, month (1-12) and day of month of a day number (days since 1970-01-01), packed as `yyyymmdd`. */
export function civilOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + dayOfMonth;
}

/** `year * 12 + month` of a day number: consecutive months give consecutive integers. */
export function monthIndexOfDay(day: number): number {
  const ymd = civilOfDay(day);
  return Math.floor(ymd / 10_000) * 12 + (Math.floor(ymd / 100) % 100);
}

/** The ISO date (`YYYY-MM-DD`) of a day number, for years 1000 to 9999. */
export function isoDateOfDay(day: number): string {
  const ymd = String(civilOfDay(day));
  return `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
}

/**
 * Hourly bars consistent with a daily bar: seven bars a day from 09:30 New York
 * (the last one half an hour, to the 16:00 close, as Yahoo's hourly bars are),
 * stamped in UTC, following a Brownian bridge from the day's open to its close
 * that stays inside the day's range and touches its high and low.
 *
 * @module
 */
import { type BarRow, type BarSeries, seriesFromRows } from "./bars.ts";
import { dayOfMs, msOfDay } from "./dates.ts";
import type { Random } from "./random.ts";
import { newYorkUtcOffsetHours } from "./fixture_calendar.ts";
import { PRICE_DECIMALS, roundTo } from "./fixture_prices.ts";

/** Hourly bars per trading day (09:30, 10:30, ..., 15:30 New York). */
export const BARS_PER_DAY = 7;

/** Share of the day's volume by hour: heavy at the open and the close. */
const VOLUME_PROFILE = [0.22, 0.13, 0.11, 0.1, 0.11, 0.13, 0.2] as const;

const MS_PER_HOUR = 3_600_000;

/** Hourly bars for the daily bars of `daily` from index `from` on. */
export function simulateHourlyBars(daily: BarSeries, from: number, random: Random): BarSeries {
  const rows: BarRow[] = [];
  for (let k = Math.max(0, from); k < daily.time.length; k++) {
    const day = dayOfMs(daily.time[k] as number);
    const open = daily.open[k] as number, high = daily.high[k] as number;
    const low = daily.low[k] as number, close = daily.close[k] as number;
    const path = _bridge(open, close, low, high, random);
    const sigma = Math.max(Math.log(high / low), 1e-4) / 3;
    const bars = path.slice(0, BARS_PER_DAY).map((o, j) => {
      const c = path[j + 1] as number;
      return {
        open: o,
        close: c,
        high: Math.max(
          Math.min(
            high,
            _cents(Math.max(o, c) * Math.exp(0.3 * sigma * Math.abs(random.normal()))),
          ),
          o,
          c,
        ),
        low: Math.min(
          Math.max(
            low,
            _cents(Math.min(o, c) * Math.exp(-0.3 * sigma * Math.abs(random.normal()))),
          ),
          o,
          c,
        ),
      };
    });
    _touch(bars, high, low);
    const start = msOfDay(day) + (9.5 - newYorkUtcOffsetHours(day)) * MS_PER_HOUR;
    bars.forEach((b, j) => {
      const share = (VOLUME_PROFILE[j] as number) * Math.exp(0.2 * random.normal());
      rows.push({
        time: start + j * MS_PER_HOUR,
        ...b,
        adjClose: b.close,
        volume: Math.max(1, Math.round((daily.volume[k] as number) * share)),
      });
    });
  }
  return seriesFromRows(daily.ticker, "1h", rows);
}

const _cents = (x: number): number => roundTo(x, PRICE_DECIMALS);

/** Prices at the 8 bar boundaries: the open, 6 inner points, the close; clipped to [low, high]. */
function _bridge(open: number, close: number, low: number, high: number, random: Random): number[] {
  const sigma = Math.max(Math.log(high / low), 1e-4) / 3;
  const points = [open];
  let x = Math.log(open);
  const end = Math.log(close);
  for (let j = 1; j < BARS_PER_DAY; j++) {
    const left = BARS_PER_DAY - j + 1;
    x += (end - x) / left + sigma * Math.sqrt((left - 1) / left) * random.normal();
    points.push(Math.min(high, Math.max(low, _cents(Math.exp(x)))));
  }
  points.push(close);
  return points;
}

/** Makes the day's high and low the high and low of the bars nearest to them. */
function _touch(
  bars: { open: number; close: number; high: number; low: number }[],
  high: number,
  low: number,
): void {
  let top = 0, bottom = 0;
  bars.forEach((b, j) => {
    const ref = bars[top], refLow = bars[bottom];
    if (ref !== undefined && Math.max(b.open, b.close) > Math.max(ref.open, ref.close)) top = j;
    if (refLow !== undefined && Math.min(b.open, b.close) < Math.min(refLow.open, refLow.close)) {
      bottom = j;
    }
  });
  const topBar = bars[top], bottomBar = bars[bottom];
  if (topBar !== undefined) topBar.high = high;
  if (bottomBar !== undefined) bottomBar.low = low;
}

/**
 * Hand-built price series whose market condition is known, for the scanner's
 * tests and benchmark (private to this folder).
 *
 * @module
 */
import { type BarRow, type BarSeries, seriesFromRows } from "../data/bars.ts";
import { parseIsoDay, weekdayOfDay } from "../data/dates.ts";

const MS_PER_DAY = 86_400_000;

/** Mulberry32: a small seeded PRNG giving floats in [0, 1). */
export function _prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` weekdays (day numbers) from `start` (ISO) on. */
export function _weekdays(start: string, count: number): number[] {
  const out: number[] = [];
  for (let d = parseIsoDay(start); out.length < count; d++) {
    const w = weekdayOfDay(d);
    if (w !== 0 && w !== 6) out.push(d);
  }
  return out;
}

/** Daily bars on weekdays from 2015-01-05 with log-returns `moves[i]` and volumes `volumes[i]`. */
function _bars(ticker: string, moves: readonly number[], volumes: readonly number[]): BarSeries {
  const days = _weekdays("2015-01-05", moves.length);
  let close = 100;
  const rows = moves.map((m, i): BarRow => {
    const prev = close;
    close = prev * Math.exp(m);
    const spread = 0.004 * close;
    return {
      time: (days[i] as number) * MS_PER_DAY,
      open: prev,
      high: Math.max(prev, close) + spread,
      low: Math.min(prev, close) - spread,
      close,
      adjClose: close,
      volume: volumes[i] as number,
    };
  });
  return seriesFromRows(ticker, "1d", rows);
}

/** A steady trend: `drift` a day (log) plus noise of 0.5%; volume about 1e6. */
export function _trendCase(ticker: string, days: number, drift: number, seed = 1): BarSeries {
  const next = _prng(seed);
  const moves = Array.from({ length: days }, () => drift + (next() - 0.5) * 0.01);
  return _bars(ticker, moves, moves.map(() => 1e6 * (0.8 + 0.4 * next())));
}

/** A range: the log price pulled back to 100 each day (AR(1), phi 0.3) with 1% noise. */
export function _rangeCase(ticker: string, days: number, seed = 2): BarSeries {
  const next = _prng(seed);
  let level = 0;
  const moves = Array.from({ length: days }, () => {
    const target = 0.3 * level + (next() - 0.5) * 0.02;
    const move = target - level;
    level = target;
    return move;
  });
  return _bars(ticker, moves, moves.map(() => 1e6 * (0.8 + 0.4 * next())));
}

/**
 * A range (1% noise) that goes quiet for its last 40 days (0.2% noise: the bands
 * squeeze), then jumps by `jump` (log) on its last day on `volumeMultiple` times
 * the usual volume.
 */
export function _breakCase(
  ticker: string,
  days: number,
  jump: number,
  volumeMultiple: number,
  seed = 3,
): BarSeries {
  const next = _prng(seed);
  let level = 0;
  const moves = Array.from({ length: days }, (_, i) => {
    if (i === days - 1) return jump;
    const noise = i < days - 41 ? 0.02 : 0.004;
    const target = 0.5 * level + (next() - 0.5) * noise;
    const move = target - level;
    level = target;
    return move;
  });
  const volumes = moves.map((_, i) => (i === days - 1 ? volumeMultiple : 1) * 1e6);
  return _bars(ticker, moves, volumes);
}

/**
 * Seven hourly bars a day from 14:30 UTC for each daily bar, walking from the
 * day's open to its close in equal steps (volume split evenly).
 */
export function _hourlyFromDaily(daily: BarSeries): BarSeries {
  const rows: BarRow[] = [];
  for (let k = 0; k < daily.time.length; k++) {
    const open = daily.open[k] as number, close = daily.close[k] as number;
    const start = (daily.time[k] as number) + 14.5 * 3_600_000;
    for (let h = 0; h < 7; h++) {
      const o = open + ((close - open) * h) / 7, c = open + ((close - open) * (h + 1)) / 7;
      const spread = 0.001 * c;
      rows.push({
        time: start + h * 3_600_000,
        open: o,
        high: Math.max(o, c) + spread,
        low: Math.min(o, c) - spread,
        close: c,
        adjClose: c,
        volume: (daily.volume[k] as number) / 7,
      });
    }
  }
  return seriesFromRows(daily.ticker, "1h", rows);
}

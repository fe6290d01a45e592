/**
 * Regime detection over a Panel: the quadrant of the growth and inflation
 * signals, with hysteresis, confidence, agreement across timeframes,
 * stability and transitions.
 *
 * Rules:
 * - Hysteresis: an axis starts in the direction of its first signal's sign and
 *   flips only when the signal passes `hysteresis` beyond zero on the other side,
 *   and not within `minHoldDays` of its last flip, so it does not flap daily.
 * - The regime is the daily timeframe's quadrant; the weekly timeframe (same
 *   rules on week-end bars) is reported beside it and feeds agreement.
 * - Axis confidence is tanh(margin / `confidenceScale`), the margin being the
 *   signal's distance from zero on the side of the axis's direction (0 when the
 *   signal sits on the other side, inside the hysteresis band).
 * - Agreement is the share of axes (0, 0.5, 1) on which daily and weekly agree.
 * - Confidence is the geometric mean of the two daily axis confidences (zero
 *   when either axis is a coin toss), times (1 + agreement) / 2.
 *
 * {@link detectRegimes} computes every day at once (for the backtest loop);
 * {@link detectRegimeAt} reads only a {@link PanelView}, so it cannot see past
 * its day. Both run the same causal recurrences: they agree, and truncating the
 * Panel after day t leaves every reading up to t unchanged (the tests prove it).
 *
 * @module
 */
import type { Panel, PanelView } from "../data/panel.ts";
import { formatIsoDay } from "../data/dates.ts";
import { type Direction, type RegimeName, regimeOf, type TimeframeReading } from "./regime.ts";
import { type RegimeOptions, resolveRegimeOptions } from "./regime_options.ts";
import {
  type AxisSignals,
  computeRegimeSignals,
  type PriceColumns,
  type RegimeSignals,
} from "./regime_signals.ts";
import { findTransitions, regimeStability, type TransitionEvent } from "./regime_transitions.ts";

/** Axis directions by day: 1 up, -1 down, 0 no reading yet. */
export type DirectionSeries = { readonly growth: Int8Array; readonly inflation: Int8Array };

/** Every day's regime reading, column by column (index = the Panel's day index). */
export type RegimeSeries = {
  /** The options the series was computed with. */
  readonly options: RegimeOptions;
  /** Day numbers of the calendar. */
  readonly days: Int32Array;
  /** The regime by day (the daily timeframe's), null while warming up. */
  readonly regimes: readonly (RegimeName | null)[];
  /** The weekly timeframe's regime by day. */
  readonly weeklyRegimes: readonly (RegimeName | null)[];
  readonly signals: RegimeSignals;
  readonly directions: { readonly daily: DirectionSeries; readonly weekly: DirectionSeries };
  /** Daily axis confidences, 0..1. */
  readonly axisConfidence: { readonly growth: Float64Array; readonly inflation: Float64Array };
  readonly confidence: Float64Array;
  readonly agreement: Float64Array;
  readonly stability: Float64Array;
  readonly transitions: readonly TransitionEvent[];
};

/** One day of a {@link RegimeSeries} as a record. */
export type RegimeReading = {
  readonly date: string;
  readonly regime: RegimeName | null;
  readonly confidence: number;
  readonly stability: number;
  readonly agreement: number;
  readonly daily: TimeframeReading;
  readonly weekly: TimeframeReading;
  /** The transition that happened on this very day, if any. */
  readonly transition?: TransitionEvent;
};

/**
 * Detects the regime of every day of `panel` (see the module doc for the rules).
 *
 * @example Detect the regime of every day of a Panel
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { detectRegimes, regimeReadingAt } from "./regime_detection.ts";
 *
 * // Equities rise against treasuries and TIPs against nominal bonds: Reflation.
 * const bars = (ticker: string, drift: number) =>
 *   seriesFromRows(ticker, "1d", Array.from({ length: 300 }, (_, i) => {
 *     const close = 100 * Math.exp(drift * i + 0.01 * Math.sin(i * 1.7));
 *     const time = Date.UTC(2020, 0, 1) + i * 86_400_000;
 *     return { time, open: close, high: close, low: close, close, adjClose: close, volume: 1 };
 *   }));
 * const panel = Panel.fromSeries([bars("SPY", 0.001), bars("TLT", -0.001), bars("TIP", 0.0005), bars("IEF", -0.0005)]);
 * const series = detectRegimes(panel);
 * assert.equal(regimeReadingAt(series, 299).regime, "Reflation");
 * ```
 */
export function detectRegimes(panel: Panel, options: Partial<RegimeOptions> = {}): RegimeSeries {
  const prices: PriceColumns = {
    days: panel.days,
    column: (ticker) => {
      const i = panel.indexOf(ticker);
      return i < 0 ? undefined : panel.column("adjClose", i);
    },
  };
  return detectFromPrices(prices, resolveRegimeOptions(options));
}

/** The reading of the view's day, from the view's history only (point in time). */
export function detectRegimeAt(
  view: PanelView,
  options: Partial<RegimeOptions> = {},
): RegimeReading {
  const prices: PriceColumns = {
    days: view.days,
    column: (ticker) => {
      const i = view.indexOf(ticker);
      return i < 0 ? undefined : view.history("adjClose", i);
    },
  };
  return regimeReadingAt(detectFromPrices(prices, resolveRegimeOptions(options)), view.t);
}

/** Detects regimes from adjusted closes on a calendar (the core of {@link detectRegimes}). */
export function detectFromPrices(prices: PriceColumns, options: RegimeOptions): RegimeSeries {
  const signals = computeRegimeSignals(prices, options);
  const daily = _directions(signals.daily, options);
  const weekly = _directions(signals.weekly, options);
  const n = prices.days.length;
  const regimes = _regimes(daily), weeklyRegimes = _regimes(weekly);
  const scale = options.confidenceScale;
  const axisConfidence = {
    growth: _axisConfidence(signals.daily.growth, daily.growth, scale),
    inflation: _axisConfidence(signals.daily.inflation, daily.inflation, scale),
  };
  const agreement = new Float64Array(n), confidence = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let agree = 0;
    for (const axis of ["growth", "inflation"] as const) {
      const d = daily[axis][t] as number;
      if (d !== 0 && d === weekly[axis][t]) agree += 0.5;
    }
    agreement[t] = agree;
    const g = axisConfidence.growth[t] as number, i = axisConfidence.inflation[t] as number;
    confidence[t] = Math.sqrt(g * i) * (1 + agree) / 2;
  }
  const transitions = findTransitions(regimes, {
    axis: (t, axis) => axisConfidence[axis][t] as number,
    regime: (t) => confidence[t] as number,
  }, options);
  return {
    options,
    days: prices.days,
    regimes,
    weeklyRegimes,
    signals,
    directions: { daily, weekly },
    axisConfidence,
    confidence,
    agreement,
    stability: regimeStability(regimes, options.stabilityDays),
    transitions,
  };
}

/** Day `t` of a series as a record. */
export function regimeReadingAt(series: RegimeSeries, t: number): RegimeReading {
  if (!Number.isInteger(t) || t < 0 || t >= series.days.length) {
    throw new RangeError(
      `Cannot read the regime as t must be a day index in [0, ${series.days.length}): current value is ${t}`,
    );
  }
  const frame = (s: AxisSignals, regimes: readonly (RegimeName | null)[]): TimeframeReading => ({
    regime: regimes[t] ?? null,
    growthSignal: s.growth[t] as number,
    inflationSignal: s.inflation[t] as number,
  });
  const transition = series.transitions.find((e) => e.t === t);
  return {
    date: formatIsoDay(series.days[t] as number),
    regime: series.regimes[t] ?? null,
    confidence: series.confidence[t] as number,
    stability: series.stability[t] as number,
    agreement: series.agreement[t] as number,
    daily: frame(series.signals.daily, series.regimes),
    weekly: frame(series.signals.weekly, series.weeklyRegimes),
    ...(transition === undefined ? {} : { transition }),
  };
}

function _directions(signals: AxisSignals, options: RegimeOptions): DirectionSeries {
  const axis = (signal: Float64Array) => {
    const out = new Int8Array(signal.length);
    let direction = 0, lastFlip = -Infinity;
    for (let t = 0; t < signal.length; t++) {
      const s = signal[t] as number;
      if (!Number.isFinite(s)) {
        out[t] = direction;
        continue;
      }
      if (direction === 0) {
        direction = s >= 0 ? 1 : -1;
        lastFlip = t;
      } else if (s * direction < -options.hysteresis && t - lastFlip >= options.minHoldDays) {
        direction = -direction;
        lastFlip = t;
      }
      out[t] = direction;
    }
    return out;
  };
  return { growth: axis(signals.growth), inflation: axis(signals.inflation) };
}

function _regimes(d: DirectionSeries): (RegimeName | null)[] {
  const name = (x: number): Direction => x > 0 ? "up" : "down";
  return Array.from(d.growth, (g, t) => {
    const i = d.inflation[t] as number;
    return g === 0 || i === 0 ? null : regimeOf(name(g), name(i));
  });
}

function _axisConfidence(signal: Float64Array, direction: Int8Array, scale: number): Float64Array {
  return Float64Array.from(signal, (s, t) => {
    const margin = s * (direction[t] as number);
    return Number.isFinite(margin) && margin > 0 ? Math.tanh(margin / scale) : 0;
  });
}

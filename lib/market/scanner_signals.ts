/**
 * The scanner's indicator columns for one asset at one timeframe, computed once
 * over its whole history so that each day's classification is O(1).
 *
 * @module
 */
import {
  adx,
  atr,
  bollingerBands,
  maAlignment,
  macd,
  rateOfChange,
  realizedVolatility,
  rollingMin,
  rsi,
  volumeRatio,
} from "../indicators/mod.ts";
import type { BarSignals } from "./conditions.ts";

/** Indicator parameters of the scanner, the same at every timeframe. */
export type SignalParameters = {
  /** ADX / DI period. Default 14. */
  readonly adxPeriod: number;
  /** RSI period. Default 14. */
  readonly rsiPeriod: number;
  /** ATR period. Default 14. */
  readonly atrPeriod: number;
  /** Bollinger window and width. Default 20 and 2. */
  readonly bollingerPeriod: number;
  readonly bollingerStdDev: number;
  /** MACD periods. Default 12, 26, 9. */
  readonly macdFast: number;
  readonly macdSlow: number;
  readonly macdSignal: number;
  /** MA alignment periods. Default 20, 50, 200 (SMA). */
  readonly maFast: number;
  readonly maMid: number;
  readonly maSlow: number;
  /** Bars in the volume average. Default 20. */
  readonly volumePeriod: number;
  /** Bars in the price change. Default 20. */
  readonly lookback: number;
  /** Returns in the realised volatility. Default 20. */
  readonly volatilityPeriod: number;
  /** Bars in which the bandwidth low is sought for a squeeze. Default 125 (about six months of days). */
  readonly squeezeLookback: number;
  /** A bandwidth within this fraction above its low counts as a squeeze. Default 0.1. */
  readonly squeezeTolerance: number;
};

/** Defaults of {@link SignalParameters}. */
export const SIGNAL_PARAMETERS: SignalParameters = Object.freeze({
  adxPeriod: 14,
  rsiPeriod: 14,
  atrPeriod: 14,
  bollingerPeriod: 20,
  bollingerStdDev: 2,
  macdFast: 12,
  macdSlow: 26,
  macdSignal: 9,
  maFast: 20,
  maMid: 50,
  maSlow: 200,
  volumePeriod: 20,
  lookback: 20,
  volatilityPeriod: 20,
  squeezeLookback: 125,
  squeezeTolerance: 0.1,
});

/** The columns of {@link BarSignals} plus the reported measures, one value per bar. */
export type SignalColumns = { readonly [K in keyof BarSignals]: Float64Array } & {
  /** Close / close `lookback` bars earlier - 1. */
  readonly priceChange: Float64Array;
  /** Annualised realised volatility. */
  readonly volatility: Float64Array;
};

/** One asset's bars at one timeframe. */
export type SignalBars = {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
};

/** Computes every signal column over the bars (each indicator skips NaN bars). */
export function signalColumns(
  bars: SignalBars,
  p: SignalParameters,
  periodsPerYear: number,
): SignalColumns {
  const { close } = bars;
  const directional = adx(bars, { period: p.adxPeriod });
  const m = macd(close, { fast: p.macdFast, slow: p.macdSlow, signal: p.macdSignal });
  const bands = bollingerBands(close, { period: p.bollingerPeriod, stdDev: p.bollingerStdDev });
  const range = atr(bars, { period: p.atrPeriod });
  return {
    adx: directional.adx,
    plusDi: directional.plusDi,
    minusDi: directional.minusDi,
    alignment: maAlignment(close, { fast: p.maFast, mid: p.maMid, slow: p.maSlow }),
    macdLine: m.macd,
    macdHistogram: m.histogram,
    percentB: bands.percentB,
    bandDistance: _bandDistance(close, bands.upper, bands.lower, range),
    squeeze: _squeeze(bands.width, p.squeezeLookback, p.squeezeTolerance),
    rsi: rsi(close, { period: p.rsiPeriod }),
    volumeRatio: volumeRatio(bars.volume, { period: p.volumePeriod }),
    priceChange: rateOfChange(close, { period: p.lookback }),
    volatility: realizedVolatility(close, { period: p.volatilityPeriod, periodsPerYear }),
  };
}

/** The readings of bar `i`. */
export function signalsAt(c: SignalColumns, i: number): BarSignals {
  return {
    adx: c.adx[i] as number,
    plusDi: c.plusDi[i] as number,
    minusDi: c.minusDi[i] as number,
    alignment: c.alignment[i] as number,
    macdLine: c.macdLine[i] as number,
    macdHistogram: c.macdHistogram[i] as number,
    percentB: c.percentB[i] as number,
    bandDistance: c.bandDistance[i] as number,
    squeeze: c.squeeze[i] as number,
    rsi: c.rsi[i] as number,
    volumeRatio: c.volumeRatio[i] as number,
  };
}

/** How far the close is beyond the band it broke, in ATRs; 0 inside the bands. */
function _bandDistance(
  close: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
  range: Float64Array,
): Float64Array {
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) {
    const c = close[i] as number, hi = upper[i] as number, lo = lower[i] as number;
    const a = range[i] as number;
    const beyond = c > hi ? c - hi : c < lo ? lo - c : 0;
    out[i] = beyond === 0 ? (c === c && hi === hi ? 0 : NaN) : a > 0 ? beyond / a : NaN;
  }
  return out;
}

/**
 * 1 where the bandwidth of the previous valid bar was within `tolerance` of its
 * lowest over the `lookback` bars ending there, 0 where not, NaN while unknown.
 */
function _squeeze(width: Float64Array, lookback: number, tolerance: number): Float64Array {
  const low = rollingMin(width, { period: lookback });
  const out = new Float64Array(width.length).fill(NaN);
  let prev = NaN;
  for (let i = 0; i < width.length; i++) {
    const w = width[i] as number;
    if (w !== w) continue;
    out[i] = prev;
    const l = low[i] as number;
    prev = l === l ? (w <= l * (1 + tolerance) ? 1 : 0) : NaN;
  }
  return out;
}

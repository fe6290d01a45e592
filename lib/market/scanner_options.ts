/**
 * Options of the scanner, their defaults and their checks.
 *
 * @module
 */
import type { BarSeries, Interval } from "../data/bars.ts";
import { CONDITION_THRESHOLDS, type ConditionThresholds } from "./conditions.ts";
import { SIGNAL_PARAMETERS, type SignalParameters } from "./scanner_signals.ts";

/** Options of the scanner (`scanPanel`, `scanAsset`, `scanHistory`). */
export type ScannerOptions = {
  /** Weight of each timeframe in the combined result; a timeframe absent or at 0 is not scanned. Default 1d 0.5, 1w 0.3, 1mo 0.2. */
  readonly timeframes?: Readonly<Partial<Record<Interval, number>>>;
  /** Rule thresholds (ADX 25 / 20, volume 1.5x...). */
  readonly thresholds?: Partial<ConditionThresholds>;
  /** Indicator parameters, the same at every timeframe. */
  readonly signals?: Partial<SignalParameters>;
  /** Bars a year, to annualise volatility. Default 1h 1764 (7 a day), 4h 504, 1d 252, 1w 52, 1mo 12. */
  readonly periodsPerYear?: Readonly<Partial<Record<Interval, number>>>;
  /** Trading days a week, for week and month completion (see lib/data/resample.ts). Default 5. */
  readonly weekDays?: 5 | 7;
  /** Market of each ticker, reported in the results. */
  readonly markets?: Readonly<Record<string, string>>;
  /** Market of a ticker absent from `markets`. Default "default". */
  readonly defaultMarket?: string;
  /** Hourly bars by ticker, for the 1h and 4h timeframes. */
  readonly intraday?: Readonly<Record<string, BarSeries>>;
};

/** A timeframe the scanner computes, with its weight. */
export type WeightedTimeframe = { readonly timeframe: Interval; readonly weight: number };

/** {@link ScannerOptions} with every default applied and checked. */
export type ResolvedScannerOptions = {
  /** By weight, heaviest first (finer first on equal weight): the order ties are broken in. */
  readonly timeframes: readonly WeightedTimeframe[];
  readonly thresholds: ConditionThresholds;
  readonly signals: SignalParameters;
  readonly periodsPerYear: Readonly<Record<Interval, number>>;
  readonly weekDays: 5 | 7;
  readonly markets: Readonly<Record<string, string>>;
  readonly defaultMarket: string;
  readonly intraday: Readonly<Record<string, BarSeries>>;
};

/** Default timeframe weights. */
export const TIMEFRAME_WEIGHTS: Readonly<Partial<Record<Interval, number>>> = Object.freeze({
  "1d": 0.5,
  "1w": 0.3,
  "1mo": 0.2,
});

const PERIODS_PER_YEAR: Readonly<Record<Interval, number>> = Object.freeze({
  "1h": 252 * 7,
  "4h": 252 * 2,
  "1d": 252,
  "1w": 52,
  "1mo": 12,
});

const FINEST_FIRST: readonly Interval[] = ["1h", "4h", "1d", "1w", "1mo"];

/** Applies defaults and checks every option; throws RangeError on a bad one. */
export function resolveScannerOptions(options: ScannerOptions = {}): ResolvedScannerOptions {
  const weights = options.timeframes ?? TIMEFRAME_WEIGHTS;
  const timeframes = FINEST_FIRST.flatMap((timeframe) => {
    const weight = weights[timeframe] ?? 0;
    _check(
      Number.isFinite(weight) && weight >= 0,
      `timeframes.${timeframe}`,
      "a weight >= 0",
      weight,
    );
    return weight > 0 ? [{ timeframe, weight }] : [];
  }).sort((a, b) => b.weight - a.weight);
  _check(timeframes.length > 0, "timeframes", "at least one weight > 0", JSON.stringify(weights));
  const thresholds = { ...CONDITION_THRESHOLDS, ...options.thresholds };
  const { adxRanging, adxTrending, adxStrong, volumeConfirm } = thresholds;
  _check(
    adxRanging > 0 && adxRanging <= adxTrending,
    "thresholds.adxRanging",
    `in (0, adxTrending]`,
    adxRanging,
  );
  _check(adxTrending > 10, "thresholds.adxTrending", "above 10", adxTrending);
  _check(adxStrong > adxRanging, "thresholds.adxStrong", "above adxRanging", adxStrong);
  _check(volumeConfirm > 0, "thresholds.volumeConfirm", "above 0", volumeConfirm);
  const signals = { ...SIGNAL_PARAMETERS, ...options.signals };
  _check(
    signals.squeezeTolerance >= 0,
    "signals.squeezeTolerance",
    ">= 0",
    signals.squeezeTolerance,
  );
  const periodsPerYear = { ...PERIODS_PER_YEAR, ...options.periodsPerYear };
  const intraday = options.intraday ?? {};
  for (const [ticker, series] of Object.entries(intraday)) {
    _check(series.interval === "1h", `intraday.${ticker}.interval`, "1h", series.interval);
  }
  return {
    timeframes,
    thresholds,
    signals,
    periodsPerYear,
    weekDays: options.weekDays ?? 5,
    markets: options.markets ?? {},
    defaultMarket: options.defaultMarket ?? "default",
    intraday,
  };
}

function _check(ok: boolean, name: string, expected: string, value: unknown): void {
  if (!ok) {
    throw new RangeError(
      `Cannot scan as ${name} must be ${expected}: current value is ${String(value)}`,
    );
  }
}

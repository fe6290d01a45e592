/**
 * The fundamental score: one number in [0, 1] from a company's valuation,
 * balance sheet and growth, as reported in its latest filing known on the day
 * (point in time, through {@link FundamentalsIndex}). An asset with no report
 * (an ETF, or a stock before its first filing) has no fundamental score (`null`)
 * and is scored on its technical part alone.
 *
 * ## Formula
 *
 * Each metric becomes a number in [0, 1] by a fixed bounded transform;
 * `clamp(x)` = min(1, max(0, x)); the scales are options.
 *
 * | group (weight) | metric | value | at the default scale |
 * | -------------- | ------ | ----- | -------------------- |
 * | valuation (0.4) | PE | PE > 0: 1 / (1 + PE / peScale), else 0 (losses) | PE 10 -> 0.667, 20 -> 0.5, 40 -> 0.333 |
 * |                 | PB | PB > 0: 1 / (1 + PB / pbScale), else 0 (negative book) | PB 1.5 -> 0.667, 3 -> 0.5 |
 * | quality (0.4) | ROE | clamp(ROE / roeFull) | ROE 15% -> 0.5, 30% -> 1 |
 * |               | debt to equity | D/E >= 0: 1 / (1 + D/E / debtScale), else 0 (negative equity) | 0.5 -> 0.667, 1 -> 0.5 |
 * |               | profit margin | clamp(margin / marginFull) | 12.5% -> 0.5, 25% -> 1 |
 * | growth (0.2) | revenue growth | clamp(0.5 + growth / (2 revenueGrowthFull)) | -20% -> 0, 0 -> 0.5, +20% -> 1 |
 * |              | EPS growth | clamp(0.5 + growth / (2 epsGrowthFull)) | -50% -> 0, 0 -> 0.5, +50% -> 1 |
 *
 * A group's value is the mean of its finite metrics; the score is the weighted
 * mean of the groups that have one (a group with no finite metric is left out
 * and the other weights are rescaled); no finite metric at all gives `null`.
 *
 * Design decision: fixed transforms rather than cross-sectional ranks, so that
 * an asset's score depends on its own figures only: it does not move when the
 * universe changes, and it is point in time without care about which other
 * companies had filed by the day.
 *
 * @module
 */
import { _checkNumber, _clamp01 } from "./_checks.ts";
import type {
  FundamentalFigures,
  FundamentalsIndex,
  LatestAsOfOptions,
} from "./fundamentals_index.ts";

/** The three groups of metrics and their values or weights. */
export type FundamentalGroups = {
  readonly valuation: number;
  readonly quality: number;
  readonly growth: number;
};

/** The scales of the transforms (see the module doc); all > 0. */
export type FundamentalScales = {
  readonly peScale: number;
  readonly pbScale: number;
  readonly roeFull: number;
  readonly debtScale: number;
  readonly marginFull: number;
  readonly revenueGrowthFull: number;
  readonly epsGrowthFull: number;
};

/** Options of {@link fundamentalScore}. */
export type FundamentalScoreOptions = {
  /** Group weights (>= 0, not all 0); missing ones take {@link FUNDAMENTAL_WEIGHTS}. */
  readonly weights?: Partial<FundamentalGroups>;
  /** Transform scales; missing ones take {@link FUNDAMENTAL_SCALES}. */
  readonly scales?: Partial<FundamentalScales>;
};

/** Default group weights: valuation 0.4, quality 0.4, growth 0.2. */
export const FUNDAMENTAL_WEIGHTS: FundamentalGroups = Object.freeze({
  valuation: 0.4,
  quality: 0.4,
  growth: 0.2,
});

/** Default transform scales. */
export const FUNDAMENTAL_SCALES: FundamentalScales = Object.freeze({
  peScale: 20,
  pbScale: 3,
  roeFull: 0.30,
  debtScale: 1,
  marginFull: 0.25,
  revenueGrowthFull: 0.20,
  epsGrowthFull: 0.50,
});

const WHAT = "compute the fundamental score";
const GROUPS = ["valuation", "quality", "growth"] as const;

/** Each group's value in [0, 1] (NaN when none of its metrics is finite). */
export function fundamentalGroups(
  figures: FundamentalFigures,
  scales: Partial<FundamentalScales> = {},
): FundamentalGroups {
  const s = _scales(scales);
  const { pe, pb, roe, debtToEquity: de, profitMargin: pm } = figures;
  return {
    valuation: _mean([
      _finite(pe) && pe <= 0 ? 0 : 1 / (1 + pe / s.peScale),
      _finite(pb) && pb <= 0 ? 0 : 1 / (1 + pb / s.pbScale),
    ]),
    quality: _mean([
      _clamp01(roe / s.roeFull),
      _finite(de) && de < 0 ? 0 : 1 / (1 + de / s.debtScale),
      _clamp01(pm / s.marginFull),
    ]),
    growth: _mean([
      _clamp01(0.5 + figures.revenueGrowth / (2 * s.revenueGrowthFull)),
      _clamp01(0.5 + figures.epsGrowth / (2 * s.epsGrowthFull)),
    ]),
  };
}

/**
 * The fundamental score in [0, 1] of one report (formula in the module doc), or
 * `null` when there is no report or none of its metrics is finite.
 *
 * @example Valuation, quality and growth, by hand
 * ```ts
 * import assert from "node:assert/strict";
 * import { fundamentalScore } from "./fundamental_score.ts";
 *
 * const score = fundamentalScore({
 *   ticker: "KO", periodEnd: "2015-03-31", filingDate: "2015-05-01",
 *   pe: 20, pb: 3, roe: 0.15, debtToEquity: 1, profitMargin: 0.125,
 *   revenueGrowth: 0, epsGrowth: 0,
 * });
 * assert.equal(score, 0.5); // every metric sits at its scale's midpoint
 * assert.equal(fundamentalScore(null), null); // an ETF: technical score alone
 * ```
 */
export function fundamentalScore(
  figures: FundamentalFigures | null,
  options: FundamentalScoreOptions = {},
): number | null {
  if (figures === null) return null;
  const weights = _weights(options.weights);
  const groups = fundamentalGroups(figures, options.scales);
  let sum = 0;
  let weightSum = 0;
  for (const name of GROUPS) {
    const value = groups[name];
    if (Number.isNaN(value) || weights[name] === 0) continue;
    sum += weights[name] * value;
    weightSum += weights[name];
  }
  return weightSum === 0 ? null : _clamp01(sum / weightSum);
}

/**
 * The fundamental score of `ticker` from its last report filed on or before
 * `date` (ISO), or `null` when it has none.
 */
export function fundamentalScoreAsOf(
  index: FundamentalsIndex,
  ticker: string,
  date: string,
  options: FundamentalScoreOptions & LatestAsOfOptions = {},
): number | null {
  const figures = index.latestAsOf(ticker, date, options);
  if (figures === null || options.weights !== undefined || options.scales !== undefined) {
    return fundamentalScore(figures, options);
  }
  // With the default weights and scales a report's score never changes, and one report is
  // scored on every day of its quarter (and in every run sharing the index): score it once.
  let score = _defaultScores.get(figures);
  if (score === undefined) {
    score = fundamentalScore(figures);
    _defaultScores.set(figures, score);
  }
  return score;
}

/** Scores of reports under the default weights and scales, by report (reports are immutable). */
const _defaultScores = new WeakMap<FundamentalFigures, number | null>();

function _finite(x: number): boolean {
  return Number.isFinite(x);
}

/** Mean of the non-NaN values, NaN when there is none. */
function _mean(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}

function _scales(partial: Partial<FundamentalScales>): FundamentalScales {
  const out = { ...FUNDAMENTAL_SCALES, ...partial };
  for (const [name, value] of Object.entries(out)) {
    _checkNumber(WHAT, `scales.${name}`, value, Number.MIN_VALUE, Number.MAX_VALUE);
  }
  return out;
}

function _weights(partial: Partial<FundamentalGroups> | undefined): FundamentalGroups {
  if (partial === undefined) return FUNDAMENTAL_WEIGHTS;
  const out = { ...FUNDAMENTAL_WEIGHTS, ...partial };
  let total = 0;
  for (const name of GROUPS) {
    total += _checkNumber(WHAT, `weights.${name}`, out[name], 0, Number.MAX_VALUE);
  }
  if (total === 0) {
    throw new RangeError(`Cannot ${WHAT} as weights must not all be 0: current value is 0`);
  }
  return out;
}

/**
 * Options of regime detection: the market proxies of each axis and the
 * windows, thresholds and rules that turn them into a regime.
 *
 * The proxies (why each one):
 * - Growth
 *   - equities vs treasuries (SPY / TLT): stocks price earnings growth, long
 *     treasuries rally when growth slows and rates are cut;
 *   - cyclicals vs defensives (XLY + XLI / XLP + XLU): consumer discretionary and
 *     industrials lead when the economy accelerates, staples and utilities when it slows;
 *   - credit vs treasuries (HYG / IEF): high-yield spreads tighten when growth
 *     lowers default risk, widen when it falls.
 * - Inflation
 *   - breakevens (TIP / IEF): inflation-protected over nominal treasuries of
 *     similar duration isolates expected inflation from real rates;
 *   - commodities (DBC): raw-material prices are inflation's inputs;
 *   - gold vs treasuries (GLD / IEF): gold is the classic hedge against inflation,
 *     and measuring it against nominal bonds cancels its safe-haven pull in slowdowns.
 *
 * Each member of a leg lists alternatives in order of preference; the first one
 * present in the Panel is used (e.g. VTI where SPY is absent).
 *
 * Design decision (volatility against its long run, `regime_turbulence.ts`): on real
 * prices the detector without it read the COVID crash (2020-02-20 to 2020-04-30) as 54%
 * Inflation, and 36% of the 2008-09 to 2009-04 crash as growth up. Two causes, both the
 * evidence sum trusting moves made in turmoil:
 * - Growth: equity volatility was judged against its recent level only (half-life 126
 *   days), so volatility easing from a crash peak, still well above its normal, read as calm,
 *   hence growth up, through the 2009 bear-market rallies. Calm now has to be calm against
 *   the long-run volatility too (`calmAgainstLongRun`, half-life `longRunHalfLifeBars`).
 * - Inflation: a crash sells TIPS for cash, commodities and energy with equities, and the
 *   rebound buys them back. Standardised by a slow volatility, each of those days counts
 *   as maximal evidence (clipped at 3), so a few days of rebound overturned the months of
 *   falling breakevens and oil behind it. Oil collapsing while inflation expectations fell
 *   is not Inflation. Inflation evidence is now damped in turbulence (`turbulenceAxes`),
 *   as the filter the evidence sum stands for would: a move weighs mu / sigma^2.
 *   The growth axis is not damped: there turbulence is itself the news, and damping it
 *   too changed nothing that matters in sample (95.0% of recession days growth-down against
 *   95.2%) nor any figure on the fixtures.
 * Both were chosen on 2002-07-30 to 2012-12-31 of real prices only (the 2008 crash is the
 * in-sample analogue of COVID), then measured once on 2013-2020: docs/research.md has the
 * figures before and after, on the fixtures, in and out of sample, and for COVID.
 *
 * @module
 */

/** One side of a proxy: members averaged in log price, each a list of alternative tickers. */
export type ProxyLeg = readonly (readonly string[])[];

/**
 * A market proxy of one axis: `long` minus `short` in log price (`short` absent: `long` alone).
 * `measure` says what is read: its trend (rate of change; up = axis up) or its volatility
 * (recent against long-run; calmer = axis up).
 */
export type ProxyComponent = {
  /** Short name used in messages. */
  readonly name: string;
  /** What is read from the spread (default "trend"). */
  readonly measure?: "trend" | "volatility";
  readonly long: ProxyLeg;
  readonly short?: ProxyLeg;
  /** Weight in the axis average (default 1). */
  readonly weight?: number;
  /** This proxy's own windows of the daily timeframe, in trading days (default: `windowsDays`). */
  readonly windowsDays?: readonly number[];
  /** This proxy's own windows of the weekly timeframe, in weeks (default: `windowsWeeks`). */
  readonly windowsWeeks?: readonly number[];
};

/** Everything that shapes regime detection; {@link DEFAULT_REGIME_OPTIONS} gives the defaults. */
export type RegimeOptions = {
  /** Proxies of the growth axis. */
  readonly growth: readonly ProxyComponent[];
  /** Proxies of the inflation axis. */
  readonly inflation: readonly ProxyComponent[];
  /** How proxies become an axis signal: bounded evidence (default) or rate-of-change momentum. */
  readonly method: "evidence" | "momentum";
  /**
   * Evidence: the bound of the running sum (its memory; larger is steadier and slower). The
   * weekly timeframe uses the same bound: a week carries about sqrt(5) days of evidence but
   * comes five times less often, so the weekly sum is about 2.2 times slower, a confirming view.
   */
  readonly evidenceBound: number;
  /** Momentum: rate-of-change windows of the daily timeframe, in trading days (their scores are averaged). */
  readonly windowsDays: readonly number[];
  /** Momentum: rate-of-change windows of the weekly timeframe, in weeks. */
  readonly windowsWeeks: readonly number[];
  /** Half-life of the exponentially weighted volatility that normalises a rate of change, in bars. */
  readonly volatilityHalfLifeBars: number;
  /**
   * Evidence: half-life of a proxy's long-run volatility, in bars (a bias-corrected exponential
   * mean), the normal level that turbulence and calm are judged against (`regime_turbulence.ts`).
   */
  readonly longRunHalfLifeBars: number;
  /**
   * Evidence: a volatility proxy's bar counts as calm (growth up) only as far as it is calm
   * against the long-run volatility too, not just against the recent `volatilityHalfLifeBars`
   * one; false reads calm against the recent volatility alone.
   */
  readonly calmAgainstLongRun: boolean;
  /** Evidence: the axes whose trend evidence is damped in turbulence (none: `[]`). */
  readonly turbulenceAxes: readonly ("growth" | "inflation")[];
  /** Evidence: half-life of the recent volatility that measures turbulence, in bars (the bar itself included). */
  readonly turbulenceHalfLifeBars: number;
  /** Evidence: turbulence starts where the recent volatility passes this multiple of the long-run one. */
  readonly turbulenceTolerance: number;
  /** Momentum: span of the exponential moving average smoothing each axis signal, in bars (1: none). */
  readonly smoothingBars: number;
  /** Hysteresis: an axis flips only when its signal passes this far beyond zero (volatility units). */
  readonly hysteresis: number;
  /** An axis that flipped keeps its direction at least this many trading days. */
  readonly minHoldDays: number;
  /** Signal margin (volatility units) at which an axis's confidence reaches tanh(1) = 0.76. */
  readonly confidenceScale: number;
  /** Window of the stability share, in trading days. */
  readonly stabilityDays: number;
  /** A regime held fewer days than this is a waypoint: a transition out of it reports the regime before. */
  readonly settleDays: number;
  /** A one-axis transition is major when the regime's confidence on its day is at least this, else minor. */
  readonly majorConfidence: number;
  /** A one-axis transition is critical when the flipped axis's confidence is at least this (a very sharp move). */
  readonly criticalConfidence: number;
  /** The provider reports a transition for this many trading days from its date (1: its day only). */
  readonly transitionDays: number;
  /** Protection rules a critical transition may bypass (core-asset immunity outranks it in the seed). */
  readonly overrideBypasses: readonly string[];
};

/** Default proxies of the growth axis; see the module doc for why each. */
export const DEFAULT_GROWTH_PROXIES: readonly ProxyComponent[] = [
  {
    name: "cyclicals vs defensives",
    long: [["XLY", "VCR"], ["XLI", "VIS"]],
    short: [["XLP", "VDC"], ["XLU", "VPU"]],
  },
  { name: "credit vs treasuries", long: [["HYG", "JNK"]], short: [["IEF", "TLT", "GOVT"]] },
  {
    name: "equity volatility",
    measure: "volatility",
    long: [["SPY", "VTI", "IVV"]],
    weight: 2,
    windowsDays: [42],
    windowsWeeks: [8],
  },
  {
    name: "equities vs treasuries",
    long: [["SPY", "VTI", "IVV"]],
    short: [["TLT", "IEF", "GOVT"]],
    weight: 0.5,
  },
];

/** Default proxies of the inflation axis; see the module doc for why each. */
export const DEFAULT_INFLATION_PROXIES: readonly ProxyComponent[] = [
  { name: "breakevens", long: [["TIP", "SCHP"]], short: [["IEF", "TLT", "GOVT"]], weight: 1.5 },
  { name: "energy vs equities", long: [["XLE", "VDE"]], short: [["SPY", "VTI", "IVV"]] },
  { name: "commodities", long: [["DBC", "GSG", "PDBC"]], weight: 0.5 },
  {
    name: "gold vs treasuries",
    long: [["GLD", "IAU"]],
    short: [["IEF", "TLT", "GOVT"]],
    weight: 0.5,
  },
];

/** The protection rules below regime override in the seed's priority (core-asset immunity is above it), by their names in `lib/protection/rule.ts`. */
export const DEFAULT_OVERRIDE_BYPASSES: readonly string[] = [
  "grace_period",
  "holding_period",
  "whipsaw",
];

/**
 * Default regime options: the proxies, windows and bound tuned on fixture markets of
 * seeds 1-10 without reading their labels; the long-run and turbulence options chosen on
 * real prices of 2002-07-30 to 2012-12-31 (see the module doc).
 */
export const DEFAULT_REGIME_OPTIONS: RegimeOptions = {
  growth: DEFAULT_GROWTH_PROXIES,
  inflation: DEFAULT_INFLATION_PROXIES,
  method: "evidence",
  evidenceBound: 5,
  windowsDays: [63, 126],
  windowsWeeks: [13, 26],
  volatilityHalfLifeBars: 126,
  longRunHalfLifeBars: 504,
  calmAgainstLongRun: true,
  turbulenceAxes: ["inflation"],
  turbulenceHalfLifeBars: 21,
  turbulenceTolerance: 1.5,
  smoothingBars: 10,
  hysteresis: 1.5,
  minHoldDays: 10,
  confidenceScale: 2.5,
  stabilityDays: 63,
  settleDays: 10,
  majorConfidence: 0.5,
  criticalConfidence: 0.9,
  transitionDays: 5,
  overrideBypasses: DEFAULT_OVERRIDE_BYPASSES,
};

/**
 * The defaults with `overrides` laid over them, checked: throws a RangeError naming the
 * option, the rule and the value when an option is out of range.
 */
export function resolveRegimeOptions(overrides: Partial<RegimeOptions> = {}): RegimeOptions {
  const o: RegimeOptions = { ...DEFAULT_REGIME_OPTIONS, ...overrides };
  const fail = (name: string, rule: string, value: unknown): never => {
    throw new RangeError(
      `Cannot detect regimes as ${name} must be ${rule}: current value is ${JSON.stringify(value)}`,
    );
  };
  const positiveInts = (name: string, list: readonly number[]) => {
    if (list.length === 0 || list.some((w) => !Number.isInteger(w) || w < 1)) {
      fail(name, "a non-empty list of positive integers", list);
    }
  };
  positiveInts("windowsDays", o.windowsDays);
  positiveInts("windowsWeeks", o.windowsWeeks);
  for (const name of ["smoothingBars", "minHoldDays", "stabilityDays", "transitionDays"] as const) {
    if (!Number.isInteger(o[name]) || o[name] < 1) fail(name, "an integer >= 1", o[name]);
  }
  if (!Number.isInteger(o.settleDays) || o.settleDays < 0) {
    fail("settleDays", "an integer >= 0", o.settleDays);
  }
  if (o.method !== "evidence" && o.method !== "momentum") {
    fail("method", `"evidence" or "momentum"`, o.method);
  }
  for (
    const name of [
      "volatilityHalfLifeBars",
      "longRunHalfLifeBars",
      "turbulenceHalfLifeBars",
      "confidenceScale",
      "evidenceBound",
    ] as const
  ) {
    if (!(o[name] > 0)) fail(name, "a number > 0", o[name]);
  }
  if (!(o.hysteresis >= 0)) fail("hysteresis", "a number >= 0", o.hysteresis);
  if (!(o.turbulenceTolerance >= 1)) {
    fail("turbulenceTolerance", "a number >= 1", o.turbulenceTolerance);
  }
  if (typeof o.calmAgainstLongRun !== "boolean") {
    fail("calmAgainstLongRun", "true or false", o.calmAgainstLongRun);
  }
  if (
    !Array.isArray(o.turbulenceAxes) ||
    o.turbulenceAxes.some((a) => a !== "growth" && a !== "inflation")
  ) {
    fail("turbulenceAxes", `a list of "growth" and "inflation"`, o.turbulenceAxes);
  }
  if (!(o.majorConfidence >= 0 && o.majorConfidence <= o.criticalConfidence)) {
    fail(
      "majorConfidence",
      `in [0, criticalConfidence = ${o.criticalConfidence}]`,
      o.majorConfidence,
    );
  }
  if (!(o.criticalConfidence <= 1)) fail("criticalConfidence", "at most 1", o.criticalConfidence);
  for (const axis of ["growth", "inflation"] as const) {
    if (o[axis].length === 0) fail(axis, "a non-empty list of proxies", o[axis]);
    for (const p of o[axis]) {
      const legs = p.short === undefined ? [p.long] : [p.long, p.short];
      if (legs.some((leg) => leg.length === 0 || leg.some((m) => m.length === 0))) {
        fail(`${axis} proxy "${p.name}"`, "legs of members with at least one ticker", p);
      }
      if (p.windowsDays !== undefined) {
        positiveInts(`${axis} proxy "${p.name}" windowsDays`, p.windowsDays);
      }
      if (p.windowsWeeks !== undefined) {
        positiveInts(`${axis} proxy "${p.name}" windowsWeeks`, p.windowsWeeks);
      }
      if (p.weight !== undefined && !(p.weight > 0)) {
        fail(`${axis} proxy "${p.name}" weight`, "a number > 0", p.weight);
      }
    }
  }
  return o;
}

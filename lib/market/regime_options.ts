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

/** Default regime options (tuned on the fixture market without reading its labels). */
export const DEFAULT_REGIME_OPTIONS: RegimeOptions = {
  growth: DEFAULT_GROWTH_PROXIES,
  inflation: DEFAULT_INFLATION_PROXIES,
  method: "evidence",
  evidenceBound: 5,
  windowsDays: [63, 126],
  windowsWeeks: [13, 26],
  volatilityHalfLifeBars: 126,
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
      "confidenceScale",
      "evidenceBound",
    ] as const
  ) {
    if (!(o[name] > 0)) fail(name, "a number > 0", o[name]);
  }
  if (!(o.hysteresis >= 0)) fail("hysteresis", "a number >= 0", o.hysteresis);
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

/**
 * How well detected regimes match known labels: the share of days right
 * (overall, per labelled regime, per axis), a confusion matrix, and the
 * detection lag at each labelled switch.
 *
 * Definitions:
 * - Days are the labelled dates; a date without a detection (warm-up, or not in
 *   the detected calendar) counts as wrong in `accuracy` and is left out of
 *   `accuracyDetected`.
 * - A switch is a labelled date whose regime differs from the previous date's.
 *   Its lag is the number of trading days (labelled dates) from the switch to the
 *   first date detected as the new regime, searched until the next switch; not
 *   found there, the switch is missed (lag null). Switches before the first
 *   detection are left out (nothing to detect with yet).
 * - The median lag counts missed switches as infinitely late, so it is a
 *   conservative figure.
 *
 * @module
 */
import { axesOf, REGIME_NAMES, type RegimeName } from "./regime.ts";

/** Detected regimes by date (null: no reading). */
export type DetectedRegimes = {
  readonly dates: readonly string[];
  readonly regimes: readonly (RegimeName | null)[];
};

/** Known regimes by date (the fixtures' `regimes.csv`). */
export type RegimeLabelSeries = {
  readonly dates: readonly string[];
  readonly regime: readonly RegimeName[];
};

/** Accuracy on the days of one labelled regime. */
export type RegimeClassScore = {
  readonly days: number;
  readonly correct: number;
  readonly accuracy: number;
};

/** One labelled switch and how long the detector took to follow it. */
export type SwitchLag = {
  readonly date: string;
  readonly from: RegimeName;
  readonly to: RegimeName;
  /** Trading days until first detected, or null when missed. */
  readonly lagDays: number | null;
};

/** The result of {@link scoreRegimes}. */
export type RegimeScore = {
  readonly days: number;
  readonly detectedDays: number;
  /** Right days over all labelled days (undetected days count as wrong). */
  readonly accuracy: number;
  /** Right days over detected days. */
  readonly accuracyDetected: number;
  /** Share of detected days whose growth (inflation) direction is right. */
  readonly axisAccuracy: { readonly growth: number; readonly inflation: number };
  readonly byRegime: Readonly<Record<RegimeName, RegimeClassScore>>;
  /** Labelled regime -> detected regime (or "none") -> days. */
  readonly confusion: Readonly<Record<RegimeName, Readonly<Record<RegimeName | "none", number>>>>;
  readonly switches: readonly SwitchLag[];
  readonly missedSwitches: number;
  /** Median lag in trading days, missed switches counted as Infinity; NaN when no switch. */
  readonly medianLagDays: number;
  /** Mean lag over the switches detected; NaN when none. */
  readonly meanLagDays: number;
};

/**
 * Scores detected regimes against labels (see the module doc for the definitions).
 *
 * @example Score three days
 * ```ts
 * import assert from "node:assert/strict";
 * import { scoreRegimes } from "./regime_accuracy.ts";
 *
 * const dates = ["2024-01-02", "2024-01-03", "2024-01-04"];
 * const score = scoreRegimes(
 *   { dates, regimes: ["Goldilocks", "Goldilocks", "Inflation"] },
 *   { dates, regime: ["Goldilocks", "Inflation", "Inflation"] },
 * );
 * assert.equal(score.accuracy, 2 / 3);
 * assert.deepEqual(score.switches.map((s) => s.lagDays), [1]);
 * ```
 */
export function scoreRegimes(detected: DetectedRegimes, labels: RegimeLabelSeries): RegimeScore {
  const byDate = new Map<string, RegimeName | null>();
  detected.dates.forEach((d, i) => byDate.set(d, detected.regimes[i] ?? null));
  const found = labels.dates.map((d) => byDate.get(d) ?? null);
  const confusion = Object.fromEntries(
    REGIME_NAMES.map((
      r,
    ) => [r, { Goldilocks: 0, Reflation: 0, Inflation: 0, Deflation: 0, none: 0 }]),
  ) as Record<RegimeName, Record<RegimeName | "none", number>>;
  let correct = 0, detectedDays = 0, growthRight = 0, inflationRight = 0;
  labels.regime.forEach((label, i) => {
    const got = found[i] ?? null;
    confusion[label][got ?? "none"]++;
    if (got === null) return;
    detectedDays++;
    if (got === label) correct++;
    const a = axesOf(label), b = axesOf(got);
    if (a.growth === b.growth) growthRight++;
    if (a.inflation === b.inflation) inflationRight++;
  });
  const byRegime = Object.fromEntries(REGIME_NAMES.map((r) => {
    const row = confusion[r];
    const days = Object.values(row).reduce((x, y) => x + y, 0);
    return [r, { days, correct: row[r], accuracy: days > 0 ? row[r] / days : NaN }];
  })) as Record<RegimeName, RegimeClassScore>;
  const switches = _switchLags(labels, found);
  const lags = switches.map((s) => s.lagDays ?? Infinity).sort((x, y) => x - y);
  const hit = lags.filter(Number.isFinite);
  return {
    days: labels.dates.length,
    detectedDays,
    accuracy: labels.dates.length > 0 ? correct / labels.dates.length : NaN,
    accuracyDetected: detectedDays > 0 ? correct / detectedDays : NaN,
    axisAccuracy: {
      growth: detectedDays > 0 ? growthRight / detectedDays : NaN,
      inflation: detectedDays > 0 ? inflationRight / detectedDays : NaN,
    },
    byRegime,
    confusion,
    switches,
    missedSwitches: lags.length - hit.length,
    medianLagDays: _median(lags),
    meanLagDays: hit.length > 0 ? hit.reduce((x, y) => x + y, 0) / hit.length : NaN,
  };
}

function _switchLags(labels: RegimeLabelSeries, found: readonly (RegimeName | null)[]) {
  const first = found.findIndex((r) => r !== null);
  const starts: number[] = [];
  for (let i = 1; i < labels.regime.length; i++) {
    if (labels.regime[i] !== labels.regime[i - 1] && first >= 0 && i >= first) starts.push(i);
  }
  return starts.map((s, k): SwitchLag => {
    const to = labels.regime[s] as RegimeName;
    const end = k + 1 < starts.length ? starts[k + 1] as number : labels.regime.length;
    let lagDays: number | null = null;
    for (let i = s; i < end; i++) {
      if (found[i] === to) {
        lagDays = i - s;
        break;
      }
    }
    return {
      date: labels.dates[s] as string,
      from: labels.regime[s - 1] as RegimeName,
      to,
      lagDays,
    };
  });
}

function _median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const lo = sorted[(n - 1) >> 1] as number, hi = sorted[n >> 1] as number;
  return lo === hi ? lo : (lo + hi) / 2;
}

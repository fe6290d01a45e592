/**
 * Turbulence: a proxy's volatility measured against its long-run level, which
 * regime evidence uses in two ways (see `regime_evidence.ts`).
 *
 * - Damping trend evidence in turbulence. In the filter the evidence sum stands
 *   for (see `regime_evidence.ts`), a move of size dX is worth mu * dX / sigma^2,
 *   sigma being the volatility of that moment: when the market is violent, each
 *   move says less about the drift. Standardising by a slow volatility instead
 *   lets a crash and its rebound pour out maximal evidence day after day, so a
 *   few days of rebound overturn months of evidence. Where the recent
 *   volatility passes `tolerance` times the long-run one, a bar's evidence is
 *   scaled by (tolerance * longRun / recent)^2 (variances: tolerance^2 *
 *   longRunVariance / recentVariance); below it, it counts in full, so the
 *   ordinary swings of volatility between regimes change nothing.
 * - Calm, for volatility proxies, is judged against the long-run level as well
 *   as the recent one (see `calmAgainstLongRun` in `regime_options.ts`).
 *
 * The long-run variance is an exponentially weighted mean of squared changes
 * with its weights normalised (bias-corrected), so its first months are an
 * average of what was seen rather than the square of the first change.
 *
 * @module
 */

/** Exponentially weighted mean of squared one-bar changes (zero mean), weights normalised. */
export class LongRunVariance {
  readonly #decay: number;
  #sum = 0;
  #weight = 0;
  #count = 0;

  constructor(halfLifeBars: number) {
    this.#decay = Math.pow(0.5, 1 / halfLifeBars);
  }

  /** Adds one change. */
  add(change: number): void {
    this.#sum = this.#decay * this.#sum + change * change;
    this.#weight = this.#decay * this.#weight + 1;
    this.#count++;
  }

  /** The variance, or NaN before `minimumChanges` changes (or while it is zero). */
  value(minimumChanges: number): number {
    return this.#count >= minimumChanges && this.#sum > 0 ? this.#sum / this.#weight : NaN;
  }
}

/**
 * The weight of a bar's trend evidence: 1 while the recent variance is at most
 * `tolerance`^2 times the long-run one, else `tolerance^2 * longRun / recent`.
 * 1 while either variance is unknown (NaN).
 *
 * @example A market twice as volatile as usual, with a tolerance of 1.5
 * ```ts
 * import assert from "node:assert/strict";
 * import { turbulenceWeight } from "./regime_turbulence.ts";
 *
 * assert.equal(turbulenceWeight(1.2 ** 2, 1, 1.5), 1); // within the tolerance
 * assert.equal(turbulenceWeight(2 ** 2, 1, 1.5), 2.25 / 4); // (1.5 / 2)^2
 * assert.equal(turbulenceWeight(NaN, 1, 1.5), 1);
 * ```
 */
export function turbulenceWeight(
  recentVariance: number,
  longRunVariance: number,
  tolerance: number,
): number {
  const limit = tolerance * tolerance * longRunVariance;
  return recentVariance > limit ? limit / recentVariance : 1;
}

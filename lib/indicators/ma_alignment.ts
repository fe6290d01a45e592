/**
 * Moving-average alignment: whether the fast, mid and slow averages are stacked
 * in trend order.
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";
import { ema } from "./ema.ts";

/** Options for {@link maAlignment}. */
export type MaAlignmentOptions = {
  /** Fast period. Default 20. */
  readonly fast?: number;
  /** Mid period (greater than `fast`). Default 50. */
  readonly mid?: number;
  /** Slow period (greater than `mid`). Default 200. */
  readonly slow?: number;
  /** Which average: simple or exponential. Default "sma". */
  readonly average?: "sma" | "ema";
};

/** Defaults of {@link MaAlignmentOptions}. */
export const MA_ALIGNMENT_DEFAULTS = { fast: 20, mid: 50, slow: 200, average: "sma" } as const;

/**
 * Alignment score in [-1, 1] from the three averages F (fast), M (mid), S (slow):
 * `(sign(F - M) + sign(M - S) + sign(F - S)) / 3`.
 *
 * | order of the averages        | score |
 * | ---------------------------- | ----- |
 * | F > M > S (bullish stack)    | +1    |
 * | F > S > M, or M > F > S      | +1/3  |
 * | S > F > M, or M > S > F      | -1/3  |
 * | S > M > F (bearish stack)    | -1    |
 *
 * Equal averages count 0 for their pair, so the score is one of -1, -2/3, -1/3, 0,
 * 1/3, 2/3, 1. NaN until the slow average exists (the `slow`-th valid bar).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maAlignment } from "./ma_alignment.ts";
 *
 * const rising = Float64Array.from({ length: 10 }, (_, i) => i);
 * const out = maAlignment(rising, { fast: 2, mid: 3, slow: 4 });
 * assert.ok(Number.isNaN(out[2]));
 * assert.equal(out[9], 1);
 * assert.equal(maAlignment(rising.reverse(), { fast: 2, mid: 3, slow: 4 })[9], -1);
 * ```
 */
export function maAlignment(values: Float64Array, options: MaAlignmentOptions = {}): Float64Array {
  const fast = options.fast ?? MA_ALIGNMENT_DEFAULTS.fast;
  const mid = options.mid ?? MA_ALIGNMENT_DEFAULTS.mid;
  const slow = options.slow ?? MA_ALIGNMENT_DEFAULTS.slow;
  _checkPeriod("maAlignment", "fast", fast);
  _checkPeriod("maAlignment", "mid", mid, fast + 1);
  _checkPeriod("maAlignment", "slow", slow, mid + 1);
  if ((options.average ?? MA_ALIGNMENT_DEFAULTS.average) === "ema") {
    const f = ema(values, { period: fast });
    const m = ema(values, { period: mid }), s = ema(values, { period: slow });
    for (let i = 0; i < f.length; i++) {
      f[i] = _score(f[i] as number, m[i] as number, s[i] as number);
    }
    return f;
  }
  return _smaAlignment(values, fast, mid, slow);
}

/**
 * The SMA form in one pass: one ring of the last `slow` valid values serves the
 * three running sums, each recomputed exactly whenever the ring wraps so that
 * rounding cannot accumulate (the averages equal `sma()`'s to about 1e-15).
 */
function _smaAlignment(
  values: Float64Array,
  fast: number,
  mid: number,
  slow: number,
): Float64Array {
  const n = values.length;
  const out = _nanArray(n);
  const ring = new Float64Array(slow);
  let pos = 0, count = 0, sf = 0, sm = 0, ss = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    if (count >= fast) sf -= ring[pos >= fast ? pos - fast : pos - fast + slow] as number;
    if (count >= mid) sm -= ring[pos >= mid ? pos - mid : pos - mid + slow] as number;
    if (count >= slow) ss -= ring[pos] as number;
    ring[pos] = x;
    sf += x, sm += x, ss += x;
    count++;
    if (++pos === slow) {
      pos = 0;
      sf = _tailSum(ring, fast), sm = _tailSum(ring, mid), ss = _tailSum(ring, slow);
    }
    if (count >= slow) out[i] = _score(sf / fast, sm / mid, ss / slow);
  }
  return out;
}

/** Sum of the last `k` values of a full ring whose newest value is at the end. */
function _tailSum(ring: Float64Array, k: number): number {
  let s = 0;
  for (let j = ring.length - k; j < ring.length; j++) s += ring[j] as number;
  return s;
}

function _score(f: number, m: number, s: number): number {
  if (f !== f || m !== m || s !== s) return NaN;
  const fm = f > m ? 1 : f < m ? -1 : 0;
  const ms = m > s ? 1 : m < s ? -1 : 0;
  const fs = f > s ? 1 : f < s ? -1 : 0;
  return (fm + ms + fs) / 3;
}

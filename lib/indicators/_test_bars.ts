/**
 * Deterministic synthetic bars for this folder's tests and benchmark (private).
 *
 * @module
 */

/** One asset's columns as the indicators read them. */
export type _Bars = {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
};

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

/** A random walk of `n` daily bars (about 1.5% daily moves) from a seed; no NaN. */
export function _randomBars(seed: number, n: number, start = 100): _Bars {
  const next = _prng(seed);
  const high = new Float64Array(n), low = new Float64Array(n);
  const close = new Float64Array(n), volume = new Float64Array(n);
  let c = start;
  for (let i = 0; i < n; i++) {
    const prev = c;
    c = prev * Math.exp((next() - 0.5) * 0.05);
    high[i] = Math.max(prev, c) * (1 + next() * 0.01);
    low[i] = Math.min(prev, c) * (1 - next() * 0.01);
    close[i] = c;
    volume[i] = Math.round(1e6 * (0.5 + next()));
  }
  return { high, low, close, volume };
}

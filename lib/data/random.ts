/**
 * A small seeded pseudo-random generator for deterministic data (the fixture
 * market, simulations): sfc32 seeded through splitmix32, with a Box-Muller
 * normal on top.
 *
 * Design decision: one named stream per concern (`createRandom(42, "ticker:SPY")`)
 * rather than one shared stream, so adding a ticker or a draw in one place does
 * not shift every number drawn after it elsewhere.
 *
 * @see https://pracrand.sourceforge.net/ (sfc32, Chris Doty-Humphrey's Small Fast Counting generator)
 *
 * @example Same seed and stream, same numbers
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRandom } from "./random.ts";
 *
 * const a = createRandom(42, "demo"), b = createRandom(42, "demo");
 * assert.equal(a.next(), b.next());
 * assert.notEqual(createRandom(42, "other").next(), createRandom(42, "demo").next());
 * ```
 *
 * @module
 */

/** A deterministic source of random numbers. */
export type Random = {
  /** A uniform number in [0, 1), with 32 bits of resolution. */
  readonly next: () => number;
  /** A standard normal number (mean 0, variance 1). */
  readonly normal: () => number;
  /** A uniform integer in [min, max] (both included). */
  readonly int: (min: number, max: number) => number;
};

const TWO_POW_32 = 4_294_967_296;

/**
 * A {@link Random} from an integer seed and a stream name. Equal seeds and
 * names give equal sequences on every platform (only 32-bit integer arithmetic,
 * plus `Math.log`, `Math.sqrt` and `Math.cos` for normals).
 */
export function createRandom(seed: number, stream = ""): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(
      `Cannot create a Random as seed must be a safe integer: current value is ${seed}`,
    );
  }
  const mix = _splitmix32(
    (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) | 0, 0x9e3779b1) ^ _hashText(stream),
  );
  const next = _sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < 12; i++) next();
  let spare = NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const u1 = 1 - next(); // (0, 1]: log is finite
    const u2 = next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(
        `Cannot draw an integer as [min, max] must be an integer range: current value is [${min}, ${max}]`,
      );
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return { next, normal, int };
}

/** FNV-1a hash of a text, as an unsigned 32-bit integer. */
function _hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads one 32-bit seed into a stream of well-mixed words. */
function _splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** sfc32: four 32-bit words of state, period at least 2^32. */
function _sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  };
}

/**
 * Exact Shapley values of a small cooperative game: how much of the value of
 * the whole coalition each player brings, averaged over every order in which
 * the players could join. The values add up exactly to v(all) - v(none), a
 * player that never changes the value gets 0, and players that are
 * interchangeable get the same share, whatever the order the caller lists them
 * in. The cash attribution uses it to split un-invested weight between the
 * filters of the pipeline, whose effects overlap.
 *
 * Design decision: exact enumeration of the 2^n coalitions (each valued once),
 * since the games here have at most a dozen players; sampling would make the
 * split depend on a seed.
 *
 * @see L. S. Shapley, "A Value for n-Person Games", in Contributions to the Theory of
 * Games II (1953), https://doi.org/10.1515/9781400881970-018
 * @module
 */

/** The most players {@link shapleyValues} accepts (2^16 coalitions). */
export const MAX_SHAPLEY_PLAYERS = 16;

/**
 * The Shapley value of each of `players` players, for the game whose value of
 * a coalition is `value(mask)` (bit i of `mask` set = player i is in it).
 * `value` is called once per coalition.
 *
 * @example Two players who only produce together share equally; a dummy gets nothing
 * ```ts
 * import assert from "node:assert/strict";
 * import { shapleyValues } from "./shapley.ts";
 *
 * // players 0 and 1 make 1 together and nothing alone; player 2 adds nothing
 * const v = (mask: number) => ((mask & 0b011) === 0b011 ? 1 : 0);
 * assert.deepEqual([...shapleyValues(3, v)], [0.5, 0.5, 0]);
 * ```
 */
export function shapleyValues(players: number, value: (mask: number) => number): Float64Array {
  if (!Number.isInteger(players) || players < 0 || players > MAX_SHAPLEY_PLAYERS) {
    throw new RangeError(
      `Cannot compute Shapley values as players must be an integer in [0, ${MAX_SHAPLEY_PLAYERS}]: current value is ${players}`,
    );
  }
  const size = 1 << players;
  const v = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) v[mask] = value(mask);
  // weight[k] = k! (n - k - 1)! / n!: the share of orders in which a player joins a coalition of k.
  const weight = new Float64Array(Math.max(players, 1));
  for (let k = 0; k < players; k++) weight[k] = 1 / (players * _binomial(players - 1, k));
  const out = new Float64Array(players);
  for (let i = 0; i < players; i++) {
    const bit = 1 << i;
    let sum = 0;
    for (let mask = 0; mask < size; mask++) {
      if (mask & bit) continue;
      sum += (weight[_popcount(mask)] as number) *
        ((v[mask | bit] as number) - (v[mask] as number));
    }
    out[i] = sum;
  }
  return out;
}

function _binomial(n: number, k: number): number {
  let out = 1;
  for (let j = 1; j <= k; j++) out = out * (n - k + j) / j;
  return out;
}

function _popcount(x: number): number {
  let count = 0;
  for (let y = x; y !== 0; y &= y - 1) count++;
  return count;
}

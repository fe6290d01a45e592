/**
 * The space a sweep searches: each varied config path with its values, the
 * combinations in a fixed order (the first parameter varies slowest, as
 * Python's `itertools.product`), and a seeded random sample of them.
 *
 * Ranges `{ from, to, step }` expand to `from, from + step, ...` up to `to`
 * (included when it lands on the grid, to within a millionth of a step), each
 * value rounded to the decimals of `from` and `step` so that `0.1 + 2 x 0.1`
 * is 0.3, not 0.30000000000000004.
 *
 * @module
 */
import { canonicalJson } from "../config/hash.ts";
import { createRandom } from "../data/random.ts";
import { InputError } from "../errors.ts";
import type { RandomSearch, ValueSpec } from "./grid_file.ts";

/** One varied config path and its values, in order. */
export type GridParameter = { readonly path: string; readonly values: readonly unknown[] };

/** One combination: config path -> value. */
export type Assignment = Readonly<Record<string, unknown>>;

/** Most values one range may expand to. */
export const MAX_RANGE_VALUES = 10_000;

/** The values of a spec; `where` names it in messages. */
export function expandValues(spec: ValueSpec, where: string): unknown[] {
  if (Array.isArray(spec)) {
    const seen = new Set<string>();
    for (const value of spec) {
      const key = canonicalJson(value);
      if (seen.has(key)) throw new InputError(`${where}: value ${key} is listed twice`);
      seen.add(key);
    }
    return [...spec];
  }
  const { from, to, step } = spec as { from: number; to: number; step: number };
  if (!(to >= from)) {
    throw new InputError(`${where}: range must have to >= from, got from ${from} to ${to}`);
  }
  const count = Math.floor((to - from) / step + 1e-6) + 1;
  if (count > MAX_RANGE_VALUES) {
    throw new InputError(
      `${where}: range gives ${count} values, more than ${MAX_RANGE_VALUES}: use a larger step`,
    );
  }
  const decimals = Math.min(12, Math.max(_decimals(from), _decimals(step)));
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals)));
}

function _decimals(x: number): number {
  const text = String(x);
  const e = text.indexOf("e-");
  if (e >= 0) return Number(text.slice(e + 2)) + (text.split(".")[1]?.split("e")[0]?.length ?? 0);
  return text.split(".")[1]?.length ?? 0;
}

/** The parameters of a grid, in the file's order. */
export function gridParameters(
  parameters: Readonly<Record<string, ValueSpec>>,
  source: string,
): GridParameter[] {
  return Object.entries(parameters).map(([path, spec]) => ({
    path,
    values: expandValues(spec, `${source}: parameters.${path}`),
  }));
}

/** How many combinations the parameters make (may exceed 2^53: then an approximation). */
export function combinationCount(parameters: readonly GridParameter[]): number {
  return parameters.reduce((n, p) => n * p.values.length, 1);
}

/** The combination at `index` of the full grid (mixed radix, the last parameter fastest). */
export function assignmentAt(parameters: readonly GridParameter[], index: number): Assignment {
  const out: Record<string, unknown> = {};
  let rest = index;
  for (let i = parameters.length - 1; i >= 0; i--) {
    const p = parameters[i] as GridParameter;
    const n = p.values.length;
    out[p.path] = p.values[rest % n];
    rest = Math.floor(rest / n);
  }
  // Keys in the file's order.
  return Object.fromEntries(parameters.map((p) => [p.path, out[p.path]]));
}

/**
 * The combinations a sweep runs, in order: every one of the grid, or with
 * `random`, `count` distinct ones drawn with its seed (all of them, in grid
 * order, when `count` reaches the grid's size).
 *
 * @example Two parameters, then a random pick of two combinations
 * ```ts
 * import assert from "node:assert/strict";
 * import { gridCombinations } from "./grid_space.ts";
 *
 * const parameters = [
 *   { path: "sizing.minScore", values: [0.6, 0.7] },
 *   { path: "rebalance.frequency", values: ["weekly", "monthly"] },
 * ];
 * assert.deepEqual(gridCombinations(parameters).map((a) => Object.values(a)), [
 *   [0.6, "weekly"], [0.6, "monthly"], [0.7, "weekly"], [0.7, "monthly"],
 * ]);
 * const picked = gridCombinations(parameters, { count: 2, seed: 7 });
 * assert.equal(picked.length, 2);
 * assert.deepEqual(gridCombinations(parameters, { count: 2, seed: 7 }), picked); // same seed, same pick
 * ```
 */
export function gridCombinations(
  parameters: readonly GridParameter[],
  random?: RandomSearch,
): Assignment[] {
  const total = combinationCount(parameters);
  if (random === undefined || random.count >= total) {
    if (total > 10_000_000) {
      throw new InputError(
        `the grid has ${total} combinations: too many to run them all; sample it with --random N`,
      );
    }
    return Array.from({ length: total }, (_, i) => assignmentAt(parameters, i));
  }
  return _sampleIndices(parameters, total, random).map((i) =>
    typeof i === "number" ? assignmentAt(parameters, i) : i
  );
}

/** `count` distinct combinations: indices when the grid is small enough, assignments otherwise. */
function _sampleIndices(
  parameters: readonly GridParameter[],
  total: number,
  random: RandomSearch,
): (number | Assignment)[] {
  const rng = createRandom(random.seed, "sweep:random");
  if (total <= 1_000_000) {
    // A partial Fisher-Yates shuffle of the indices: exact and without repeats.
    const order = new Int32Array(total).map((_, i) => i);
    for (let i = 0; i < random.count; i++) {
      const j = rng.int(i, total - 1);
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    return Array.from(order.subarray(0, random.count));
  }
  // A grid too large to list: draw each parameter's value and skip repeats.
  const seen = new Set<string>();
  const out: Assignment[] = [];
  while (out.length < random.count) {
    const a = Object.fromEntries(
      parameters.map((p) => [p.path, p.values[rng.int(0, p.values.length - 1)]]),
    );
    const key = canonicalJson(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

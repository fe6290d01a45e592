/**
 * Residual allocation: weight that caps and bucket limits left unallocated
 * (the target minus the sum of weights) is given to assets that still have
 * room, or kept in cash.
 *
 * An asset's room is its cap minus its weight and, unless it is exempt from
 * bucket limits, no more than the room left in each of its buckets
 * (`maxBucketWeight` minus the weight of the bucket's non-exempt members).
 *
 * | strategy | what happens |
 * | -------- | ------------ |
 * | `safe_top_slice` | in score order, each asset takes as much as its room allows until the residual is gone (the seed's default) |
 * | `proportional` | every asset with room takes a share proportional to its current weight (equal shares if all are 0), clipped to its room and its buckets' room; repeated until the residual is gone or nobody has room |
 * | `cash` | nothing moves |
 *
 * What no asset has room for stays in cash.
 *
 * @see docs/design.md#residual-allocation
 * @module
 */
import { type BucketMember, limitedMembersByBucket } from "./bucket_limits.ts";
import type { ResidualStrategy } from "./sizing_options.ts";

/** A selected asset as the residual step sees it. */
export type ResidualMember = BucketMember & {
  /** Its individual cap (maxSingle, or the exception cap). */
  readonly cap: number;
};

/** Below this, an amount is treated as zero (floating-point dust). */
const DUST = 1e-15;

/**
 * Gives up to `amount` of extra weight to `members` (in score order, best first)
 * by `strategy`; returns the new weights and how much was allocated.
 *
 * @example safe_top_slice fills the best-scored asset with room first
 * ```ts
 * import assert from "node:assert/strict";
 * import { allocateResidual } from "./residual.ts";
 *
 * const m = (ticker: string, score: number) =>
 *   ({ ticker, score, buckets: [ticker], bucketExempt: false, cap: 0.15 });
 * const members = [m("A", 0.9), m("B", 0.8), m("C", 0.7)];
 * // A is at its cap; B has 0.05 of room, C 0.10: 0.08 goes 0.05 to B, 0.03 to C
 * const { weights, allocated } = allocateResidual(
 *   Float64Array.of(0.15, 0.10, 0.05), members, 0.08, "safe_top_slice", 0.4);
 * assert.deepEqual([...weights].map((w) => Number(w.toFixed(12))), [0.15, 0.15, 0.08]);
 * assert.equal(Number(allocated.toFixed(12)), 0.08);
 * ```
 */
export function allocateResidual(
  weights: Float64Array,
  members: readonly ResidualMember[],
  amount: number,
  strategy: ResidualStrategy,
  maxBucketWeight: number,
): { readonly weights: Float64Array; readonly allocated: number } {
  const out = Float64Array.from(weights);
  if (strategy === "cash" || !(amount > DUST)) return { weights: out, allocated: 0 };
  const room = new _Room(out, members, maxBucketWeight);
  if (strategy === "safe_top_slice") _topSlice(room, amount);
  else _proportional(room, amount);
  let allocated = 0;
  out.forEach((w, i) => allocated += w - (weights[i] ?? 0));
  return { weights: out, allocated };
}

function _topSlice(room: _Room, amount: number): void {
  let remaining = amount;
  for (let i = 0; i < room.size && remaining > DUST; i++) {
    const give = Math.min(room.of(i), remaining);
    if (give <= 0) continue;
    room.give(i, give);
    remaining -= give;
  }
}

function _proportional(room: _Room, amount: number): void {
  let remaining = amount;
  // Each round fills at least one asset or bucket, or places everything.
  const maxRounds = room.size + room.bucketCount + 2;
  for (let round = 0; round < maxRounds && remaining > DUST; round++) {
    const open: number[] = [];
    for (let i = 0; i < room.size; i++) if (room.of(i) > DUST) open.push(i);
    if (open.length === 0) break;
    let basis = 0;
    for (const i of open) basis += room.weight(i);
    const shares = open.map((i) =>
      Math.min(room.capRoom(i), remaining * (basis > 0 ? room.weight(i) / basis : 1 / open.length))
    );
    const factors = room.bucketFactors(open, shares);
    let given = 0;
    open.forEach((i, k) => {
      const give = (shares[k] ?? 0) * room.factorOf(i, factors);
      if (give <= 0) return;
      room.give(i, give);
      given += give;
    });
    remaining -= given;
    if (given <= DUST) break;
  }
}

/** Weights with the bucket totals kept in step, and each asset's room. */
class _Room {
  readonly #weights: Float64Array;
  readonly #members: readonly ResidualMember[];
  readonly #maxBucketWeight: number;
  readonly #bucketWeight = new Map<string, number>();
  /** Per asset, the buckets whose limits bind it (none for an exempt asset). */
  readonly #limiting: readonly (readonly string[])[];

  constructor(weights: Float64Array, members: readonly ResidualMember[], maxBucketWeight: number) {
    this.#weights = weights;
    this.#members = members;
    this.#maxBucketWeight = maxBucketWeight;
    this.#limiting = members.map((m) => (m.bucketExempt ? [] : [...new Set(m.buckets)]));
    for (const [bucket, indexes] of limitedMembersByBucket(members)) {
      let total = 0;
      for (const i of indexes) total += weights[i] ?? 0;
      this.#bucketWeight.set(bucket, total);
    }
  }

  get size(): number {
    return this.#members.length;
  }

  get bucketCount(): number {
    return this.#bucketWeight.size;
  }

  weight(i: number): number {
    return this.#weights[i] ?? 0;
  }

  capRoom(i: number): number {
    return Math.max(0, (this.#members[i]?.cap ?? 0) - this.weight(i));
  }

  bucketRoom(bucket: string): number {
    return Math.max(0, this.#maxBucketWeight - (this.#bucketWeight.get(bucket) ?? 0));
  }

  /** Extra weight asset i can take. */
  of(i: number): number {
    let room = this.capRoom(i);
    for (const b of this.#limitingBuckets(i)) room = Math.min(room, this.bucketRoom(b));
    return room;
  }

  /** Per bucket, the factor that fits the planned increments of its limited members into its room. */
  bucketFactors(open: readonly number[], shares: readonly number[]): Map<string, number> {
    const planned = new Map<string, number>();
    open.forEach((i, k) => {
      for (const b of this.#limitingBuckets(i)) {
        planned.set(b, (planned.get(b) ?? 0) + (shares[k] ?? 0));
      }
    });
    const factors = new Map<string, number>();
    for (const [b, total] of planned) {
      factors.set(b, total > this.bucketRoom(b) ? this.bucketRoom(b) / total : 1);
    }
    return factors;
  }

  /** The smallest factor among the buckets limiting asset i. */
  factorOf(i: number, factors: ReadonlyMap<string, number>): number {
    let f = 1;
    for (const b of this.#limitingBuckets(i)) f = Math.min(f, factors.get(b) ?? 1);
    return f;
  }

  give(i: number, amount: number): void {
    this.#weights[i] = this.weight(i) + amount;
    for (const b of this.#limitingBuckets(i)) {
      this.#bucketWeight.set(b, (this.#bucketWeight.get(b) ?? 0) + amount);
    }
  }

  #limitingBuckets(i: number): readonly string[] {
    return this.#limiting[i] ?? [];
  }
}

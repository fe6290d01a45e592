/**
 * Bucket diversification: at most `maxPositions` positions and `maxWeight` of
 * weight per bucket (the seed's 4 and 40%). An asset in several buckets counts
 * in each.
 *
 * An exempt asset (core or high-alpha, where the options allow bucket
 * overrides) does not count toward its buckets' limits: it is never dropped or
 * scaled by them, and its bucket may hold it on top of the limits. The other
 * members must fit the limits by themselves. Design decision: this is what lets
 * a high-alpha asset do anything at all; were it counted, it would be kept (it
 * ranks first) and a weaker member dropped, exactly as without the override.
 *
 * Excess positions are dropped by lowest score: members are admitted greedily
 * in score order, an asset only while every one of its buckets has room. Excess
 * weight is scaled down: each bucket over its limit (in name order) multiplies
 * its members' weights by limit / weight; scaling only lowers weights, so one
 * pass leaves every bucket within its limit.
 *
 * @see docs/design.md#bucket-limits
 * @module
 */
import type { BucketScaling, Dropped } from "./proposal.ts";

/** What the bucket limits need to know about one selected asset. */
export type BucketMember = {
  readonly ticker: string;
  readonly score: number;
  readonly buckets: readonly string[];
  /** Exempt from bucket limits (an allowed core or high-alpha asset). */
  readonly bucketExempt: boolean;
};

/**
 * Bucket name to the indexes of its members that count toward its limits
 * (exempt members left out), bucket names sorted.
 */
export function limitedMembersByBucket(members: readonly BucketMember[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const names = new Set<string>();
  members.forEach((m) => m.buckets.forEach((b) => names.add(b)));
  for (const name of [...names].sort()) out.set(name, []);
  members.forEach((m, i) => {
    if (m.bucketExempt) return;
    for (const b of new Set(m.buckets)) out.get(b)?.push(i);
  });
  return out;
}

/**
 * Keeps at most `maxPositions` non-exempt members per bucket. `members` must be
 * in score order (best first); returns the indexes kept, in that order, and the
 * ones dropped with the bucket that was full.
 *
 * @example The fifth member of a bucket is dropped; an exempt one is kept on top
 * ```ts
 * import assert from "node:assert/strict";
 * import { limitBucketPositions } from "./bucket_limits.ts";
 *
 * const m = (ticker: string, score: number, bucketExempt = false) =>
 *   ({ ticker, score, buckets: ["Growth Assets"], bucketExempt });
 * const members = [m("NVDA", 0.97, true), m("A", 0.9), m("B", 0.85), m("C", 0.8), m("D", 0.75), m("E", 0.7)];
 * const { kept, dropped } = limitBucketPositions(members, 4);
 * assert.deepEqual(kept, [0, 1, 2, 3, 4]);
 * assert.deepEqual(dropped, [{ ticker: "E", reason: 'bucket "Growth Assets" full: 4 positions (max 4)' }]);
 * ```
 */
export function limitBucketPositions(
  members: readonly BucketMember[],
  maxPositions: number,
): { readonly kept: number[]; readonly dropped: Dropped[] } {
  const counts = new Map<string, number>();
  const kept: number[] = [];
  const dropped: Dropped[] = [];
  members.forEach((m, i) => {
    if (m.bucketExempt) {
      kept.push(i);
      return;
    }
    const buckets = [...new Set(m.buckets)];
    const full = buckets.find((b) => (counts.get(b) ?? 0) >= maxPositions);
    if (full !== undefined) {
      dropped.push({
        ticker: m.ticker,
        reason: `bucket "${full}" full: ${counts.get(full) ?? 0} positions (max ${maxPositions})`,
      });
      return;
    }
    for (const b of buckets) counts.set(b, (counts.get(b) ?? 0) + 1);
    kept.push(i);
  });
  return { kept, dropped };
}

/**
 * Scales down the non-exempt members of every bucket whose weight exceeds
 * `maxWeight` (returns new weights and the buckets scaled, in name order).
 *
 * @example A bucket at 0.5 scaled to 0.4: factor 0.8
 * ```ts
 * import assert from "node:assert/strict";
 * import { limitBucketWeights } from "./bucket_limits.ts";
 *
 * const m = (ticker: string, buckets: string[]) => ({ ticker, score: 0.8, buckets, bucketExempt: false });
 * const members = [m("QQQ", ["Growth"]), m("XLK", ["Growth"]), m("TLT", ["Bonds"])];
 * const { weights, scaled } = limitBucketWeights(Float64Array.of(0.25, 0.25, 0.2), members, 0.4);
 * assert.deepEqual([...weights], [0.2, 0.2, 0.2]);
 * assert.deepEqual(scaled, [{ bucket: "Growth", weightBefore: 0.5, factor: 0.8 }]);
 * ```
 */
export function limitBucketWeights(
  weights: Float64Array,
  members: readonly BucketMember[],
  maxWeight: number,
): { readonly weights: Float64Array; readonly scaled: BucketScaling[] } {
  const out = Float64Array.from(weights);
  const scaled: BucketScaling[] = [];
  for (const [bucket, indexes] of limitedMembersByBucket(members)) {
    let total = 0;
    for (const i of indexes) total += out[i] ?? 0;
    if (total <= maxWeight) continue;
    const factor = maxWeight / total;
    for (const i of indexes) out[i] = (out[i] ?? 0) * factor;
    scaled.push({ bucket, weightBefore: total, factor });
  }
  return { weights: out, scaled };
}

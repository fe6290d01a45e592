import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import {
  type BucketMember,
  limitBucketPositions,
  limitBucketWeights,
  limitedMembersByBucket,
} from "./bucket_limits.ts";

const m = (
  ticker: string,
  score: number,
  buckets: string[],
  bucketExempt = false,
): BucketMember => ({
  ticker,
  score,
  buckets,
  bucketExempt,
});

Deno.test("limitBucketPositions() counts an asset in each of its buckets", () => {
  // max 2: A fills Risk and Growth to 1; B fills Risk to 2; C would be Risk's third: dropped;
  // D in Growth alone is Growth's second: kept.
  const members = [
    m("A", 0.9, ["Risk", "Growth"]),
    m("B", 0.85, ["Risk"]),
    m("C", 0.8, ["Growth", "Risk"]),
    m("D", 0.75, ["Growth"]),
  ];
  const { kept, dropped } = limitBucketPositions(members, 2);
  assert.deepEqual(kept, [0, 1, 3]);
  assert.deepEqual(dropped, [{ ticker: "C", reason: 'bucket "Risk" full: 2 positions (max 2)' }]);
});

Deno.test("limitBucketPositions() keeps an exempt asset even below the cut, without counting it", () => {
  const members = [
    m("A", 0.9, ["G"]),
    m("B", 0.8, ["G"]),
    m("C", 0.7, ["G"]),
    m("CORE", 0.66, ["G"], true),
  ];
  const { kept, dropped } = limitBucketPositions(members, 2);
  assert.deepEqual(kept, [0, 1, 3]);
  assert.deepEqual(dropped.map((d) => d.ticker), ["C"]);
});

Deno.test("limitBucketWeights() scales both buckets of an asset in two, in name order", () => {
  // Growth (A, B) = 0.3 + 0.2 = 0.5 > 0.4: factor 0.8 -> A 0.24, B 0.16.
  // Risk (A, C) = 0.24 + 0.25 = 0.49 > 0.4: factor 0.4 / 0.49 -> A 0.24 * 0.4/0.49, C 0.25 * 0.4/0.49.
  const members = [m("A", 0.9, ["Risk", "Growth"]), m("B", 0.8, ["Growth"]), m("C", 0.7, ["Risk"])];
  const { weights, scaled } = limitBucketWeights(Float64Array.of(0.3, 0.2, 0.25), members, 0.4);
  assertNear(weights[0], 0.24 * 0.4 / 0.49);
  assertNear(weights[1], 0.16);
  assertNear(weights[2], 0.25 * 0.4 / 0.49);
  assert.deepEqual(scaled.map((s) => s.bucket), ["Growth", "Risk"]);
  assertNear(scaled[1]?.factor, 0.4 / 0.49);
  // Growth ends below its limit: scaling Risk lowered A again.
  assert.ok((weights[0] ?? 0) + (weights[1] ?? 0) < 0.4);
});

Deno.test("limitBucketWeights() leaves an exempt asset's weight and fits the others beside it", () => {
  const members = [m("CORE", 0.97, ["G"], true), m("A", 0.8, ["G"]), m("B", 0.7, ["G"])];
  const { weights } = limitBucketWeights(Float64Array.of(0.2, 0.25, 0.25), members, 0.4);
  assert.deepEqual([...weights], [0.2, 0.2, 0.2]); // A and B: 0.5 -> 0.4; bucket 0.6 with CORE
});

Deno.test("limitedMembersByBucket() lists non-exempt members per bucket, names sorted", () => {
  const members = [m("A", 0.9, ["Z", "Y", "Z"]), m("B", 0.8, ["Y"], true)];
  assert.deepEqual([...limitedMembersByBucket(members)], [["Y", [0]], ["Z", [0]]]);
});

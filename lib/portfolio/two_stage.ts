/**
 * The two stages of the seed's sizing, on typed arrays (one slot per selected
 * asset): raw weights, stage 1 individual caps, stage 2 normalisation to the
 * target exposure by water-filling.
 *
 * Design decision: stage 2 is defined as the weights `min(cap_i, λ raw_i)` whose
 * sum is the target: the fixed point of "scale the uncapped weights to reach
 * the target, cap those that pass their cap, repeat". Capped weights stay
 * capped and the others keep their raw proportions; solved exactly by sorting
 * the breakpoints `cap_i / raw_i` (O(n log n)) rather than by iterating. When the
 * caps add up to less than the target, every weight sits at its cap and the
 * difference is residual.
 *
 * @see docs/design.md#position-sizing (the seed's individual caps, then normalisation to the target)
 * @module
 */
import type { Weighting } from "./sizing_options.ts";

/**
 * Raw weights summing to 1: proportional to `scores` ("score"), or equal
 * ("equal", also used when every score is 0). Empty in, empty out.
 */
export function rawWeights(scores: Float64Array, weighting: Weighting): Float64Array {
  const n = scores.length;
  let total = 0;
  for (const s of scores) total += s;
  if (weighting === "equal" || total === 0) return new Float64Array(n).fill(1 / n);
  return scores.map((s) => s / total);
}

/**
 * Stage 1: each raw weight capped at its cap.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyIndividualCaps } from "./two_stage.ts";
 *
 * const capped = applyIndividualCaps(Float64Array.of(0.5, 0.3, 0.2), Float64Array.of(0.15, 0.15, 0.15));
 * assert.deepEqual([...capped], [0.15, 0.15, 0.15]);
 * ```
 */
export function applyIndividualCaps(raw: Float64Array, caps: Float64Array): Float64Array {
  return raw.map((w, i) => Math.min(w, caps[i] ?? 0));
}

/**
 * Stage 2: weights `min(caps[i], λ raw[i])` summing to `target` (water-filling),
 * or every weight at its cap when the caps sum to less than the target.
 *
 * @example Two capped, the rest scaled: by hand
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalizeToTarget } from "./two_stage.ts";
 *
 * // raw 0.4, 0.3, 0.2, 0.1 with caps 0.3: λ raw must reach 0.9 with the first two
 * // at 0.3, so λ (0.2 + 0.1) = 0.9 - 0.6 and λ = 1; weights 0.3, 0.3, 0.2, 0.1
 * const w = normalizeToTarget(Float64Array.of(0.4, 0.3, 0.2, 0.1), new Float64Array(4).fill(0.3), 0.9);
 * assert.deepEqual([...w].map((x) => Number(x.toFixed(12))), [0.3, 0.3, 0.2, 0.1]);
 * ```
 */
export function normalizeToTarget(
  raw: Float64Array,
  caps: Float64Array,
  target: number,
): Float64Array {
  const n = raw.length;
  let capTotal = 0;
  for (const c of caps) capTotal += c;
  if (capTotal <= target) return Float64Array.from(caps);
  // Assets in the order they reach their caps as λ grows: raw / cap descending (raw 0
  // never does). raw / cap rather than the breakpoint cap / raw, which overflows for a
  // tiny raw weight.
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => (raw[i] ?? 0) > 0)
    .sort((a, b) => _demand(raw, caps, b) - _demand(raw, caps, a) || a - b);
  const rawAfter = new Float64Array(order.length + 1);
  for (let k = order.length - 1; k >= 0; k--) {
    rawAfter[k] = (rawAfter[k + 1] ?? 0) + (raw[order[k] ?? 0] ?? 0);
  }
  // With the first k capped, the others get (target - capped) * raw / (their raw sum):
  // λ raw written so that it cannot overflow.
  let left = target;
  let k = 0;
  for (; k < order.length; k++) {
    const next = order[k] ?? 0;
    if (left * ((raw[next] ?? 0) / (rawAfter[k] ?? 1)) <= (caps[next] ?? 0)) break;
    left -= caps[next] ?? 0;
  }
  const out = new Float64Array(n);
  for (let j = 0; j < order.length; j++) {
    const i = order[j] ?? 0;
    const cap = caps[i] ?? 0;
    out[i] = j < k ? cap : Math.min(cap, left * ((raw[i] ?? 0) / (rawAfter[k] ?? 1)));
  }
  return out;
}

function _demand(raw: Float64Array, caps: Float64Array, i: number): number {
  return (raw[i] ?? 0) / (caps[i] ?? 1);
}

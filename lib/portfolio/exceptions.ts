/**
 * The audit side of overrides: every limit that a core or high-alpha asset
 * exceeds in the final weights, with the reason it is allowed to.
 *
 * @module
 */
import { _fmt } from "./_checks.ts";
import type { BucketMember } from "./bucket_limits.ts";
import type { SizingException } from "./proposal.ts";

/** A selected asset with why it may exceed limits (null when it may not). */
export type ExceptionMember = BucketMember & { readonly exemptReason: string | null };

/** The limits {@link findExceptions} checks. */
export type ExceptionLimits = {
  readonly maxSingle: number;
  readonly maxBucketPositions: number;
  readonly maxBucketWeight: number;
};

/** Slack for floating-point sums when checking a limit. */
const SLACK = 1e-12;

/**
 * The limits exceeded by exempt assets in `weights`: `max_single` when its
 * weight passes maxSingle; for a bucket-exempt asset, `bucket_positions` and
 * `bucket_weight` for each of its buckets whose members (all of them, with a
 * weight > 0) pass the limit. In member order, then bucket order.
 */
export function findExceptions(
  weights: Float64Array,
  members: readonly ExceptionMember[],
  limits: ExceptionLimits,
): SizingException[] {
  const count = new Map<string, number>();
  const total = new Map<string, number>();
  members.forEach((m, i) => {
    const w = weights[i] ?? 0;
    if (w <= 0) return;
    for (const b of new Set(m.buckets)) {
      count.set(b, (count.get(b) ?? 0) + 1);
      total.set(b, (total.get(b) ?? 0) + w);
    }
  });
  const out: SizingException[] = [];
  members.forEach((m, i) => {
    const w = weights[i] ?? 0;
    const why = m.exemptReason;
    if (why === null || w <= 0) return;
    if (w > limits.maxSingle + SLACK) {
      out.push({
        ticker: m.ticker,
        rule: "max_single",
        reason: `${why}: weight ${_fmt(w)} above max single ${limits.maxSingle}`,
      });
    }
    if (!m.bucketExempt) return;
    for (const b of new Set(m.buckets)) {
      const n = count.get(b) ?? 0;
      if (n > limits.maxBucketPositions) {
        out.push({
          ticker: m.ticker,
          rule: "bucket_positions",
          reason:
            `${why}: bucket "${b}" holds ${n} positions > ${limits.maxBucketPositions} allowed`,
        });
      }
      const t = total.get(b) ?? 0;
      if (t > limits.maxBucketWeight + SLACK) {
        out.push({
          ticker: m.ticker,
          rule: "bucket_weight",
          reason: `${why}: bucket "${b}" weight ${_fmt(t)} > ${limits.maxBucketWeight} allowed`,
        });
      }
    }
  });
  return out;
}

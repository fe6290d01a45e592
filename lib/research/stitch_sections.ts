/**
 * The parts of stitched out-of-sample result that are joined piece by piece:
 * trades, fills and order notes (money scaled, order ids kept unique), the
 * regime path, bucket weights, protection activity and the cash whole-share
 * rounding left uninvested. A section that some
 * piece lacks (null) is null in the stitched result.
 *
 * @module
 */

import type {
  Allocation,
  Holding,
  ProtectionActivity,
  RegimePath,
  RunResult,
} from "../engine/run_result.ts";
import type { Fill, OrderNote, Trade, WholeShareCash } from "../engine/types.ts";

/** Trades, fills and notes of every piece, sizes and money scaled, order ids offset past the previous piece's. */
export function joinOrders(results: readonly RunResult[], scales: readonly number[]): {
  trades: Trade[];
  fills: Fill[];
  orderNotes: OrderNote[];
} {
  const trades: Trade[] = [], fills: Fill[] = [], orderNotes: OrderNote[] = [];
  let offset = 0;
  results.forEach((result, k) => {
    const s = scales[k] ?? NaN;
    let maxId = -1;
    for (const t of result.trades) {
      trades.push({ ...t, size: t.size * s, pnl: t.pnl * s, commission: t.commission * s });
    }
    for (const f of result.fills) {
      maxId = Math.max(maxId, f.orderId);
      fills.push({
        ...f,
        orderId: f.orderId + offset,
        size: f.size * s,
        commission: f.commission * s,
      });
    }
    for (const n of result.orderNotes) {
      maxId = Math.max(maxId, n.orderId);
      orderNotes.push({
        ...n,
        orderId: n.orderId + offset,
        requested: n.requested * s,
        filled: n.filled * s,
      });
    }
    offset += maxId + 1;
  });
  return { trades, fills, orderNotes };
}

/** The last piece's holdings, shares and value scaled. */
export function scaledHoldings(result: RunResult, scale: number): Holding[] {
  return result.holdings.map((h) => ({ ...h, shares: h.shares * scale, value: h.value * scale }));
}

/** The pieces' regime paths end to end; transitions across a boundary are not recorded by either piece. */
export function joinRegimes(results: readonly RunResult[]): RegimePath | null {
  const paths = _everyPiece(results.map((r) => r.regimes));
  if (paths === null) return null;
  return {
    dates: paths.flatMap((p) => p.dates),
    regime: paths.flatMap((p) => p.regime),
    confidence: paths.flatMap((p) => p.confidence),
    transitions: paths.flatMap((p) => p.transitions),
  };
}

/** The pieces' bucket weights end to end; a bucket a piece never held weighs 0 on its dates. */
export function joinAllocations(results: readonly RunResult[]): Allocation | null {
  const allocations = _everyPiece(results.map((r) => r.allocation));
  if (allocations === null) return null;
  const buckets = [...new Set(allocations.flatMap((a) => Object.keys(a.byBucket)))].sort();
  const byBucket: Record<string, number[]> = {};
  for (const bucket of buckets) {
    byBucket[bucket] = allocations.flatMap((a) =>
      a.byBucket[bucket] ? [...a.byBucket[bucket]] : a.dates.map(() => 0)
    );
  }
  return { dates: allocations.flatMap((a) => a.dates), byBucket };
}

/** The pieces' protection verdicts end to end, totals and blocks by rule summed. */
export function joinProtection(results: readonly RunResult[]): ProtectionActivity | null {
  const activities = _everyPiece(results.map((r) => r.protection));
  if (activities === null) return null;
  const totals = { decisions: 0, approved: 0, blocked: 0, overrides: 0, decays: 0 };
  const blocksByRule: Record<string, number> = {};
  for (const a of activities) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += a.totals[key];
    for (const [rule, count] of Object.entries(a.blocksByRule)) {
      blocksByRule[rule] = (blocksByRule[rule] ?? 0) + count;
    }
  }
  return { verdicts: activities.flatMap((a) => a.verdicts), totals, blocksByRule };
}

/** The values when no piece lacks one, else null. */
function _everyPiece<T>(values: readonly (T | null)[]): T[] | null {
  const present = values.filter((v): v is T => v !== null);
  return present.length === values.length ? present : null;
}

/**
 * The cash whole-share rounding left uninvested over every piece: rebalances summed, the
 * last rebalance's cash scaled like the last piece, the mean share weighted by each
 * piece's rebalances, the largest share of all.
 */
export function joinWholeShareCash(
  results: readonly RunResult[],
  lastScale: number,
): WholeShareCash | null {
  const parts = results.map((r) => r.wholeShareCash);
  if (parts.length === 0 || parts.some((p) => p === null || p === undefined)) return null;
  const all = parts as WholeShareCash[];
  const rebalances = all.reduce((n, p) => n + p.rebalances, 0);
  const last = all[all.length - 1] as WholeShareCash;
  return {
    rebalances,
    last: last.last * lastScale,
    lastShare: last.lastShare,
    averageShare: rebalances === 0
      ? 0
      : all.reduce((sum, p) => sum + p.averageShare * p.rebalances, 0) / rebalances,
    maxShare: all.reduce((m, p) => Math.max(m, p.maxShare), 0),
  };
}

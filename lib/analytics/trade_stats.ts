/**
 * Statistics of closed round trips: win rate, profit factor, average win and
 * loss, and Van Tharp's System Quality Number.
 *
 * A win is a trade with pnl above 0, a loss one below 0; a trade at exactly 0
 * counts in `count` (and so lowers the win rate) but is neither.
 *
 * @module
 */

import { finiteOrNull, mean, populationStdev } from "./statistics.ts";

/**
 * What the statistics read of a closed trade: its pnl after commissions. The
 * engine's `Trade` (lib/engine/types.ts) fits this shape.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type TradePnl, tradeStats } from "./mod.ts";
 *
 * const trades: TradePnl[] = [{ pnl: 12.5 }, { pnl: -4 }];
 * assert.equal(tradeStats(trades).wins, 1);
 * ```
 */
export type TradePnl = {
  /** Profit and loss after commissions. */
  readonly pnl: number;
};

/**
 * Trade statistics. Ratios that are undefined (no trades, no losses, fewer than
 * two trades for the SQN) are null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type TradeStats, tradeStats } from "./mod.ts";
 *
 * const none: TradeStats = tradeStats([]);
 * assert.equal(none.count, 0);
 * assert.equal(none.winRate, null);
 * ```
 */
export type TradeStats = {
  /** Closed trades. */
  readonly count: number;
  /** Trades with pnl > 0. */
  readonly wins: number;
  /** Trades with pnl < 0. */
  readonly losses: number;
  /** wins / count. */
  readonly winRate: number | null;
  /** Sum of the winning pnl (>= 0). */
  readonly grossProfit: number;
  /** Sum of the losing pnl (<= 0). */
  readonly grossLoss: number;
  /** grossProfit / |grossLoss|; null without a losing trade. */
  readonly profitFactor: number | null;
  /** Mean pnl of the wins. */
  readonly averageWin: number | null;
  /** Mean pnl of the losses (negative). */
  readonly averageLoss: number | null;
  /** System Quality Number: sqrt(count) * mean(pnl) / stdev(pnl), population stdev. */
  readonly sqn: number | null;
};

/**
 * Statistics of closed trades, on their pnl after commissions.
 *
 * SQN follows backtrader's `SQN` analyzer: `sqrt(N) * mean(pnl) / stdev(pnl)`
 * with the population standard deviation (backtrader's `standarddev`, divisor
 * N) and null when that deviation is 0 (below 1e-12 of the largest |pnl|: the
 * rounding left by equal pnl). Where backtrader reports 0 for fewer than two
 * trades, this reports null: the number is undefined there.
 * Throws `RangeError` when a pnl is not a finite number.
 *
 * @example Three trades: +30, -10, +20
 * ```ts
 * import assert from "node:assert/strict";
 * import { tradeStats } from "./mod.ts";
 *
 * const stats = tradeStats([{ pnl: 30 }, { pnl: -10 }, { pnl: 20 }]);
 * assert.equal(stats.winRate, 2 / 3);
 * assert.equal(stats.profitFactor, 50 / 10);
 * assert.equal(stats.averageWin, 25);
 * assert.equal(stats.averageLoss, -10);
 * // mean 40/3; population variance ((50/3)^2 + (70/3)^2 + (20/3)^2) / 3 = 7800/27
 * assert.ok(Math.abs((stats.sqn ?? NaN) - Math.sqrt(3) * (40 / 3) / Math.sqrt(7800 / 27)) < 1e-12);
 * ```
 */
export function tradeStats(trades: readonly TradePnl[]): TradeStats {
  const pnl = new Float64Array(trades.length);
  let wins = 0, losses = 0, grossProfit = 0, grossLoss = 0;
  for (let i = 0; i < trades.length; i++) {
    const p = trades[i]?.pnl ?? NaN;
    if (!Number.isFinite(p)) {
      throw new RangeError(
        `Cannot compute trade statistics as trades[${i}].pnl must be a finite number: current value is ${p}`,
      );
    }
    pnl[i] = p;
    if (p > 0) {
      wins++;
      grossProfit += p;
    } else if (p < 0) {
      losses++;
      grossLoss += p;
    }
  }
  const count = trades.length;
  return {
    count,
    wins,
    losses,
    winRate: count > 0 ? wins / count : null,
    grossProfit,
    grossLoss,
    profitFactor: losses > 0 ? finiteOrNull(grossProfit / -grossLoss) : null,
    averageWin: wins > 0 ? grossProfit / wins : null,
    averageLoss: losses > 0 ? grossLoss / losses : null,
    sqn: _systemQualityNumber(pnl),
  };
}

const _NEGLIGIBLE_RELATIVE_STDEV = 1e-12;

function _systemQualityNumber(pnl: Float64Array): number | null {
  if (pnl.length < 2) return null;
  const stdev = populationStdev(pnl);
  // Equal pnl (0.1, 0.1, 0.1) leave a rounding residue near 1e-17 rather than 0:
  // a deviation this small next to the pnl themselves is no deviation.
  let largest = 0;
  for (const p of pnl) largest = Math.max(largest, Math.abs(p));
  if (!(stdev > _NEGLIGIBLE_RELATIVE_STDEV * largest)) return null;
  return finiteOrNull(Math.sqrt(pnl.length) * mean(pnl) / stdev);
}

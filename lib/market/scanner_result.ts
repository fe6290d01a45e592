/**
 * What the scanner reports: one row per asset, scan day and timeframe, with the
 * columns of the seed's `scanner_historical` table (ticker, market, confidence,
 * timeframe, date, strength, volume_ratio, price_change, volatility) plus the
 * condition and its direction.
 *
 * @module
 */
import type { Interval } from "../data/bars.ts";
import type { MarketCondition, TrendDirection } from "./conditions.ts";

/** A bar interval, or "multi" for the combination of several. */
export type ScanTimeframe = Interval | "multi";

/** The scanner's finding for one asset on one day. */
export type ScanResult = {
  readonly ticker: string;
  /** The asset's market, from the scanner options (default "default"). */
  readonly market: string;
  /** ISO date of the scan day (the close it was made at), whatever the timeframe. */
  readonly date: string;
  readonly timeframe: ScanTimeframe;
  readonly condition: MarketCondition;
  readonly trendDirection: TrendDirection;
  /** 0-1: how well the evidence supports the condition. */
  readonly confidence: number;
  /** 0-1: how strong the move is. */
  readonly strength: number;
  /** Volume against its 20-bar average (NaN without volume data). */
  readonly volumeRatio: number;
  /** Price change over the lookback, a fraction (0.05 = +5%). */
  readonly priceChange: number;
  /** Annualised realised volatility, a fraction. */
  readonly volatility: number;
  /** For a "multi" result, the per-timeframe results it combines; empty otherwise. */
  readonly parts: readonly ScanResult[];
};

/**
 * Test helpers: hand-built scans and regime contexts for the stage, event and
 * strategy tests. Used only by tests.
 *
 * A scan built here has no price change and no volatility (NaN), so its
 * technical score has only the scan and strength components (weights 0.4 and
 * 0.1 of lib/portfolio/technical_score.ts) and works out by hand as
 * `0.5 + 0.4·d·confidence + 0.1·d·strength`, d = +1 (trending up, breakout),
 * -1 (trending down, breakdown) or 0 (ranging). See {@link handScore}.
 *
 * @module
 */
import type { MarketCondition, TrendDirection } from "../../market/conditions.ts";
import type { RegimeContext, RegimeName, RegimeTransition } from "../../market/regime.ts";
import type { ScanResult } from "../../market/scanner_result.ts";

/** A scan of `ticker` with NaN price change and volatility (see the module doc). */
export function testScan(
  ticker: string,
  condition: MarketCondition,
  confidence: number,
  strength: number,
  direction: TrendDirection = "up",
): ScanResult {
  return {
    ticker,
    market: "default",
    date: "2024-01-01",
    timeframe: "multi",
    condition,
    trendDirection: direction,
    confidence,
    strength,
    volumeRatio: NaN,
    priceChange: NaN,
    volatility: NaN,
    parts: [],
  };
}

/** The technical score of a {@link testScan} by hand: 0.5 + 0.4·d·confidence + 0.1·d·strength. */
export function handScore(d: -1 | 0 | 1, confidence: number, strength: number): number {
  return 0.5 + 0.4 * d * confidence + 0.1 * d * strength;
}

/** A regime context (null regime: warming up), with an optional transition. */
export function testRegime(
  regime: RegimeName | null,
  buckets: readonly string[],
  options: { readonly date?: string; readonly transition?: RegimeTransition } = {},
): RegimeContext {
  const reading = { regime, growthSignal: NaN, inflationSignal: NaN };
  return {
    date: options.date ?? "2024-01-01",
    regime,
    confidence: 0.8,
    stability: 0.9,
    timeframes: { "1d": reading, "1w": reading },
    agreement: 1,
    ...(options.transition ? { transition: options.transition } : {}),
    source: "computed",
    buckets,
  };
}

/** A transition to `to` on its day (ageDays 0); critical ones carry override authority. */
export function testTransition(
  from: RegimeName,
  to: RegimeName,
  severity: RegimeTransition["severity"],
  ageDays = 0,
): RegimeTransition {
  const critical = severity === "critical";
  return {
    date: "2024-01-01",
    from,
    to,
    severity,
    overrideAuthority: critical,
    bypasses: critical ? ["grace_period", "holding_period", "whipsaw"] : [],
    ageDays,
  };
}

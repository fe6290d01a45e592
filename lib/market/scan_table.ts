/**
 * The scan as people read it: readings ranked, one row per asset with its
 * buckets, and a plain-text table (what `deno task scan` prints).
 *
 * Ranking: by condition, breakout first, then trending, breakdown and ranging
 * (the actionable signals before the quiet one: a breakout is a fresh move, a
 * trend a lasting one, a breakdown a reason to sell, a range no signal); then by
 * confidence, highest first; then strength, highest first; then ticker.
 *
 * @module
 */
import { type BucketMap, bucketsOf } from "./buckets.ts";
import type { MarketCondition, TrendDirection } from "./conditions.ts";
import type { ScanOrigin, SourcedScan } from "./scanner_database.ts";
import type { ScanTimeframe } from "./scanner_result.ts";

/** Rank of each condition in the table, lowest first. */
export const CONDITION_PRIORITY: Readonly<Record<MarketCondition, number>> = {
  breakout: 0,
  trending: 1,
  breakdown: 2,
  ranging: 3,
};

/** The measures of one reading, as the table and `--json` show them. */
export type ScanMeasures = {
  readonly timeframe: ScanTimeframe;
  readonly condition: MarketCondition;
  readonly direction: TrendDirection;
  /** 0-1. */
  readonly confidence: number;
  /** 0-1; NaN when unknown. */
  readonly strength: number;
  /** Volume against its 20-bar average; NaN when unknown. */
  readonly volumeRatio: number;
  /** A fraction (0.05 = +5%); NaN when unknown. */
  readonly priceChange: number;
  /** Annualised, a fraction; NaN when unknown. */
  readonly volatility: number;
  readonly source: ScanOrigin;
};

/** One asset's row: its rank, buckets and combined reading, with the per-timeframe parts. */
export type ScanTableRow = ScanMeasures & {
  /** 1 for the first row. */
  readonly rank: number;
  readonly ticker: string;
  /** ISO date of the scan day. */
  readonly date: string;
  readonly buckets: readonly string[];
  /** Per-timeframe readings of a combined row (empty for a single-timeframe scan). */
  readonly parts: readonly ScanMeasures[];
};

/**
 * Sorts readings by the module doc's ranking (a new array).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankScans } from "./scan_table.ts";
 *
 * const ranked = rankScans([
 *   { ticker: "A", condition: "ranging", confidence: 0.9, strength: 0.1 },
 *   { ticker: "B", condition: "trending", confidence: 0.6, strength: 0.5 },
 *   { ticker: "C", condition: "trending", confidence: 0.8, strength: 0.5 },
 *   { ticker: "D", condition: "breakout", confidence: 0.5, strength: 0.7 },
 * ]);
 * assert.deepEqual(ranked.map((r) => r.ticker), ["D", "C", "B", "A"]);
 * ```
 */
export function rankScans<
  T extends {
    readonly ticker: string;
    readonly condition: MarketCondition;
    readonly confidence: number;
    readonly strength: number;
  },
>(scans: readonly T[]): T[] {
  const orNegative = (x: number) => Number.isNaN(x) ? -Infinity : x;
  return [...scans].sort((a, b) =>
    CONDITION_PRIORITY[a.condition] - CONDITION_PRIORITY[b.condition] ||
    orNegative(b.confidence) - orNegative(a.confidence) ||
    orNegative(b.strength) - orNegative(a.strength) ||
    (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0)
  );
}

/** The ranked rows of a scan, each with the buckets its ticker sits in. */
export function scanTableRows(
  scans: readonly SourcedScan[],
  buckets: BucketMap,
): ScanTableRow[] {
  return rankScans(scans).map((s, i) => ({
    rank: i + 1,
    ticker: s.ticker,
    date: s.date,
    buckets: bucketsOf(s.ticker, buckets),
    ..._measures(s),
    parts: s.parts.map(_measures),
  }));
}

const HEADERS = [
  "#",
  "ticker",
  "buckets",
  "condition",
  "dir",
  "confidence",
  "strength",
  "volume",
  "change",
  "volatility",
  "source",
] as const;

/** Columns aligned to the right (numbers). */
const RIGHT = new Set(["#", "confidence", "strength", "volume", "change", "volatility"]);

/**
 * The rows as a text table, one line each after a header: confidence and strength
 * with 2 decimals, volume ratio as `1.25x`, price change as a signed percentage,
 * volatility as a percentage, `-` for an unknown measure.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatScanTable } from "./scan_table.ts";
 *
 * const lines = formatScanTable([{
 *   rank: 1, ticker: "SPY", date: "2020-06-01", buckets: ["Risk Assets"], timeframe: "multi",
 *   condition: "trending", direction: "up", confidence: 0.8123, strength: 0.6,
 *   volumeRatio: 1.254, priceChange: 0.0512, volatility: 0.183, source: "computed", parts: [],
 * }]);
 * assert.equal(lines[0], "#  ticker  buckets      condition  dir  confidence  strength  volume  change  volatility  source");
 * assert.equal(lines[1], "1  SPY     Risk Assets  trending   up         0.81      0.60   1.25x  +5.12%       18.3%  computed");
 * ```
 */
export function formatScanTable(rows: readonly ScanTableRow[]): string[] {
  const cells = rows.map((r) => [
    String(r.rank),
    r.ticker,
    r.buckets.length > 0 ? r.buckets.join(", ") : "-",
    r.condition,
    r.direction,
    _fixed(r.confidence, 2),
    _fixed(r.strength, 2),
    Number.isFinite(r.volumeRatio) ? `${r.volumeRatio.toFixed(2)}x` : "-",
    Number.isFinite(r.priceChange)
      ? `${r.priceChange >= 0 ? "+" : ""}${(r.priceChange * 100).toFixed(2)}%`
      : "-",
    Number.isFinite(r.volatility) ? `${(r.volatility * 100).toFixed(1)}%` : "-",
    r.source,
  ]);
  const table = [[...HEADERS], ...cells];
  const widths = HEADERS.map((_, c) => Math.max(...table.map((line) => (line[c] ?? "").length)));
  return table.map((line) =>
    line.map((cell, c) => {
      const width = widths[c] ?? 0;
      return RIGHT.has(HEADERS[c] ?? "") ? cell.padStart(width) : cell.padEnd(width);
    }).join("  ").trimEnd()
  );
}

function _measures(s: SourcedScan): ScanMeasures {
  return {
    timeframe: s.timeframe,
    condition: s.condition,
    direction: s.trendDirection,
    confidence: s.confidence,
    strength: s.strength,
    volumeRatio: s.volumeRatio,
    priceChange: s.priceChange,
    volatility: s.volatility,
    source: s.source,
  };
}

function _fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "-";
}

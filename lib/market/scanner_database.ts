/**
 * Database-first scans: the seed's rule that a `scanner_historical` row for
 * (ticker, timeframe, date) is used in place of computing that reading, and the
 * conversion between scan results and the table's rows.
 *
 * Rules:
 * - Per timeframe: a row for the asset, the timeframe and the scan day gives that
 *   timeframe's reading (source "database"); a timeframe without a row is computed
 *   (source "computed"), as the scanner would.
 * - The combined reading is recomputed from the parts with the scan's weights
 *   (`combineTimeframes`), whatever their source; its source is "database" when
 *   every part came from the database, "computed" when none did, "mixed" otherwise.
 * - The day's rows are read with one query per timeframe before anything is
 *   combined. No database configured: computed, with one info line. Configured but
 *   unreachable, or the table missing: one warning, computed, no crash. Rows whose
 *   `market` column is not one of the four conditions are ignored with one warning.
 * - Units: the table keeps price change and volatility in percent (the seed's
 *   column comments), a {@link ScanResult} keeps fractions: x100 on the way in,
 *   /100 on the way out. NULL measures read as NaN; NaN measures are saved as NULL.
 * - The table has no direction column: a breakout reads as up, a breakdown as
 *   down, trending and ranging as the sign of the price change (up when it is
 *   0 or unknown, the conditions' tie rule).
 * - Design decision: only per-timeframe readings are saved, never the combined
 *   ("multi") one. The combined reading is a function of its parts and of the
 *   weights the scan was asked with; storing it would keep a second answer that
 *   could disagree with its parts once one of them is replaced. A database-first
 *   scan recombines the stored parts instead.
 *
 * @module
 */
import type { Interval } from "../data/bars.ts";
import { formatIsoDay } from "../data/dates.ts";
import { ServiceError } from "../errors.ts";
import type { ScannerReader, ScannerRecord, ScannerRow } from "../db/scanner_repository.ts";
import { MARKET_CONDITIONS, type MarketCondition } from "./conditions.ts";
import type { RegimeLogger } from "./regime_provider.ts";
import { combineTimeframes } from "./scanner_combine.ts";
import type { ScanHistory } from "./scanner_history.ts";
import type { ScanResult } from "./scanner_result.ts";

/** Where a reading came from; "mixed" is a combined reading with parts from both. */
export type ScanOrigin = "computed" | "database" | "mixed";

/** A scan result with where it came from; a combined one's parts carry their own source. */
export type SourcedScan = Omit<ScanResult, "parts"> & {
  readonly source: ScanOrigin;
  readonly parts: readonly SourcedScan[];
};

/** Where the scan's notes go (scripts print them on stderr; tests collect them). */
export type ScanLogger = RegimeLogger;

/** What {@link scanDatabaseFirst} needs. */
export type DatabaseFirstScanInit = {
  /** The scan history of the market (its options give the timeframes and weights). */
  readonly history: ScanHistory;
  /** Day index of the scan on the history's calendar. */
  readonly t: number;
  /** Asset indexes to scan (default: every asset, in order). */
  readonly assets?: readonly number[];
  /** The scanner table; undefined when no database is configured. */
  readonly database?: ScannerReader | undefined;
  /** Default: notes are dropped. */
  readonly logger?: ScanLogger;
};

/** The scan of one day, database first. */
export type DatabaseFirstScan = {
  /** ISO date of the scan day. */
  readonly date: string;
  /** One reading per asset that has a stored or computable reading, in asset order. */
  readonly scans: readonly SourcedScan[];
  /** Whether the database was read, not configured, or unavailable (warned). */
  readonly databaseStatus: "used" | "not configured" | "unavailable";
  /** Stored rows used (one per asset and timeframe). */
  readonly databaseRows: number;
};

const INTERVALS: readonly string[] = ["1h", "4h", "1d", "1w", "1mo"];
const CONDITIONS: readonly string[] = MARKET_CONDITIONS;

/**
 * The reading a stored row gives (see the module doc for units and direction), or
 * undefined when its `market` is not a condition or its timeframe not a bar interval.
 *
 * @example A stored breakout, in percent, read back as fractions
 * ```ts
 * import assert from "node:assert/strict";
 * import { scanFromRecord } from "./scanner_database.ts";
 *
 * const record = {
 *   ticker: "TSLA", market: "breakout", confidence: 0.89, timeframe: "1d", date: "2024-07-26",
 *   strength: 0.92, volumeRatio: 2.15, priceChange: 4.5, volatility: null,
 * };
 * const scan = scanFromRecord(record);
 * assert.equal(scan?.condition, "breakout");
 * assert.equal(scan?.trendDirection, "up");
 * assert.equal(scan?.priceChange, 0.045);
 * assert.ok(Number.isNaN(scan?.volatility));
 * assert.equal(scanFromRecord({ ...record, market: "bullish" }), undefined);
 * ```
 */
export function scanFromRecord(record: ScannerRecord, market = "default"): ScanResult | undefined {
  if (!CONDITIONS.includes(record.market) || !INTERVALS.includes(record.timeframe)) {
    return undefined;
  }
  const condition = record.market as MarketCondition;
  const priceChange = record.priceChange === null ? NaN : record.priceChange / 100;
  return {
    ticker: record.ticker,
    market,
    date: record.date,
    timeframe: record.timeframe as Interval,
    condition,
    trendDirection: condition === "breakout"
      ? "up"
      : condition === "breakdown" || priceChange < 0
      ? "down"
      : "up",
    confidence: record.confidence,
    strength: record.strength ?? NaN,
    volumeRatio: record.volumeRatio ?? NaN,
    priceChange,
    volatility: record.volatility === null ? NaN : record.volatility / 100,
    parts: [],
  };
}

/**
 * The rows to save for `scans`: every computed per-timeframe reading (the parts of a
 * combined one, or the reading itself), never the combined reading nor one read from
 * the database (see the module doc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scannerRowsOf } from "./scanner_database.ts";
 *
 * const part = {
 *   ticker: "SPY", market: "default", date: "2020-06-01", condition: "trending",
 *   trendDirection: "up", confidence: 0.8, strength: 0.6, volumeRatio: NaN,
 *   priceChange: 0.05, volatility: 0.2, parts: [],
 * } as const;
 * const rows = scannerRowsOf([{
 *   ...part, timeframe: "multi", source: "mixed",
 *   parts: [{ ...part, timeframe: "1d", source: "computed" }, { ...part, timeframe: "1w", source: "database" }],
 * }]);
 * assert.deepEqual(rows, [{
 *   ticker: "SPY", market: "trending", confidence: 0.8, timeframe: "1d", date: "2020-06-01",
 *   strength: 0.6, volumeRatio: null, priceChange: 5, volatility: 20,
 * }]);
 * ```
 */
export function scannerRowsOf(scans: readonly SourcedScan[]): ScannerRow[] {
  const finite = (x: number, scale: number) => Number.isFinite(x) ? x * scale : null;
  return scans
    .flatMap((s) => s.timeframe === "multi" ? s.parts : [s])
    .filter((s) => s.source === "computed" && s.timeframe !== "multi")
    .map((s) => ({
      ticker: s.ticker,
      market: s.condition,
      confidence: s.confidence,
      timeframe: s.timeframe,
      date: s.date,
      strength: finite(s.strength, 1),
      volumeRatio: finite(s.volumeRatio, 1),
      // Rounded to the column's 4 decimals so that x100 adds no binary noise to the stored value.
      priceChange: _round4(finite(s.priceChange, 100)),
      volatility: _round4(finite(s.volatility, 100)),
    }));
}

/**
 * Scans day `t`, database first (see the module doc).
 *
 * @example Without a database, the computed scan with one info line
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { Panel } from "../data/panel.ts";
 * import { scanHistory } from "./scanner_history.ts";
 * import { scanDatabaseFirst } from "./scanner_database.ts";
 *
 * const rows = Array.from({ length: 300 }, (_, i) => {
 *   const close = 100 * 1.01 ** i;
 *   return { time: (19_000 + i) * 86_400_000, open: close / 1.005, high: close * 1.004,
 *     low: close / 1.01, close, adjClose: close, volume: 1e6 };
 * });
 * const history = scanHistory(Panel.fromSeries([seriesFromRows("UP", "1d", rows)]), {
 *   timeframes: { "1d": 1 }, weekDays: 7,
 * });
 * const notes: string[] = [];
 * const scan = await scanDatabaseFirst({
 *   history, t: 299, logger: { info: (m) => notes.push(m), warn: (m) => notes.push(m) },
 * });
 * assert.equal(scan.databaseStatus, "not configured");
 * assert.equal(scan.scans[0]?.condition, "trending");
 * assert.equal(scan.scans[0]?.source, "computed");
 * assert.equal(notes.length, 1);
 * ```
 */
export async function scanDatabaseFirst(init: DatabaseFirstScanInit): Promise<DatabaseFirstScan> {
  const { history, t } = init;
  const logger = init.logger ?? { info: () => {}, warn: () => {} };
  if (!(Number.isInteger(t) && t >= 0 && t < history.days.length)) {
    throw new RangeError(
      `Cannot scan as t must be a day index in [0, ${history.days.length}): current value is ${t}`,
    );
  }
  const date = formatIsoDay(history.days[t] as number);
  const assets = init.assets ?? history.tickers.map((_, a) => a);
  const tickers = assets.map((a) => history.tickers[a] as string);
  const weights = history.options.timeframes;
  const fetched = await _fetch(init.database, logger, date, tickers, weights);
  const stored = new Map<string, ScanResult>();
  for (const record of fetched.records) {
    const market = history.options.markets[record.ticker] ?? history.options.defaultMarket;
    const scan = scanFromRecord(record, market);
    if (scan !== undefined) stored.set(_key(scan.ticker, scan.timeframe), scan);
  }
  const scans: SourcedScan[] = [];
  let databaseRows = 0;
  for (const a of assets) {
    const computed = history.resultAt(a, t);
    const computedParts = computed === undefined
      ? []
      : computed.parts.length > 0
      ? computed.parts
      : [computed];
    const ticker = history.tickers[a] as string;
    const parts = weights.flatMap(({ timeframe, weight }) => {
      const fromDatabase = stored.get(_key(ticker, timeframe));
      if (fromDatabase !== undefined) {
        return [{ weight, result: _sourced(fromDatabase, "database") }];
      }
      const part = computedParts.find((p) => p.timeframe === timeframe);
      return part === undefined ? [] : [{ weight, result: _sourced(part, "computed") }];
    });
    const head = parts[0];
    if (head === undefined) continue;
    const fromDatabase = parts.filter((p) => p.result.source === "database").length;
    databaseRows += fromDatabase;
    if (weights.length === 1) {
      scans.push(head.result);
      continue;
    }
    scans.push({
      ticker,
      market: head.result.market,
      date,
      timeframe: "multi",
      ...combineTimeframes(parts),
      source: fromDatabase === 0
        ? "computed"
        : fromDatabase === parts.length
        ? "database"
        : "mixed",
      parts: parts.map((p) => p.result),
    });
  }
  return { date, scans, databaseStatus: fetched.status, databaseRows };
}

async function _fetch(
  database: ScannerReader | undefined,
  logger: ScanLogger,
  date: string,
  tickers: readonly string[],
  weights: readonly { readonly timeframe: Interval }[],
): Promise<{ records: readonly ScannerRecord[]; status: DatabaseFirstScan["databaseStatus"] }> {
  if (database === undefined) {
    logger.info(
      "scanner: no database configured (DATABASE_URL, DB_HOST); scans computed from market data",
    );
    return { records: [], status: "not configured" };
  }
  const records: ScannerRecord[] = [];
  try {
    for (const { timeframe } of weights) {
      records.push(...await database.listScanner({ from: date, to: date, timeframe, tickers }));
    }
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    logger.warn(`scanner: ${error.message}; scans computed from market data`);
    return { records: [], status: "unavailable" };
  }
  const unknown = records.filter((r) => !CONDITIONS.includes(r.market));
  const first = unknown[0];
  if (first !== undefined) {
    logger.warn(
      `scanner: ${unknown.length} scanner_historical row(s) with an unknown condition ignored (first: ${first.ticker} ${first.timeframe} on ${first.date}: ${
        JSON.stringify(first.market)
      })`,
    );
  }
  return { records, status: "used" };
}

function _sourced(scan: ScanResult, source: "computed" | "database"): SourcedScan {
  return { ...scan, source, parts: [] };
}

function _key(ticker: string, timeframe: string): string {
  return `${ticker}\u0000${timeframe}`;
}

function _round4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e4) / 1e4;
}

/**
 * The `scanner_historical` table: one market condition per (ticker, timeframe,
 * date), the seed's "database first" source of scanner results.
 *
 * Design decision: rows go in as one JSON parameter expanded by
 * `json_to_recordset`, so a batch of any size is one statement (no limit of
 * 65,535 bind parameters) and an upsert either writes every row or none.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { parseIsoDay } from "../data/dates.ts";
import { type Database, guardQuery } from "./database.ts";

/** A scanner reading to store; optional measures are stored as NULL. */
export type ScannerRow = {
  /** At most 10 characters. */
  readonly ticker: string;
  /** Market condition ("trending", "ranging", "breakout", "breakdown"), at most 20 characters. */
  readonly market: string;
  /** 0..1. */
  readonly confidence: number;
  /** At most 5 characters; default "1d". */
  readonly timeframe?: string;
  /** ISO date. */
  readonly date: string;
  /** 0..1. */
  readonly strength?: number | null;
  /** Volume over its average; below 100,000. */
  readonly volumeRatio?: number | null;
  /** Price change in percent; below 10,000 in size. */
  readonly priceChange?: number | null;
  /** Volatility in percent; below 10,000 in size. */
  readonly volatility?: number | null;
};

/** A stored scanner reading, every field filled (null for a NULL column). */
export type ScannerRecord = {
  readonly ticker: string;
  readonly market: string;
  readonly confidence: number;
  readonly timeframe: string;
  readonly date: string;
  readonly strength: number | null;
  readonly volumeRatio: number | null;
  readonly priceChange: number | null;
  readonly volatility: number | null;
};

/** Which rows to read: a date range, a timeframe, and optionally some tickers. */
export type ScannerQuery = {
  /** ISO date, included. */
  readonly from: string;
  /** ISO date, included. */
  readonly to: string;
  /** Default "1d". */
  readonly timeframe?: string;
  /** Default: every ticker. */
  readonly tickers?: readonly string[];
};

/** Reads scanner rows: what a scanner needs from a database. */
export interface ScannerReader {
  /** Rows matching the query, by ticker then date. Throws a ServiceError. */
  listScanner(query: ScannerQuery): Promise<readonly ScannerRecord[]>;
}

/**
 * Inserts or updates rows in one statement (a row for the same ticker, timeframe
 * and date is replaced, `updated_at` set to now); returns the number of rows
 * written. Within the batch the last row for a key wins. Bad rows: an
 * {@link InputError} listing each, and nothing written.
 */
export async function upsertScannerRows(
  db: Database,
  rows: readonly ScannerRow[],
): Promise<number> {
  const problems = rows.flatMap(_problems);
  if (problems.length > 0) throw new InputError(problems);
  const byKey = new Map<string, ScannerRecord>();
  for (const r of rows) {
    const record = _record(r);
    byKey.set(`${record.ticker}\u0000${record.timeframe}\u0000${record.date}`, record);
  }
  if (byKey.size === 0) return 0;
  const payload = JSON.stringify([...byKey.values()]);
  const written = await guardQuery(db, "upsert scanner rows", () =>
    db.sql`
      INSERT INTO scanner_historical AS s (ticker, market, confidence, timeframe, date, strength,
        volume_ratio, price_change, volatility)
      SELECT ticker, market, confidence::numeric, timeframe, date::date, strength::numeric,
        "volumeRatio"::numeric, "priceChange"::numeric, volatility::numeric
      FROM json_to_recordset(${payload}::text::json) AS x(ticker text, market text, confidence float8,
        timeframe text, date text, strength float8, "volumeRatio" float8, "priceChange" float8,
        volatility float8)
      ON CONFLICT (ticker, timeframe, date) DO UPDATE SET market = excluded.market,
        confidence = excluded.confidence, strength = excluded.strength,
        volume_ratio = excluded.volume_ratio, price_change = excluded.price_change,
        volatility = excluded.volatility, updated_at = CURRENT_TIMESTAMP`);
  return written.count;
}

/** Rows matching `query`, by ticker then date. */
export async function listScannerRows(
  db: Database,
  query: ScannerQuery,
): Promise<ScannerRecord[]> {
  if (Number.isNaN(parseIsoDay(query.from)) || Number.isNaN(parseIsoDay(query.to))) {
    throw new RangeError(
      `Cannot list rows as from and to must be ISO dates: current value is ${query.from}..${query.to}`,
    );
  }
  const timeframe = query.timeframe ?? "1d";
  const tickers = query.tickers === undefined ? null : [...query.tickers];
  const rows = await guardQuery(db, "read scanner rows", () =>
    db.sql<ScannerRecord[]>`
      SELECT ticker, market, confidence::float8 AS confidence, timeframe,
        to_char(date, 'YYYY-MM-DD') AS date, strength::float8 AS strength,
        volume_ratio::float8 AS "volumeRatio", price_change::float8 AS "priceChange",
        volatility::float8 AS volatility
      FROM scanner_historical
      WHERE timeframe = ${timeframe} AND date BETWEEN ${query.from}::date AND ${query.to}::date
        AND (${tickers === null} OR ticker = ANY(${tickers ?? []}::text[]))
      ORDER BY ticker, date`);
  return rows.map((r) => ({ ...r }));
}

/** A {@link ScannerReader} over an open database. */
export function scannerReader(db: Database): ScannerReader {
  return { listScanner: (query) => listScannerRows(db, query) };
}

function _record(r: ScannerRow): ScannerRecord {
  return {
    ticker: r.ticker,
    market: r.market,
    confidence: r.confidence,
    timeframe: r.timeframe ?? "1d",
    date: r.date,
    strength: r.strength ?? null,
    volumeRatio: r.volumeRatio ?? null,
    priceChange: r.priceChange ?? null,
    volatility: r.volatility ?? null,
  };
}

/** Column limits of the seed's DDL: text lengths, and the largest size a DECIMAL(p, s) holds. */
const LIMITS = {
  text: { ticker: 10, market: 20, timeframe: 5 },
  number: { volumeRatio: 99_999.999, priceChange: 9_999.9999, volatility: 9_999.9999 },
} as const;

function _problems(row: ScannerRow, i: number): string[] {
  const at = `scanner row ${i + 1}`;
  const out: string[] = [];
  const text = { ticker: row.ticker, market: row.market, timeframe: row.timeframe ?? "1d" };
  for (const [name, max] of Object.entries(LIMITS.text)) {
    const v = text[name as keyof typeof text];
    if (v.length === 0 || v.length > max) {
      out.push(`${at}: ${name} must have 1 to ${max} characters, got "${v}"`);
    }
  }
  if (Number.isNaN(parseIsoDay(row.date))) out.push(`${at}: date "${row.date}" is not YYYY-MM-DD`);
  for (const [name, v] of [["confidence", row.confidence], ["strength", row.strength]] as const) {
    if (v !== undefined && v !== null && !(v >= 0 && v <= 1)) {
      out.push(`${at}: ${name} ${v} must be in [0, 1]`);
    }
  }
  for (const [name, max] of Object.entries(LIMITS.number)) {
    const v = row[name as keyof typeof LIMITS.number];
    if (v !== undefined && v !== null && !(Math.abs(v) <= max)) {
      out.push(`${at}: ${name} ${v} must be a number no larger than ${max} in size`);
    }
  }
  return out;
}

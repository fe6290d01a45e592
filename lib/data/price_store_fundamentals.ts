/**
 * The price store's `fundamentals` table (see price_store_schema.ts): checking
 * rows before a write, upserting them by ticker and period end, reading them
 * back. An unknown figure is NaN in a {@link FundamentalRow} and NULL in the
 * table. {@link PriceStore} wraps these in its transactions.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { parseIsoDay } from "./dates.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import type { MergeCounts } from "./series_merge.ts";
import { ProblemList } from "./validate.ts";

const FIGURES = [
  ["pe", "pe"],
  ["pb", "pb"],
  ["roe", "roe"],
  ["debtToEquity", "debt_to_equity"],
  ["profitMargin", "profit_margin"],
  ["revenueGrowth", "revenue_growth"],
  ["epsGrowth", "eps_growth"],
] as const;

const COLUMNS = `ticker, period_end, filing_date, ${FIGURES.map((f) => f[1]).join(", ")}`;

/**
 * Adds to `problems` every way `rows` cannot be stored: an empty ticker, a date
 * that is not `YYYY-MM-DD`, a filing before its period end, an infinite figure,
 * a ticker and period end given twice. `source` starts each line.
 */
export function collectFundamentalProblems(
  rows: readonly FundamentalRow[],
  source: string,
  problems: ProblemList,
): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = `${source} fundamentals row ${i + 1} (${row.ticker} ${row.periodEnd})`;
    if (!/^\S+$/.test(row.ticker)) problems.add(`${at}: ticker must be a non-empty word`);
    const end = parseIsoDay(row.periodEnd), filed = parseIsoDay(row.filingDate);
    if (Number.isNaN(end)) problems.add(`${at}: periodEnd is not a YYYY-MM-DD date`);
    if (Number.isNaN(filed)) {
      problems.add(`${at}: filingDate ${row.filingDate} is not a YYYY-MM-DD date`);
    }
    if (filed < end) {
      problems.add(`${at}: filingDate ${row.filingDate} is before the period end`);
    }
    for (const [field] of FIGURES) {
      const value = row[field];
      if (typeof value !== "number" || value === Infinity || value === -Infinity) {
        problems.add(`${at}: ${field} ${value} is not a finite number or NaN`);
      }
    }
    const key = `${row.ticker} ${row.periodEnd}`;
    if (seen.has(key)) problems.add(`${at}: given twice in one write`);
    seen.add(key);
  });
}

/** Upserts checked `rows` (no transaction of its own), counting what changed. */
export function writeFundamentalRows(
  db: DatabaseSync,
  rows: readonly FundamentalRow[],
): MergeCounts {
  const get = db.prepare(`SELECT ${COLUMNS} FROM fundamentals WHERE ticker = ? AND period_end = ?`);
  const put = db.prepare(
    `INSERT OR REPLACE INTO fundamentals (${COLUMNS}) VALUES (${
      Array(3 + FIGURES.length).fill("?").join(", ")
    })`,
  );
  let added = 0, unchanged = 0, replaced = 0;
  for (const row of rows) {
    const old = get.get(row.ticker, row.periodEnd);
    if (old !== undefined && _same(_rowOf(old), row)) {
      unchanged++;
      continue;
    }
    if (old === undefined) added++;
    else replaced++;
    put.run(
      row.ticker,
      row.periodEnd,
      row.filingDate,
      ...FIGURES.map(([field]) => Number.isNaN(row[field]) ? null : row[field]),
    );
  }
  return { added, unchanged, replaced };
}

/**
 * The stored rows of `tickers` ("all" for every ticker), by ticker then period
 * end; none when the table is absent (a store written before it existed, opened
 * read-only).
 */
export function readFundamentalRows(
  db: DatabaseSync,
  tickers: readonly string[] | "all",
): FundamentalRow[] {
  const table = db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fundamentals'",
  ).get();
  if (table === undefined) return [];
  const all = db.prepare(`SELECT ${COLUMNS} FROM fundamentals ORDER BY ticker, period_end`).all();
  const wanted = tickers === "all" ? undefined : new Set(tickers);
  return all.map(_rowOf).filter((row) => wanted === undefined || wanted.has(row.ticker));
}

function _rowOf(r: Record<string, unknown>): FundamentalRow {
  const n = (value: unknown) => (value === null ? NaN : Number(value));
  return {
    ticker: String(r.ticker),
    periodEnd: String(r.period_end),
    filingDate: String(r.filing_date),
    pe: n(r.pe),
    pb: n(r.pb),
    roe: n(r.roe),
    debtToEquity: n(r.debt_to_equity),
    profitMargin: n(r.profit_margin),
    revenueGrowth: n(r.revenue_growth),
    epsGrowth: n(r.eps_growth),
  };
}

function _same(a: FundamentalRow, b: FundamentalRow): boolean {
  const same = (x: number, y: number) => x === y || (Number.isNaN(x) && Number.isNaN(y));
  return a.filingDate === b.filingDate && FIGURES.every(([f]) => same(a[f], b[f]));
}

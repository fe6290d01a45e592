/**
 * Point-in-time fundamentals: an index over quarterly reports that answers
 * "what did the market know about this company on that day". A report counts
 * from its filing date, never from its period end: the figures of a quarter
 * ending 2011-03-31 and filed 2011-05-12 are invisible on 2011-04-15.
 *
 * @module
 */
import type { FundamentalRow } from "../data/fixture_types.ts";
import { parseIsoDay } from "../data/dates.ts";

/**
 * One report of one company, as the fixture loader and the fundamentals source
 * give it: the data layer's `FundamentalRow` (dates ISO `YYYY-MM-DD`, an unknown
 * figure NaN), named here for what scoring reads.
 */
export type FundamentalFigures = FundamentalRow;

/** Options of {@link FundamentalsIndex.latestAsOf}. */
export type LatestAsOfOptions = {
  /** Ignore a report filed more than this many days before the date. Default Infinity. */
  readonly maxAgeDays?: number;
};

/**
 * Reports by ticker, sorted by filing date (ties: the later period end last, so
 * it wins), built once and queried per rebalance day in O(log n).
 *
 * @example A figure is invisible before its filing date, even after its period end
 * ```ts
 * import assert from "node:assert/strict";
 * import { FundamentalsIndex } from "./fundamentals_index.ts";
 *
 * const row = {
 *   ticker: "AAPL", periodEnd: "2011-03-31", filingDate: "2011-05-12",
 *   pe: 15, pb: 5, roe: 0.33, debtToEquity: 0.31, profitMargin: 0.24,
 *   revenueGrowth: 0.26, epsGrowth: 0.54,
 * };
 * const index = FundamentalsIndex.fromRows([row]);
 * assert.equal(index.latestAsOf("AAPL", "2011-04-15"), null);
 * assert.equal(index.latestAsOf("AAPL", "2011-05-12"), row);
 * assert.equal(index.latestAsOf("MSFT", "2011-05-12"), null);
 * ```
 */
export class FundamentalsIndex {
  readonly #byTicker: ReadonlyMap<string, _Reports>;
  /**
   * Day numbers of the dates asked for: one rebalance asks for every scored asset on the
   * same date, and the runs of a sweep share the index, so each date is parsed once.
   */
  readonly #days = new Map<string, number>();

  private constructor(byTicker: ReadonlyMap<string, _Reports>) {
    this.#byTicker = byTicker;
  }

  /**
   * Indexes `rows` (any order). Throws a RangeError when a filing date is not a
   * real ISO date: rows come validated from a loader, so this is a bug.
   */
  static fromRows(rows: readonly FundamentalFigures[]): FundamentalsIndex {
    const grouped = new Map<string, FundamentalFigures[]>();
    for (const row of rows) {
      _day(row.filingDate, `filingDate of ${row.ticker} ${row.periodEnd}`);
      let list = grouped.get(row.ticker);
      if (list === undefined) grouped.set(row.ticker, list = []);
      list.push(row);
    }
    const byTicker = new Map<string, _Reports>();
    for (const [ticker, list] of grouped) {
      list.sort((a, b) =>
        _compare(a.filingDate, b.filingDate) || _compare(a.periodEnd, b.periodEnd)
      );
      byTicker.set(ticker, {
        rows: list,
        filingDays: Int32Array.from(list, (r) => parseIsoDay(r.filingDate)),
      });
    }
    return new FundamentalsIndex(byTicker);
  }

  /** Tickers with at least one report, sorted. */
  tickers(): string[] {
    return [...this.#byTicker.keys()].sort();
  }

  /**
   * The last report of `ticker` filed on or before `date` (ISO), or null when
   * none was filed yet (or the last is older than `maxAgeDays`).
   */
  latestAsOf(
    ticker: string,
    date: string,
    options: LatestAsOfOptions = {},
  ): FundamentalFigures | null {
    let day = this.#days.get(date);
    if (day === undefined) this.#days.set(date, day = _day(date, "date"));
    const reports = this.#byTicker.get(ticker);
    if (reports === undefined) return null;
    const i = _lastAtOrBefore(reports.filingDays, day);
    if (i < 0) return null;
    const filed = reports.filingDays[i] ?? NaN;
    if (day - filed > (options.maxAgeDays ?? Infinity)) return null;
    return reports.rows[i] ?? null;
  }
}

type _Reports = { readonly rows: readonly FundamentalFigures[]; readonly filingDays: Int32Array };

function _compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function _day(text: string, name: string): number {
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) {
    throw new RangeError(
      `Cannot look up fundamentals as ${name} must be an ISO date YYYY-MM-DD: current value is ${text}`,
    );
  }
  return day;
}

/** Index of the last element <= `day` in the ascending `days`, or -1. */
function _lastAtOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? Infinity) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

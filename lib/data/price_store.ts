/**
 * The price store: bars, corporate actions and fundamentals in one SQLite file (`node:sqlite`),
 * a column per series and field (see {@link openStoreDatabase} for the layout).
 * Writes are validated first and done in one transaction; they merge by time, so
 * writing the same data twice changes nothing and a later range appends.
 *
 * @module
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { BAR_FIELDS, type BarField, type BarSeries, type Interval, INTERVALS } from "./bars.ts";
import { collectActionProblems, type CorporateAction, sortActions } from "./actions.ts";
import { formatBarTime } from "./bar_time.ts";
import { parseIsoDay } from "./dates.ts";
import { type MergeCounts, mergeSeries } from "./series_merge.ts";
import { seriesBetween } from "./series_range.ts";
import { openStoreDatabase } from "./price_store_schema.ts";
import { blobOfColumn, columnOfBlob, seriesOfColumns, STORED_COLUMNS } from "./price_columns.ts";
import { collectSeriesProblems, ProblemList } from "./validate.ts";
import { InputError } from "../errors.ts";
import { seriesDigest } from "./series_digest.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import {
  collectFundamentalProblems,
  readFundamentalRows,
  writeFundamentalRows,
} from "./price_store_fundamentals.ts";

/** What a write did to one series. */
export type SeriesWrite = MergeCounts & {
  readonly ticker: string;
  readonly interval: Interval;
  /** Bars stored after the write. */
  readonly rows: number;
};

/** What a write did: per series, and to the actions. */
export type WriteSummary = {
  readonly series: readonly SeriesWrite[];
  readonly actions: MergeCounts;
};

/** One stored series' extent. `first`/`last` as {@link formatBarTime} writes them. */
export type Coverage = {
  readonly ticker: string;
  readonly interval: Interval;
  readonly first: string;
  readonly last: string;
  readonly rows: number;
};

/**
 * Days to read, as inclusive ISO dates (`YYYY-MM-DD`); either end may be open.
 * `fields` reads only those price columns (the times always): a column store
 * need not read what a run will not look at. The others come back as NaN
 * (one shared column), so a reader of them sees "no value", never a price.
 */
export type ReadRange = {
  readonly from?: string;
  readonly to?: string;
  readonly fields?: readonly BarField[];
};

const _nanColumns = new Map<number, Float64Array>();

/** Fills the price columns a partial read left out with one shared NaN column. */
function _fillAbsent(cols: Map<string, Float64Array>): void {
  const n = cols.get("time")?.length ?? 0;
  let nan = _nanColumns.get(n);
  if (nan === undefined) {
    nan = new Float64Array(n).fill(NaN);
    _nanColumns.set(n, nan);
  }
  for (const field of BAR_FIELDS) if (!cols.has(field)) cols.set(field, nan);
}

function _onlyFields(s: BarSeries, fields: readonly BarField[]): BarSeries {
  const cols = new Map<string, Float64Array>([["time", s.time]]);
  for (const f of fields) cols.set(f, s[f]);
  _fillAbsent(cols);
  return { ...s, ...Object.fromEntries(cols) } as BarSeries;
}

function _rangeDay(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) {
    throw new RangeError(
      `Cannot read prices as ${name} must be a YYYY-MM-DD date: current value is ${text}`,
    );
  }
  return day;
}

/** A SQLite file of price series and corporate actions; see the module doc. */
export class PriceStore {
  /** The file the store lives in. */
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #columnsOf: StatementSync;
  readonly #columnsByInterval: StatementSync;
  readonly #putColumn: StatementSync;
  readonly #putSeries: StatementSync;

  private constructor(path: string, db: DatabaseSync) {
    this.path = path;
    this.#db = db;
    this.#columnsOf = db.prepare(
      "SELECT field, data FROM columns WHERE ticker = ? AND interval = ?",
    );
    this.#columnsByInterval = db.prepare(
      "SELECT ticker, field, data FROM columns WHERE interval = ? ORDER BY ticker",
    );
    this.#putColumn = db.prepare(
      "INSERT OR REPLACE INTO columns (ticker, interval, field, data) VALUES (?, ?, ?, ?)",
    );
    this.#putSeries = db.prepare(
      "INSERT OR REPLACE INTO series (ticker, interval, rows, first_time, last_time, digest) VALUES (?, ?, ?, ?, ?, ?)",
    );
  }

  /**
   * Opens (or, unless `readOnly`, creates) the store at `path`. A file that is not
   * a price store, or one of a newer schema, is an {@link InputError}.
   */
  static open(path: string, options: { readonly readOnly?: boolean } = {}): PriceStore {
    return new PriceStore(path, openStoreDatabase(path, options.readOnly ?? false));
  }

  /**
   * Validates every series and action, then merges them in by time in one
   * transaction (see {@link mergeSeries}); an invalid input writes nothing.
   */
  write(series: readonly BarSeries[], actions: readonly CorporateAction[] = []): WriteSummary {
    this.#checkInput(series, actions);
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const written = series.map((s) => this.#writeSeries(s));
      const actionCounts = this.#writeActions(actions);
      this.#db.exec("COMMIT");
      return { series: written, actions: actionCounts };
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  #checkInput(series: readonly BarSeries[], actions: readonly CorporateAction[]): void {
    const problems = new ProblemList();
    const seen = new Set<string>();
    for (const s of series) {
      const key = `${s.ticker} ${s.interval}`;
      if (seen.has(key)) problems.add(`${key}: given twice in one write`);
      seen.add(key);
      collectSeriesProblems(s, { source: key }, problems);
    }
    collectActionProblems(actions, { source: "actions" }, problems);
    problems.throwIfAny();
  }

  #writeSeries(s: BarSeries): SeriesWrite {
    const stored = this.#readOne(s.ticker, s.interval);
    const merged = stored === undefined
      ? { series: s, added: s.time.length, unchanged: 0, replaced: 0 }
      : mergeSeries(stored, s);
    const out = merged.series;
    const n = out.time.length;
    if (n > 0 && merged.added + merged.replaced > 0) {
      for (const field of STORED_COLUMNS) {
        this.#putColumn.run(s.ticker, s.interval, field, blobOfColumn(out[field]));
      }
      this.#putSeries.run(
        s.ticker,
        s.interval,
        n,
        out.time[0] as number,
        out.time[n - 1] as number,
        seriesDigest(out),
      );
    }
    const { added, unchanged, replaced } = merged;
    return { ticker: s.ticker, interval: s.interval, rows: n, added, unchanged, replaced };
  }

  #writeActions(actions: readonly CorporateAction[]): MergeCounts {
    const get = this.#db.prepare(
      "SELECT dividend, split FROM actions WHERE ticker = ? AND day = ?",
    );
    const put = this.#db.prepare(
      "INSERT OR REPLACE INTO actions (ticker, day, dividend, split) VALUES (?, ?, ?, ?)",
    );
    let added = 0, unchanged = 0, replaced = 0;
    for (const a of actions) {
      const old = get.get(a.ticker, a.day);
      if (old !== undefined && old.dividend === a.dividend && old.split === a.split) {
        unchanged++;
        continue;
      }
      if (old === undefined) added++;
      else replaced++;
      put.run(a.ticker, a.day, a.dividend, a.split);
    }
    return { added, unchanged, replaced };
  }

  /**
   * The stored series of `tickers` (in the order given; "all" = every ticker in
   * order) at `interval`, cut to `range`. A ticker the store lacks is an
   * {@link InputError} naming every such ticker.
   */
  read(tickers: readonly string[] | "all", interval: Interval, range: ReadRange = {}): BarSeries[] {
    const fromDay = _rangeDay(range.from, "from");
    const toDay = _rangeDay(range.to, "to");
    const full = tickers === "all"
      ? this.#readInterval(interval, range.fields)
      : this.#readMany(tickers, interval);
    const partial = tickers !== "all" && range.fields !== undefined
      ? full.map((s) => _onlyFields(s, range.fields ?? BAR_FIELDS))
      : full;
    return partial.map((s) => seriesBetween(s, fromDay, toDay));
  }

  #readMany(tickers: readonly string[], interval: Interval): BarSeries[] {
    const found: BarSeries[] = [];
    const missing: string[] = [];
    for (const ticker of tickers) {
      const s = this.#readOne(ticker, interval);
      if (s === undefined) missing.push(ticker);
      else found.push(s);
    }
    if (missing.length > 0) {
      throw new InputError(`${this.path}: no ${interval} prices for ${missing.join(", ")}`);
    }
    return found;
  }

  #readOne(ticker: string, interval: Interval): BarSeries | undefined {
    const cols = new Map<string, Float64Array>();
    for (const row of this.#columnsOf.iterate(ticker, interval)) {
      cols.set(String(row.field), columnOfBlob(row.data, this.path, ticker));
    }
    return cols.size === 0 ? undefined : seriesOfColumns(ticker, interval, cols, this.path);
  }

  #readInterval(interval: Interval, fields?: readonly BarField[]): BarSeries[] {
    const out: BarSeries[] = [];
    let ticker = "";
    let cols = new Map<string, Float64Array>();
    const finish = () => {
      if (fields !== undefined) _fillAbsent(cols);
      out.push(seriesOfColumns(ticker, interval, cols, this.path));
    };
    const rows = fields === undefined
      ? this.#columnsByInterval.iterate(interval)
      : this.#db.prepare(
        `SELECT ticker, field, data FROM columns WHERE interval = ? AND field IN (${
          ["time", ...fields].map(() => "?").join(", ")
        }) ORDER BY ticker`,
      ).iterate(interval, "time", ...fields);
    for (const row of rows) {
      const t = String(row.ticker);
      if (t !== ticker && cols.size > 0) {
        finish();
        cols = new Map();
      }
      ticker = t;
      cols.set(String(row.field), columnOfBlob(row.data, this.path, t));
    }
    if (cols.size > 0) finish();
    return out;
  }

  /** The stored actions of `tickers` ("all" for every ticker), by ticker then day. */
  actions(tickers: readonly string[] | "all" = "all"): CorporateAction[] {
    const rows = this.#db.prepare("SELECT ticker, day, dividend, split FROM actions").all();
    const wanted = tickers === "all" ? undefined : new Set(tickers);
    const out: CorporateAction[] = [];
    for (const r of rows) {
      const ticker = String(r.ticker);
      if (wanted !== undefined && !wanted.has(ticker)) continue;
      out.push({
        ticker,
        day: Number(r.day),
        dividend: Number(r.dividend),
        split: Number(r.split),
      });
    }
    return sortActions(out);
  }

  /**
   * Validates `rows` (every problem listed in one {@link InputError}), then stores
   * them by ticker and period end in one transaction: a row already stored as is
   * counts unchanged, a different one replaces it; an invalid input writes nothing.
   */
  writeFundamentals(rows: readonly FundamentalRow[]): MergeCounts {
    const problems = new ProblemList();
    collectFundamentalProblems(rows, this.path, problems);
    problems.throwIfAny();
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const counts = writeFundamentalRows(this.#db, rows);
      this.#db.exec("COMMIT");
      return counts;
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  /**
   * The stored fundamentals of `tickers` ("all" for every ticker), by ticker then
   * period end; NaN where a figure is unknown.
   */
  fundamentals(tickers: readonly string[] | "all" = "all"): FundamentalRow[] {
    return readFundamentalRows(this.#db, tickers);
  }

  /** Tickers with stored series at `interval`, sorted. */
  tickers(interval: Interval): string[] {
    return this.#db.prepare("SELECT ticker FROM series WHERE interval = ? ORDER BY ticker")
      .all(interval).map((r) => String(r.ticker));
  }

  /** Every stored series' ticker, interval, first and last bar and row count. */
  coverage(): Coverage[] {
    const rows = this.#db.prepare(
      "SELECT ticker, interval, rows, first_time, last_time FROM series ORDER BY ticker, interval",
    ).all();
    return rows.map((r) => {
      const interval = this.#interval(r.interval);
      return {
        ticker: String(r.ticker),
        interval,
        first: formatBarTime(Number(r.first_time), interval),
        last: formatBarTime(Number(r.last_time), interval),
        rows: Number(r.rows),
      };
    });
  }

  /**
   * The content digest of each stored series at `interval`, by ticker (see
   * series_digest.ts): what a run's data hash is made of, without reading prices.
   */
  digests(interval: Interval): Readonly<Record<string, string>> {
    const rows = this.#db.prepare("SELECT ticker, digest FROM series WHERE interval = ?").all(
      interval,
    );
    return Object.fromEntries(rows.map((r) => [String(r.ticker), String(r.digest)]));
  }

  #interval(value: unknown): Interval {
    const found = INTERVALS.find((i) => i === value);
    if (found === undefined) throw new InputError(`${this.path}: unknown interval ${value}`);
    return found;
  }

  /** Closes the file. The store cannot be used afterwards. */
  close(): void {
    this.#db.close();
  }
}

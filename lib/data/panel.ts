/**
 * The Panel: every asset on one calendar, column by column.
 *
 * Design decision: one Float64Array per asset and field, indexed by day, with
 * NaN where the asset has no bar that day (not listed yet, delisted, or a
 * missing day). Nothing is forward-filled: an asset without a bar on day t is
 * not tradable on day t. A {@link PanelView} at day t hands out subarrays that
 * end at t, so code holding a view cannot read a later row.
 *
 * @module
 */
import type { BarField, BarSeries } from "./bars.ts";
import { formatIsoDay, parseIsoDay } from "./dates.ts";

/** Which prices the Panel holds: as traded, or scaled by Adj Close / Close. */
export type PriceMode = "raw" | "adjusted";

/** A split or reverse split: `ratio` new shares per old share from day index `t` on. */
export type Split = { readonly t: number; readonly ratio: number };

/** Columns of one field: `[asset][day]`. */
export type FieldColumns = readonly Float64Array[];

/** Options for {@link Panel.fromSeries}. */
export type PanelOptions = {
  /** Raw as-traded prices, or adjusted (open, high, low scaled by Adj Close / Close). Default adjusted. */
  readonly prices?: PriceMode;
  /** Splits by ticker, as ex-dates (`YYYY-MM-DD`) and ratios; used by the broker on raw prices. */
  readonly splits?: Readonly<Record<string, readonly { date: string; ratio: number }[]>>;
};

/** Every asset's daily bars aligned on one calendar; see the module doc. */
export class Panel {
  /** Tickers in asset-index order. */
  readonly tickers: readonly string[];
  /** The calendar: day numbers (days since 1970-01-01), ascending. */
  readonly days: Int32Array;
  /** Price mode the columns were built with. */
  readonly prices: PriceMode;
  /** Opens by `[asset][day]`, NaN where the asset has no bar. */
  readonly open: FieldColumns;
  /** Highs by `[asset][day]`. */
  readonly high: FieldColumns;
  /** Lows by `[asset][day]`. */
  readonly low: FieldColumns;
  /** Closes by `[asset][day]` (adjusted closes in adjusted mode). */
  readonly close: FieldColumns;
  /** Adjusted closes by `[asset][day]`, whatever the mode: the total-return series. */
  readonly adjClose: FieldColumns;
  /** Volumes by `[asset][day]` (as traded). */
  readonly volume: FieldColumns;
  /** Splits by asset index (empty in adjusted mode, where prices already absorb them). */
  readonly splits: readonly (readonly Split[])[];
  readonly #index: Map<string, number>;
  /** ISO dates already formatted, by day index (see {@link dateAt}). */
  readonly #dates: (string | undefined)[] = [];

  /** A Panel from columns already on one calendar; most callers want {@link Panel.fromSeries}. */
  constructor(init: {
    tickers: readonly string[];
    days: Int32Array;
    prices: PriceMode;
    open: FieldColumns;
    high: FieldColumns;
    low: FieldColumns;
    close: FieldColumns;
    adjClose: FieldColumns;
    volume: FieldColumns;
    splits?: readonly (readonly Split[])[];
  }) {
    const nAssets = init.tickers.length;
    for (const f of ["open", "high", "low", "close", "adjClose", "volume"] as const) {
      if (init[f].length !== nAssets) {
        throw new RangeError(
          `Cannot build a Panel as field ${f} must have ${nAssets} assets: current value is ${
            init[f].length
          }`,
        );
      }
      for (const col of init[f]) {
        if (col.length !== init.days.length) {
          throw new RangeError(
            `Cannot build a Panel as every ${f} column must have ${init.days.length} days: current value is ${col.length}`,
          );
        }
      }
    }
    this.tickers = Object.freeze([...init.tickers]);
    this.days = init.days;
    this.prices = init.prices;
    this.open = init.open;
    this.high = init.high;
    this.low = init.low;
    this.close = init.close;
    this.adjClose = init.adjClose;
    this.volume = init.volume;
    this.splits = init.splits ?? init.tickers.map(() => []);
    this.#index = new Map(init.tickers.map((t, i) => [t, i]));
  }

  /**
   * Aligns daily series on the union of their dates. Tickers keep the order given.
   * Design decision: where a series already sits on the whole calendar and needs
   * no scaling, its arrays are shared rather than copied (a 500 x 5,000 panel
   * then costs no extra memory); otherwise one buffer per field holds every asset.
   */
  static fromSeries(series: readonly BarSeries[], options: PanelOptions = {}): Panel {
    const prices = options.prices ?? "adjusted";
    const days = _calendar(series);
    const nDays = days.length;
    const cols = { open: [], high: [], low: [], close: [], adjClose: [], volume: [] } as Record<
      "open" | "high" | "low" | "close" | "adjClose" | "volume",
      Float64Array[]
    >;
    const shared = series.map((s) =>
      s.time.length === nDays && (prices === "raw" || _same(s.close, s.adjClose))
    );
    const copies = shared.filter((x) => !x).length;
    let buffer: Float64Array | undefined;
    let used = 0;
    const fresh = () => {
      buffer ??= new Float64Array(nDays * 6 * copies).fill(NaN);
      const col = buffer.subarray(used, used + nDays);
      used += nDays;
      return col;
    };
    for (const [a, s] of series.entries()) {
      if (shared[a]) {
        cols.open.push(s.open), cols.high.push(s.high), cols.low.push(s.low);
        cols.close.push(prices === "raw" ? s.close : s.adjClose);
        cols.adjClose.push(s.adjClose), cols.volume.push(s.volume);
        continue;
      }
      const o = fresh(), h = fresh(), l = fresh(), c = fresh(), ac = fresh(), v = fresh();
      let t = 0;
      for (let i = 0; i < s.time.length; i++) {
        const day = Math.floor((s.time[i] as number) / 86_400_000);
        while ((days[t] as number) < day) t++;
        const close = s.close[i] as number, adj = s.adjClose[i] as number;
        const f = prices === "adjusted" ? adj / close : 1;
        o[t] = (s.open[i] as number) * f;
        h[t] = (s.high[i] as number) * f;
        l[t] = (s.low[i] as number) * f;
        c[t] = prices === "adjusted" ? adj : close;
        ac[t] = adj;
        v[t] = s.volume[i] as number;
      }
      cols.open.push(o), cols.high.push(h), cols.low.push(l);
      cols.close.push(c), cols.adjClose.push(ac), cols.volume.push(v);
    }
    const splits = series.map((s) => {
      if (prices === "adjusted") return [];
      const list = options.splits?.[s.ticker] ?? [];
      return list.flatMap((sp) => {
        const t = _indexOfDay(days, parseIsoDay(sp.date));
        return t < 0 ? [] : [{ t, ratio: sp.ratio }];
      });
    });
    return new Panel({ tickers: series.map((s) => s.ticker), days, prices, ...cols, splits });
  }

  /** Number of assets. */
  get assetCount(): number {
    return this.tickers.length;
  }

  /** Number of days on the calendar. */
  get dayCount(): number {
    return this.days.length;
  }

  /** Asset index of a ticker, or -1. */
  indexOf(ticker: string): number {
    return this.#index.get(ticker) ?? -1;
  }

  /** ISO date of day index `t`. */
  dateAt(t: number): string {
    // Formatted once per day: the day loop, the broker and the services ask for the same dates
    // over and over (and many runs of a sweep share one Panel).
    let date = this.#dates[t];
    if (date === undefined) {
      date = formatIsoDay(this.days[t] as number);
      if (t >= 0 && t < this.days.length) this.#dates[t] = date;
    }
    return date;
  }

  /** Index of the first day on or after `date` (ISO), or `dayCount` when none. */
  indexOnOrAfter(date: string): number {
    const d = parseIsoDay(date);
    let lo = 0, hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.days[mid] as number) < d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last day on or before `date` (ISO), or -1 when none. */
  indexOnOrBefore(date: string): number {
    const i = this.indexOnOrAfter(date);
    if (i < this.days.length && this.days[i] === parseIsoDay(date)) return i;
    return i - 1;
  }

  /** The column of one field for one asset (all days). */
  column(field: BarField, asset: number): Float64Array {
    return this[field][asset] as Float64Array;
  }

  /** Whether the asset has a bar (and so can trade) on day `t`. */
  tradable(asset: number, t: number): boolean {
    const c = (this.close[asset] as Float64Array)[t];
    return c !== undefined && !Number.isNaN(c);
  }

  /** A point-in-time view at day index `t`: it cannot read any later day. */
  view(t: number): PanelView {
    if (!Number.isInteger(t) || t < 0 || t >= this.days.length) {
      throw new RangeError(
        `Cannot view the Panel as t must be a day index in [0, ${this.days.length}): current value is ${t}`,
      );
    }
    return new PanelView(this, t);
  }

  /** A Panel holding only days [0, t]: what the world looked like at the close of day t. */
  truncate(t: number): Panel {
    const cut = (cols: FieldColumns) => cols.map((c) => c.slice(0, t + 1));
    return new Panel({
      tickers: this.tickers,
      days: this.days.slice(0, t + 1),
      prices: this.prices,
      open: cut(this.open),
      high: cut(this.high),
      low: cut(this.low),
      close: cut(this.close),
      adjClose: cut(this.adjClose),
      volume: cut(this.volume),
      splits: this.splits.map((list) => list.filter((s) => s.t <= t)),
    });
  }

  /** A Panel with only the named tickers, in the order given. Throws on an unknown ticker. */
  select(tickers: readonly string[]): Panel {
    const idx = tickers.map((tk) => {
      const i = this.indexOf(tk);
      if (i < 0) throw new RangeError(`Unknown ticker ${tk}`);
      return i;
    });
    const pick = (cols: FieldColumns) => idx.map((i) => cols[i] as Float64Array);
    return new Panel({
      tickers,
      days: this.days,
      prices: this.prices,
      open: pick(this.open),
      high: pick(this.high),
      low: pick(this.low),
      close: pick(this.close),
      adjClose: pick(this.adjClose),
      volume: pick(this.volume),
      splits: idx.map((i) => this.splits[i] ?? []),
    });
  }
}

/**
 * The Panel as seen at the close of day `t`. Every column it hands out is a
 * subarray ending at `t`, so reading index `t + 1` gives `undefined`.
 */
export class PanelView {
  /** Day index of this view. */
  readonly t: number;
  readonly #panel: Panel;

  /** The view of `panel` at day index `t`; see {@link Panel.view}. */
  constructor(panel: Panel, t: number) {
    this.#panel = panel;
    this.t = t;
  }

  /** Tickers in asset-index order. */
  get tickers(): readonly string[] {
    return this.#panel.tickers;
  }

  /** ISO date of the view's day. */
  get date(): string {
    return this.#panel.dateAt(this.t);
  }

  /** Day number of the view's day. */
  get day(): number {
    return this.#panel.days[this.t] as number;
  }

  /** Asset index of a ticker, or -1. */
  indexOf(ticker: string): number {
    return this.#panel.indexOf(ticker);
  }

  /** Days [0, t] of one field for one asset. */
  history(field: BarField, asset: number): Float64Array {
    return this.#panel.column(field, asset).subarray(0, this.t + 1);
  }

  /** The value of a field on day t (or `lag` days before), NaN where there is no bar. */
  at(field: BarField, asset: number, lag = 0): number {
    const i = this.t - lag;
    if (lag < 0 || i < 0) return NaN;
    return this.#panel.column(field, asset)[i] as number;
  }

  /** Whether the asset has a bar on day t. */
  tradable(asset: number): boolean {
    return this.#panel.tradable(asset, this.t);
  }

  /** Calendar days [0, t]. */
  get days(): Int32Array {
    return this.#panel.days.subarray(0, this.t + 1);
  }
}

/** The union of the series' days, ascending (fast when they all share one calendar). */
function _calendar(series: readonly BarSeries[]): Int32Array {
  const first = series[0];
  if (first && series.every((s) => _same(s.time, first.time))) {
    return Int32Array.from(first.time, (ms) => Math.floor(ms / 86_400_000));
  }
  const seen = new Set<number>();
  for (const s of series) for (const ms of s.time) seen.add(Math.floor(ms / 86_400_000));
  return Int32Array.from([...seen].sort((a, b) => a - b));
}

function _same(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function _indexOfDay(days: Int32Array, day: number): number {
  let lo = 0, hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] === day ? lo : -1;
}

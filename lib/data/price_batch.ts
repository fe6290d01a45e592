/**
 * A price batch: what one load from a source (a CSV folder, Yahoo, the fixtures)
 * hands to the price store — series, corporate actions, and the rows the source
 * skipped — and the pure filters an ingest applies to it.
 *
 * @module
 */
import type { BarSeries } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import { seriesBetween } from "./series_range.ts";
import { InputError } from "../errors.ts";

/** Series and actions from one source load. */
export type PriceBatch = {
  readonly series: readonly BarSeries[];
  readonly actions: readonly CorporateAction[];
  /** Rows skipped per ticker because the source had no values for them (Yahoo's `null` rows). */
  readonly skippedRows: Readonly<Record<string, number>>;
};

/** What to keep of a batch: tickers (all when absent) and an inclusive day range. */
export type BatchFilter = {
  readonly tickers?: readonly string[];
  /** First day kept (days since 1970-01-01). */
  readonly fromDay?: number;
  /** Last day kept, inclusive (intraday bars of that whole day are kept). */
  readonly toDay?: number;
  /** Source name for the message when a requested ticker is missing. */
  readonly source: string;
};

/**
 * Keeps the requested tickers and days of `batch`. A requested ticker the batch
 * does not have is an {@link InputError} naming every such ticker and the source.
 */
export function filterBatch(batch: PriceBatch, filter: BatchFilter): PriceBatch {
  let series = batch.series;
  let actions = batch.actions;
  if (filter.tickers !== undefined) {
    const wanted = new Set(filter.tickers);
    const have = new Set(series.map((s) => s.ticker));
    const missing = [...wanted].filter((t) => !have.has(t));
    if (missing.length > 0) {
      throw new InputError(`${filter.source}: no prices for ticker ${missing.join(", ")}`);
    }
    series = series.filter((s) => wanted.has(s.ticker));
    actions = actions.filter((a) => wanted.has(a.ticker));
  }
  const { fromDay, toDay } = filter;
  series = series.map((s) => seriesBetween(s, fromDay, toDay));
  actions = actions.filter((a) =>
    (fromDay === undefined || a.day >= fromDay) && (toDay === undefined || a.day <= toDay)
  );
  return { series, actions, skippedRows: batch.skippedRows };
}

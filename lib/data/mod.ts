/**
 * Price data: bar series, the Panel and its point-in-time views, CSV and Yahoo
 * sources, the SQLite price store, the fixture market and resampling.
 *
 * @module
 */
export * from "./bars.ts";
export * from "./dates.ts";
export * from "./panel.ts";
export * from "./validate.ts";
export * from "./csv.ts";
export * from "./csv_directory.ts";
export * from "./actions.ts";
export * from "./actions_csv.ts";
export * from "./price_batch.ts";
export * from "./price_store.ts";
export * from "./yahoo.ts";
export * from "./yahoo_fundamentals.ts";
export * from "./statement_fundamentals.ts";
export * from "./resample.ts";
export * from "./load_market.ts";
export {
  DEFAULT_FIXTURES_DIR,
  type Fixtures,
  type FundamentalRow,
  loadFixtureFundamentals,
  loadFixtures,
  type RegimeLabels,
  type Universe,
  type UniverseEntry,
} from "./fixtures.ts";
export {
  ASSET_CLASSES,
  type AssetClass,
  type Bucket,
  BUCKETS,
  type InstrumentKind,
} from "./fixture_types.ts";
export * from "./regime_label.ts";
export type { MergeCounts, MergeResult } from "./series_merge.ts";
export * from "./series_digest.ts";

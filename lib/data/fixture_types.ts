/**
 * Shapes of the fixture market's data, shared by the generator
 * ({@link ./fixture_market.ts}) and the loader ({@link ./fixtures.ts}).
 *
 * @module
 */
import { type Direction, REGIME_NAMES, type RegimeName } from "./regime_label.ts";
import type { CorporateAction } from "./actions.ts";
import type { BarSeries } from "./bars.ts";

/** Asset classes of the fixture universe (the seed's classes, plus a broad-market class for SPY). */
export const ASSET_CLASSES = [
  "broad_equity",
  "growth_equity",
  "defensive_equity",
  "value_equity",
  "cyclical_equity",
  "international_equity",
  "treasury",
  "corporate_bond",
  "tips",
  "gold",
  "commodity",
  "energy",
  "reit",
] as const;
/** One of {@link ASSET_CLASSES}. */
export type AssetClass = typeof ASSET_CLASSES[number];

/** The seed's asset buckets; an asset may sit in several. */
export const BUCKETS = [
  "Risk Assets",
  "Defensive Assets",
  "Value Assets",
  "Growth Assets",
  "High Beta",
  "Low Beta",
  "Cyclicals",
  "Quality",
  "International",
  "Commodities",
  "Fixed Income",
  "Alternatives",
  "Treasuries",
  "Gold",
  "Energy",
] as const;
/** One of {@link BUCKETS}. */
export type Bucket = typeof BUCKETS[number];

/** Whether an instrument is a fund or a single company. */
export type InstrumentKind = "etf" | "stock";

export type { Direction, RegimeName } from "./regime_label.ts";
/** The four growth/inflation regimes (see regime_label.ts). */
export const REGIMES: typeof REGIME_NAMES = REGIME_NAMES;

/** One ticker's entry in `fixtures/universe.json`. */
export type UniverseEntry = {
  readonly assetClass: AssetClass;
  /** Display name, always starting with "Synthetic". */
  readonly name: string;
  readonly kind: InstrumentKind;
  readonly buckets: readonly Bucket[];
  /** True for the benchmark (SPY). */
  readonly benchmark: boolean;
  /** ISO date of the first bar. */
  readonly firstDate: string;
};

/** Tickers to their {@link UniverseEntry}, in the generator's ticker order. */
export type Universe = Readonly<Record<string, UniverseEntry>>;

/** A dividend and/or split on its ex-date as the generator makes it, as in `fixtures/actions.csv` (Split is 1 and Dividend 0 when absent). */
export type FixtureAction = {
  readonly ticker: string;
  readonly date: string;
  /** Cash per share before the split of the same day, in the raw price's currency. */
  readonly dividend: number;
  /** New shares per old share (4 for a 4-for-1 split). */
  readonly split: number;
};

/** The regime label of every trading day, column by column. */
export type RegimeLabels = {
  readonly dates: readonly string[];
  readonly growth: readonly Direction[];
  readonly inflation: readonly Direction[];
  readonly regime: readonly RegimeName[];
};

/**
 * One quarterly report of a stock; a figure counts from its `filingDate` (point in
 * time). A figure that is unknown is NaN (NULL in the price store).
 */
export type FundamentalRow = {
  readonly ticker: string;
  readonly periodEnd: string;
  readonly filingDate: string;
  readonly pe: number;
  readonly pb: number;
  /** Trailing-twelve-month return on equity, as a fraction. */
  readonly roe: number;
  readonly debtToEquity: number;
  /** Trailing-twelve-month net margin, as a fraction. */
  readonly profitMargin: number;
  /** Quarter's revenue over the same quarter a year before, minus 1. */
  readonly revenueGrowth: number;
  /** Quarter's earnings per share over the same quarter a year before, minus 1. */
  readonly epsGrowth: number;
};

/** Everything the fixture market holds, as the loader returns it. */
export type Fixtures = {
  /** Daily bars, one series per ticker, in universe order. */
  readonly series: readonly BarSeries[];
  /** Dividends and splits by ex-day, in the price store's shape. */
  readonly actions: readonly CorporateAction[];
  readonly regimes: RegimeLabels;
  readonly universe: Universe;
  /** Hourly bars of a few tickers over the last year. */
  readonly intraday: readonly BarSeries[];
  readonly fundamentals: readonly FundamentalRow[];
};

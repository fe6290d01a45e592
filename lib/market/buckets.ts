/**
 * Asset buckets: named groups of tickers (an asset may sit in several) and the
 * map from a regime to the buckets it activates.
 *
 * The names are the seed's twelve buckets plus the three its regime map names
 * (Treasuries, Gold, Energy). The default tickers are liquid US ETFs and large
 * caps; they include every ticker of the fixture market with the buckets
 * `fixtures/universe.json` gives it, so the fixtures and the defaults agree.
 * Both maps are plain data: the config may replace them (and add buckets).
 *
 * @see docs/design.md#buckets and docs/design.md#regimes (the regime map)
 *
 * @module
 */
import { REGIME_NAMES, type RegimeName } from "./regime.ts";
import { BUCKETS } from "../data/fixture_types.ts";

/** The bucket names the engine knows: the seed's twelve, then the three its regime map adds (one list with the fixture market's). */
export const BUCKET_NAMES: typeof BUCKETS = BUCKETS;
/** One of {@link BUCKET_NAMES}. */
export type BucketName = typeof BUCKET_NAMES[number];

/** Bucket name to its tickers. Config may add buckets beyond {@link BUCKET_NAMES}. */
export type BucketMap = Readonly<Record<string, readonly string[]>>;

/** Regime to the buckets it activates, in order of preference. */
export type RegimeBucketMap = Readonly<Record<RegimeName, readonly string[]>>;

/** The bucket options the config exposes, with {@link DEFAULT_BUCKET_OPTIONS} as defaults. */
export type BucketOptions = {
  /** Bucket name to tickers. */
  readonly buckets: BucketMap;
  /** Regime to the buckets it activates. */
  readonly regimeBuckets: RegimeBucketMap;
};

/**
 * Default tickers of each bucket: liquid US ETFs and large caps. Every fixture
 * ticker appears with exactly the buckets `fixtures/universe.json` lists for it
 * (a test checks this); the others (VTI, GOOGL, IAU, ...) are common real-world
 * members added for live runs.
 */
export const DEFAULT_BUCKETS: Readonly<Record<BucketName, readonly string[]>> = {
  "Risk Assets": [
    "SPY",
    "QQQ",
    "VUG",
    "XLK",
    "VTV",
    "XLF",
    "IWM",
    "XLY",
    "XLI",
    "XLB",
    "EFA",
    "EEM",
    "VGK",
    "EWJ",
    "HYG",
    "DBC",
    "XLE",
    "VNQ",
    "AAPL",
    "MSFT",
    "NVDA",
    "AMZN",
    "PYPL",
    "JPM",
    "CAT",
    "XOM",
    "VTI",
    "DIA",
    "GOOGL",
    "META",
  ],
  "Defensive Assets": [
    "XLP",
    "XLU",
    "XLV",
    "USMV",
    "TLT",
    "IEF",
    "SHY",
    "LQD",
    "AGG",
    "TIP",
    "GLD",
    "JNJ",
    "PG",
    "KO",
    "SPLV",
    "BND",
  ],
  "Value Assets": ["VTV", "XLF", "XLE", "JPM", "CAT", "XOM", "IWD", "CVX", "BAC"],
  "Growth Assets": [
    "QQQ",
    "VUG",
    "XLK",
    "AAPL",
    "MSFT",
    "NVDA",
    "AMZN",
    "PYPL",
    "IWF",
    "GOOGL",
    "META",
  ],
  "High Beta": [
    "QQQ",
    "XLK",
    "XLF",
    "IWM",
    "XLB",
    "EEM",
    "SLV",
    "USO",
    "NVDA",
    "AMZN",
    "CAT",
    "SPHB",
    "TSLA",
  ],
  "Low Beta": [
    "XLP",
    "XLU",
    "XLV",
    "USMV",
    "TLT",
    "IEF",
    "SHY",
    "LQD",
    "AGG",
    "JNJ",
    "PG",
    "KO",
    "SPLV",
  ],
  "Cyclicals": ["XLF", "IWM", "XLY", "XLI", "XLB", "XLE", "JPM", "CAT", "BAC", "HD"],
  "Quality": ["XLP", "XLV", "USMV", "AAPL", "MSFT", "JNJ", "PG", "KO", "QUAL"],
  "International": ["EFA", "EEM", "VGK", "EWJ", "VEA", "VWO", "ACWX"],
  "Commodities": ["SLV", "DBC", "USO", "GSG", "PDBC"],
  "Fixed Income": ["TLT", "IEF", "SHY", "LQD", "HYG", "AGG", "TIP", "BND", "GOVT"],
  "Alternatives": ["TIP", "GLD", "SLV", "DBC", "USO", "VNQ", "IAU"],
  "Treasuries": ["TLT", "IEF", "SHY", "GOVT"],
  "Gold": ["GLD", "IAU"],
  "Energy": ["XLE", "USO", "XOM", "CVX", "XOP"],
};

/**
 * The seed's regime to bucket map, as the seed wrote it.
 *
 * @example The seed's Reflation, and how to run with the seed's map
 * ```ts
 * import assert from "node:assert/strict";
 * import { SEED_REGIME_BUCKETS } from "./buckets.ts";
 *
 * assert.deepEqual(SEED_REGIME_BUCKETS.Reflation, ["Cyclicals", "International"]);
 * // A config file: `buckets: { regimeMap: <this map> }`; a flag: --buckets-regime-map '<JSON>'.
 * assert.match(JSON.stringify(SEED_REGIME_BUCKETS), /^\{"Goldilocks"/);
 * ```
 */
export const SEED_REGIME_BUCKETS: Readonly<Record<RegimeName, readonly BucketName[]>> = {
  Goldilocks: ["Risk Assets", "Growth Assets"],
  Deflation: ["Defensive Assets", "Treasuries", "Gold"],
  Inflation: ["Commodities", "Energy", "Value Assets"],
  Reflation: ["Cyclicals", "International"],
};

/**
 * The engine's regime to bucket map: the seed's, with Risk Assets in Reflation too.
 *
 * Design decision: the growth axis says whether to own risk assets, the
 * inflation axis which of them to prefer. Both growth-up regimes activate Risk
 * Assets, Goldilocks adding the Growth style and Reflation the Cyclicals and
 * International the seed gave it; the seed's Reflation alone left out the broad
 * equity funds in the regime of 44% of the days. Chosen on 2002-2012 real prices
 * only (docs/research.md, "Defaults chosen out of sample"); `buckets.regimeMap`
 * with {@link SEED_REGIME_BUCKETS} restores the seed's.
 *
 * @example Both growth-up regimes activate Risk Assets
 * ```ts
 * import assert from "node:assert/strict";
 * import { DEFAULT_REGIME_BUCKETS } from "./buckets.ts";
 *
 * assert.ok(DEFAULT_REGIME_BUCKETS.Goldilocks.includes("Risk Assets"));
 * assert.deepEqual(DEFAULT_REGIME_BUCKETS.Reflation, ["Risk Assets", "Cyclicals", "International"]);
 * ```
 */
export const DEFAULT_REGIME_BUCKETS: Readonly<Record<RegimeName, readonly BucketName[]>> = {
  Goldilocks: ["Risk Assets", "Growth Assets"],
  Deflation: ["Defensive Assets", "Treasuries", "Gold"],
  Inflation: ["Commodities", "Energy", "Value Assets"],
  Reflation: ["Risk Assets", "Cyclicals", "International"],
};

/** Defaults of {@link BucketOptions}. */
export const DEFAULT_BUCKET_OPTIONS: BucketOptions = {
  buckets: DEFAULT_BUCKETS,
  regimeBuckets: DEFAULT_REGIME_BUCKETS,
};

/**
 * The buckets `ticker` sits in, in the map's order (empty when none).
 *
 * @example An ETF in several buckets
 * ```ts
 * import assert from "node:assert/strict";
 * import { bucketsOf } from "./buckets.ts";
 *
 * assert.deepEqual(bucketsOf("GLD"), ["Defensive Assets", "Alternatives", "Gold"]);
 * assert.deepEqual(bucketsOf("XYZ", { Custom: ["XYZ"] }), ["Custom"]);
 * ```
 */
export function bucketsOf(ticker: string, buckets: BucketMap = DEFAULT_BUCKETS): string[] {
  return Object.entries(buckets).filter(([, list]) => list.includes(ticker)).map(([name]) => name);
}

/**
 * The buckets a regime activates (the seed's map by default).
 *
 * @example The seed's map, and a configured one
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeBuckets, DEFAULT_REGIME_BUCKETS } from "./buckets.ts";
 *
 * assert.deepEqual(activeBuckets("Deflation"), ["Defensive Assets", "Treasuries", "Gold"]);
 * const map = { ...DEFAULT_REGIME_BUCKETS, Goldilocks: ["Quality"] };
 * assert.deepEqual(activeBuckets("Goldilocks", map), ["Quality"]);
 * ```
 */
export function activeBuckets(
  regime: RegimeName,
  map: RegimeBucketMap = DEFAULT_REGIME_BUCKETS,
): readonly string[] {
  return map[regime];
}

/**
 * The tickers of the named buckets, each once, in the order met (bucket by bucket).
 * Throws a RangeError on a bucket the map does not hold, since that is a config bug
 * the config schema should have caught.
 *
 * @example The universe of the buckets a regime activates
 * ```ts
 * import assert from "node:assert/strict";
 * import { tickersIn } from "./buckets.ts";
 *
 * const buckets = { Treasuries: ["TLT", "IEF"], Gold: ["GLD", "IAU"], Defensive: ["TLT", "XLP"] };
 * assert.deepEqual(tickersIn(["Treasuries", "Gold", "Defensive"], buckets), ["TLT", "IEF", "GLD", "IAU", "XLP"]);
 * ```
 */
export function tickersIn(
  bucketNames: readonly string[],
  buckets: BucketMap = DEFAULT_BUCKETS,
): string[] {
  const seen = new Set<string>();
  for (const name of bucketNames) {
    const list = buckets[name];
    if (list === undefined) {
      throw new RangeError(
        `Cannot list tickers as bucket "${name}" must be one of the map's buckets: current buckets are ${
          Object.keys(buckets).join(", ")
        }`,
      );
    }
    for (const ticker of list) seen.add(ticker);
  }
  return [...seen];
}

/**
 * Problems with bucket options, one line each (empty when sound): a regime map
 * naming a bucket the bucket map lacks, a bucket without tickers, or a regime
 * missing from the regime map. For the config schema's `.refine`.
 */
export function bucketOptionProblems(options: BucketOptions): string[] {
  const problems: string[] = [];
  for (const [name, list] of Object.entries(options.buckets)) {
    if (list.length === 0) problems.push(`buckets.${name}: has no tickers`);
  }
  for (const regime of REGIME_NAMES) {
    const names = options.regimeBuckets[regime];
    if (names === undefined) {
      problems.push(`regimeBuckets.${regime}: missing`);
      continue;
    }
    for (const name of names) {
      if (options.buckets[name] === undefined) {
        problems.push(`regimeBuckets.${regime}: bucket "${name}" is not in buckets`);
      }
    }
  }
  return problems;
}

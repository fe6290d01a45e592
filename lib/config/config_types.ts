/**
 * The configuration's types, written out. The zod schema (schema.ts) is the
 * single source of truth: a compile-time check there fails when these types
 * and the schema's inferred ones differ. They are written out because the
 * inferred ones are expressed in zod's own types, which the public API would
 * otherwise expose.
 *
 * @module
 */

/** A commission model: none, per share with a minimum, a percent of value, or a fixed amount. */
export type CommissionConfig =
  | { readonly type: "none" }
  | { readonly type: "perShare"; readonly perShare: number; readonly minimum: number }
  | { readonly type: "percent"; readonly rate: number }
  | { readonly type: "fixed"; readonly amount: number };

/** The four regimes, as keys of `buckets.regimeMap`. */
export type RegimeKey = "Goldilocks" | "Reflation" | "Inflation" | "Deflation";

/** A validated configuration, as `lib/` receives it (see docs/configuration.md for every field). */
export type Config = {
  readonly version: 1;
  readonly preset?: "conservative" | "aggressive" | "adaptive" | "institutional" | undefined;
  readonly run: {
    readonly start?: string | undefined;
    readonly end?: string | undefined;
    readonly cash: number;
    /** Benchmark specs (see lib/run/benchmark_spec.ts); unset: the default set. */
    readonly benchmark?: string | string[] | undefined;
    readonly riskFreeRate: number;
  };
  readonly data: {
    readonly source: "fixtures" | "store" | "csv";
    readonly csv?: string | undefined;
    readonly store: string;
    readonly fixturesDir: string;
    readonly tickers?: string[] | undefined;
    readonly prices: "adjusted" | "raw";
  };
  readonly strategy: {
    readonly name: string;
    readonly params: Record<string, string | number | boolean>;
  };
  readonly broker: {
    readonly fill: "nextOpen" | "close";
    readonly commission: CommissionConfig;
    readonly slippageBps: number;
    readonly fractional: boolean;
    readonly rounding: "down" | "nearest" | "band";
    readonly driftBand: number;
    readonly cashBuffer: number;
    readonly minTradeWeight: number;
    readonly margin: boolean;
  };
  readonly rebalance: {
    readonly frequency: "daily" | "weekly" | "monthly";
    readonly minTradeWeight: number;
  };
  readonly buckets: {
    readonly allowed?: string[] | undefined;
    readonly map: Record<string, string[]>;
    readonly file?: string | undefined;
    readonly sectors: Record<string, string[]>;
    readonly regimeMap: { readonly [R in RegimeKey]: string[] };
  };
  readonly universe: {
    readonly maxAssets: number;
    readonly trendingConfidence: number;
    readonly direction: "any" | "up";
  };
  readonly scoring: { readonly technicalWeight: number; readonly fundamentalWeight: number };
  readonly sizing: {
    readonly maxSingle: number;
    readonly maxPositionRisk: number;
    readonly target: number;
    readonly minScore: number;
    readonly weighting: "score" | "equal";
    readonly maxBucketPositions: number;
    readonly maxBucketWeight: number;
    readonly allowBucketOverride: boolean;
    readonly highAlphaScore: number;
    readonly residual: "safe_top_slice" | "proportional" | "cash";
  };
  readonly fallback: {
    readonly enabled: boolean;
    readonly bucket: string;
    readonly members: number;
    readonly minScore: number;
    readonly maxSingle: number;
  };
  readonly protection: {
    readonly coreAssets: boolean;
    readonly gracePeriods: boolean;
    readonly whipsaw: boolean;
    readonly holdingPeriod: boolean;
    readonly regimeOverride: boolean;
    readonly overrideDays: number;
    readonly coreThreshold: number;
    readonly coreExpiryDays: number;
    readonly coreRevokeUnderperformance: number;
    readonly graceThreshold: number;
    readonly graceDays: number;
    readonly graceDecay: number;
    readonly holdingDays: number;
    readonly whipsawMaxCycles: number;
    readonly whipsawWindowDays: number;
  };
  readonly database: { readonly enabled: boolean };
  readonly audit: {
    readonly enabled: boolean;
    readonly store: "sqlite" | "postgres";
    readonly schema: string;
  };
  readonly ledger: {
    readonly store: "sqlite" | "postgres";
    readonly dir: string;
    readonly schema: string;
  };
  readonly report: { readonly enabled: boolean; readonly logScale: boolean };
  readonly output: { readonly dir: string };
};

/** Every key optional, at every depth: what a file, a preset or the flags may set. */
export type DeepPartial<T> = T extends readonly unknown[] ? T
  : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
  : T;

/** A configuration as written in a file or built from flags: every key optional. */
export type ConfigInput = DeepPartial<Config>;

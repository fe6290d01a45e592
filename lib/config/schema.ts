/**
 * The run configuration: one strict zod schema, defaults in the schema, types
 * inferred from it. Unknown keys are errors; cross-field rules name their path.
 *
 * @module
 */
import { z } from "zod";
import { param } from "./param.ts";
import type { Config, ConfigInput } from "./config_types.ts";
import { parseIsoDay } from "../data/dates.ts";
import { DEFAULT_BUCKETS, DEFAULT_REGIME_BUCKETS } from "../market/buckets.ts";
import { crossFieldProblems } from "./cross_field.ts";

/** The schema version this code reads and writes. */
export const CONFIG_VERSION = 1;

/** The presets a config may name (their values live in presets.ts). */
export const PRESET_NAMES = ["conservative", "aggressive", "adaptive", "institutional"] as const;
/** One of {@link PRESET_NAMES}. */
export type PresetName = typeof PRESET_NAMES[number];

const isoDate = z.string().refine((s) => !Number.isNaN(parseIsoDay(s)), {
  message: "must be a date as YYYY-MM-DD",
});

const commission = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  z.strictObject({
    type: z.literal("perShare"),
    perShare: z.number().min(0).default(0.005),
    minimum: z.number().min(0).default(1),
  }),
  z.strictObject({ type: z.literal("percent"), rate: z.number().min(0).max(0.1) }),
  z.strictObject({ type: z.literal("fixed"), amount: z.number().min(0) }),
]);

const runSection = z.strictObject({
  start: param(isoDate.optional(), {
    tier: "basic",
    description: "First day of the backtest (default: the first day of the data)",
    flag: "start-date",
    format: "date",
  }),
  end: param(isoDate.optional(), {
    tier: "basic",
    description: "Last day of the backtest (default: the last day of the data)",
    flag: "end-date",
    format: "date",
  }),
  cash: param(z.number().positive().default(100_000), {
    tier: "basic",
    description: "Starting cash",
    flag: "cash",
  }),
  benchmark: param(z.string().min(1).default("SPY"), {
    tier: "intermediate",
    description: "Ticker the metrics compare against (beta, alpha, information ratio)",
    flag: "benchmark",
  }),
  riskFreeRate: param(z.number().min(-0.05).max(0.5).default(0), {
    tier: "advanced",
    description: "Annual risk-free rate for Sharpe, Sortino and alpha",
  }),
});

const dataSection = z.strictObject({
  source: param(z.enum(["fixtures", "store", "csv"]).default("fixtures"), {
    tier: "basic",
    description: "Where prices come from: the bundled synthetic fixtures, the price store, or CSV",
    flag: "source",
  }),
  csv: param(z.string().min(1).optional(), {
    tier: "basic",
    description: "A Yahoo-format CSV file or a folder of them (implies source csv)",
    flag: "csv",
  }),
  store: param(z.string().min(1).default("data/prices.db"), {
    tier: "intermediate",
    description: "Path of the SQLite price store that `deno task ingest` fills",
    flag: "store",
  }),
  fixturesDir: param(z.string().min(1).default("fixtures"), {
    tier: "expert",
    description: "Folder of the fixture market",
  }),
  tickers: param(z.array(z.string().min(1)).min(1).optional(), {
    tier: "basic",
    description: "Trade only these tickers (default: every ticker of the source)",
    flag: "tickers",
  }),
  prices: param(z.enum(["adjusted", "raw"]).default("adjusted"), {
    tier: "intermediate",
    description: "Adjusted prices (OHLC scaled by Adj Close / Close) or raw as-traded prices",
    flag: "prices",
  }),
});

const strategySection = z.strictObject({
  name: param(z.string().min(1).default("regime-aware"), {
    tier: "basic",
    description:
      "A built-in strategy (regime-aware, sma-cross, equal-weight) or the path of a strategy file",
    flag: "strategy",
  }),
  params: param(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    {
      tier: "basic",
      description: "Strategy parameters (from the command line: --param key=value)",
      flag: "param",
    },
  ),
});

const brokerSection = z.strictObject({
  fill: param(z.enum(["nextOpen", "close"]).default("nextOpen"), {
    tier: "intermediate",
    description: "Market orders fill at the next bar's open, or at the close of the decision bar",
  }),
  commission: param(commission.default({ type: "perShare", perShare: 0.005, minimum: 1 }), {
    tier: "intermediate",
    description: "Commission model: none, perShare (with a minimum), percent of value, or fixed",
  }),
  slippageBps: param(z.number().min(0).max(1000).default(5), {
    tier: "intermediate",
    description: "Slippage in basis points: buys pay more, sells receive less",
  }),
  fractional: param(z.boolean().default(false), {
    tier: "intermediate",
    description: "Allow fractional shares (default: whole shares)",
  }),
  cashBuffer: param(z.number().min(0).max(0.2).default(0), {
    tier: "advanced",
    description: "Fraction of value kept out of target-weight rebalances as a cash buffer",
  }),
  minTradeWeight: param(z.number().min(0).max(0.2).default(0), {
    tier: "advanced",
    description: "Skip rebalance trades smaller than this fraction of value",
  }),
  margin: param(z.boolean().default(false), {
    tier: "expert",
    description: "Allow cash to go negative (buying on margin)",
  }),
});

const bucketList = z.array(z.string().min(1)).min(1);

const rebalanceSection = z.strictObject({
  frequency: param(z.enum(["daily", "weekly", "monthly"]).default("weekly"), {
    tier: "basic",
    description: "How often the regime-aware strategy rebalances (grace decays run daily)",
    flag: "rebalance-freq",
  }),
  minTradeWeight: param(z.number().min(0).max(0.2).default(0.005), {
    tier: "advanced",
    description: "Position changes smaller than this weight are not made",
    flag: "min-trade-weight",
  }),
});

const bucketsSection = z.strictObject({
  allowed: param(bucketList.optional(), {
    tier: "basic",
    description: "Buckets the strategy may select from (default: all that the regime activates)",
    flag: "buckets",
  }),
  map: param(
    z.record(z.string().min(1), bucketList).default(() =>
      Object.fromEntries(Object.entries(DEFAULT_BUCKETS).map(([k, v]) => [k, [...v]]))
    ),
    {
      tier: "expert",
      description: "Bucket name -> tickers (an asset may sit in several buckets)",
    },
  ),
  regimeMap: param(
    z.strictObject({
      Goldilocks: bucketList,
      Reflation: bucketList,
      Inflation: bucketList,
      Deflation: bucketList,
    }).default({
      Goldilocks: [...DEFAULT_REGIME_BUCKETS.Goldilocks],
      Reflation: [...DEFAULT_REGIME_BUCKETS.Reflation],
      Inflation: [...DEFAULT_REGIME_BUCKETS.Inflation],
      Deflation: [...DEFAULT_REGIME_BUCKETS.Deflation],
    }),
    {
      tier: "advanced",
      description: "Regime -> the buckets it activates (the seed's map by default)",
    },
  ),
});

const universeSection = z.strictObject({
  maxAssets: param(z.number().int().min(1).max(500).default(20), {
    tier: "basic",
    description: "Maximum assets in the universe (held assets are always kept)",
    flag: "max-assets",
  }),
  trendingConfidence: param(z.number().min(0).max(1).default(0.7), {
    tier: "intermediate",
    description: "Minimum scan confidence for a trending asset to join the universe",
  }),
  direction: param(z.enum(["any", "up"]).default("any"), {
    tier: "advanced",
    description: "Admit trending assets in either direction (the seed's) or only up-trends",
  }),
});

const scoringSection = z.strictObject({
  technicalWeight: param(z.number().min(0).max(1).default(0.6), {
    tier: "intermediate",
    description: "Weight of the technical score in the combined score",
  }),
  fundamentalWeight: param(z.number().min(0).max(1).default(0.4), {
    tier: "intermediate",
    description:
      "Weight of the fundamental score (assets without fundamentals use technical alone)",
  }),
});

const sizingSection = z.strictObject({
  maxSingle: param(z.number().gt(0).max(1).default(0.15), {
    tier: "intermediate",
    description: "Stage 1: the cap of one position",
    flag: "max-single",
  }),
  target: param(z.number().gt(0).max(1).default(0.95), {
    tier: "intermediate",
    description: "Stage 2: the exposure weights are normalised to",
    flag: "target-exposure",
  }),
  minScore: param(z.number().min(0).max(1).default(0.65), {
    tier: "intermediate",
    description: "Minimum combined score to open or keep a position",
  }),
  weighting: param(z.enum(["score", "equal"]).default("score"), {
    tier: "advanced",
    description: "Raw weights proportional to score, or equal",
  }),
  maxBucketPositions: param(z.number().int().min(1).default(4), {
    tier: "intermediate",
    description: "Positions one bucket may hold",
  }),
  maxBucketWeight: param(z.number().gt(0).max(1).default(0.4), {
    tier: "intermediate",
    description: "Weight one bucket may hold",
  }),
  allowBucketOverride: param(z.boolean().default(true), {
    tier: "advanced",
    description: "Let core and high-alpha assets exceed bucket limits",
  }),
  highAlphaScore: param(z.number().min(0).max(1).default(0.95), {
    tier: "advanced",
    description: "A score above this makes an asset high-alpha",
  }),
  residual: param(z.enum(["safe_top_slice", "proportional", "cash"]).default("safe_top_slice"), {
    tier: "advanced",
    description: "Where weight left unallocated by caps goes",
  }),
});

const protectionSection = z.strictObject({
  coreAssets: param(z.boolean().default(true), {
    tier: "basic",
    description: "Core assets (score > 0.95): immune to grace and forced closure for 90 days",
    flag: "enable-core-assets",
  }),
  gracePeriods: param(z.boolean().default(true), {
    tier: "basic",
    description: "Grace periods: a falling score decays the position instead of closing it",
    flag: "enable-grace-periods",
  }),
  whipsaw: param(z.boolean().default(true), {
    tier: "basic",
    description: "Whipsaw protection: at most N open-close cycles per window",
    flag: "enable-whipsaw",
  }),
  holdingPeriod: param(z.boolean().default(true), {
    tier: "basic",
    description: "Minimum holding period before a close",
    flag: "enable-holding-period",
  }),
  regimeOverride: param(z.boolean().default(true), {
    tier: "basic",
    description: "A critical regime transition may bypass grace, holding and whipsaw rules",
    flag: "enable-regime-override",
  }),
  overrideDays: param(z.number().int().min(1).max(60).default(5), {
    tier: "advanced",
    description: "Trading days a critical transition's override authority lasts",
  }),
  coreThreshold: param(z.number().min(0).max(1).default(0.95), {
    tier: "advanced",
    description: "Score above which an asset becomes core",
  }),
  coreExpiryDays: param(z.number().int().min(1).default(90), {
    tier: "advanced",
    description: "Trading days a core designation lasts",
  }),
  coreRevokeUnderperformance: param(z.number().min(0).max(1).default(0.15), {
    tier: "advanced",
    description: "Core status is revoked when the asset trails its bucket by more than this",
  }),
  graceThreshold: param(z.number().min(0).max(1).default(0.6), {
    tier: "intermediate",
    description: "A held position scoring below this enters grace",
  }),
  graceDays: param(z.number().int().min(1).max(30).default(3), {
    tier: "intermediate",
    description: "Days of decay before grace expires and the position closes",
  }),
  graceDecay: param(z.number().gt(0).max(1).default(0.8), {
    tier: "advanced",
    description: "Size multiplier per day in grace (0.8 = 20% a day)",
  }),
  holdingDays: param(z.number().int().min(0).max(250).default(3), {
    tier: "intermediate",
    description: "Minimum trading days before a position may close",
  }),
  whipsawMaxCycles: param(z.number().int().min(1).default(1), {
    tier: "advanced",
    description: "Open-close cycles allowed per window",
  }),
  whipsawWindowDays: param(z.number().int().min(1).default(14), {
    tier: "advanced",
    description: "The whipsaw window in trading days",
  }),
});

const databaseSection = z.strictObject({
  enabled: param(z.boolean().default(false), {
    tier: "basic",
    description:
      "Read regimes from PostgreSQL first (DATABASE_URL or DB_HOST..); compute where it has no row",
    flag: "enable-database",
  }),
});

const auditSection = z.strictObject({
  enabled: param(z.boolean().default(true), {
    tier: "intermediate",
    description: "Record every decision in the run's audit log (results/<run>/audit.db)",
    flag: "audit",
  }),
  store: param(z.enum(["sqlite", "postgres"]).default("sqlite"), {
    tier: "intermediate",
    description:
      "Where the audit log goes: results/<run>/audit.db, or PostgreSQL (DATABASE_URL or DB_HOST..) for a shared store",
    flag: "audit-store",
  }),
  schema: param(z.string().regex(/^[a-z_][a-z0-9_]*$/).default("audit"), {
    tier: "advanced",
    description: "PostgreSQL schema of the shared audit store",
    flag: "audit-schema",
  }),
});

const reportSection = z.strictObject({
  enabled: param(z.boolean().default(true), {
    tier: "basic",
    description: "Write the HTML report (report.html) beside the result",
    flag: "report",
  }),
  logScale: param(z.boolean().default(false), {
    tier: "intermediate",
    description: "Draw the equity curve on a log scale in the report",
    flag: "report-log-scale",
  }),
});

const outputSection = z.strictObject({
  dir: param(z.string().min(1).default("results"), {
    tier: "basic",
    description: "Folder the results are written to",
    flag: "results-dir",
  }),
});

/** The whole run configuration. */
export const configSchema = z.strictObject({
  version: param(z.literal(CONFIG_VERSION).default(CONFIG_VERSION), {
    tier: "expert",
    description: "Schema version of this config file",
  }),
  preset: param(z.enum(PRESET_NAMES).optional(), {
    tier: "basic",
    description:
      "A preset layered under the config file: conservative, aggressive, adaptive or institutional",
    flag: "preset",
  }),
  run: runSection.prefault({}),
  data: dataSection.prefault({}),
  strategy: strategySection.prefault({}),
  broker: brokerSection.prefault({}),
  rebalance: rebalanceSection.prefault({}),
  buckets: bucketsSection.prefault({}),
  universe: universeSection.prefault({}),
  scoring: scoringSection.prefault({}),
  sizing: sizingSection.prefault({}),
  protection: protectionSection.prefault({}),
  database: databaseSection.prefault({}),
  audit: auditSection.prefault({}),
  report: reportSection.prefault({}),
  output: outputSection.prefault({}),
}).superRefine((c, ctx) => {
  for (const p of crossFieldProblems(c)) {
    ctx.addIssue({ code: "custom", path: [...p.path], message: p.message });
  }
}, { when: () => true });

export type { Config, ConfigInput } from "./config_types.ts";
/** The broker section. */
export type BrokerConfig = Config["broker"];

// The written-out types must be the schema's: each assignable to the other.
type _Inferred = z.infer<typeof configSchema>;
type _Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _configTypesMatch: _Same<_Inferred, Config> = true;
const _inputTypesCover: [z.input<typeof configSchema>] extends [ConfigInput] ? true : false = true;
void _configTypesMatch, _inputTypesCover;

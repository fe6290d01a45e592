/**
 * Configuration sections of portfolio construction: rebalancing, buckets, the
 * universe, scoring and sizing. Composed into the whole schema in schema.ts.
 *
 * @module
 */
import { z } from "zod";
import { param } from "./param.ts";
import { DEFAULT_BUCKETS, DEFAULT_REGIME_BUCKETS } from "../market/buckets.ts";
import { DEFAULT_SECTOR_BUCKETS } from "../market/sectors.ts";
import { FALLBACK_DEFAULTS } from "../portfolio/fallback.ts";

const bucketList = z.array(z.string().min(1)).min(1);

export const rebalanceSection = z.strictObject({
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

export const bucketsSection = z.strictObject({
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
  file: param(z.string().min(1).optional(), {
    tier: "basic",
    description:
      "A YAML, JSON or CSV file putting your own tickers in buckets, by bucket names or by sector",
  }),
  sectors: param(
    z.record(z.string().min(1), bucketList).default(() =>
      Object.fromEntries(Object.entries(DEFAULT_SECTOR_BUCKETS).map(([k, v]) => [k, [...v]]))
    ),
    {
      tier: "expert",
      description: "Sector -> buckets, for bucket files (the GICS sectors first)",
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
      description:
        "Regime -> the buckets it activates (the seed's map, with Risk Assets in Reflation too)",
    },
  ),
});

export const fallbackSection = z.strictObject({
  enabled: param(z.boolean().default(true), {
    tier: "intermediate",
    description:
      "Weight nothing qualified for goes to the fallback bucket's best members (off, or not in --buckets: cash)",
    flag: "fallback",
  }),
  bucket: param(z.string().min(1).default("Fixed Income"), {
    tier: "intermediate",
    description: "The bucket whose best-scored members take the weight nothing qualified for",
  }),
  members: param(z.number().int().min(1).default(FALLBACK_DEFAULTS.members), {
    tier: "advanced",
    description: "How many of the fallback bucket's best-scored members share that weight",
  }),
  minScore: param(z.number().min(0).max(1).default(FALLBACK_DEFAULTS.minScore), {
    tier: "advanced",
    description: "The score a fallback member needs (below it, that weight stays in cash)",
  }),
  maxSingle: param(z.number().gt(0).max(1).default(FALLBACK_DEFAULTS.maxSingle), {
    tier: "advanced",
    description: "The most one fallback member may hold in all",
  }),
});

export const universeSection = z.strictObject({
  maxAssets: param(z.number().int().min(1).max(500).default(20), {
    tier: "basic",
    description: "Maximum assets in the universe (held assets are always kept)",
    flag: "max-assets",
  }),
  trendingConfidence: param(z.number().min(0).max(1).default(0.6), {
    tier: "intermediate",
    description: "Minimum scan confidence for a trending asset to join the universe",
  }),
  direction: param(z.enum(["any", "up"]).default("any"), {
    tier: "advanced",
    description: "Admit trending assets in either direction (the seed's) or only up-trends",
  }),
});

export const scoringSection = z.strictObject({
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

export const sizingSection = z.strictObject({
  maxSingle: param(z.number().gt(0).max(1).default(0.15), {
    tier: "intermediate",
    description: "Stage 1: the cap of one position",
    flag: "max-single",
  }),
  maxPositionRisk: param(z.number().min(0).max(1).default(0), {
    tier: "intermediate",
    description:
      "Most annualised volatility one position may bring: its cap falls to this / its volatility (0: off)",
  }),
  target: param(z.number().gt(0).max(1).default(0.95), {
    tier: "intermediate",
    description: "Stage 2: the exposure weights are normalised to",
    flag: "target-exposure",
  }),
  minScore: param(z.number().min(0).max(1).default(0.6), {
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

/**
 * Presets: named partial configurations layered between the schema's defaults
 * and the config file (`--preset NAME`, `preset: NAME` in a file, or
 * `ENGINE_PRESET`). A preset only sets values; everything it leaves alone keeps
 * its default, and a file, the environment or a flag can override any of it.
 *
 * @see docs/design.md#presets (the seed's four presets)
 *
 * @module
 */
import { type ConfigInput, PRESET_NAMES, type PresetName } from "./schema.ts";

/** A preset: what it is for, and the values it sets (a partial config). */
export type Preset = {
  readonly name: PresetName;
  /** One line: what it changes. */
  readonly summary: string;
  /** Why: the intent behind its values (for `deno task config presets` and the reference). */
  readonly why: string;
  readonly values: ConfigInput;
};

/**
 * Conservative: capital preservation first. Smaller caps (10% a position, 30%
 * and 3 positions a bucket) spread risk; monthly rebalances and a 1% minimum
 * trade cut turnover and costs; a stricter entry (score 0.70, scan confidence
 * 0.75, up-trends only) admits fewer, clearer trends; stronger protections
 * (a 10-day minimum hold, 5 days of slower grace decay, one open-close cycle in
 * 21 days) keep positions from being churned; 10% of value stays uninvested.
 * What the strict entry leaves goes to the fallback bucket (fixed income), not
 * to cash: without it this preset sat nine-tenths in cash on real prices
 * (11% invested, 2002-2012); with it, 71% invested at 4.2% volatility against
 * the default's 7.1% (docs/research.md#why-it-sits-in-cash).
 */
export const conservative: Preset = {
  name: "conservative",
  summary:
    "smaller caps, stricter entry, monthly rebalances, stronger protections, the rest in fixed income",
  why:
    "Capital preservation first: fewer, smaller positions in clearer up-trends, traded less often and protected longer from churn; what they leave waits in fixed income.",
  values: {
    fallback: { enabled: true },
    rebalance: { frequency: "monthly", minTradeWeight: 0.01 },
    universe: { maxAssets: 15, trendingConfidence: 0.75, direction: "up" },
    sizing: {
      maxSingle: 0.1,
      target: 0.9,
      minScore: 0.7,
      maxBucketPositions: 3,
      maxBucketWeight: 0.3,
    },
    protection: {
      graceDays: 5,
      graceDecay: 0.85,
      holdingDays: 10,
      whipsawWindowDays: 21,
    },
  },
};

/**
 * Aggressive: return first. Larger caps (25% a position, 60% and 6 positions a
 * bucket) let conviction show; weekly rebalances (daily would double the
 * costs for little gain on daily bars) and a looser entry (score 0.60, scan
 * confidence 0.50, 0.1 below the default) follow trends sooner; weaker protections (a 1-day minimum
 * hold, 2 days of faster grace decay, two open-close cycles in 7 days) let the
 * portfolio turn over; fully invested.
 */
export const aggressive: Preset = {
  name: "aggressive",
  summary: "larger caps, looser entry, weekly rebalances, weaker protections, fully invested",
  why:
    "Return first: conviction may show in position size, trends are followed sooner, and protections get out of the way sooner.",
  values: {
    rebalance: { frequency: "weekly", minTradeWeight: 0.0025 },
    universe: { maxAssets: 30, trendingConfidence: 0.5 },
    sizing: {
      maxSingle: 0.25,
      target: 1,
      minScore: 0.6,
      maxBucketPositions: 6,
      maxBucketWeight: 0.6,
    },
    protection: {
      graceDays: 2,
      graceDecay: 0.7,
      holdingDays: 1,
      whipsawMaxCycles: 2,
      whipsawWindowDays: 7,
    },
  },
};

/**
 * Adaptive: follows the regime. Weekly rebalances with the regime override on
 * and lasting 10 days, so a critical transition can clear the book past grace,
 * holding and whipsaw rules; shorter grace (2 days) and holding (2 days) and a
 * 10-day whipsaw window let positions turn with the regime; core designations
 * last 60 days instead of 90; a slightly lower scan confidence (0.55, the
 * default less 0.05) admits new trends early in a regime. Caps stay at the
 * defaults.
 */
export const adaptive: Preset = {
  name: "adaptive",
  summary: "regime-responsive: regime override on for 10 days, shorter grace and holding",
  why:
    "Follow the regime: let a critical transition clear the book and let positions turn over with the regime, with caps left at the defaults.",
  values: {
    rebalance: { frequency: "weekly" },
    universe: { trendingConfidence: 0.55 },
    protection: {
      regimeOverride: true,
      overrideDays: 10,
      graceDays: 2,
      holdingDays: 2,
      whipsawWindowDays: 10,
      coreExpiryDays: 60,
    },
  },
};

/**
 * Institutional: the seed's production example (`--preset institutional
 * --buckets "Risk Assets,Defensive Assets,International" --enable-core-assets
 * --max-assets 10 --rebalance-freq daily --cash 1000000`). Diversified (8% a
 * position, 4 positions and 30% a bucket) with strict bucket limits (no
 * overrides for core or high-alpha assets); 4 positions, not 3, since three
 * positions of 8% (24%) could never reach the 30% a bucket allows; costs as a large account meets
 * them (10 bps slippage, per-share commission with a $1 minimum) and trades
 * under 1% of value skipped, so daily rebalances do not churn; core assets and
 * every protection on; a 2% cash buffer for fills at the next open.
 */
export const institutional: Preset = {
  name: "institutional",
  summary:
    "diversified, strict bucket limits, realistic costs, every protection on, the rest in fixed income",
  why:
    "The seed's production setting: a diversified book with strict bucket limits, costs as a large account pays them, and every protection on.",
  values: {
    broker: {
      commission: { type: "perShare", perShare: 0.005, minimum: 1 },
      slippageBps: 10,
      cashBuffer: 0.02,
    },
    rebalance: { minTradeWeight: 0.01 },
    sizing: {
      maxSingle: 0.08,
      target: 0.95,
      maxBucketPositions: 4,
      maxBucketWeight: 0.3,
      allowBucketOverride: false,
    },
    protection: {
      coreAssets: true,
      gracePeriods: true,
      whipsaw: true,
      holdingPeriod: true,
      regimeOverride: true,
      holdingDays: 5,
    },
    fallback: { enabled: true },
    audit: { enabled: true },
  },
};

/** Every preset by name. */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  conservative,
  aggressive,
  adaptive,
  institutional,
};

/** Whether `name` names a preset. */
export function isPresetName(name: unknown): name is PresetName {
  return typeof name === "string" && (PRESET_NAMES as readonly string[]).includes(name);
}

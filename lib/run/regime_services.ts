/**
 * Building what a run reads, from the configuration: the Panel, and for the
 * regime-aware strategy the regime provider (database first when enabled), the
 * scan history, the fundamentals and the protection orchestrator.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import { Panel } from "../data/panel.ts";
import type { RegimeAwareOptions } from "../engine/regime_aware_options.ts";
import { createRegimeProvider, type RegimeProvider } from "../market/regime_provider.ts";
import type { RegimeLogger } from "../market/regime_provider.ts";
import type { ResearchReader } from "../db/research_repository.ts";
import { scanHistory } from "../market/scanner_history.ts";
import type { ScanLookup } from "../engine/stages/scan_conditions.ts";
import { FundamentalsIndex } from "../portfolio/fundamentals_index.ts";
import { createOrchestrator } from "../protection/create_orchestrator.ts";
import type { ProtectionOrchestrator } from "../protection/orchestrator.ts";
import type { Verdict } from "../protection/verdict.ts";

/** The regime-aware strategy's options from the configuration. */
export function regimeAwareOptions(config: Config): RegimeAwareOptions {
  const s = config.sizing;
  return {
    rebalance: config.rebalance.frequency,
    minTradeWeight: config.rebalance.minTradeWeight,
    scoreWeights: {
      technical: config.scoring.technicalWeight,
      fundamental: config.scoring.fundamentalWeight,
    },
    universe: {
      maxAssets: config.universe.maxAssets,
      trendingConfidence: config.universe.trendingConfidence,
      direction: config.universe.direction,
    },
    sizing: {
      maxSingle: s.maxSingle,
      maxPositionRisk: s.maxPositionRisk,
      target: s.target,
      minScore: s.minScore,
      weighting: s.weighting,
      maxBucketPositions: s.maxBucketPositions,
      maxBucketWeight: s.maxBucketWeight,
      allowBucketOverride: s.allowBucketOverride,
      highAlphaScore: s.highAlphaScore,
      residual: s.residual,
    },
    buckets: config.buckets.map,
    allowedBuckets: config.buckets.allowed,
    fallback: config.fallback.enabled
      ? {
        bucket: config.fallback.bucket,
        members: config.fallback.members,
        minScore: config.fallback.minScore,
        maxSingle: config.fallback.maxSingle,
      }
      : undefined,
    attributeCash: config.audit.enabled,
  };
}

/** The protection orchestrator the configuration asks for; `onVerdict` sees every verdict. */
export function protectionFor(
  config: Config,
  onVerdict?: (verdict: Verdict) => void,
): ProtectionOrchestrator {
  const p = config.protection;
  return createOrchestrator({
    enabled: {
      core: p.coreAssets,
      regimeOverride: p.regimeOverride,
      grace: p.gracePeriods,
      holding: p.holdingPeriod,
      whipsaw: p.whipsaw,
    },
    rules: {
      core: {
        threshold: p.coreThreshold,
        expiryDays: p.coreExpiryDays,
        revokeUnderperformance: p.coreRevokeUnderperformance,
      },
      regimeOverride: { activeDays: p.overrideDays },
      grace: { threshold: p.graceThreshold, graceDays: p.graceDays, decayFactor: p.graceDecay },
      holding: { holdingDays: p.holdingDays },
      whipsaw: { maxCycles: p.whipsawMaxCycles, windowDays: p.whipsawWindowDays },
    },
    ...(onVerdict ? { onVerdict } : {}),
  });
}

/** Builds the Panel a config asks for from loaded data. */
export function panelFor(config: Config, market: MarketData): Panel {
  return Panel.fromSeries(market.series, { prices: config.data.prices, splits: market.splits });
}

/** The market services of a regime-aware run. */
export type MarketServices = {
  readonly regime: RegimeProvider;
  readonly scans: ScanLookup;
  readonly fundamentals: FundamentalsIndex | undefined;
};

/** The research database a run reads regimes from, and where its notes go. */
export type RunDatabase = {
  readonly research: ResearchReader | undefined;
  readonly logger: RegimeLogger;
};

/** A run's first and last day (ISO). */
export type RunRange = { readonly from: string; readonly to: string };

/**
 * The regime provider of a run over `panel`: the config's regime -> buckets
 * map, and the research rows of `range` when a database is given (the range
 * is read only then: without a database the provider covers the whole Panel).
 */
export function regimeProviderFor(
  config: Config,
  panel: Panel,
  range: RunRange,
  database?: RunDatabase,
): Promise<RegimeProvider> {
  return createRegimeProvider({
    panel,
    regimeBuckets: config.buckets.regimeMap,
    ...(database
      ? { database: database.research, logger: database.logger, from: range.from, to: range.to }
      : {}),
  });
}

/** The fundamentals index of the market's filed figures, when it has any. */
export function fundamentalsFor(market: MarketData): FundamentalsIndex | undefined {
  return market.fundamentals ? FundamentalsIndex.fromRows(market.fundamentals) : undefined;
}

/** Builds the regime provider, scan history and fundamentals over `panel`. */
export async function marketServices(
  config: Config,
  market: MarketData,
  panel: Panel,
  range: RunRange,
  database?: RunDatabase,
): Promise<MarketServices> {
  const regime = await regimeProviderFor(config, panel, range, database);
  return { regime, scans: scanHistory(panel), fundamentals: fundamentalsFor(market) };
}

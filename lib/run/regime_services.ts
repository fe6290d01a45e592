/**
 * Building what the regime-aware strategy reads, over the run's Panel and from
 * the configuration: the regime provider (database first when enabled), the
 * scan history, the fundamentals, the protection orchestrator.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import type { Panel } from "../data/panel.ts";
import type { RegimeAwareOptions } from "../engine/regime_aware_options.ts";
import { createRegimeProvider, type RegimeProvider } from "../market/regime_provider.ts";
import type { RegimeLogger } from "../market/regime_provider.ts";
import type { ResearchReader } from "../db/research_repository.ts";
import { scanHistory } from "../market/scanner_history.ts";
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

/** The market services of a regime-aware run. */
export type MarketServices = {
  readonly regime: RegimeProvider;
  readonly scans: ReturnType<typeof scanHistory>;
  readonly fundamentals: FundamentalsIndex | undefined;
};

/** Builds the regime provider, scan history and fundamentals over `panel`. */
export async function marketServices(
  config: Config,
  market: MarketData,
  panel: Panel,
  range: { readonly from: string; readonly to: string },
  database?: { readonly research: ResearchReader | undefined; readonly logger: RegimeLogger },
): Promise<MarketServices> {
  const regime = await createRegimeProvider({
    panel,
    regimeBuckets: config.buckets.regimeMap,
    from: range.from,
    to: range.to,
    ...(database ? { database: database.research, logger: database.logger } : {}),
  });
  const fundamentals = market.fundamentals
    ? FundamentalsIndex.fromRows(market.fundamentals)
    : undefined;
  return { regime, scans: scanHistory(panel), fundamentals };
}

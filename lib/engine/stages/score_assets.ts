/**
 * Stage: the combined score of every universe asset (and every held one, and
 * the fallback bucket's members):
 * technical from its scan, fundamental from the last figures filed by the day
 * (point in time), 0.6 / 0.4 by default; an asset without fundamentals (an
 * ETF) is scored on its technical part alone.
 *
 * @module
 */
import type { ScanResult } from "../../market/scanner_result.ts";
import {
  type CombinedScore,
  combinedScore,
  type ScoreWeights,
} from "../../portfolio/combined_score.ts";
import { fundamentalScoreAsOf } from "../../portfolio/fundamental_score.ts";
import type { FundamentalsIndex } from "../../portfolio/fundamentals_index.ts";
import { technicalScore } from "../../portfolio/technical_score.ts";
import type { UniverseResult } from "../../portfolio/universe.ts";
import type { Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** Options of {@link scoreAssets}. */
export type ScoreAssetsOptions = {
  readonly weights: ScoreWeights;
  /** Filed fundamentals; absent = technical scores only. */
  readonly fundamentals?: FundamentalsIndex | undefined;
};

/** Options of the {@link scoreAssets} stage. */
export type ScoreStageOptions = ScoreAssetsOptions & {
  /** Tickers scored on every rebalance besides the universe (the fallback bucket's members). */
  readonly also?: readonly string[];
};

/** The combined score of one ticker on a day, or null when it has no scan. */
export function scoreOf(
  ticker: string,
  scan: ScanResult | undefined,
  date: string,
  options: ScoreAssetsOptions,
): CombinedScore | null {
  if (scan === undefined) return null;
  const technical = _technical(scan);
  if (technical === null) return null;
  const fundamental = options.fundamentals
    ? fundamentalScoreAsOf(options.fundamentals, ticker, date)
    : null;
  return combinedScore(technical, fundamental, options.weights);
}

/**
 * Technical scores by scan: a scan's score never changes, and a scan history shared by many
 * runs (a sweep) hands every run the same scan objects, so each is scored once.
 */
const _technicalScores = new WeakMap<ScanResult, number | null>();

function _technical(scan: ScanResult): number | null {
  let score = _technicalScores.get(scan);
  if (score === undefined) {
    score = technicalScore({ scan });
    _technicalScores.set(scan, score);
  }
  return score;
}

/** Adds `scores`: ticker -> combined score, for the universe, the held assets and `also`. */
export function scoreAssets(
  options: ScoreStageOptions,
): Stage<
  RebalanceBase & { scans: ReadonlyMap<string, ScanResult>; universe: UniverseResult },
  { scores: ReadonlyMap<string, CombinedScore> }
> {
  return {
    name: "score_assets",
    run: (ctx) => {
      const scores = new Map<string, CombinedScore>();
      for (const ticker of new Set([...ctx.universe.tickers, ...ctx.held, ...options.also ?? []])) {
        const s = scoreOf(ticker, ctx.scans.get(ticker), ctx.date, options);
        if (s !== null) scores.set(ticker, s);
      }
      return { scores };
    },
  };
}

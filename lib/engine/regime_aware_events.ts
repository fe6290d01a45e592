/**
 * The audit events of one rebalance of the regime-aware strategy, built from
 * the pipeline's context: regime, scans, scores, sizing exceptions, protection
 * verdicts and the position changes they allowed. Pure: it returns events, the
 * caller records them.
 *
 * @module
 */
import type { AuditEvent, Metadata } from "../audit/events.ts";
import type { RegimeContext } from "../market/regime.ts";
import type { ScanResult } from "../market/scanner_result.ts";
import type { CombinedScore } from "../portfolio/combined_score.ts";
import type { Proposal } from "../portfolio/proposal.ts";
import type { UniverseResult } from "../portfolio/universe.ts";
import type { PositionChange } from "./stages/protect_positions.ts";

/** The parts of a finished (or partly finished) rebalance that events describe. */
export type RebalanceFacts = {
  readonly date: string;
  readonly regime?: RegimeContext;
  readonly scans?: ReadonlyMap<string, ScanResult>;
  readonly universe?: UniverseResult;
  readonly scores?: ReadonlyMap<string, CombinedScore>;
  readonly proposal?: Proposal;
  readonly changes?: readonly PositionChange[];
  /** Scores of the previous rebalance, for score_before. */
  readonly previousScores?: ReadonlyMap<string, number>;
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The regime events of a day: detected, and changed when a transition happens on it. */
export function regimeEvents(asOf: string, regime: RegimeContext): AuditEvent[] {
  const out: AuditEvent[] = [{
    type: "RegimeDetected",
    asOf,
    regime: regime.regime ?? "unknown",
    confidence: round(regime.confidence),
    stability: round(regime.stability),
    metadata: { source: regime.source, buckets: [...regime.buckets], agreement: regime.agreement },
  }];
  const tr = regime.transition;
  if (tr && tr.ageDays === 0 && regime.regime !== null) {
    out.push({
      type: "RegimeChanged",
      asOf,
      from: tr.from,
      to: tr.to,
      severity: tr.severity,
      overrideAuthorizations: tr.overrideAuthority ? [...tr.bypasses] : [],
      reason: `${tr.from} -> ${tr.to} (${tr.severity})`,
      metadata: { override_authorizations: tr.overrideAuthority ? [...tr.bypasses] : [] },
    });
  }
  return out;
}

/** Every event of a rebalance, in pipeline order. */
export function rebalanceEvents(f: RebalanceFacts): AuditEvent[] {
  const asOf = f.date;
  const out: AuditEvent[] = f.regime ? regimeEvents(asOf, f.regime) : [];
  const members = new Map((f.universe?.members ?? []).map((m) => [m.ticker, m]));
  const relevant = new Set([...members.keys(), ...(f.changes ?? []).map((c) => c.ticker)]);
  for (const ticker of relevant) {
    const scan = f.scans?.get(ticker);
    if (!scan) continue;
    out.push({
      type: "ScanCompleted",
      asOf,
      asset: ticker,
      condition: scan.condition,
      confidence: round(scan.confidence),
      timeframe: scan.timeframe,
      metadata: {
        direction: scan.trendDirection,
        strength: round(scan.strength),
        price_change: round(scan.priceChange),
        volatility: round(scan.volatility),
        in_universe: members.has(ticker),
        universe_reason: members.get(ticker)?.reason ?? null,
      },
    });
  }
  for (const [ticker, s] of f.scores ?? []) {
    out.push(scoreEvent(asOf, ticker, s, f.previousScores?.get(ticker)));
  }
  for (const e of f.proposal?.exceptions ?? []) {
    out.push({
      type: "CustomEvent",
      eventType: "sizing_exception",
      category: "scoring",
      asOf,
      asset: e.ticker,
      action: e.rule,
      reason: e.reason,
    });
  }
  for (const c of f.changes ?? []) {
    out.push(...changeEvents(asOf, c, f.scores?.get(c.ticker)?.score));
  }
  return out;
}

/** The score of one asset on a day, with its parts and the previous rebalance's score. */
export function scoreEvent(
  asOf: string,
  ticker: string,
  s: CombinedScore,
  before: number | undefined,
): AuditEvent {
  return {
    type: "AssetScored",
    asOf,
    asset: ticker,
    score: round(s.score),
    ...(before === undefined ? {} : { previousScore: round(before) }),
    reason: s.basis,
    metadata: {
      technical: round(s.technical),
      fundamental: s.fundamental === null ? null : round(s.fundamental),
    },
  };
}

/** The verdict events of one judged change, then the position event it allowed (if it moved). */
export function changeEvents(asOf: string, c: PositionChange, score?: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const v of c.verdicts) {
    const metadata: Metadata = {
      proposed: round(c.proposed),
      bypassed: [...v.bypassed],
      overridden_by: v.overriddenBy ?? null,
    };
    out.push({
      type: v.approved ? "ActionApproved" : "ActionBlocked",
      asOf,
      asset: c.ticker,
      action: v.action,
      rule: v.rule,
      reason: v.reason,
      ...(score === undefined ? {} : { score: round(score) }),
      sizeBefore: round(c.sizeBefore),
      sizeAfter: round(v.modification?.size ?? (v.approved ? c.proposed : c.sizeBefore)),
      metadata,
    });
  }
  if (Math.abs(c.sizeAfter - c.sizeBefore) < 1e-12) return out;
  const reason = c.verdicts.at(-1)?.reason ?? "";
  const scoreField = score === undefined ? {} : { scoreAfter: round(score) };
  const sizeBefore = round(c.sizeBefore), sizeAfter = round(c.sizeAfter);
  if (c.action === "decay") {
    out.push({
      type: "PositionDecayed",
      asOf,
      asset: c.ticker,
      reason,
      sizeBefore,
      sizeAfter,
      ...scoreField,
    });
  } else if (c.sizeBefore === 0) {
    out.push({ type: "PositionOpened", asOf, asset: c.ticker, reason, sizeAfter, ...scoreField });
  } else if (c.sizeAfter === 0) {
    out.push({ type: "PositionClosed", asOf, asset: c.ticker, reason, sizeBefore, ...scoreField });
  } else {
    out.push({
      type: "PositionAdjusted",
      asOf,
      asset: c.ticker,
      reason,
      sizeBefore,
      sizeAfter,
      ...scoreField,
    });
  }
  return out;
}

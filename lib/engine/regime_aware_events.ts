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
import { CASH_CAUSES, type RebalanceCash } from "../portfolio/cash_causes.ts";
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

/** The event type of a rebalance's cash attribution (what `deno task audit exposure` reads). */
export const CASH_EVENT = "cash_attribution";

/**
 * The fallback's allocation (when it took anything) and the rebalance's cash
 * attribution: invested weight, each cause's share of the rest, and the funnel.
 */
export function cashEvents(
  asOf: string,
  proposal: Proposal,
  cash: RebalanceCash | undefined,
): AuditEvent[] {
  const out: AuditEvent[] = [];
  const fallback = proposal.fallback;
  if (fallback && fallback.allocated > 0) {
    const added = Object.entries(fallback.added);
    out.push({
      type: "CustomEvent",
      eventType: "fallback_allocated",
      category: "scoring",
      asOf,
      action: "fallback",
      reason: `fallback took ${round(fallback.allocated)}: ${
        added.map(([t, w]) => `${t} ${round(w)}`).join(", ")
      }`,
      metadata: {
        added: Object.fromEntries(added.map(([t, w]) => [t, round(w)])),
        passed: fallback.passed.map((p) => `${p.ticker}: ${p.reason}`),
      },
    });
  }
  if (cash === undefined) return out;
  const causes = Object.fromEntries(CASH_CAUSES.map((c) => [c, round(cash.causes[c])]));
  const largest = CASH_CAUSES.filter((c) => cash.causes[c] > 0.0005)
    .sort((a, b) => cash.causes[b] - cash.causes[a]).slice(0, 3);
  out.push({
    type: "CustomEvent",
    eventType: CASH_EVENT,
    category: "scoring",
    asOf,
    action: "attribute",
    reason: `invested ${round(cash.invested)}, un-invested ${round(cash.uninvested)}${
      largest.length > 0
        ? `: ${largest.map((c) => `${c} ${round(cash.causes[c])}`).join(", ")}`
        : ""
    }`,
    metadata: {
      invested: round(cash.invested),
      uninvested: round(cash.uninvested),
      causes,
      funnel: { ...cash.funnel },
    },
  });
  return out;
}

/** The tickers of the data that sit in no bucket and so are never bought: a warning. */
export function unbucketedEvent(asOf: string, tickers: readonly string[]): AuditEvent {
  return {
    type: "CustomEvent",
    eventType: "tickers_unbucketed",
    category: "run",
    asOf,
    action: "warn",
    reason: `${tickers.length} ticker${
      tickers.length === 1 ? "" : "s"
    } in no bucket, never bought: ${tickers.join(", ")} (map them with buckets.file)`,
    metadata: { tickers: [...tickers] },
  };
}

/**
 * Stage: every position change the proposal implies goes to the protection
 * orchestrator, which approves it, blocks it, or modifies it (a grace decay).
 * The verdicts win per asset: an approved change takes the proposed weight, a
 * blocked one keeps the current weight, a modified one takes the decayed
 * weight. Changes below `minTradeWeight` are not asked (nothing to protect).
 *
 * A close blocked by the grace period becomes a decay request: the position
 * shrinks by the decay factor each day of grace instead of closing at once.
 *
 * Blocked positions keep their weight, so the approved targets may add up to
 * more than the exposure the proposal aimed at; then the approved opens and
 * increases are scaled down together to fit (`scaledBy` < 1 says so), and
 * where the kept positions alone exceed it everything is scaled.
 *
 * @module
 */
import type { Proposal } from "../../portfolio/proposal.ts";
import type { ProtectionAction } from "../../protection/request.ts";
import type { Verdict } from "../../protection/verdict.ts";
import type { Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** What the stage needs of the orchestrator. */
export type ProtectionGate = {
  readonly canExecute: (request: {
    asset: string;
    action: ProtectionAction;
    t: number;
    date: string;
  }) => Verdict;
};

/** One position change that protection judged, with the weights it moves between. */
export type PositionChange = {
  readonly ticker: string;
  readonly action: ProtectionAction;
  readonly sizeBefore: number;
  /** What the proposal asked for. */
  readonly proposed: number;
  /** What the verdicts allow: the weight the rebalance targets. */
  readonly sizeAfter: number;
  readonly verdicts: readonly Verdict[];
};

/** Adds `changes` (each judged change) and `targets` (the weights to rebalance to). */
export function protectPositions(
  gate: ProtectionGate,
  options: { readonly minTradeWeight: number; readonly maxExposure: number },
): Stage<
  RebalanceBase & { proposal: Proposal },
  {
    changes: readonly PositionChange[];
    targets: Readonly<Record<string, number>>;
    scaledBy: number;
  }
> {
  return {
    name: "protect",
    run: (ctx) => {
      const changes: PositionChange[] = [];
      const targets: Record<string, number> = {};
      const want = ctx.proposal.weights;
      for (const ticker of ctx.held) {
        const before = ctx.weights[ticker] ?? 0;
        const proposed = want[ticker] ?? 0;
        if (proposed === 0) {
          const change = closeOrDecay(gate, ctx, ticker, before);
          changes.push(change);
          if (change.sizeAfter > 0) targets[ticker] = change.sizeAfter;
        } else if (Math.abs(proposed - before) >= options.minTradeWeight) {
          const v = gate.canExecute({ asset: ticker, action: "adjust", t: ctx.t, date: ctx.date });
          const after = v.modification?.size ?? (v.approved ? proposed : before);
          changes.push({
            ticker,
            action: "adjust",
            sizeBefore: before,
            proposed,
            sizeAfter: after,
            verdicts: [v],
          });
          targets[ticker] = after;
        } else {
          targets[ticker] = before;
        }
      }
      for (const [ticker, proposed] of Object.entries(want)) {
        if (ctx.weights[ticker] !== undefined || proposed < options.minTradeWeight) continue;
        const v = gate.canExecute({ asset: ticker, action: "open", t: ctx.t, date: ctx.date });
        const after = v.modification?.size ?? (v.approved ? proposed : 0);
        changes.push({
          ticker,
          action: "open",
          sizeBefore: 0,
          proposed,
          sizeAfter: after,
          verdicts: [v],
        });
        if (after > 0) targets[ticker] = after;
      }
      const grown = new Set(
        changes.filter((c) => c.verdicts.every((v) => v.approved) && c.sizeAfter > c.sizeBefore)
          .map((c) => c.ticker),
      );
      const scaledBy = fitExposure(targets, grown, ctx.weights, options.maxExposure);
      return { changes, targets, scaledBy };
    },
  };
}

/**
 * Scales `targets` in place so they sum to at most `cap`: first only the growth
 * of the `grown` tickers beyond their current weight, then, if that is not
 * enough, every target. Returns the factor applied to the growth (1 = none).
 */
export function fitExposure(
  targets: Record<string, number>,
  grown: ReadonlySet<string>,
  current: Readonly<Record<string, number>>,
  cap: number,
): number {
  const total = Object.values(targets).reduce((a, b) => a + b, 0);
  if (total <= cap + 1e-12) return 1;
  let growth = 0;
  for (const ticker of grown) growth += (targets[ticker] ?? 0) - (current[ticker] ?? 0);
  const excess = total - cap;
  if (growth > excess) {
    const factor = (growth - excess) / growth;
    for (const ticker of grown) {
      const base = current[ticker] ?? 0;
      targets[ticker] = base + ((targets[ticker] ?? 0) - base) * factor;
    }
    return factor;
  }
  for (const ticker of grown) targets[ticker] = current[ticker] ?? 0;
  const kept = Object.values(targets).reduce((a, b) => a + b, 0);
  const factor = kept > cap ? cap / kept : 1;
  for (const ticker of Object.keys(targets)) targets[ticker] = (targets[ticker] ?? 0) * factor;
  return 0;
}

/** A close request; where the grace period blocks it, the position decays instead. */
export function closeOrDecay(
  gate: ProtectionGate,
  ctx: { readonly t: number; readonly date: string },
  ticker: string,
  before: number,
): PositionChange {
  const close = gate.canExecute({ asset: ticker, action: "close", t: ctx.t, date: ctx.date });
  if (close.approved) {
    return {
      ticker,
      action: "close",
      sizeBefore: before,
      proposed: 0,
      sizeAfter: 0,
      verdicts: [close],
    };
  }
  if (close.rule !== "grace_period") {
    return {
      ticker,
      action: "close",
      sizeBefore: before,
      proposed: 0,
      sizeAfter: before,
      verdicts: [close],
    };
  }
  const decay = gate.canExecute({ asset: ticker, action: "decay", t: ctx.t, date: ctx.date });
  const after = decay.modification?.size ?? before;
  return {
    ticker,
    action: "decay",
    sizeBefore: before,
    proposed: 0,
    sizeAfter: Math.min(before, after),
    verdicts: [close, decay],
  };
}

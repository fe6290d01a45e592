/**
 * Protection effectiveness: what one protection rule changed, from a run with
 * every protection on (the base) and the same run with that rule off (the
 * variant). Pure: it reads the runs' fills, metrics and verdict counts and the
 * Panel they traded on.
 *
 * Definitions (every count on the Panel's calendar, in trading days):
 * - A position cycle of a ticker starts with the fill that takes its holding
 *   from zero to above zero and ends with the fill that takes it back to zero;
 *   grace decays, adds and trims on the way stay inside the cycle. Splits
 *   (raw-price Panels) scale the holding on their day, as the broker does.
 * - A short cycle is one closed fewer than `windowDays` trading days after it
 *   opened (`closeT - openT < windowDays`): the round trip fits in one whipsaw
 *   window. A quick reopen is a cycle opened fewer than `windowDays` trading
 *   days after the ticker's previous cycle closed (what the whipsaw rule blocks).
 * - Traded value is the sum of `size * price` over fills; commission the sum
 *   of the fills' commissions; slippage the sum of `|price - reference| * size`
 *   where the reference is the bar's open on the fill day (or its close for
 *   runs that fill at the close) before slippage: the market orders the
 *   regime-aware strategy places fill at exactly that bar price.
 * - Prevented and saved figures are variant minus base (positive: the rule
 *   prevented or saved that much); return, max drawdown and Sharpe differences
 *   are base minus variant (positive: the rule added return, made the deepest
 *   drawdown shallower, raised the Sharpe ratio).
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { Fill } from "../engine/types.ts";

/** What the figures read of the Panel (a {@link Panel} fits). */
export type PanelPrices = Pick<Panel, "indexOf" | "indexOnOrAfter" | "open" | "close" | "splits">;

/** One position cycle, from the opening fill to the closing fill; days are Panel indices. */
export type PositionCycle = {
  readonly ticker: string;
  readonly openT: number;
  readonly closeT: number;
  /** Trading days from the ticker's previous cycle's closing fill to this cycle's opening fill (null for its first cycle). */
  readonly daysSincePreviousClose: number | null;
};

/** What a run produced that the figures read (a `RunResult` fits). */
export type AblationRun = {
  readonly fills: readonly Fill[];
  readonly trades: readonly unknown[];
  readonly metrics: {
    readonly totalReturn: number;
    readonly maxDrawdown: { readonly depth: number };
    readonly sharpe: number | null;
    readonly turnover: number | null;
  };
  readonly protection: {
    readonly verdicts: readonly {
      readonly rule: string;
      readonly outcome: "approved" | "blocked" | "modified" | "overridden";
      readonly count: number;
    }[];
  } | null;
};

/** The figures of one run. */
export type RunFigures = {
  readonly totalReturn: number;
  /** Depth of the deepest drawdown (<= 0). */
  readonly maxDrawdown: number;
  readonly sharpe: number | null;
  readonly fills: number;
  /** Closed round trips (FIFO lots) as the broker reports them. */
  readonly trades: number;
  /** Completed position cycles. */
  readonly cycles: number;
  readonly shortCycles: number;
  readonly quickReopens: number;
  readonly tradedValue: number;
  /** Mean daily turnover x 252 (the metrics' figure). */
  readonly annualTurnover: number | null;
  readonly commission: number;
  readonly slippage: number;
  /** commission + slippage. */
  readonly costs: number;
};

/** What one protection changed: variant minus base for activity, base minus variant for results. */
export type ProtectionEffect = {
  readonly cyclesPrevented: number;
  readonly shortCyclesPrevented: number;
  readonly quickReopensPrevented: number;
  readonly fillsSaved: number;
  readonly tradesSaved: number;
  readonly tradedValueSaved: number;
  readonly turnoverSaved: number | null;
  readonly commissionSaved: number;
  readonly slippageSaved: number;
  readonly costsSaved: number;
  readonly returnDifference: number;
  readonly maxDrawdownDifference: number;
  readonly sharpeDifference: number | null;
};

/** Verdicts a rule decided in a run, by outcome. */
export type RuleVerdicts = {
  readonly blocked: number;
  readonly modified: number;
  readonly overridden: number;
};

const EPS = 1e-9;

/** Every completed position cycle of the fills, in closing order; see the module doc. */
export function positionCycles(fills: readonly Fill[], panel: PanelPrices): PositionCycle[] {
  const held = new Map<string, { shares: number; openT: number; splitsApplied: number }>();
  const lastClose = new Map<string, number>();
  const cycles: PositionCycle[] = [];
  for (const f of fills) {
    const t = panel.indexOnOrAfter(f.date);
    const h = held.get(f.ticker) ?? { shares: 0, openT: t, splitsApplied: 0 };
    const splits = panel.splits[panel.indexOf(f.ticker)] ?? [];
    while (h.splitsApplied < splits.length && (splits[h.splitsApplied]?.t ?? Infinity) <= t) {
      h.shares *= splits[h.splitsApplied]?.ratio ?? 1;
      h.splitsApplied++;
    }
    if (f.side === "buy") {
      if (h.shares <= EPS) h.openT = t;
      h.shares += f.size;
    } else {
      h.shares -= f.size;
      if (h.shares <= EPS) {
        const previous = lastClose.get(f.ticker);
        cycles.push({
          ticker: f.ticker,
          openT: h.openT,
          closeT: t,
          daysSincePreviousClose: previous === undefined ? null : h.openT - previous,
        });
        lastClose.set(f.ticker, t);
        h.shares = 0;
      }
    }
    held.set(f.ticker, h);
  }
  return cycles;
}

/** Sum over fills of |fill price - the bar's open (or close)| x size: the cost of slippage. */
export function slippageCost(
  fills: readonly Fill[],
  panel: PanelPrices,
  fillAt: "nextOpen" | "close",
): number {
  const field = fillAt === "close" ? panel.close : panel.open;
  let cost = 0;
  for (const f of fills) {
    const reference = field[panel.indexOf(f.ticker)]?.[panel.indexOnOrAfter(f.date)];
    if (reference === undefined || !Number.isFinite(reference)) {
      throw new RangeError(
        `Cannot price the slippage of fill ${f.orderId} as ${f.ticker} must have a bar on ${f.date}: current value is ${reference}`,
      );
    }
    cost += Math.abs(f.price - reference) * f.size;
  }
  return cost;
}

/** The figures of one run; `windowDays` sets what a short cycle and a quick reopen are. */
export function runFigures(
  run: AblationRun,
  panel: PanelPrices,
  options: { readonly windowDays: number; readonly fillAt: "nextOpen" | "close" },
): RunFigures {
  const cycles = positionCycles(run.fills, panel);
  const w = options.windowDays;
  let tradedValue = 0, commission = 0;
  for (const f of run.fills) {
    tradedValue += f.size * f.price;
    commission += f.commission;
  }
  const slippage = slippageCost(run.fills, panel, options.fillAt);
  return {
    totalReturn: run.metrics.totalReturn,
    maxDrawdown: run.metrics.maxDrawdown.depth,
    sharpe: run.metrics.sharpe,
    fills: run.fills.length,
    trades: run.trades.length,
    cycles: cycles.length,
    shortCycles: cycles.filter((c) => c.closeT - c.openT < w).length,
    quickReopens:
      cycles.filter((c) => c.daysSincePreviousClose !== null && c.daysSincePreviousClose < w)
        .length,
    tradedValue,
    annualTurnover: run.metrics.turnover,
    commission,
    slippage,
    costs: commission + slippage,
  };
}

/** What the protection switched off in `variant` changed; see the module doc for the signs. */
export function protectionEffect(base: RunFigures, variant: RunFigures): ProtectionEffect {
  return {
    cyclesPrevented: variant.cycles - base.cycles,
    shortCyclesPrevented: variant.shortCycles - base.shortCycles,
    quickReopensPrevented: variant.quickReopens - base.quickReopens,
    fillsSaved: variant.fills - base.fills,
    tradesSaved: variant.trades - base.trades,
    tradedValueSaved: variant.tradedValue - base.tradedValue,
    turnoverSaved: base.annualTurnover === null || variant.annualTurnover === null
      ? null
      : variant.annualTurnover - base.annualTurnover,
    commissionSaved: variant.commission - base.commission,
    slippageSaved: variant.slippage - base.slippage,
    costsSaved: variant.costs - base.costs,
    returnDifference: base.totalReturn - variant.totalReturn,
    maxDrawdownDifference: base.maxDrawdown - variant.maxDrawdown,
    sharpeDifference: base.sharpe === null || variant.sharpe === null
      ? null
      : base.sharpe - variant.sharpe,
  };
}

/** The verdicts `rule` decided in a run (blocked, modified, overridden), from its verdict counts. */
export function ruleVerdicts(run: AblationRun, rule: string): RuleVerdicts {
  let blocked = 0, modified = 0, overridden = 0;
  for (const v of run.protection?.verdicts ?? []) {
    if (v.rule !== rule) continue;
    if (v.outcome === "blocked") blocked += v.count;
    else if (v.outcome === "modified") modified += v.count;
    else if (v.outcome === "overridden") overridden += v.count;
  }
  return { blocked, modified, overridden };
}

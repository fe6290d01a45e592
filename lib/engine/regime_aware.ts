/**
 * The regime-aware strategy: the seed's rebalancer as one pipeline of stages
 * (detect regime, scan, select the universe, score, propose weights, protect,
 * then attribute what stays in cash), run on each rebalance day; on the other
 * days only grace-period decays run.
 * Every decision goes to the audit log when one is attached, one session (and
 * trace id) per rebalance.
 *
 * The services it reads (regime provider, scan history, fundamentals,
 * protection orchestrator) are built by the caller over the same Panel; each
 * gives day t's answer from data up to day t only, which the point-in-time
 * test of the whole pipeline checks.
 *
 * @module
 */
import type { AuditEvent } from "../audit/events.ts";
import type { PanelView } from "../data/panel.ts";
import type { FundamentalsIndex } from "../portfolio/fundamentals_index.ts";
import type { ProtectionOrchestrator } from "../protection/orchestrator.ts";
import type { RegimeSeverity } from "../protection/facts.ts";
import type { TransitionSeverity } from "../market/regime.ts";
import { bucketsOf } from "../market/buckets.ts";
import { periodOfDay } from "./equal_weight.ts";
import { pipeline } from "./pipeline.ts";
import type { DayContext, Decision, Strategy } from "./strategy.ts";
import type { JsonValue } from "../protection/rule.ts";
import type { RebalanceBase } from "./stages/context.ts";
import { detectRegime, type RegimeSource } from "./stages/detect_regime.ts";
import { scanConditions, type ScanLookup } from "./stages/scan_conditions.ts";
import { selectUniverse } from "./stages/select_universe.ts";
import { scoreAssets, scoreOf } from "./stages/score_assets.ts";
import { proposeTargets } from "./stages/propose_targets.ts";
import { closeOrDecay, type PositionChange, protectPositions } from "./stages/protect_positions.ts";
import { attributeCash, noCash } from "./stages/attribute_cash.ts";
import {
  cashEvents,
  changeEvents,
  rebalanceEvents,
  regimeEvents,
  scoreEvent,
  unbucketedEvent,
} from "./regime_aware_events.ts";
import type { RebalanceCash } from "../portfolio/cash_causes.ts";
import type { CombinedScore } from "../portfolio/combined_score.ts";
import type { RegimeAwareOptions } from "./regime_aware_options.ts";
import { SIZING_DEFAULTS } from "../portfolio/sizing_options.ts";

const SIZING_TARGET = SIZING_DEFAULTS.target;

/** Where decisions are recorded: the audit log (`AuditLog` fits). */
export type DecisionRecorder = {
  readonly beginSession: (options: { asOf: string; kind?: string }) => string;
  readonly record: (event: AuditEvent) => void;
};

/** The services the strategy reads, built over the run's Panel. */
export type RegimeAwareServices = {
  readonly regime: RegimeSource;
  readonly scans: ScanLookup;
  readonly fundamentals?: FundamentalsIndex | undefined;
  readonly protection: ProtectionOrchestrator;
  readonly audit?: DecisionRecorder | undefined;
};

/** What one rebalance (or decay day) decided, for the run's summary and report. */
export type RebalanceRecord = {
  readonly date: string;
  readonly kind: "rebalance" | "decay";
  readonly regime: string | null;
  readonly targets: Readonly<Record<string, number>> | null;
  readonly skipped?: string;
  readonly changes: readonly PositionChange[];
  /** A full rebalance's invested weight and where the rest went. */
  readonly cash?: RebalanceCash;
};

const SEVERITY: Readonly<Record<TransitionSeverity, RegimeSeverity>> = {
  minor: "normal",
  major: "high",
  critical: "critical",
};

/** Builds the regime-aware strategy; see the module doc. */
export function regimeAware(
  options: RegimeAwareOptions,
  services: RegimeAwareServices,
): RegimeAwareStrategy {
  return new RegimeAwareStrategy(options, services);
}

/** The strategy object; `records` lists every rebalance it made. */
export class RegimeAwareStrategy implements Strategy {
  readonly name = "regime-aware";
  /** Every rebalance and decay day, in order. */
  readonly records: RebalanceRecord[] = [];
  readonly #o: RegimeAwareOptions;
  readonly #s: RegimeAwareServices;
  readonly #pipeline;
  readonly #bucketCache = new Map<string, readonly string[]>();
  #lastPeriod = NaN;
  #shares = new Map<string, number>();
  #lastScores = new Map<string, number>();
  /** Today's scores of the held assets (what starts, and ends, a grace period). */
  readonly #heldScores = new Map<string, CombinedScore>();
  /** Tickers of the data in no bucket: never bought (null until the first day). */
  #unbucketed: readonly string[] | null = null;

  /** The strategy over the given options and services; see {@link regimeAware}. */
  constructor(options: RegimeAwareOptions, services: RegimeAwareServices) {
    this.#o = options;
    this.#s = services;
    const scoring = { weights: options.scoreWeights, fundamentals: services.fundamentals };
    const bucketsOf = (ticker: string) => this.#bucketsOf(ticker);
    const coreAssets = (t: number) => services.protection.coreAssets(t);
    // `--buckets` is what the strategy may select from: a fallback bucket it leaves out is off.
    const allowed = options.allowedBuckets;
    const fallback =
      options.fallback && (allowed === undefined || allowed.includes(options.fallback.bucket))
        ? options.fallback
        : undefined;
    const fallbackTickers = fallback ? options.buckets[fallback.bucket] ?? [] : [];
    const decide = pipeline<RebalanceBase>()
      .then(detectRegime(services.regime))
      .then(scanConditions(services.scans))
      .then(selectUniverse({
        buckets: options.buckets,
        allowedBuckets: options.allowedBuckets,
        universe: options.universe,
      }))
      .then(scoreAssets({ ...scoring, also: fallbackTickers }))
      .then(proposeTargets({
        bucketsOf,
        sizing: options.sizing,
        coreAssets,
        fallback: fallback ? { tickers: fallbackTickers, options: fallback } : undefined,
      }))
      .then(protectPositions(services.protection, {
        minTradeWeight: options.minTradeWeight,
        maxExposure: options.sizing.target ?? SIZING_TARGET,
      }));
    this.#pipeline = decide.then(
      options.attributeCash === false ? noCash : attributeCash({
        buckets: options.buckets,
        bucketsOf,
        universe: options.universe,
        sizing: options.sizing,
        minTradeWeight: options.minTradeWeight,
        coreAssets,
        score: (ticker, scan, date) => scoreOf(ticker, scan, date, scoring),
      }),
    );
  }

  /** Tickers of the data that sit in no bucket, so are never bought (empty before the first day). */
  get unbucketed(): readonly string[] {
    return this.#unbucketed ?? [];
  }

  /**
   * What crosses days: the last rebalance period, yesterday's weights (the
   * facts of today's fills are told against them) and the last rebalance's
   * scores (each score event names the one before). Today's scores of the
   * held assets are rebuilt at the start of every day, so they are not kept.
   */
  saveState(): JsonValue {
    return {
      lastPeriod: Number.isNaN(this.#lastPeriod) ? null : this.#lastPeriod,
      weights: [...this.#shares],
      lastScores: [...this.#lastScores],
    };
  }

  restoreState(state: JsonValue): void {
    const s = state as {
      lastPeriod: number | null;
      weights: [string, number][];
      lastScores: [string, number][];
    };
    this.#lastPeriod = s.lastPeriod ?? NaN;
    this.#shares = new Map(s.weights);
    this.#lastScores = new Map(s.lastScores);
  }

  onDay(ctx: DayContext): Decision | undefined {
    if (this.#unbucketed === null) {
      this.#unbucketed = ctx.view.tickers.filter((t) => this.#bucketsOf(t).length === 0).sort();
    }
    const base = this.#base(ctx);
    this.#recordFacts(base);
    const period = periodOfDay(ctx.view.day, this.#o.rebalance);
    if (period !== this.#lastPeriod) {
      this.#lastPeriod = period;
      return this.#rebalance(base);
    }
    return this.#decay(base);
  }

  #bucketsOf(ticker: string): readonly string[] {
    let list = this.#bucketCache.get(ticker);
    if (list === undefined) {
      list = bucketsOf(ticker, this.#o.buckets);
      this.#bucketCache.set(ticker, list);
    }
    return list;
  }

  #base(ctx: DayContext): RebalanceBase {
    const { view, account } = ctx;
    const weights: Record<string, number> = {};
    const held: string[] = [];
    for (const [ticker, shares] of Object.entries(account.positions)) {
      const price = _lastPrice(view, view.indexOf(ticker));
      held.push(ticker);
      weights[ticker] = account.value > 0 ? shares * price / account.value : 0;
    }
    held.sort((a, b) => view.indexOf(a) - view.indexOf(b));
    return { t: ctx.t, date: ctx.date, view, weights, held };
  }

  /** Tells the protection rules what happened since yesterday: fills, scores, regime changes. */
  #recordFacts(base: RebalanceBase): void {
    const p = this.#s.protection;
    const { t } = base;
    const regime = this.#s.regime.atIndex(t);
    const tr = regime.transition;
    if (tr && tr.ageDays === 0) {
      p.record({
        kind: "regimeChanged",
        t,
        from: tr.from,
        to: tr.to,
        severity: SEVERITY[tr.severity],
      });
    }
    const now = new Map<string, number>();
    for (const ticker of base.held) now.set(ticker, base.weights[ticker] ?? 0);
    for (const [ticker] of this.#shares) {
      if (!now.has(ticker)) p.record({ kind: "positionClosed", asset: ticker, t });
    }
    for (const [ticker, weight] of now) {
      const before = this.#shares.get(ticker);
      if (before === undefined) {
        p.record({ kind: "positionOpened", asset: ticker, t, size: weight });
      } else if (weight !== before) {
        // The size a grace period starts from (and decays) is today's weight, not the opening one.
        p.record({ kind: "positionAdjusted", asset: ticker, t, size: weight });
      }
    }
    this.#shares = now;
    this.#heldScores.clear();
    for (const ticker of base.held) {
      const a = base.view.indexOf(ticker);
      const score = scoreOf(ticker, this.#s.scans.resultAt(a, t), base.date, {
        weights: this.#o.scoreWeights,
        fundamentals: this.#s.fundamentals,
      });
      if (score === null) continue;
      p.record({ kind: "scoreObserved", asset: ticker, t, score: score.score });
      this.#heldScores.set(ticker, score);
    }
  }

  #rebalance(base: RebalanceBase): Decision | undefined {
    const audit = this.#s.audit;
    audit?.beginSession({ asOf: base.date, kind: "rebalance" });
    if (audit && this.records.length === 0 && this.unbucketed.length > 0) {
      audit.record(unbucketedEvent(base.date, this.unbucketed));
    }
    const out = this.#pipeline.run(base);
    if (!out.ok) {
      const regime = this.#s.regime.atIndex(base.t);
      audit?.record({
        type: "CustomEvent",
        eventType: "rebalance_skipped",
        category: "run",
        asOf: base.date,
        action: out.skip.stage,
        reason: out.skip.reason,
      });
      this.records.push({
        date: base.date,
        kind: "rebalance",
        regime: regime.regime,
        targets: null,
        skipped: out.skip.reason,
        changes: [],
      });
      return undefined;
    }
    const ctx = out.ctx;
    if (audit) {
      for (const e of rebalanceEvents({ ...ctx, previousScores: this.#lastScores })) {
        audit.record(e);
      }
      for (const e of cashEvents(base.date, ctx.proposal, ctx.cash)) audit.record(e);
      if (ctx.scaledBy < 1) {
        audit.record({
          type: "CustomEvent",
          eventType: "targets_scaled",
          category: "scoring",
          asOf: base.date,
          reason: `positions kept by protection left less room: new and grown positions scaled by ${
            ctx.scaledBy.toFixed(4)
          }`,
        });
      }
    }
    this.#lastScores = new Map([...ctx.scores].map(([k, v]) => [k, v.score]));
    this.records.push({
      date: base.date,
      kind: "rebalance",
      regime: ctx.regime.regime,
      targets: ctx.targets,
      changes: ctx.changes,
      ...(ctx.cash ? { cash: ctx.cash } : {}),
    });
    return { targets: ctx.targets };
  }

  /**
   * Between rebalances: positions in grace decay, and close the day grace
   * expires. A regime transition on such a day is recorded in a session of its
   * own (kind `regime`) when no decay opens one, so the log holds every transition.
   */
  #decay(base: RebalanceBase): Decision | undefined {
    const p = this.#s.protection;
    const inGrace = base.held.filter((ticker) => {
      const grace = p.status(ticker, base.t).protections["grace_period"] as
        | { active?: boolean; expired?: boolean }
        | undefined;
      return grace?.active === true || grace?.expired === true;
    });
    const changes = inGrace.map((ticker) =>
      closeOrDecay(p, base, ticker, base.weights[ticker] ?? 0)
    ).filter((c) => Math.abs(c.sizeAfter - c.sizeBefore) >= 1e-9);
    const regime = this.#s.regime.atIndex(base.t);
    const transition = regime.regime !== null && regime.transition?.ageDays === 0;
    if (changes.length === 0 && !transition) return undefined;
    const audit = this.#s.audit;
    if (audit) {
      audit.beginSession({ asOf: base.date, kind: changes.length > 0 ? "decay" : "regime" });
      for (const e of regimeEvents(base.date, regime)) audit.record(e);
      for (const c of changes) {
        const score = this.#heldScores.get(c.ticker);
        if (score) {
          audit.record(scoreEvent(base.date, c.ticker, score, this.#lastScores.get(c.ticker)));
        }
        for (const e of changeEvents(base.date, c, score?.score)) audit.record(e);
      }
    }
    if (changes.length === 0) return undefined;
    const targets: Record<string, number> = { ...base.weights };
    for (const c of changes) {
      if (c.sizeAfter > 0) targets[c.ticker] = c.sizeAfter;
      else delete targets[c.ticker];
    }
    this.records.push({
      date: base.date,
      kind: "decay",
      regime: regime.regime,
      targets,
      changes,
    });
    return { targets };
  }
}

/** The last known close of an asset at the view's day (NaN if it never traded). */
function _lastPrice(view: PanelView, asset: number): number {
  const close = view.history("close", asset);
  for (let i = close.length - 1; i >= 0; i--) {
    const c = close[i] as number;
    if (c === c) return c;
  }
  return NaN;
}

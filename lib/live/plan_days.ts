/**
 * Planning days of a paper portfolio: the same day loop as the backtest
 * ({@link DayLoop}), on a Panel that ends at the last day to plan, with the
 * services a backtest would build (regime provider and scans over that Panel,
 * the regime provider's database rows from the portfolio's inception, as a
 * backtest starting there reads them) and the state the portfolio carried
 * over from its last planned day (broker, strategy, protection, audit).
 *
 * {@link preparePlan} builds and checks everything and writes nothing (a bad
 * ticker, strategy param or state is an InputError there); {@link PlanRun.run}
 * then runs the days, recording into the audit log when one is given, and
 * returns each day's record with the state its close leaves.
 *
 * @module
 */
import type { AuditLog } from "../audit/audit_log.ts";
import type { Config } from "../config/schema.ts";
import { DEFAULT_BENCHMARKS, parseBenchmarks } from "../run/benchmark_spec.ts";
import type { MarketData } from "../data/load_market.ts";
import type { Panel } from "../data/panel.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import { Broker } from "../engine/broker.ts";
import { resolveBrokerOptions } from "../engine/broker_options.ts";
import { tickersOfBrokerState } from "../engine/broker_state.ts";
import { DayLoop } from "../engine/day_loop.ts";
import { type RebalanceRecord, regimeAware } from "../engine/regime_aware.ts";
import type { Strategy } from "../engine/strategy.ts";
import type { DayActivity, PlacedOrder } from "../engine/types.ts";
import type { ProtectionOrchestrator } from "../protection/orchestrator.ts";
import type { Verdict } from "../protection/verdict.ts";
import type { ResearchReader } from "../db/research_repository.ts";
import type { RegimeLogger } from "../market/regime_provider.ts";
import { InputError } from "../errors.ts";
import { auditObserver } from "../run/audit_bridge.ts";
import { marketServices, protectionFor, regimeAwareOptions } from "../run/regime_services.ts";
import { panelFor } from "../run/run_from_config.ts";
import { REGIME_AWARE } from "../run/strategy_source.ts";
import type { DayPlan, LedgerHolding, PlanDay, ProtectionDecision } from "./ledger.ts";
import { plannedOrders } from "./order_reasons.ts";
import { marketThrough } from "./market_days.ts";
import type { PlanAudit, PlanState } from "./plan_state.ts";

/** What {@link preparePlan} needs. */
export type PlanInputs = {
  readonly config: Config;
  readonly market: MarketData;
  readonly definition: StrategyFactory | typeof REGIME_AWARE;
  /** The portfolio's first day (ISO): the start a backtest of it would have. */
  readonly inception: string;
  /** The state at the close of the day before the first day to plan. */
  readonly state: PlanState;
  /** The last day to plan (ISO, a day of the market's calendar). */
  readonly through: string;
  /** The research database, when the config enables it. */
  readonly database?: {
    readonly research: ResearchReader | undefined;
    readonly logger: RegimeLogger;
  } | undefined;
};

/**
 * The tickers the config's benchmarks name (`run.benchmark`, or the default list), each once:
 * their closes are recorded with every planned day.
 */
export function benchmarkTickers(config: Config): string[] {
  const value = config.run.benchmark;
  const specs = parseBenchmarks(
    value === undefined ? DEFAULT_BENCHMARKS : typeof value === "string" ? [value] : value,
  );
  return [...new Set(specs.flatMap((spec) => Object.keys(spec.weights ?? {})))];
}

/** Day indices of the days to plan: after the state's day (or from inception) through `through`. */
function _days(panel: Panel, inputs: PlanInputs): [number, number] {
  const last = panel.dayCount - 1;
  if (inputs.state.date === null) return [panel.indexOnOrAfter(inputs.inception), last];
  const t = panel.indexOnOrBefore(inputs.state.date);
  if (t < 0 || panel.dateAt(t) !== inputs.state.date) {
    throw new InputError(
      `the price data (${inputs.market.source}) has no prices for ${inputs.state.date}, the portfolio's last planned day: was the store replaced or its tickers changed?`,
    );
  }
  return [t + 1, last];
}

/** Checks that the Panel holds every ticker the state names. */
function _checkTickers(panel: Panel, state: PlanState, source: string): void {
  const missing = tickersOfBrokerState(state.broker).filter((t) => panel.indexOf(t) < 0);
  if (missing.length > 0) {
    throw new InputError(
      `the price data (${source}) lacks ${
        missing.join(", ")
      }, which the portfolio holds or has orders for: add them to data.tickers or the store`,
    );
  }
}

/**
 * Builds a plan's Panel, services, strategy and broker from the carried
 * state; writes nothing. The Panel ends at `through`, so nothing later is seen.
 */
export async function preparePlan(inputs: PlanInputs): Promise<PlanRun> {
  const { config } = inputs;
  const market = marketThrough(inputs.market, inputs.through);
  const panel = panelFor(config, market);
  const [first, last] = _days(panel, inputs);
  _checkTickers(panel, inputs.state, market.source);
  const anchor = first - 1;
  const verdicts: Verdict[] = [];
  const recorder = new _Recorder();
  let strategy: Strategy;
  let protection: ProtectionOrchestrator | undefined;
  let records: RebalanceRecord[] | undefined;
  if (inputs.definition === REGIME_AWARE) {
    const services = await marketServices(
      config,
      market,
      panel,
      { from: inputs.inception, to: inputs.through },
      inputs.database,
    );
    protection = protectionFor(config, (v) => verdicts.push(v));
    if (inputs.state.protection !== null) protection.restore(inputs.state.protection, anchor);
    const built = regimeAware(regimeAwareOptions(config), {
      regime: services.regime,
      scans: services.scans,
      fundamentals: services.fundamentals,
      protection,
      audit: config.audit.enabled ? recorder : undefined,
    });
    records = built.records;
    strategy = built;
  } else {
    strategy = inputs.definition.fromParams(config.strategy.params);
  }
  strategy.start?.({ tickers: panel.tickers, start: inputs.inception, end: inputs.through });
  if (inputs.state.strategy !== null) strategy.restoreState?.(inputs.state.strategy);
  const options = resolveBrokerOptions(config.broker);
  const broker = Broker.restore(panel, options, inputs.state.broker);
  return new PlanRun({
    config,
    panel,
    first,
    last,
    strategy,
    broker,
    options,
    protection,
    records,
    verdicts,
    recorder,
    rebalanceGroups: inputs.state.rebalanceGroups,
    audit: inputs.state.audit,
  });
}

/** Forwards the strategy's audit events to the log once one is attached. */
class _Recorder {
  log: AuditLog | undefined;
  readonly beginSession = (o: { asOf: string; kind?: string }) => this.log?.beginSession(o) ?? "";
  readonly record = (e: Parameters<AuditLog["record"]>[0]) => this.log?.record(e);
}

type _Parts = {
  readonly config: Config;
  readonly panel: Panel;
  readonly first: number;
  readonly last: number;
  readonly strategy: Strategy;
  readonly broker: Broker;
  readonly options: ReturnType<typeof resolveBrokerOptions>;
  readonly protection: ProtectionOrchestrator | undefined;
  readonly records: RebalanceRecord[] | undefined;
  readonly verdicts: Verdict[];
  readonly recorder: _Recorder;
  readonly rebalanceGroups: number;
  readonly audit: PlanAudit | null;
};

/** A prepared plan: the days it covers and how to run them. */
export class PlanRun {
  /** The days it plans (ISO), oldest first. */
  readonly dates: readonly string[];
  readonly #p: _Parts;

  /** Use {@link preparePlan}. */
  constructor(parts: _Parts) {
    this.#p = parts;
    const dates: string[] = [];
    for (let t = parts.first; t <= parts.last; t++) dates.push(parts.panel.dateAt(t));
    this.dates = dates;
  }

  /**
   * Runs the days; with `audit` (the portfolio's log, resumed or started, and
   * where it is) every decision is recorded. Returns each day's record.
   */
  run(audit?: { readonly log: AuditLog; readonly target: string }): PlanDay[] {
    const p = this.#p;
    p.recorder.log = audit?.log;
    let activity: DayActivity | undefined;
    const forward = audit ? auditObserver(audit.log) : undefined;
    const loop = new DayLoop({
      panel: p.panel,
      strategy: p.strategy,
      broker: p.broker,
      options: p.options,
      rebalanceGroups: p.rebalanceGroups,
      observer: {
        dayEnded: (day) => {
          activity = day;
          if (audit && p.records === undefined && day.placed.length > 0) {
            // Strategies other than regime-aware open no session: the day's orders get one.
            audit.log.beginSession({ asOf: day.date, kind: "plan" });
          }
          forward?.dayEnded(day);
        },
      },
    });
    const out: PlanDay[] = [];
    let auditState = p.audit;
    for (let t = p.first; t <= p.last; t++) {
      const trades = p.broker.trades.length, verdicts = p.verdicts.length;
      const records = p.records?.length ?? 0;
      const mark = loop.runDay(t);
      const day = activity as DayActivity;
      const plan = this.#plan(t, day.placed, loop, p.records?.slice(records) ?? []);
      if (audit) {
        audit.log.record({
          type: "CustomEvent",
          eventType: "day_planned",
          category: "run",
          asOf: day.date,
          reason: `${plan.orders.length} order(s) for the next open`,
          metadata: {
            kind: plan.kind,
            value: mark.value,
            cash: p.broker.cash,
            orders: plan.orders.map((o) => `${o.side} ${o.size} ${o.ticker}`),
          },
        });
        const working = new Set(p.broker.snapshot().orders.map((o) => o.id));
        auditState = {
          target: audit.target,
          runId: audit.log.runId,
          log: audit.log.state((id) => working.has(id)),
        };
      }
      out.push({
        date: day.date,
        value: mark.value,
        cash: p.broker.cash,
        exposure: mark.value !== 0 ? mark.gross / mark.value : 0,
        turnover: mark.value !== 0 ? p.broker.tradedToday / mark.value : 0,
        benchmark: this.#benchmark(t),
        holdings: this.#holdings(mark.value),
        fills: [...day.fills],
        notes: [...day.notes],
        trades: p.broker.trades.slice(trades),
        decisions: p.verdicts.slice(verdicts).map(_decision),
        plan,
        state: {
          date: day.date,
          broker: p.broker.snapshot(),
          rebalanceGroups: loop.rebalanceGroups,
          strategy: p.strategy.saveState?.() ?? null,
          protection: p.protection?.snapshot(t) ?? null,
          audit: auditState,
        },
      });
    }
    return out;
  }

  #plan(
    t: number,
    placed: readonly PlacedOrder[],
    loop: DayLoop,
    records: readonly RebalanceRecord[],
  ): DayPlan {
    const p = this.#p;
    const date = p.panel.dateAt(t);
    const record = records.at(-1);
    const decision = loop.lastDecision;
    const targets = record?.targets ?? decision?.targets ?? null;
    const weights = Object.fromEntries(this.#holdings(NaN).map((h) => [h.ticker, h.weight]));
    const orders = plannedOrders(placed, {
      targets,
      weights,
      changes: record?.changes ?? [],
    });
    const kind = record?.kind ??
      (decision?.targets !== undefined ? "rebalance" : orders.length > 0 ? "orders" : "hold");
    return {
      date,
      regime: record?.regime ?? null,
      kind,
      targets: targets === null ? null : { ...targets },
      orders,
      skipped: record?.skipped ?? null,
    };
  }

  #benchmark(t: number): Record<string, number | null> {
    const p = this.#p;
    const out: Record<string, number | null> = {};
    for (const ticker of benchmarkTickers(p.config)) {
      const a = p.panel.indexOf(ticker);
      const c = a < 0 ? NaN : (p.panel.close[a] as Float64Array)[t] as number;
      out[ticker] = Number.isFinite(c) ? c : null;
    }
    return out;
  }

  /** Holdings at the close, largest first; `total` NaN: weights against the broker's value now. */
  #holdings(total: number): LedgerHolding[] {
    const { broker, panel } = this.#p;
    const list: LedgerHolding[] = [];
    let value = broker.cash;
    for (let a = 0; a < panel.assetCount; a++) {
      const shares = broker.shares[a] as number;
      if (shares === 0) continue;
      const price = broker.lastClose[a] as number;
      value += shares * price;
      list.push({
        ticker: panel.tickers[a] as string,
        shares,
        price,
        value: shares * price,
        weight: 0,
      });
    }
    const base = Number.isNaN(total) ? value : total;
    return list
      .map((h) => ({ ...h, weight: base > 0 ? h.value / base : 0 }))
      .sort((x, y) => y.value - x.value || (x.ticker < y.ticker ? -1 : 1));
  }
}

function _decision(v: Verdict): ProtectionDecision {
  return {
    date: v.date,
    asset: v.asset,
    action: v.action,
    approved: v.approved,
    rule: v.rule,
    reason: v.reason,
    size: v.modification?.size ?? null,
    overriddenBy: v.overriddenBy ?? null,
    bypassed: [...v.bypassed],
  };
}

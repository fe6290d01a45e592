/**
 * One run from a validated configuration and loaded market data to a
 * {@link RunResult}, in two steps: {@link prepareRun} checks everything the
 * user gave (date range, strategy params) and writes nothing; {@link executeRun}
 * runs the strategy through the broker, records decisions in the audit log
 * when one is given, runs the benchmarks beside it through the same broker and
 * computes the metrics against the first. The
 * clock and the code version come in as arguments.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { MarketData } from "../data/load_market.ts";
import type { Config } from "../config/schema.ts";
import { configHash } from "../config/hash.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import type { Strategy } from "../engine/strategy.ts";
import { runBacktest } from "../engine/run_backtest.ts";
import { RESULT_VERSION, type RunResult } from "../engine/run_result.ts";
import { regimeAware } from "../engine/regime_aware.ts";
import type { AuditLog } from "../audit/audit_log.ts";
import { computeMetrics } from "../analytics/metrics.ts";
import { InputError } from "../errors.ts";
import { REGIME_AWARE } from "./strategy_source.ts";
import { auditObserver } from "./audit_bridge.ts";
import {
  type MarketServices,
  marketServices,
  panelFor,
  protectionFor,
  regimeAwareOptions,
  type RunDatabase,
} from "./regime_services.ts";
import type { SharedServices } from "./shared_services.ts";

export { panelFor };
import { holdingsAt } from "./result_parts.ts";
import { type BenchmarkChoice, chooseBenchmarks } from "./benchmark_spec.ts";
import { runBenchmarks } from "./benchmark_runs.ts";
import { allocationByBucket, cashOfRecords, ProtectionTally, regimePath } from "./regime_result.ts";

/** A run checked and ready: nothing has been written yet. */
export type PreparedRun = {
  readonly config: Config;
  readonly market: MarketData;
  readonly panel: Panel;
  /** First and last day of the run (ISO), on the Panel's calendar. */
  readonly start: string;
  readonly end: string;
  /** Name recorded in the result. */
  readonly strategyName: string;
  /** The strategy, for a built-in or file strategy; absent for regime-aware (built at run time). */
  readonly strategy?: Strategy;
  readonly configHash: string;
  /** The benchmarks to run beside it, checked against the data, and notes on the defaults. */
  readonly benchmarks: BenchmarkChoice;
};

/** Options of {@link prepareRun}. */
export type PrepareOptions = {
  /** Services shared with other runs of the process (a sweep): the Panel comes from there. */
  readonly shared?: SharedServices | undefined;
};

/** Checks the run's range, benchmarks and strategy params; an {@link InputError} names what is wrong. */
export function prepareRun(
  config: Config,
  market: MarketData,
  definition: StrategyFactory | typeof REGIME_AWARE,
  options: PrepareOptions = {},
): PreparedRun {
  const panel = options.shared?.panel(config, market) ?? panelFor(config, market);
  const first = panel.dateAt(0), last = panel.dateAt(panel.dayCount - 1);
  const start = config.run.start ?? first;
  const end = config.run.end ?? last;
  const from = panel.indexOnOrAfter(start), to = panel.indexOnOrBefore(end);
  if (from > to || from >= panel.dayCount || to < 0) {
    throw new InputError(
      `run.start/run.end: no trading day between ${start} and ${end}: the data covers ${first} to ${last}`,
    );
  }
  const base = {
    config,
    market,
    panel,
    start: panel.dateAt(from),
    end: panel.dateAt(to),
    configHash: configHash(config),
    benchmarks: chooseBenchmarks(config.run.benchmark, panel.tickers),
  };
  if (definition === REGIME_AWARE) return { ...base, strategyName: REGIME_AWARE };
  return {
    ...base,
    strategyName: definition.name,
    strategy: definition.fromParams(config.strategy.params),
  };
}

/** What a run needs besides the prepared inputs. */
export type RunContext = {
  /** Wall-clock start of the run (ISO); recorded, never used in decisions. */
  readonly startedAt: string;
  readonly codeVersion: string;
  /** The audit log to record decisions in (started by the caller); none = no auditing. */
  readonly audit?: AuditLog | undefined;
  /** The research database and where its notes go, when `database.enabled`. */
  readonly database?: RunDatabase;
  /**
   * Services shared with other runs of the process (a sweep): the regime provider,
   * scan history and fundamentals come from there instead of being built for this run.
   */
  readonly shared?: SharedServices | undefined;
  /**
   * Split each rebalance's un-invested weight between its causes (the regime-aware strategy's
   * `cash`); default `config.audit.enabled`. It decides nothing: a sweep, which keeps neither
   * an audit log nor the `cash` section, turns it off.
   */
  readonly attributeCash?: boolean | undefined;
};

/** Runs a prepared backtest to its result. */
export async function executeRun(run: PreparedRun, context: RunContext): Promise<RunResult> {
  const { config, panel } = run;
  const tally = new ProtectionTally();
  let strategy = run.strategy;
  let regime: MarketServices | undefined;
  let built: ReturnType<typeof regimeAware> | undefined;
  let protection: ReturnType<typeof protectionFor> | undefined;
  if (strategy === undefined) {
    const range = { from: run.start, to: run.end };
    regime = context.shared
      ? await context.shared.marketServices(config, run.market, panel, range, context.database)
      : await marketServices(config, run.market, panel, range, context.database);
    protection = protectionFor(config, (v) => tally.add(v));
    const options = regimeAwareOptions(config);
    built = regimeAware(
      context.attributeCash === undefined
        ? options
        : { ...options, attributeCash: context.attributeCash },
      {
        regime: regime.regime,
        scans: regime.scans,
        fundamentals: regime.fundamentals,
        protection,
        audit: context.audit,
      },
    );
    strategy = built;
  }
  const result = runBacktest({
    panel,
    strategy,
    cash: config.run.cash,
    broker: config.broker,
    start: run.start,
    end: run.end,
    ...(context.audit ? { observer: auditObserver(context.audit) } : {}),
  });
  const equity = result.equity;
  const benchmarks = context.shared
    ? context.shared.benchmarks(config, panel, { from: run.start, to: run.end })
    : runBenchmarks(panel, run.benchmarks.specs, {
      cash: config.run.cash,
      broker: config.broker,
      start: run.start,
      end: run.end,
      riskFreeRate: config.run.riskFreeRate,
    });
  const first = benchmarks[0]?.value as number[] | undefined;
  const metrics = computeMetrics(
    { curve: equity, trades: result.trades, ...(first ? { benchmark: first } : {}) },
    { riskFreeRate: config.run.riskFreeRate },
  );
  const to = panel.indexOnOrBefore(run.end);
  return {
    version: RESULT_VERSION,
    strategy: run.strategyName,
    startedAt: context.startedAt,
    codeVersion: context.codeVersion,
    configHash: run.configHash,
    dataHash: run.market.dataHash,
    config,
    period: { start: run.start, end: run.end, days: equity.dates.length },
    initialCash: config.run.cash,
    finalCash: result.finalCash,
    finalValue: result.finalValue,
    equity: {
      dates: equity.dates,
      value: Array.from(equity.value),
      cash: Array.from(equity.cash),
      exposure: Array.from(equity.exposure),
      turnover: Array.from(equity.turnover),
    },
    benchmarks,
    benchmarkNotes: run.benchmarks.notes,
    metrics,
    trades: result.trades,
    fills: result.fills,
    orderNotes: result.notes,
    wholeShareCash: result.wholeShareCash,
    holdings: holdingsAt(panel, result.positions, result.finalValue, to, config.buckets.map),
    regimes: regime ? regimePath(regime.regime, panel, run.start, run.end) : null,
    allocation: built ? allocationByBucket(built.records, config.buckets.map) : null,
    protection: protection ? tally.activity(protection.metrics()) : null,
    ...(built ? { unbucketed: [...built.unbucketed] } : {}),
    ...(built && built.records.some((r) => r.cash) ? { cash: cashOfRecords(built.records) } : {}),
  };
}

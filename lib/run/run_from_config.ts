/**
 * One run from a validated configuration and loaded market data to a
 * {@link RunResult}: build the Panel, run the strategy through the broker,
 * compute the metrics against the benchmark. Pure: the clock and the code
 * version come in as arguments.
 *
 * @module
 */
import { Panel } from "../data/panel.ts";
import type { MarketData } from "../data/load_market.ts";
import type { Config } from "../config/schema.ts";
import { hashOf } from "../config/hash.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import type { Strategy } from "../engine/strategy.ts";
import { runBacktest } from "../engine/run_backtest.ts";
import { type Holding, RESULT_VERSION, type RunResult } from "../engine/run_result.ts";
import { computeMetrics } from "../analytics/metrics.ts";
import { InputError } from "../errors.ts";

/** What a run needs besides the config and the data. */
export type RunContext = {
  /** The strategy definition (built-in or from a file) the config names. */
  readonly definition: StrategyFactory;
  /** Wall-clock start of the run (ISO); recorded, never used in decisions. */
  readonly startedAt: string;
  readonly codeVersion: string;
  /** Builds the strategy; default `definition.fromParams(config.strategy.params)`. */
  readonly strategy?: Strategy;
};

/** Builds the Panel a config asks for from loaded data. */
export function panelFor(config: Config, market: MarketData): Panel {
  return Panel.fromSeries(market.series, { prices: config.data.prices, splits: market.splits });
}

/** Runs the configured backtest; a date range with no trading day is an {@link InputError}. */
export function runFromConfig(config: Config, market: MarketData, context: RunContext): RunResult {
  const panel = panelFor(config, market);
  const first = panel.dateAt(0), last = panel.dateAt(panel.dayCount - 1);
  const start = config.run.start ?? first;
  const end = config.run.end ?? last;
  const from = panel.indexOnOrAfter(start), to = panel.indexOnOrBefore(end);
  if (from > to || from >= panel.dayCount || to < 0) {
    throw new InputError(
      `run.start/run.end: no trading day between ${start} and ${end}: the data covers ${first} to ${last}`,
    );
  }
  const strategy = context.strategy ??
    context.definition.fromParams(config.strategy.params);
  const result = runBacktest({
    panel,
    strategy,
    cash: config.run.cash,
    broker: config.broker,
    start,
    end,
  });
  const equity = result.equity;
  const benchmark = _benchmark(panel, config.run.benchmark, equity.dates, config.run.cash);
  const metrics = computeMetrics(
    {
      curve: equity,
      trades: result.trades,
      ...(benchmark && benchmark.complete ? { benchmark: benchmark.values } : {}),
    },
    { riskFreeRate: config.run.riskFreeRate },
  );
  return {
    version: RESULT_VERSION,
    strategy: context.definition.name,
    startedAt: context.startedAt,
    codeVersion: context.codeVersion,
    configHash: hashOf(config),
    dataHash: market.dataHash,
    config,
    period: {
      start: equity.dates[0] ?? start,
      end: equity.dates.at(-1) ?? end,
      days: equity.dates.length,
    },
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
    benchmark: benchmark ? { ticker: config.run.benchmark, value: benchmark.display } : null,
    metrics,
    trades: result.trades,
    fills: result.fills,
    orderNotes: result.notes,
    holdings: _holdings(panel, result.positions, result.finalValue, to),
    regimes: null,
    allocation: null,
    protection: null,
  };
}

/** The benchmark's close scaled to the starting cash on the run's dates (null where it has no bar). */
function _benchmark(panel: Panel, ticker: string, dates: readonly string[], cash: number) {
  const a = panel.indexOf(ticker);
  if (a < 0 || dates.length === 0) return null;
  const close = panel.close[a] as Float64Array;
  const t0 = panel.indexOnOrAfter(dates[0] as string);
  const base = close[t0] as number;
  if (!Number.isFinite(base)) return null;
  const values: number[] = [];
  const display: (number | null)[] = [];
  let complete = true;
  for (let i = 0; i < dates.length; i++) {
    const c = close[t0 + i] as number;
    if (!Number.isFinite(c)) complete = false;
    values.push(c / base * cash);
    display.push(Number.isFinite(c) ? c / base * cash : null);
  }
  return { values, display, complete };
}

function _holdings(
  panel: Panel,
  positions: Readonly<Record<string, number>>,
  total: number,
  t: number,
): Holding[] {
  return Object.entries(positions).map(([ticker, shares]) => {
    const a = panel.indexOf(ticker);
    const col = panel.close[a] as Float64Array;
    let i = t;
    while (i > 0 && !Number.isFinite(col[i] as number)) i--;
    const price = col[i] as number;
    return {
      ticker,
      shares,
      price,
      value: shares * price,
      weight: total > 0 ? shares * price / total : 0,
      buckets: [],
    };
  }).sort((x, y) => y.value - x.value || (x.ticker < y.ticker ? -1 : 1));
}

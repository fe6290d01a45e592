/**
 * The backtest: one {@link DayLoop} day after another over the run's range,
 * each day's value, cash, exposure and turnover recorded (see day_loop.ts for
 * the order of events within a day; a daily plan runs the same day).
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import { parseIsoDay } from "../data/dates.ts";
import type {
  BacktestObserver,
  EquityCurve,
  Fill,
  OrderNote,
  Trade,
  WholeShareCash,
} from "./types.ts";
import { type BrokerOptions, resolveBrokerOptions } from "./broker_options.ts";
import { Broker } from "./broker.ts";
import { positionsOf } from "./account_view.ts";
import { DayLoop } from "./day_loop.ts";
import type { Strategy } from "./strategy.ts";

/** What {@link runBacktest} needs. */
export type BacktestOptions = {
  readonly panel: Panel;
  readonly strategy: Strategy;
  /** Starting cash; default 100,000. */
  readonly cash?: number;
  /** Broker options (fill timing, commission, slippage, ...); see {@link BrokerOptions}. */
  readonly broker?: BrokerOptions;
  /** First day (ISO); default the Panel's first day. Earlier days stay readable by the strategy as history. */
  readonly start?: string;
  /** Last day (ISO); default the Panel's last day. */
  readonly end?: string;
  /** Days at the start of the run on which the strategy is not called (indicators warming up); default 0. */
  readonly warmup?: number;
  /** Told at the end of each day what the broker did (for the audit log). */
  readonly observer?: BacktestObserver;
};

/** What a run produces. */
export type BacktestResult = {
  readonly equity: EquityCurve;
  readonly fills: readonly Fill[];
  readonly notes: readonly OrderNote[];
  readonly trades: readonly Trade[];
  readonly finalCash: number;
  readonly finalValue: number;
  /** Shares held at the end, by ticker (non-zero only). */
  readonly positions: Readonly<Record<string, number>>;
  /** Cash that whole-share rounding of target weights left uninvested; null without target rebalances. */
  readonly wholeShareCash: WholeShareCash | null;
};

/** The default starting cash. */
export const DEFAULT_CASH = 100_000;

/**
 * Runs a strategy over the Panel with a simulated broker; see the module doc
 * for the order of events within a day.
 *
 * @example Buy 10 shares on the first day, filled at the next open
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { runBacktest } from "./run_backtest.ts";
 *
 * const day = (d: string) => Date.parse(d);
 * const bar = (d: string, open: number, close: number) =>
 *   ({ time: day(d), open, high: Math.max(open, close), low: Math.min(open, close), close, adjClose: close, volume: 1000 });
 * const panel = Panel.fromSeries([
 *   seriesFromRows("AAA", "1d", [bar("2024-01-02", 10, 10), bar("2024-01-03", 11, 12), bar("2024-01-04", 12, 13)]),
 * ]);
 * const result = runBacktest({
 *   panel,
 *   cash: 1000,
 *   broker: { commission: { type: "fixed", amount: 1 } },
 *   strategy: {
 *     name: "buy-first-day",
 *     onDay: (ctx) => (ctx.t === 0 ? { orders: [{ ticker: "AAA", side: "buy", size: 10 }] } : undefined),
 *   },
 * });
 * // Hand calculation: 10 shares at the 2024-01-03 open of 11 cost 110 + 1 commission.
 * assert.equal(result.fills[0]?.price, 11);
 * assert.equal(result.finalCash, 1000 - 110 - 1);
 * assert.equal(result.finalValue, 889 + 10 * 13);
 * assert.deepEqual(result.positions, { AAA: 10 });
 * ```
 */
export function runBacktest(options: BacktestOptions): BacktestResult {
  const { panel, strategy } = options;
  const o = resolveBrokerOptions(options.broker);
  const { cash, warmup } = _checkRun(options);
  const [first, last] = _range(panel, options.start, options.end);
  const broker = new Broker(panel, cash, o);
  const n = last - first + 1;
  const value = new Float64Array(n), cashCol = new Float64Array(n);
  const exposure = new Float64Array(n), turnover = new Float64Array(n);
  const dates: string[] = new Array(n);
  const loop = new DayLoop({
    panel,
    strategy,
    broker,
    options: o,
    observer: options.observer,
    decideFrom: first + warmup,
  });
  strategy.start?.({ tickers: panel.tickers, start: panel.dateAt(first), end: panel.dateAt(last) });
  for (let i = 0; i < n; i++) {
    const t = first + i;
    const mark = loop.runDay(t);
    dates[i] = broker.dateAt(t);
    value[i] = mark.value;
    cashCol[i] = broker.cash;
    exposure[i] = mark.value !== 0 ? mark.gross / mark.value : 0;
    turnover[i] = mark.value !== 0 ? broker.tradedToday / mark.value : 0;
  }
  return {
    equity: { dates, value, cash: cashCol, exposure, turnover },
    fills: broker.fills,
    notes: broker.notes,
    trades: broker.trades,
    finalCash: broker.cash,
    finalValue: value[n - 1] as number,
    positions: positionsOf(panel.tickers, broker.shares),
    wholeShareCash: loop.wholeShareCash(),
  };
}

function _checkRun(options: BacktestOptions): { cash: number; warmup: number } {
  const cash = options.cash ?? DEFAULT_CASH;
  if (!(Number.isFinite(cash) && cash > 0)) {
    throw new RangeError(`Cannot run a backtest as cash must be > 0: current value is ${cash}`);
  }
  const warmup = options.warmup ?? 0;
  if (!(Number.isInteger(warmup) && warmup >= 0)) {
    throw new RangeError(
      `Cannot run a backtest as warmup must be a whole number >= 0: current value is ${warmup}`,
    );
  }
  return { cash, warmup };
}

function _range(
  panel: Panel,
  start: string | undefined,
  end: string | undefined,
): [number, number] {
  for (const [name, d] of [["start", start], ["end", end]] as const) {
    if (d !== undefined && Number.isNaN(parseIsoDay(d))) {
      throw new RangeError(
        `Cannot run a backtest as ${name} must be a date as YYYY-MM-DD: current value is ${d}`,
      );
    }
  }
  const first = start === undefined ? 0 : panel.indexOnOrAfter(start);
  const last = end === undefined ? panel.dayCount - 1 : panel.indexOnOrBefore(end);
  if (panel.dayCount === 0 || first > last || first >= panel.dayCount || last < 0) {
    throw new RangeError(
      `Cannot run a backtest as the range must hold at least one day of the Panel: current value is ${
        start ?? "(first day)"
      } to ${end ?? "(last day)"}`,
    );
  }
  return [first, last];
}

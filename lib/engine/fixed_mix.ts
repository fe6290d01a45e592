/**
 * Fixed target weights: bought once and held (`rebalance: "never"`: buy and
 * hold), or brought back to the weights on the first trading day of each
 * period. The passive portfolios a strategy is judged against (lib/run's
 * benchmarks) are made of it.
 *
 * Rules:
 * - A member without a bar on a rebalance day is left out and its weight kept
 *   in cash (a 60/40 mix whose bond fund lists later holds 60% stocks and 40%
 *   cash until then, not 100% stocks); a day on which no member has a bar
 *   decides nothing and the next day tries again.
 * - Held: bought on the first day on which every member has a bar (cash
 *   until then), and never traded again.
 *
 * @module
 */
import { type Frequency, periodOfDay } from "./equal_weight.ts";
import type { DayContext, Decision, Strategy } from "./strategy.ts";

/** What {@link fixedMix} holds and how often it rebalances. */
export type FixedMixOptions = {
  /** Target weights by ticker; each > 0, summing to at most 1. */
  readonly weights: Readonly<Record<string, number>>;
  /** `never`: buy and hold; else the first trading day of each period. */
  readonly rebalance: "never" | Frequency;
  /** Name in results (default `fixed-mix`, or `buy-and-hold` when never rebalanced). */
  readonly name?: string;
};

/**
 * A strategy holding fixed weights (see the module doc).
 *
 * @example 60/40 rebalanced monthly: the weights come back each month
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { fixedMix } from "./fixed_mix.ts";
 * import { runBacktest } from "./run_backtest.ts";
 *
 * const bars = (ticker: string, prices: number[], days: string[]) =>
 *   seriesFromRows(ticker, "1d", prices.map((p, i) => ({
 *     time: Date.parse(days[i] as string), open: p, high: p, low: p, close: p, adjClose: p, volume: 100,
 *   })));
 * const days = ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"];
 * const panel = Panel.fromSeries([bars("S", [10, 10, 20, 20], days), bars("B", [10, 10, 10, 10], days)]);
 * const result = runBacktest({
 *   panel,
 *   cash: 1000,
 *   broker: { commission: { type: "none" }, fractional: true },
 *   strategy: fixedMix({ weights: { S: 0.6, B: 0.4 }, rebalance: "monthly" }),
 * });
 * // Hand calculation: 60 S and 40 B at the 01-31 open of 10; on 02-01 S doubles (value 1600),
 * // February's rebalance sells S down to 60% of 1600 = 960 (48 shares) at the 02-02 open.
 * assert.deepEqual(result.fills.map((f) => [f.ticker, f.side, f.size]), [
 *   ["S", "buy", 60], ["B", "buy", 40], ["S", "sell", 12], ["B", "buy", 24],
 * ]);
 * ```
 */
export function fixedMix(options: FixedMixOptions): Strategy {
  const entries = Object.entries(options.weights);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (entries.length === 0 || entries.some(([, w]) => !(w > 0)) || total > 1 + 1e-9) {
    throw new RangeError(
      `Cannot hold a fixed mix as weights must be > 0 and sum to at most 1: current value is ${
        JSON.stringify(options.weights)
      }`,
    );
  }
  return options.rebalance === "never"
    ? new _Held(entries, options.name ?? "buy-and-hold")
    : new _Rebalanced(entries, options.rebalance, options.name ?? "fixed-mix");
}

class _Rebalanced implements Strategy {
  #lastPeriod = NaN;
  constructor(
    readonly entries: readonly (readonly [string, number])[],
    readonly frequency: Frequency,
    readonly name: string,
  ) {}

  onDay(ctx: DayContext): Decision | undefined {
    const period = periodOfDay(ctx.view.day, this.frequency);
    if (period === this.#lastPeriod) return undefined;
    const present = this.entries.filter(([t]) => _tradable(ctx, t));
    if (present.length === 0) return undefined;
    this.#lastPeriod = period;
    return { targets: Object.fromEntries(present) };
  }
}

class _Held implements Strategy {
  #done = false;
  constructor(readonly entries: readonly (readonly [string, number])[], readonly name: string) {}

  onDay(ctx: DayContext): Decision | undefined {
    if (this.#done || !this.entries.every(([t]) => _tradable(ctx, t))) return undefined;
    this.#done = true;
    return { targets: Object.fromEntries(this.entries) };
  }
}

function _tradable(ctx: DayContext, ticker: string): boolean {
  const a = ctx.view.indexOf(ticker);
  return a >= 0 && ctx.view.tradable(a);
}

/**
 * The built-in `sma-cross` strategy: one asset, long or flat on its close
 * against its simple moving average. It is the logic of backtrader's
 * Quickstart "Adding an indicator" strategy:
 *
 * - flat and the close is above its SMA: buy `size` shares (so on a cross
 *   above, or on the first day the SMA exists when the close is already above);
 * - holding and the close is below its SMA: sell the whole position;
 * - nothing while an order is still working.
 *
 * The SMA is the mean of the asset's last `period` closes (days without a bar
 * are skipped); there is no signal before `period` closes exist.
 *
 * @see https://www.backtrader.com/docu/quickstart/quickstart/
 * @module
 */
import { InputError } from "../errors.ts";
import { defineStrategy, type StrategyDefinition } from "./define_strategy.ts";
import type { DayContext, Decision, RunInfo, Strategy } from "./strategy.ts";

/** Mean of the last `period` non-NaN values of `closes` up to its end, or NaN. */
export function trailingMean(closes: Float64Array, period: number): number {
  let sum = 0, n = 0;
  for (let i = closes.length - 1; i >= 0 && n < period; i--) {
    const c = closes[i] as number;
    if (c === c) {
      sum += c;
      n++;
    }
  }
  return n === period ? sum / period : NaN;
}

class _SmaCross implements Strategy {
  readonly name = "sma-cross";
  #ticker: string;
  #asset = -1;
  readonly #period: number;
  readonly #size: number;

  constructor(ticker: string, period: number, size: number) {
    this.#ticker = ticker;
    this.#period = period;
    this.#size = size;
  }

  start(info: RunInfo): void {
    if (this.#ticker === "") this.#ticker = info.tickers[0] ?? "";
    this.#asset = info.tickers.indexOf(this.#ticker);
    if (this.#asset < 0) {
      throw new InputError(
        `--param ticker=${this.#ticker}: strategy sma-cross found no such ticker in the data (have: ${
          info.tickers.slice(0, 10).join(", ")
        }${info.tickers.length > 10 ? ", ..." : ""})`,
      );
    }
  }

  onDay(ctx: DayContext): Decision | undefined {
    if (this.#asset < 0) this.start({ tickers: ctx.view.tickers, start: ctx.date, end: ctx.date });
    if (ctx.account.pendingOrders > 0 || !ctx.view.tradable(this.#asset)) return undefined;
    const closes = ctx.view.history("close", this.#asset);
    const sma = trailingMean(closes, this.#period);
    if (sma !== sma) return undefined;
    const close = closes[closes.length - 1] as number;
    const held = ctx.account.shares(this.#ticker);
    if (held === 0 && close > sma) {
      return {
        orders: [{
          ticker: this.#ticker,
          side: "buy",
          size: this.#size,
          reason: `close ${close} above SMA ${sma.toFixed(4)}`,
        }],
      };
    }
    if (held > 0 && close < sma) {
      return {
        orders: [{
          ticker: this.#ticker,
          side: "sell",
          size: held,
          reason: `close ${close} below SMA ${sma.toFixed(4)}`,
        }],
      };
    }
    return undefined;
  }
}

/** The params of `sma-cross`. */
export const SMA_CROSS_PARAMS = {
  ticker: { type: "string", default: "", description: "Ticker to trade (default: the first)" },
  period: { type: "number", default: 15, integer: true, min: 1, description: "SMA length in bars" },
  size: { type: "number", default: 10, integer: true, min: 1, description: "Shares per entry" },
} as const;

/** `sma-cross`: params `ticker` (default: the first ticker), `period` (15), `size` (10 shares). */
export const smaCross: StrategyDefinition<typeof SMA_CROSS_PARAMS> = defineStrategy({
  name: "sma-cross",
  description: "One asset: buy `size` shares when the close is above its SMA, sell when below",
  params: SMA_CROSS_PARAMS,
  create: (p) => new _SmaCross(p.ticker, p.period, p.size),
});

/**
 * A strategy file: buys one ticker (SPY by default) with 99% of the cash on the
 * first day and holds it. Run it with
 * `deno task backtest --strategy examples/buy_and_hold.ts --param ticker=QQQ`.
 *
 * @module
 */
import { defineStrategy } from "../mod.ts";

export default defineStrategy({
  name: "buy-and-hold",
  params: { ticker: { type: "string", default: "SPY" } },
  create: (p) => ({
    name: "buy-and-hold",
    onDay: (ctx) =>
      ctx.account.shares(p.ticker) === 0 ? { targets: { [p.ticker]: 0.99 } } : undefined,
  }),
});

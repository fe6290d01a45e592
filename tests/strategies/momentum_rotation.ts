/**
 * A strategy file that remembers something between days, for the plan's
 * parity tests and as an example of `saveState` / `restoreState`: every
 * `every` trading days it holds the `top` tickers with the best `lookback`-day
 * return in equal weights, and leaves a limit order to add to the best one
 * at 1% under its close for three days. The days since the last rotation are
 * its state: a daily plan must carry them overnight to rotate on the same
 * days as a backtest.
 *
 * @module
 */
import { defineStrategy } from "../../mod.ts";

export default defineStrategy({
  name: "momentum-rotation",
  description: "Equal weights in the best recent performers, rotated every few days",
  params: {
    every: {
      type: "number",
      default: 10,
      integer: true,
      min: 1,
      description: "Days between rotations",
    },
    top: { type: "number", default: 3, integer: true, min: 1, description: "Tickers held" },
    lookback: {
      type: "number",
      default: 60,
      integer: true,
      min: 2,
      description: "Return window in days",
    },
  },
  create: (p) => {
    let sinceRotation = -1;
    return {
      name: "momentum-rotation",
      saveState: () => sinceRotation,
      restoreState: (state) => {
        sinceRotation = typeof state === "number" ? state : -1;
      },
      onDay: (ctx) => {
        sinceRotation = sinceRotation < 0 ? 0 : sinceRotation + 1;
        if (sinceRotation % p.every !== 0) return undefined;
        const { view } = ctx;
        const ranked = view.tickers
          .map((ticker, a) => {
            const close = view.history("close", a);
            const now = close[close.length - 1] as number;
            const then = close[close.length - 1 - p.lookback] as number;
            return { ticker, now, change: now / then - 1 };
          })
          .filter((r) => Number.isFinite(r.change) && r.now > 0)
          .sort((x, y) => y.change - x.change || (x.ticker < y.ticker ? -1 : 1))
          .slice(0, p.top);
        const best = ranked[0];
        if (best === undefined) return undefined;
        const size = Math.floor(ctx.account.value * 0.01 / best.now);
        return {
          targets: Object.fromEntries(ranked.map((r) => [r.ticker, 0.9 / ranked.length])),
          orders: size > 0
            ? [{
              ticker: best.ticker,
              side: "buy",
              size,
              type: "limit",
              price: best.now * 0.99,
              validDays: 3,
              reason: `add to the leader ${best.ticker} on a 1% dip`,
            }]
            : [],
        };
      },
    };
  },
});

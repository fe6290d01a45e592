/**
 * The broker's state carries a run across days exactly: running each day on
 * its own (a Panel cut at that day, the broker restored from yesterday's
 * state through JSON) gives the fills, notes, cash and value of one backtest.
 * The reference is runBacktest itself over the same Panel and strategy.
 */
import assert from "node:assert/strict";
import { Panel } from "../data/panel.ts";
import { Broker } from "./broker.ts";
import { resolveBrokerOptions } from "./broker_options.ts";
import type { BrokerState } from "./broker_state.ts";
import { freshBrokerState } from "./broker_state.ts";
import { DayLoop } from "./day_loop.ts";
import { runBacktest } from "./run_backtest.ts";
import { randomWalkPanel } from "./_test_panel.ts";
import type { DayContext, Decision, Strategy } from "./strategy.ts";
import type { Fill, OrderNote, Trade } from "./types.ts";

/** The random-walk Panel with a 3-for-1 split of A001 on day 20 and gaps (raw prices). */
function splitPanel(): Panel {
  const p = randomWalkPanel(6, 60, 7, 0.05);
  const close = p.close.map((c, a) => a === 1 ? c.map((x, t) => (t >= 20 ? x / 3 : x)) : c);
  const scale = (cols: readonly Float64Array[]) =>
    cols.map((c, a) => a === 1 ? c.map((x, t) => (t >= 20 ? x / 3 : x)) : c);
  return new Panel({
    tickers: p.tickers,
    days: p.days,
    prices: "raw",
    open: scale(p.open),
    high: scale(p.high),
    low: scale(p.low),
    close,
    adjClose: close,
    volume: p.volume,
    splits: p.tickers.map((_, a) => (a === 1 ? [{ t: 20, ratio: 3 }] : [])),
  });
}

/** Every kind of decision, by day: targets, market, limit and stop orders that wait several days. */
function busyStrategy(): Strategy {
  return {
    name: "busy",
    onDay: (ctx: DayContext): Decision | undefined => {
      const t = ctx.t, tickers = ctx.view.tickers;
      if (t % 7 === 0) {
        const pick = tickers.filter((_, a) => (a + t) % 3 !== 0 && ctx.view.tradable(a));
        return { targets: Object.fromEntries(pick.map((tk) => [tk, 0.9 / pick.length])) };
      }
      if (t % 7 === 3) {
        const close = ctx.view.at("close", 2);
        if (!(close > 0)) return undefined;
        return {
          orders: [
            {
              ticker: "A002",
              side: "buy",
              size: 5,
              type: "limit",
              price: close * 0.99,
              validDays: 3,
            },
            { ticker: "A001", side: "buy", size: 4, reason: "a market order with a reason" },
            { ticker: "A003", side: "sell", size: 2, type: "stop", price: 1, validDays: 2 },
          ],
        };
      }
      return undefined;
    },
  };
}

type Day = { fills: Fill[]; notes: OrderNote[]; trades: Trade[]; cash: number; value: number };

function dayByDay(panel: Panel, options: Parameters<typeof resolveBrokerOptions>[0]): Day[] {
  const o = resolveBrokerOptions(options);
  let state: BrokerState = freshBrokerState(10_000);
  let groups = 0;
  const days: Day[] = [];
  for (let t = 0; t < panel.dayCount; t++) {
    const cut = panel.truncate(t);
    const broker = Broker.restore(cut, o, JSON.parse(JSON.stringify(state)));
    const loop = new DayLoop({
      panel: cut,
      strategy: busyStrategy(),
      broker,
      options: o,
      rebalanceGroups: groups,
    });
    const mark = loop.runDay(t);
    days.push({
      fills: broker.fills,
      notes: broker.notes,
      trades: broker.trades,
      cash: broker.cash,
      value: mark.value,
    });
    state = broker.snapshot();
    groups = loop.rebalanceGroups;
  }
  return days;
}

for (
  const [label, options] of [
    ["next-open fills with commission and slippage", {
      commission: { type: "perShare", perShare: 0.01, minimum: 1 },
      slippageBps: 10,
    }],
    ["close fills, fractional shares", { fill: "close", fractional: true }],
  ] as const
) {
  Deno.test(`broker state carried day by day gives one backtest's fills, notes, cash and value: ${label}`, () => {
    const panel = splitPanel();
    const whole = runBacktest({ panel, cash: 10_000, broker: options, strategy: busyStrategy() });
    const days = dayByDay(panel, options);
    assert.deepEqual(days.flatMap((d) => d.fills), whole.fills);
    assert.deepEqual(days.flatMap((d) => d.notes), whole.notes);
    assert.deepEqual(days.flatMap((d) => d.trades), whole.trades);
    assert.ok(whole.trades.length > 10, `positions close (${whole.trades.length} trades)`);
    assert.deepEqual(days.map((d) => d.cash), Array.from(whole.equity.cash));
    assert.deepEqual(days.map((d) => d.value), Array.from(whole.equity.value));
    assert.ok(whole.fills.length > 20, `the strategy trades (${whole.fills.length} fills)`);
    assert.ok(whole.notes.some((n) => n.outcome === "expired"), "some orders expire");
    assert.ok(whole.fills.some((f) => f.ticker === "A001" && f.date > "2000-01-23"));
  });
}

Deno.test("Broker.restore refuses a state naming a ticker or a day the Panel lacks", () => {
  const panel = randomWalkPanel(2, 5);
  const o = resolveBrokerOptions({});
  assert.throws(
    () => Broker.restore(panel, o, { ...freshBrokerState(1), shares: { ZZZ: 1 } }),
    /ticker ZZZ must be in the Panel/,
  );
  const order = {
    id: 1,
    ticker: "A000",
    side: "buy",
    type: "market",
    requested: 1,
    size: 1,
    price: null,
    placed: "1999-01-01",
    validDays: null,
    group: 0,
  } as const;
  assert.throws(
    () => Broker.restore(panel, o, { ...freshBrokerState(1), orders: [order] }),
    /order 1 as its day 1999-01-01 must be in the Panel/,
  );
});

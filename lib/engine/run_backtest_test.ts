import assert from "node:assert/strict";
import fc from "fast-check";
import { runBacktest } from "./run_backtest.ts";
import type { Commission } from "./commission.ts";
import type { DayContext, Decision, Strategy } from "./strategy.ts";
import type { OrderRequest } from "./types.ts";
import { flat, randomWalkPanel, scripted, testPanel } from "./_test_panel.ts";

/** Last non-NaN value of a column, or NaN. */
function lastKnown(col: Float64Array): number {
  for (let i = col.length - 1; i >= 0; i--) if (col[i] === col[i]) return col[i] as number;
  return NaN;
}

/** Momentum: all in on the asset with the best 3-day return; logs everything it read. */
function momentum(log: string[]): Strategy {
  return {
    name: "momentum",
    onDay(ctx: DayContext): Decision | undefined {
      const read = ctx.view.tickers.map((_, a) => {
        const h = ctx.view.history("close", a);
        return [h.length, lastKnown(h), ctx.view.at("close", a, 3)];
      });
      let best = -1, bestReturn = -Infinity;
      read.forEach(([, now, then], a) => {
        const r = (now as number) / (then as number) - 1;
        if (r > bestReturn) [best, bestReturn] = [a, r];
      });
      const targets = best < 0 ? {} : { [ctx.view.tickers[best] as string]: 1 };
      log.push(JSON.stringify([ctx.date, ctx.account.cash, ctx.account.positions, read, targets]));
      return { targets };
    },
  };
}

Deno.test("point in time: decisions up to day t are the same on panel.truncate(t) and on the full panel", () => {
  const panel = randomWalkPanel(4, 40, 7, 0.05);
  const full: string[] = [];
  const fullRun = runBacktest({ panel, cash: 10_000, strategy: momentum(full) });
  for (const t of [3, 17, 39]) {
    const cut: string[] = [];
    const cutRun = runBacktest({ panel: panel.truncate(t), cash: 10_000, strategy: momentum(cut) });
    assert.equal(cut.length, t + 1);
    assert.deepEqual(cut, full.slice(0, t + 1));
    assert.deepEqual(
      Array.from(cutRun.equity.value),
      Array.from(fullRun.equity.value.subarray(0, t + 1)),
    );
  }
});

const commissions = fc.constantFrom<Commission>(
  { type: "none" },
  { type: "percent", rate: 0.002 },
  { type: "perShare", perShare: 0.01, minimum: 1 },
  { type: "fixed", amount: 2 },
);

Deno.test("property: for random targets and prices, cash never goes negative and value = cash + sum(shares * close)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 2, max: 25 }),
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(
        fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        {
          minLength: 25,
          maxLength: 25,
        },
      ),
      commissions,
      fc.record({
        fill: fc.constantFrom("nextOpen" as const, "close" as const),
        fractional: fc.boolean(),
        rounding: fc.constantFrom("down" as const, "nearest" as const, "band" as const),
        slippageBps: fc.integer({ min: 0, max: 100 }),
        cashBuffer: fc.constantFrom(0, 0.05),
      }),
      (assets, days, seed, rawWeights, commission, broker) => {
        const panel = randomWalkPanel(assets, days, seed, 0.1);
        const problems: string[] = [];
        const strategy: Strategy = {
          name: "random-targets",
          onDay(ctx) {
            const { account } = ctx;
            let value = account.cash;
            for (const [tk, n] of Object.entries(account.positions)) {
              value += n * lastKnown(ctx.view.history("close", ctx.view.indexOf(tk)));
            }
            if (Math.abs(value - account.value) > 1e-9 * Math.max(1, Math.abs(value))) {
              problems.push(`${ctx.date}: value ${account.value} != ${value}`);
            }
            const w = (rawWeights[ctx.t] ?? []).slice(0, assets);
            const sum = w.reduce((s, x) => s + x, 0);
            const targets: Record<string, number> = {};
            w.forEach((
              x,
              a,
            ) => (targets[ctx.view.tickers[a] as string] = sum > 1 ? x / sum / 1.000001 : x));
            return { targets };
          },
        };
        const r = runBacktest({ panel, cash: 10_000, broker: { ...broker, commission }, strategy });
        assert.deepEqual(problems, []);
        for (const c of r.equity.cash) assert.ok(c >= 0, `cash ${c} < 0`);
        let final = r.finalCash;
        for (const [tk, n] of Object.entries(r.positions)) {
          final += n * lastKnown(panel.column("close", panel.indexOf(tk)));
        }
        assert.ok(Math.abs(final - r.finalValue) < 1e-6);
      },
    ),
    { numRuns: 150, seed: 20240601 },
  );
});

Deno.test("runBacktest() runs from start to end and skips the strategy during warmup", () => {
  const panel = testPanel({ AAA: [flat(1), flat(2), flat(3), flat(4), flat(5)] });
  const seen: number[] = [];
  const r = runBacktest({
    panel,
    start: "2024-01-02",
    end: "2024-01-04",
    warmup: 1,
    strategy: { name: "spy", onDay: (ctx) => void seen.push(ctx.t) },
  });
  assert.deepEqual(r.equity.dates, ["2024-01-02", "2024-01-03", "2024-01-04"]);
  assert.deepEqual(seen, [2, 3]);
  assert.equal(r.finalValue, 100_000); // default cash, nothing traded
});

Deno.test("runBacktest() throws on bad options with the rule and the value", () => {
  const panel = testPanel({ AAA: [flat(1), flat(2)] });
  const nothing = scripted({});
  assert.throws(
    () => runBacktest({ panel, cash: 0, strategy: nothing }),
    /Cannot run a backtest as cash must be > 0: current value is 0/,
  );
  assert.throws(
    () => runBacktest({ panel, start: "2024-02-01", strategy: nothing }),
    /range must hold at least one day of the Panel/,
  );
  assert.throws(
    () => runBacktest({ panel, start: "2024-13-01", strategy: nothing }),
    /start must be a date as YYYY-MM-DD: current value is 2024-13-01/,
  );
  assert.throws(
    () => runBacktest({ panel, broker: { cashBuffer: 0.5 }, strategy: nothing }),
    /cashBuffer must be a number in \[0, 0.2\]: current value is 0.5/,
  );
  assert.throws(
    () => runBacktest({ panel, broker: { fill: "open" as "close" }, strategy: nothing }),
    /fill must be one of nextOpen, close: current value is open/,
  );
});

Deno.test("runBacktest() rejects a malformed order from the strategy as a programming error", () => {
  const panel = testPanel({ AAA: [flat(1), flat(2)] });
  const order = (o: Partial<OrderRequest>) =>
    scripted({ 0: { orders: [{ ticker: "AAA", side: "buy" as const, size: 1, ...o }] } });
  assert.throws(
    () => runBacktest({ panel, strategy: order({ ticker: "ZZZ" }) }),
    /strategy scripted on 2024-01-01 as an order's ticker must be in the Panel: current value is "ZZZ"/,
  );
  assert.throws(
    () => runBacktest({ panel, strategy: order({ size: 1.5 }) }),
    /size must be whole shares \(fractional is off\): current value is 1.5/,
  );
  assert.throws(
    () => runBacktest({ panel, strategy: order({ type: "limit" }) }),
    /a limit order's price must be > 0/,
  );
});

Deno.test("runBacktest() gives the strategy an account snapshot after the day's fills", () => {
  const panel = testPanel({ AAA: [flat(10), flat(10)] });
  const snapshots: unknown[] = [];
  runBacktest({
    panel,
    cash: 1000,
    strategy: {
      name: "look",
      onDay: (ctx) => {
        const a = ctx.account;
        snapshots.push([a.cash, a.value, a.positions, a.pendingOrders, a.shares("AAA")]);
        return ctx.t === 0 ? { orders: [{ ticker: "AAA", side: "buy", size: 3 }] } : undefined;
      },
    },
  });
  assert.deepEqual(snapshots, [[1000, 1000, {}, 0, 0], [970, 1000, { AAA: 3 }, 0, 3]]);
});

Deno.test("runBacktest() tells an observer each day's placed orders, fills and notes", async () => {
  const { Panel } = await import("../data/panel.ts");
  const { seriesFromRows } = await import("../data/bars.ts");
  const bars = seriesFromRows(
    "AAA",
    "1d",
    [10, 11, 12].map((p, i) => ({
      time: Date.UTC(2024, 0, 2 + i),
      open: p,
      high: p,
      low: p,
      close: p,
      adjClose: p,
      volume: 100,
    })),
  );
  const days: { date: string; placed: number; fills: number }[] = [];
  runBacktest({
    panel: Panel.fromSeries([bars]),
    cash: 1000,
    strategy: {
      name: "once",
      onDay: (ctx) =>
        ctx.t === 0 ? { orders: [{ ticker: "AAA", side: "buy", size: 5 }] } : undefined,
    },
    observer: {
      dayEnded: (a) => days.push({ date: a.date, placed: a.placed.length, fills: a.fills.length }),
    },
  });
  // Placed at the first close, filled at the second day's open.
  assert.deepEqual(days, [
    { date: "2024-01-02", placed: 1, fills: 0 },
    { date: "2024-01-03", placed: 0, fills: 1 },
    { date: "2024-01-04", placed: 0, fills: 0 },
  ]);
});

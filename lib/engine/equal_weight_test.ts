import assert from "node:assert/strict";
import { parseIsoDay } from "../data/dates.ts";
import { runBacktest } from "./run_backtest.ts";
import { equalWeight, periodOfDay } from "./equal_weight.ts";
import { flat, testPanel } from "./_test_panel.ts";
import type { Decision, Strategy } from "./strategy.ts";

/** Wraps a strategy to record the dates and decisions it made. */
function recording(inner: Strategy, log: [string, Decision][]): Strategy {
  return {
    name: inner.name,
    onDay: (ctx) => {
      const d = inner.onDay(ctx);
      if (d !== undefined) log.push([ctx.date, d]);
      return d;
    },
  };
}

Deno.test("periodOfDay() starts weeks on Mondays and months on the 1st", () => {
  const day = parseIsoDay;
  // 2024-01-01 was a Monday.
  assert.equal(periodOfDay(day("2024-01-01"), "weekly"), periodOfDay(day("2024-01-07"), "weekly"));
  assert.notEqual(
    periodOfDay(day("2024-01-07"), "weekly"),
    periodOfDay(day("2024-01-08"), "weekly"),
  );
  assert.equal(
    periodOfDay(day("2024-01-31"), "monthly") + 1,
    periodOfDay(day("2024-02-01"), "monthly"),
  );
});

Deno.test("equal-weight rebalances on the first trading day of each month across tradable assets", () => {
  // 2024-01-30 .. 2024-02-03; CCC has no bar on 2024-01-30 and 2024-02-01.
  const panel = testPanel({
    AAA: [flat(10), flat(10), flat(10), flat(10), flat(10)],
    BBB: [flat(20), flat(20), flat(20), flat(20), flat(20)],
    CCC: [null, flat(5), null, flat(5), flat(5)],
  }, "2024-01-30");
  const log: [string, Decision][] = [];
  runBacktest({ panel, cash: 1000, strategy: recording(equalWeight.create(), log) });
  assert.deepEqual(log, [
    ["2024-01-30", { targets: { AAA: 0.5, BBB: 0.5 } }],
    ["2024-02-01", { targets: { AAA: 0.5, BBB: 0.5 } }],
  ]);
});

Deno.test("equal-weight with frequency daily decides every day", () => {
  const panel = testPanel({
    AAA: [flat(10), flat(10), flat(10)],
    BBB: [flat(5), flat(5), flat(5)],
  });
  const log: [string, Decision][] = [];
  const r = runBacktest({
    panel,
    cash: 1000,
    strategy: recording(equalWeight.fromParams({ frequency: "daily" }), log),
  });
  assert.deepEqual(log.map(([d]) => d), ["2024-01-01", "2024-01-02", "2024-01-03"]);
  // Day0 targets fill on day1 at 10 and 5: 50 and 100 shares; later days need no trade.
  assert.deepEqual(r.fills.map((f) => [f.ticker, f.size]), [["AAA", 50], ["BBB", 100]]);
});

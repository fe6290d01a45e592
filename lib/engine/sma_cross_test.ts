import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { runBacktest } from "./run_backtest.ts";
import { smaCross, trailingMean } from "./sma_cross.ts";
import { flat, testPanel } from "./_test_panel.ts";

Deno.test("trailingMean() averages the last period closes, skipping days without a bar", () => {
  // Hand: last 3 non-NaN of [1, 2, NaN, 3, 4] are 2, 3, 4 -> 3.
  assert.equal(trailingMean(Float64Array.of(1, 2, NaN, 3, 4), 3), 3);
  assert.ok(Number.isNaN(trailingMean(Float64Array.of(1, NaN), 2)));
});

Deno.test("sma-cross buys when the close rises above its SMA and sells when it falls below", () => {
  // Closes 10, 10, 10, 12, 13, 9, 9. SMA(3) on day3 = 32 / 3 = 10.67 < 12: buy at day4's open.
  // Day5: SMA = (12 + 13 + 9) / 3 = 11.33 > 9: sell at day6's open.
  const panel = testPanel({
    AAA: [flat(10), flat(10), flat(10), flat(12), flat(13), flat(9), flat(9)],
  });
  const r = runBacktest({
    panel,
    cash: 1000,
    strategy: smaCross.fromParams({ period: "3", size: "5" }),
  });
  assert.deepEqual(r.fills.map((f) => [f.placed, f.date, f.side, f.size, f.price]), [
    ["2024-01-04", "2024-01-05", "buy", 5, 13],
    ["2024-01-06", "2024-01-07", "sell", 5, 9],
  ]);
  assert.equal(r.finalValue, 1000 - 65 + 45);
});

Deno.test("sma-cross trades the first ticker by default and rejects an unknown one", () => {
  const panel = testPanel({ AAA: [flat(10)], BBB: [flat(10)] });
  assert.doesNotThrow(() => runBacktest({ panel, strategy: smaCross.create() }));
  assert.throws(
    () => runBacktest({ panel, strategy: smaCross.fromParams({ ticker: "ZZZ" }) }),
    (e: unknown) => e instanceof InputError && /--param ticker=ZZZ/.test(e.message),
  );
});

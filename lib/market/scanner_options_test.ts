/** Tests of {@link resolveScannerOptions}. @module */
import assert from "node:assert/strict";
import { emptySeries } from "../data/bars.ts";
import { resolveScannerOptions } from "./scanner_options.ts";

Deno.test("resolveScannerOptions() defaults to 1d 0.5, 1w 0.3, 1mo 0.2, heaviest first", () => {
  const o = resolveScannerOptions();
  assert.deepEqual(o.timeframes, [
    { timeframe: "1d", weight: 0.5 },
    { timeframe: "1w", weight: 0.3 },
    { timeframe: "1mo", weight: 0.2 },
  ]);
  assert.equal(o.thresholds.adxTrending, 25);
  assert.equal(o.thresholds.adxRanging, 20);
  assert.equal(o.periodsPerYear["1w"], 52);
  assert.equal(o.weekDays, 5);
});

Deno.test("resolveScannerOptions() drops zero weights and keeps the given thresholds", () => {
  const o = resolveScannerOptions({
    timeframes: { "1d": 1, "1w": 0 },
    thresholds: { adxTrending: 30 },
  });
  assert.deepEqual(o.timeframes, [{ timeframe: "1d", weight: 1 }]);
  assert.equal(o.thresholds.adxTrending, 30);
  assert.equal(o.thresholds.adxRanging, 20);
});

Deno.test("resolveScannerOptions() rejects bad options with a message naming them", () => {
  assert.throws(
    () => resolveScannerOptions({ timeframes: { "1d": -1 } }),
    new RangeError("Cannot scan as timeframes.1d must be a weight >= 0: current value is -1"),
  );
  assert.throws(() => resolveScannerOptions({ timeframes: {} }), /at least one weight > 0/);
  assert.throws(
    () => resolveScannerOptions({ thresholds: { adxRanging: 30 } }),
    /thresholds.adxRanging must be in \(0, adxTrending\]: current value is 30/,
  );
  assert.throws(
    () => resolveScannerOptions({ intraday: { SPY: emptySeries("SPY", "1d", 0) } }),
    /intraday.SPY.interval must be 1h: current value is 1d/,
  );
});

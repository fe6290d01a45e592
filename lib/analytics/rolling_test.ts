import assert from "node:assert/strict";
import { assertClose } from "./_assert_close.ts";
import { consecutiveDates, seriesFromReturns } from "./_test_series.ts";
import { resolveConventions } from "./conventions.ts";
import { sharpeRatio } from "./return_ratios.ts";
import { rollingSharpe, rollingVolatility } from "./rolling.ts";
import { simpleReturns } from "./value_series.ts";

// values 100, 110, 99, 108.9, 108.9: returns +0.1, -0.1, +0.1, 0
const tiny = { dates: consecutiveDates("2024-01-01", 5), value: [100, 110, 99, 108.9, 108.9] };

Deno.test("rollingVolatility() gives one value per full window, dated on its last day", () => {
  const rolling = rollingVolatility(tiny, { window: 3 });
  assert.deepEqual(rolling.dates, ["2024-01-04", "2024-01-05"]);
  // window {0.1, -0.1, 0.1}: mean 1/30, squared deviations (1/15)^2 * 2 + (2/15)^2 = 6/225,
  // sample variance 3/225 = 1/75
  assertClose(rolling.values[0], Math.sqrt(1 / 75) * Math.sqrt(252));
  // window {-0.1, 0.1, 0}: mean 0, sample variance 0.02 / 2 = 0.01
  assertClose(rolling.values[1], 0.1 * Math.sqrt(252));
});

Deno.test("rollingSharpe() over the whole series equals sharpeRatio()", () => {
  const conventions = { riskFreeRate: 0.03, periodsPerYear: 252 };
  const rolling = rollingSharpe(tiny, { window: 4, ...conventions });
  assert.equal(rolling.values.length, 1);
  const whole = sharpeRatio(simpleReturns(tiny.value), resolveConventions(conventions, "test"));
  assertClose(rolling.values[0], whole ?? NaN);
});

Deno.test("rollingSharpe() is null on a flat window after a volatile one", () => {
  const series = seriesFromReturns([0.05, -0.04, 0.03, 0, 0, 0]);
  const rolling = rollingSharpe(series, { window: 3 });
  assert.equal(rolling.values[rolling.values.length - 1], null);
  assert.equal(typeof rolling.values[0], "number");
});

Deno.test("rolling series are empty with fewer returns than the window (default 126)", () => {
  assert.deepEqual(rollingSharpe(tiny), { dates: [], values: [] });
  const long = seriesFromReturns(Array.from({ length: 130 }, (_, i) => (i % 2 ? 0.01 : -0.005)));
  assert.equal(rollingVolatility(long).values.length, 130 - 126 + 1);
});

Deno.test("rolling series throw RangeError on a window that is not an integer of at least 2", () => {
  for (const window of [1, 2.5, 0, NaN]) {
    assert.throws(
      () => rollingVolatility(tiny, { window }),
      /Cannot compute rolling volatility as window must be an integer of at least 2/,
    );
  }
  assert.throws(() => rollingSharpe(tiny, { periodsPerYear: 0 }), RangeError);
});

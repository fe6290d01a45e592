import assert from "node:assert/strict";
import fc from "fast-check";
import type { EquityCurve, Trade } from "../engine/types.ts";
import { assertClose } from "./_assert_close.ts";
import { consecutiveDates } from "./_test_series.ts";
import { computeMetrics, type Metrics } from "./metrics.ts";

// values 100, 110, 99, 108.9, 108.9: returns +0.1, -0.1, +0.1, 0 (mean 0.025,
// sample variance 0.0275 / 3; see return_ratios_test.ts for the arithmetic)
const curve: EquityCurve = {
  dates: consecutiveDates("2024-01-01", 5),
  value: new Float64Array([100, 110, 99, 108.9, 108.9]),
  cash: new Float64Array([100, 0, 0, 54.45, 54.45]),
  exposure: new Float64Array([0, 1, 1, 0.5, 0.5]),
  turnover: new Float64Array([0, 1, 0, 0.5, 0]),
};

function assertJsonSafe(m: Metrics): void {
  const text = JSON.stringify(m);
  assert.deepEqual(JSON.parse(text), m); // NaN and Infinity would come back as null
}

Deno.test("computeMetrics() summarises an equity curve by hand calculation", () => {
  const m = computeMetrics({ curve, trades: [{ pnl: 10 }, { pnl: -5 }] });
  assert.equal(m.start, "2024-01-01");
  assert.equal(m.end, "2024-01-05");
  assert.equal(m.calendarDays, 4);
  assert.equal(m.observations, 4);
  assertClose(m.totalReturn, 0.089);
  assertClose(m.cagr, Math.pow(1.089, 365.25 / 4) - 1);
  assertClose(m.annualVolatility, Math.sqrt(0.0275 / 3) * Math.sqrt(252));
  assertClose(m.sharpe, 0.025 / Math.sqrt(0.0275 / 3) * Math.sqrt(252));
  assertClose(m.sortino, 0.025 * 252 / (0.05 * Math.sqrt(252)));
  // max drawdown 99 / 110 - 1 = -0.1 from 2024-01-02, not recovered (108.9 < 110)
  assert.deepEqual(m.maxDrawdown, {
    depth: 99 / 110 - 1,
    peak: "2024-01-02",
    trough: "2024-01-03",
    recovery: null,
  });
  assertClose(m.calmar, (Math.pow(1.089, 365.25 / 4) - 1) / 0.1);
  // exposure mean (0 + 1 + 1 + 0.5 + 0.5) / 5; turnover mean 1.5 / 5 = 0.3, x 252
  assertClose(m.exposure, 0.6);
  assertClose(m.turnover, 0.3 * 252);
  assert.equal(m.trades.profitFactor, 2);
  assert.equal(m.benchmark, null);
  assert.deepEqual(m.periodReturns.yearly, { "2024": 108.9 / 100 - 1 });
  assertJsonSafe(m);
});

Deno.test("computeMetrics() reads the engine's Trade records", () => {
  const trade: Trade = {
    ticker: "SPY",
    entryDate: "2024-01-01",
    exitDate: "2024-01-03",
    entryPrice: 100,
    exitPrice: 99,
    size: 10,
    pnl: -11, // -10 on price, -1 commission
    returnPct: -0.011,
    daysHeld: 2,
    commission: 1,
  };
  const m = computeMetrics({ curve, trades: [trade] });
  assert.equal(m.trades.losses, 1);
  assert.equal(m.trades.averageLoss, -11);
});

Deno.test("computeMetrics() compares the curve with a benchmark on the same dates", () => {
  // benchmark 50, 52.5, 49.875, 52.36875, 52.36875: returns +0.05, -0.05, +0.05, 0 = r / 2
  const benchmark = [50, 52.5, 49.875, 52.36875, 52.36875];
  const m = computeMetrics({ curve, benchmark });
  const b = m.benchmark;
  assert.ok(b !== null);
  assertClose(b.totalReturn, 52.36875 / 50 - 1);
  assertClose(b.beta, 2); // r = 2b exactly
  assertClose(b.alpha, 0);
  assertClose(b.annualVolatility, Math.sqrt(0.0275 / 3) / 2 * Math.sqrt(252));
  assertClose(b.sharpe, m.sharpe ?? NaN); // halving every return leaves the Sharpe ratio
  assertClose(b.maxDrawdown.depth, 49.875 / 52.5 - 1);
  // active = r / 2: information ratio equals the curve's Sharpe at rf 0
  assertClose(b.informationRatio, m.sharpe ?? NaN);
  assertJsonSafe(m);
});

Deno.test("computeMetrics() reports null ratios for a flat curve", () => {
  const m = computeMetrics(
    { curve: { dates: consecutiveDates("2024-01-01", 4), value: [100, 100, 100, 100] } },
    { riskFreeRate: 0 },
  );
  assert.equal(m.totalReturn, 0);
  assert.equal(m.cagr, 0);
  assert.equal(m.annualVolatility, 0);
  assert.equal(m.sharpe, null);
  assert.equal(m.sortino, null);
  assert.equal(m.calmar, null);
  assert.deepEqual(m.maxDrawdown, { depth: 0, peak: null, trough: null, recovery: null });
  assert.deepEqual(m.drawdowns, []);
  assert.equal(m.turnover, null);
  assert.equal(m.exposure, null);
  assertJsonSafe(m);
});

Deno.test("computeMetrics() handles a single day: no return, no rate, no ratio", () => {
  const m = computeMetrics({ curve: { dates: ["2024-01-02"], value: [100] } });
  assert.equal(m.observations, 0);
  assert.equal(m.calendarDays, 0);
  assert.equal(m.totalReturn, 0);
  for (const key of ["cagr", "annualVolatility", "sharpe", "sortino", "calmar"] as const) {
    assert.equal(m[key], null, key);
  }
  assert.deepEqual(m.periodReturns, { monthly: {}, yearly: {} });
  assertJsonSafe(m);
});

Deno.test("computeMetrics() without trades reports a zero count and null trade ratios", () => {
  const m = computeMetrics({ curve });
  assert.equal(m.trades.count, 0);
  assert.equal(m.trades.winRate, null);
  assert.equal(m.trades.sqn, null);
});

Deno.test("computeMetrics() throws RangeError on misaligned or invalid columns", () => {
  const cases: [() => unknown, RegExp][] = [
    [
      () => computeMetrics({ curve, benchmark: [1, 2] }),
      /benchmark must hold one value per date: current length is 2, dates 5/,
    ],
    [
      () => computeMetrics({ curve, benchmark: [1, 2, 0, 4, 5] }),
      /benchmark\[2\] must be a finite number above 0: current value is 0/,
    ],
    [
      () => computeMetrics({ curve: { ...curve, turnover: new Float64Array(2) } }),
      /turnover must hold one entry per date/,
    ],
    [
      () => computeMetrics({ curve: { ...curve, exposure: [0, 0, NaN, 0, 0] } }),
      /exposure\[2\] must be a finite number: current value is NaN/,
    ],
    [
      () => computeMetrics({ curve }, { riskFreeRate: -1 }),
      /riskFreeRate must be a finite number above -1: current value is -1/,
    ],
    [
      () => computeMetrics({ curve }, { periodsPerYear: -252 }),
      /periodsPerYear must be a finite number above 0: current value is -252/,
    ],
  ];
  for (const [run, message] of cases) {
    assert.throws(run, (error: unknown) => {
      assert.ok(error instanceof RangeError);
      assert.match(error.message, /^Cannot compute metrics as /);
      assert.match(error.message, message);
      return true;
    });
  }
});

Deno.test("computeMetrics() output is NaN-free and survives JSON for any positive curve", () => {
  // daily factors between 0.5 and 2, with flat stretches (factor exactly 1) likely
  const factor = fc.oneof(
    fc.constant(1),
    fc.double({ min: 0.5, max: 2, noNaN: true }),
  );
  fc.assert(
    fc.property(
      fc.array(factor, { minLength: 0, maxLength: 60 }),
      fc.array(factor, { minLength: 60, maxLength: 60 }),
      fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { maxLength: 5 }),
      fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      (factors, benchmarkFactors, pnl, riskFreeRate) => {
        const value = [100];
        for (const f of factors) value.push((value[value.length - 1] ?? NaN) * f);
        const benchmark = [100];
        for (const f of benchmarkFactors.slice(0, factors.length)) {
          benchmark.push((benchmark[benchmark.length - 1] ?? NaN) * f);
        }
        const m = computeMetrics(
          {
            curve: { dates: consecutiveDates("2020-02-27", value.length), value },
            trades: pnl.map((p) => ({ pnl: p })),
            benchmark,
          },
          { riskFreeRate },
        );
        assertJsonSafe(m);
        assert.ok(m.maxDrawdown.depth <= 0 && m.maxDrawdown.depth > -1);
        for (let i = 1; i < m.drawdowns.length; i++) {
          assert.ok((m.drawdowns[i - 1]?.depth ?? NaN) <= (m.drawdowns[i]?.depth ?? NaN));
        }
      },
    ),
    { seed: 20240101, numRuns: 300 },
  );
});

// Real prices: SPY against QQQ (adjusted closes, 1999-11-01 to 2020-12-11), rf 2%.
// Reference: numpy 2.4.6, the same definitions written independently:
//   r = s[1:] / s[:-1] - 1; rfd = 1.02 ** (1 / 252) - 1
//   vol = r.std(ddof=1) * sqrt(252); sharpe = (r - rfd).mean() / (r - rfd).std(ddof=1) * sqrt(252)
//   sortino = (r - rfd).mean() * 252 / (sqrt(mean(clip(r - rfd, None, 0) ** 2)) * sqrt(252))
//   cagr = (s[-1] / s[0]) ** (365.25 / days) - 1; dd = s / maximum.accumulate(s) - 1
//   C = cov(r, b); beta = C[0, 1] / C[1, 1]; alpha = ((r - rfd).mean() - beta * (b - rfd).mean()) * 252
//   a = r - b; te = a.std(ddof=1) * sqrt(252); ir = a.mean() * 252 / te
const dataDir = new URL("../../../shared/data/market/", import.meta.url);
const hasData = (() => {
  try {
    return Deno.statSync(new URL("SPY.csv", dataDir)).isFile;
  } catch {
    return false;
  }
})();
if (!hasData) console.log("metrics_test: ../shared/data is absent, skipping the real-price check");

function readAdjusted(ticker: string): { dates: string[]; value: number[] } {
  const lines = Deno.readTextFileSync(new URL(`${ticker}.csv`, dataDir)).trim().split("\n");
  const dates: string[] = [], value: number[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    dates.push(cells[0] ?? "");
    value.push(Number(cells[5]));
  }
  return { dates, value };
}

Deno.test({
  name: "computeMetrics() matches a numpy reference on SPY against QQQ",
  ignore: !hasData,
  fn: () => {
    const spy = readAdjusted("SPY"), qqq = readAdjusted("QQQ");
    assert.deepEqual(qqq.dates, spy.dates);
    const m = computeMetrics({ curve: spy, benchmark: qqq.value }, { riskFreeRate: 0.02 });
    const tol = 1e-10;
    assert.equal(m.calendarDays, 7711);
    assertClose(m.totalReturn, 2.998924402318764, tol, "totalReturn");
    assertClose(m.cagr, 0.06785548412784048, tol, "cagr");
    assertClose(m.annualVolatility, 0.19863618746445919, tol, "vol");
    assertClose(m.sharpe, 0.33067845152020514, tol, "sharpe");
    assertClose(m.sortino, 0.4644437857852159, tol, "sortino");
    assertClose(m.maxDrawdown.depth, -0.5520110457204607, tol, "max drawdown");
    assert.deepEqual(
      [m.maxDrawdown.peak, m.maxDrawdown.trough, m.maxDrawdown.recovery],
      ["2007-10-09", "2009-03-09", "2012-08-16"],
    );
    assertClose(m.benchmark?.beta, 0.5976393949386419, tol, "beta");
    assertClose(m.benchmark?.alpha, 0.007168467091504478, tol, "alpha");
    assertClose(m.benchmark?.trackingError, 0.15590882969510608, tol, "tracking error");
    assertClose(m.benchmark?.informationRatio, -0.20670785548805284, tol, "information ratio");
    assertClose(m.benchmark?.sharpe, 0.3515410288948208, tol, "benchmark sharpe");
    assertClose(m.periodReturns.yearly["2008"], -0.36806883935812496, tol, "2008");
    assertClose(m.periodReturns.monthly["2020"]?.["3"], -0.12464253025170224, tol, "2020-03");
    assertJsonSafe(m);
  },
});

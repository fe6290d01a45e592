import assert from "node:assert/strict";
import fc from "fast-check";
import { loadFixtures } from "../data/fixtures.ts";
import { Panel } from "../data/panel.ts";
import type { BarSeries } from "../data/bars.ts";
import { InputError } from "../errors.ts";
import {
  detectRegimeAt,
  detectRegimes,
  regimeReadingAt,
  type RegimeSeries,
} from "./regime_detection.ts";
import { DEFAULT_REGIME_OPTIONS, resolveRegimeOptions } from "./regime_options.ts";

const fixtures = await loadFixtures();
const panel = Panel.fromSeries(fixtures.series);
const series = detectRegimes(panel);
const n = panel.dayCount;

/** Day t of every per-day column, for exact comparison (NaN equals NaN through Object.is). */
function dayOf(s: RegimeSeries, t: number) {
  return [
    s.regimes[t],
    s.weeklyRegimes[t],
    s.confidence[t],
    s.agreement[t],
    s.stability[t],
    s.signals.daily.growth[t],
    s.signals.daily.inflation[t],
    s.signals.weekly.growth[t],
    s.signals.weekly.inflation[t],
    s.axisConfidence.growth[t],
    s.axisConfidence.inflation[t],
  ];
}

function assertSameUpTo(cut: RegimeSeries, t: number): void {
  for (let i = 0; i <= t; i++) {
    const a = dayOf(cut, i), b = dayOf(series, i);
    a.forEach((x, k) => assert.ok(Object.is(x, b[k]), `day ${i} column ${k}: ${x} vs ${b[k]}`));
  }
  assert.deepEqual(cut.transitions, series.transitions.filter((e) => e.t <= t));
}

Deno.test("detectRegimeAt() on a point-in-time view agrees with detectRegimes() on that day", () => {
  const days = [
    0,
    40,
    130,
    700,
    1499,
    2222,
    n - 1,
    ...series.transitions.slice(0, 3).map((e) => e.t),
  ];
  for (const t of days) {
    assert.deepEqual(detectRegimeAt(panel.view(t)), regimeReadingAt(series, t), `day ${t}`);
  }
});

Deno.test("truncating the Panel after day t leaves every reading up to t unchanged", () => {
  for (const t of [60, 999, 1800]) assertSameUpTo(detectRegimes(panel.truncate(t)), t);
});

Deno.test("no reading up to day t changes with data after t (property, random t)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: n - 2 }), (t) => {
      assertSameUpTo(detectRegimes(panel.truncate(t)), t);
    }),
    { numRuns: 8, seed: 42 },
  );
});

Deno.test("an axis flips only past the hysteresis band and at least minHoldDays after its last flip", () => {
  const { hysteresis, minHoldDays } = DEFAULT_REGIME_OPTIONS;
  for (const axis of ["growth", "inflation"] as const) {
    const direction = series.directions.daily[axis], signal = series.signals.daily[axis];
    let last = -Infinity;
    for (let t = 1; t < n; t++) {
      const d = direction[t] as number;
      if (direction[t - 1] === 0 || d === direction[t - 1]) continue;
      assert.ok((signal[t] as number) * d > hysteresis, `${axis} day ${t}`);
      assert.ok(t - last >= minHoldDays, `${axis} flips on days ${last} and ${t}`);
      last = t;
    }
  }
});

Deno.test("confidence, stability and agreement stay in range; the regime is null only while warming up", () => {
  const first = series.regimes.findIndex((r) => r !== null);
  assert.ok(first > 0 && first < 30, `first reading on day ${first}`);
  assert.ok(series.regimes.slice(first).every((r) => r !== null));
  for (let t = 0; t < n; t++) {
    const c = series.confidence[t] as number, s = series.stability[t] as number;
    assert.ok(c >= 0 && c <= 1 && s >= 0 && s <= 1, `day ${t}`);
    assert.ok([0, 0.5, 1].includes(series.agreement[t] as number), `day ${t}`);
  }
});

Deno.test("a proxy member falls back to its next ticker: VTI in place of SPY gives the same regimes", () => {
  const renamed = fixtures.series.map((s): BarSeries =>
    s.ticker === "SPY" ? { ...s, ticker: "VTI" } : s
  );
  const other = detectRegimes(Panel.fromSeries(renamed));
  const volatility = other.signals.proxies.growth.find((p) => p.name === "equity volatility");
  assert.deepEqual(volatility?.long, ["VTI"]);
  assert.deepEqual(other.regimes, series.regimes);
});

Deno.test("detectRegimes() leaves out a proxy it cannot form and throws an InputError when an axis has none", () => {
  const keep = (tickers: string[]) =>
    Panel.fromSeries(fixtures.series.filter((s) => tickers.includes(s.ticker)));
  const partial = detectRegimes(keep(["SPY", "TLT", "TIP", "IEF"]));
  assert.deepEqual(partial.signals.proxies.growth.map((p) => p.name), [
    "equity volatility",
    "equities vs treasuries",
  ]);
  assert.throws(() => detectRegimes(keep(["TIP", "IEF"])), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.match(
      e.message,
      /^regime detection: no growth proxy can be formed from the Panel's tickers/,
    );
    assert.match(e.message, /SPY\|VTI\|IVV/);
    return true;
  });
});

Deno.test("resolveRegimeOptions() names an option out of range", () => {
  assert.throws(() => resolveRegimeOptions({ windowsDays: [0, 63] }), {
    name: "RangeError",
    message:
      "Cannot detect regimes as windowsDays must be a non-empty list of positive integers: current value is [0,63]",
  });
  assert.throws(
    () => resolveRegimeOptions({ majorConfidence: 0.95 }),
    /majorConfidence must be in \[0, criticalConfidence = 0.9\]/,
  );
  assert.throws(
    () => resolveRegimeOptions({ growth: [] }),
    /growth must be a non-empty list of proxies/,
  );
  assert.throws(
    () => resolveRegimeOptions({ evidenceBound: 0 }),
    /evidenceBound must be a number > 0/,
  );
});

Deno.test("the momentum method reads the same Panel point in time too", () => {
  const options = { method: "momentum", windowsDays: [21, 63], hysteresis: 0.5 } as const;
  const full = detectRegimes(panel, options);
  const t = 1234;
  const cut = detectRegimes(panel.truncate(t), options);
  assert.deepEqual(cut.regimes, full.regimes.slice(0, t + 1));
  assert.deepEqual(detectRegimeAt(panel.view(t), options), regimeReadingAt(full, t));
});

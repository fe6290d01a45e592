import assert from "node:assert/strict";
import { assertClose } from "../analytics/_assert_close.ts";
import { computeMetrics } from "../analytics/metrics.ts";
import { isoDayNumber } from "../analytics/iso_day.ts";
import { isoDateOfDay } from "../engine/civil_day.ts";
import type { BenchmarkRun, RunResult } from "../engine/run_result.ts";
import { buildReport } from "../report/build_report.ts";
import { checkRunResult } from "../report/run_result_schema.ts";
import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
import { type StitchOptions, stitchOutOfSample } from "./stitch_out_of_sample.ts";
import type { OutOfSamplePiece } from "./stitch_pieces.ts";
import { outOfSampleDates, walkForwardWindows } from "./walk_forward_windows.ts";
import { parseWindowDuration } from "./window_duration.ts";

/** Weekdays from 2015-01-05, as syntheticRunResult lays its dates. */
const CALENDAR = (() => {
  const out: string[] = [];
  for (let day = isoDayNumber("2015-01-05"); out.length < 200; day++) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) out.push(isoDateOfDay(day));
  }
  return out;
})();
const WINDOWS = walkForwardWindows(CALENDAR, {
  train: parseWindowDuration("40d", "train"),
  test: parseWindowDuration("45d", "test"),
});
const META = {
  startedAt: "2025-01-02T03:04:05.000Z",
  codeVersion: "test",
  configHash: "sha256:walk-forward",
  config: { train: "40d", test: "45d" },
} as const;

/** One synthetic run per test window (seeded by the window), all on the same data. */
function pieces(
  cash: (k: number, previousEnd: number) => number = () => 1_000_000,
): OutOfSamplePiece[] {
  let previousEnd = 1_000_000;
  return WINDOWS.map((window, k) => {
    const base = syntheticRunResult({
      assets: 6,
      days: window.test.days,
      start: window.test.start,
      seed: 3 + k,
    });
    const initialCash = cash(k, previousEnd);
    const ratio = initialCash / 1_000_000; // rescale the synthetic run to its starting cash
    const result: RunResult = {
      ...base,
      dataHash: "sha256:same-data",
      initialCash,
      finalCash: base.finalCash * ratio,
      equity: {
        ...base.equity,
        value: base.equity.value.map((v) => v * ratio),
        cash: base.equity.cash.map((v) => v * ratio),
      },
    };
    previousEnd = result.equity.value.at(-1) ?? NaN;
    return { window, result };
  });
}

const returnsOf = (values: readonly number[]) =>
  values.slice(1).map((v, i) => v / (values[i] ?? NaN) - 1);

Deno.test("stitchOutOfSample() chains each piece from the previous one's ending value", () => {
  const input = pieces();
  assert.equal(input.length, 4);
  const { result, pieces: placed } = stitchOutOfSample({ ...META, pieces: input });
  assert.deepEqual(result.equity.dates, outOfSampleDates(CALENDAR, WINDOWS));
  // Joined daily returns: each piece's first stitched return is its first value over its cash,
  // the others are the piece's own returns.
  const expected = input.flatMap(({ result: r }, k) => [
    ...(k === 0 ? [] : [(r.equity.value[0] ?? NaN) / r.initialCash - 1]),
    ...returnsOf(r.equity.value),
  ]);
  returnsOf(result.equity.value).forEach((r, i) =>
    assertClose(r, expected[i] ?? NaN, 1e-12, `return ${i}`)
  );
  // By hand: the stitched total growth is the product of each piece's growth from its cash.
  const growth = input.reduce(
    (g, { result: r }) => g * (r.equity.value.at(-1) ?? NaN) / r.initialCash,
    1,
  );
  assertClose(result.finalValue / result.initialCash, growth, 1e-12);
  placed.forEach((p, k) => {
    assert.equal(p.startValue, k === 0 ? 1_000_000 : placed[k - 1]?.endValue);
    assertClose(p.scale, p.startValue / 1_000_000);
    assert.equal(p.to - p.from + 1, WINDOWS[k]?.test.days);
  });
  assert.equal(
    result.equity.cash[placed[1]?.from ?? 0],
    (input[1]?.result.equity.cash[0] ?? NaN) * (placed[1]?.scale ?? NaN),
  );
  assert.deepEqual(result.equity.exposure, input.flatMap((p) => p.result.equity.exposure));
  assert.deepEqual(result.equity.turnover, input.flatMap((p) => p.result.equity.turnover));
});

Deno.test("stitchOutOfSample() recomputes the metrics on the stitched curve and scales trades and fills", () => {
  const input = pieces();
  const { result, pieces: placed } = stitchOutOfSample({ ...META, pieces: input });
  assert.deepEqual(
    result.metrics,
    computeMetrics({ curve: result.equity, trades: result.trades }, { riskFreeRate: 0 }),
  );
  assert.equal(result.trades.length, input.reduce((n, p) => n + p.result.trades.length, 0));
  const secondTrade = input[1]?.result.trades[0];
  const stitchedTrade = result.trades[input[0]?.result.trades.length ?? 0];
  assertClose(stitchedTrade?.pnl, (secondTrade?.pnl ?? NaN) * (placed[1]?.scale ?? NaN));
  assert.equal(stitchedTrade?.returnPct, secondTrade?.returnPct);
  const ids = [...result.fills.map((f) => f.orderId), ...result.orderNotes.map((n) => n.orderId)];
  assert.equal(new Set(ids).size, ids.length, "order ids stay unique across pieces");
  assert.equal(result.period.days, result.equity.dates.length);
  assert.equal(result.strategy, "regime-rotation (walk-forward)");
  assert.deepEqual(result.config, META.config);
});

Deno.test("stitchOutOfSample() leaves fills as executed when the runner chains the cash", () => {
  const input = pieces((_, previousEnd) => previousEnd);
  const { result, pieces: placed } = stitchOutOfSample({ ...META, pieces: input });
  assert.deepEqual(placed.map((p) => p.scale), [1, 1, 1, 1]);
  assert.deepEqual(result.trades, input.flatMap((p) => p.result.trades));
  assert.deepEqual(result.equity.value, input.flatMap((p) => p.result.equity.value));
  assert.deepEqual(result.holdings, input.at(-1)?.result.holdings);
});

Deno.test("stitchOutOfSample() joins regimes, allocation and protection, or drops one a piece lacks", () => {
  const input = pieces();
  const { result } = stitchOutOfSample({ ...META, pieces: input });
  assert.deepEqual(result.regimes?.dates, result.equity.dates);
  assert.equal(
    result.allocation?.dates.length,
    input.reduce((n, p) => n + (p.result.allocation?.dates.length ?? 0), 0),
  );
  for (const weights of Object.values(result.allocation?.byBucket ?? {})) {
    assert.equal(weights.length, result.allocation?.dates.length);
  }
  assert.equal(
    result.protection?.totals.decisions,
    input.reduce((n, p) => n + (p.result.protection?.totals.decisions ?? 0), 0),
  );
  const lacking = input.map((p, k) =>
    k === 2 ? { ...p, result: { ...p.result, regimes: null } } : p
  );
  assert.equal(stitchOutOfSample({ ...META, pieces: lacking }).result.regimes, null);
});

/** A benchmark run with the given values (as `runBenchmarks` gives over the stitched days). */
function benchmarkRun(value: readonly (number | null)[]): BenchmarkRun {
  return { name: "SPY", weights: { SPY: 1 }, rebalance: "never", value, metrics: null };
}

Deno.test("stitchOutOfSample() carries the benchmarks run over the stitched days and compares against the first", () => {
  const dates = outOfSampleDates(CALENDAR, WINDOWS);
  const value = dates.map((_, i) => 1_000_000 * (1 + i / 500));
  const { result } = stitchOutOfSample({
    ...META,
    pieces: pieces(),
    benchmarks: [benchmarkRun(value)],
    benchmarkNotes: ["60/40:SPY,TLT left out: TLT has no prices"],
  });
  assert.equal(result.benchmarks[0]?.name, "SPY");
  assert.deepEqual(result.benchmarkNotes, ["60/40:SPY,TLT left out: TLT has no prices"]);
  assertClose(result.metrics.benchmark?.totalReturn, (value.at(-1) ?? NaN) / 1_000_000 - 1);
  // A missing value keeps the benchmark out of the metrics, as in a single run.
  const gappy = value.map((v, i) => i === 7 ? null : v);
  const withGap = stitchOutOfSample({
    ...META,
    pieces: pieces(),
    benchmarks: [benchmarkRun(gappy)],
  });
  assert.equal(withGap.result.benchmarks[0]?.value[7], null);
  assert.equal(withGap.result.metrics.benchmark, null);
  assert.throws(
    () =>
      stitchOutOfSample({
        ...META,
        pieces: pieces(),
        benchmarks: [benchmarkRun(value.slice(1))],
      }),
    RangeError,
    "one value per stitched date",
  );
});

Deno.test("stitchOutOfSample() gives a result the report reads and draws", () => {
  const dates = outOfSampleDates(CALENDAR, WINDOWS);
  const options: StitchOptions = {
    ...META,
    pieces: pieces(),
    benchmarks: [benchmarkRun(dates.map((_, i) => 1_000_000 * Math.exp(i / 500)))],
  };
  const { result } = stitchOutOfSample(options);
  const roundTrip = checkRunResult(JSON.parse(JSON.stringify(result)), "stitched.json");
  const html = buildReport(roundTrip);
  assert.ok(html.includes('id="chart-equity"'));
  assert.ok(html.includes("regime-rotation (walk-forward)"));
});

Deno.test("stitchOutOfSample() refuses pieces that do not tile their windows on the same data", () => {
  const input = pieces();
  const [a, b, c] = input;
  assert.ok(a && b && c);
  assert.throws(() => stitchOutOfSample({ ...META, pieces: [] }), RangeError, "at least one");
  assert.throws(
    () => stitchOutOfSample({ ...META, pieces: [a, c] }),
    RangeError,
    "piece 1 (window 2) must start the day after",
  );
  const short = {
    ...b,
    result: { ...b.result, equity: { ...b.result.equity, dates: b.result.equity.dates.slice(1) } },
  };
  assert.throws(
    () => stitchOutOfSample({ ...META, pieces: [a, short] }),
    RangeError,
    "must cover its test window",
  );
  const other = { ...b, result: { ...b.result, dataHash: "sha256:other" } };
  assert.throws(
    () => stitchOutOfSample({ ...META, pieces: [a, other] }),
    RangeError,
    "ran on other data",
  );
});

Deno.test("stitchOutOfSample() sums the cash whole-share rounding left over the pieces", () => {
  const shares = [
    { rebalances: 2, last: 100, lastShare: 0.001, averageShare: 0.002, maxShare: 0.004 },
    { rebalances: 6, last: 300, lastShare: 0.003, averageShare: 0.001, maxShare: 0.003 },
  ];
  const input = pieces().map((p, k) => ({
    ...p,
    result: { ...p.result, wholeShareCash: shares[k % 2] ?? null },
  }));
  const { result, pieces: placed } = stitchOutOfSample({ ...META, pieces: input });
  const all = input.map((_, k) => shares[k % 2]);
  const rebalances = all.reduce((n, s) => n + (s?.rebalances ?? 0), 0);
  // By hand: the mean share weighted by each piece's rebalances; the last piece's cash scaled.
  const weighted = all.reduce((n, s) => n + (s?.averageShare ?? 0) * (s?.rebalances ?? 0), 0);
  assert.equal(result.wholeShareCash?.rebalances, rebalances);
  assertClose(result.wholeShareCash?.averageShare, weighted / rebalances);
  assert.equal(result.wholeShareCash?.maxShare, 0.004);
  assertClose(
    result.wholeShareCash?.last,
    (all.at(-1)?.last ?? NaN) * (placed.at(-1)?.scale ?? NaN),
  );
  // A piece without the figure (an older result) leaves the stitched figure unknown.
  assert.equal(stitchOutOfSample({ ...META, pieces: pieces() }).result.wholeShareCash, null);
});

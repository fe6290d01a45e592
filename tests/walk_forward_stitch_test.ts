/**
 * A small walk-forward from real runs (issue 10 §2), with the library alone:
 * the regime-aware strategy on the fixture market, 5y/2y rolling windows, a
 * grid of two position caps searched in each train span, the winner by
 * Sharpe run on the test span with the previous piece's ending value as
 * cash, the pieces stitched into one result that `deno task report` draws,
 * and the deflated Sharpe ratio and PBO of one window's search. The sweep
 * runner does the same at scale; this checks the pieces fit real results.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { hashOf } from "../lib/config/hash.ts";
import { validateConfig } from "../lib/config/load.ts";
import { loadMarket, type MarketData } from "../lib/data/load_market.ts";
import type { RunResult } from "../lib/engine/run_result.ts";
import { executeRun, panelFor, prepareRun } from "../lib/run/run_from_config.ts";
import { REGIME_AWARE } from "../lib/run/strategy_source.ts";
import { runBenchmarks } from "../lib/run/benchmark_runs.ts";
import { parseBenchmarks } from "../lib/run/benchmark_spec.ts";
import {
  chooseInSampleWinner,
  deflatedSharpeRatio,
  outOfSampleDates,
  parseWindowDuration,
  probabilityOfBacktestOverfitting,
  returnsMatrixOfCurves,
  sharpeSampleOf,
  sharpeVarianceOf,
  stitchOutOfSample,
  walkForwardWindows,
} from "../lib/research/mod.ts";
import { REPO, resultsScratch, runTask } from "./_task.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const GRID = [{ maxSingle: 0.1 }, { maxSingle: 0.25 }];

/** One regime-aware run from `start` to `end`; the years before `start` are its warm-up. */
async function run(
  market: MarketData,
  sizing: { maxSingle: number },
  span: { start: string; end: string },
  cash = 100_000,
): Promise<{ key: string; result: RunResult }> {
  const config = validateConfig({ run: { start: span.start, end: span.end, cash }, sizing });
  const result = await executeRun(prepareRun(config, market, REGIME_AWARE), {
    startedAt: "2025-01-02T00:00:00.000Z",
    codeVersion: "walk-forward-test",
  });
  return { key: hashOf({ sizing }), result };
}

Deno.test("a walk-forward of real runs picks winners in sample and stitches a result deno task report draws", async () => {
  const base = validateConfig({});
  const market = await loadMarket({
    source: base.data.source,
    store: base.data.store,
    fixturesDir: FIXTURES,
  });
  const panel = panelFor(base, market);
  const calendar = Array.from({ length: panel.dayCount }, (_, t) => panel.dateAt(t));
  const windows = walkForwardWindows(calendar, {
    train: parseWindowDuration("5y", "--train"),
    test: parseWindowDuration("2y", "--test"),
  });
  // By hand: 2011-01-03 + 5y is Sunday 2016-01-03, so the first test day is Monday the 4th; then
  // 2016-01-04 + 2y = Thursday 2018-01-04 and + 4y = Saturday 2020-01-04 (Monday the 6th). The
  // data end on 2020-12-31, a year short of the last boundary: that piece is partial.
  assert.deepEqual(windows.map((w) => [w.test.start, w.partial]), [
    ["2016-01-04", false],
    ["2018-01-04", false],
    ["2020-01-06", true],
  ]);
  const pieces: { window: (typeof windows)[number]; result: RunResult }[] = [];
  const searches: { key: string; result: RunResult }[][] = [];
  let cash = base.run.cash;
  for (const window of windows) {
    const trials = [];
    for (const sizing of GRID) trials.push(await run(market, sizing, window.train));
    searches.push(trials);
    const winner = chooseInSampleWinner(trials.map((t) => ({ ...t, metrics: t.result.metrics })));
    assert.ok(winner !== null);
    const best = Math.max(...trials.map((t) => t.result.metrics.sharpe ?? -Infinity));
    assert.equal(winner.result.metrics.sharpe, best);
    const sizing = GRID[trials.indexOf(winner)] ?? {};
    const piece = await run(market, { maxSingle: 0.15, ...sizing }, window.test, cash);
    pieces.push({ window, result: piece.result });
    cash = piece.result.finalValue;
  }
  const dates = outOfSampleDates(calendar, windows);
  const benchmarks = runBenchmarks(panel, parseBenchmarks(["SPY"]), {
    cash: base.run.cash,
    broker: base.broker,
    start: dates[0] ?? "",
    end: dates.at(-1) ?? "",
    riskFreeRate: base.run.riskFreeRate,
  });
  const { result, pieces: placed } = stitchOutOfSample({
    pieces,
    startedAt: "2025-01-02T00:00:00.000Z",
    codeVersion: "walk-forward-test",
    configHash: "sha256:walk-forward-test",
    config: { train: "5y", test: "2y", metric: "sharpe" },
    benchmarks,
  });
  assert.deepEqual(placed.map((p) => p.scale), [1, 1, 1], "cash chained: fills as executed");
  assert.equal(result.period.start, "2016-01-04");
  assert.equal(result.period.end, "2020-12-31");
  assert.equal(result.finalValue, pieces.at(-1)?.result.finalValue);
  assert.ok(result.trades.length > 0 && result.regimes !== null && result.protection !== null);
  assert.ok(
    result.metrics.benchmark !== null,
    "SPY has every close: the metrics compare against it",
  );

  // The first window's search: its winner's deflated Sharpe ratio given two trials, and PBO.
  const search = searches[0] ?? [];
  const curves = search.map((t) => t.result.equity.value);
  const samples = curves.map((c) =>
    sharpeSampleOf(c.slice(1).map((v, i) => v / (c[i] ?? NaN) - 1))
  );
  const bestSample = samples.reduce((a, b) => (b.sharpe > a.sharpe ? b : a));
  const dsr = deflatedSharpeRatio({
    ...bestSample,
    trials: search.length,
    sharpeVariance: sharpeVarianceOf(samples.map((x) => x.sharpe)),
  });
  assert.ok(dsr.probability >= 0 && dsr.probability <= 1 && dsr.expectedMaximumSharpe > 0);
  const pbo = probabilityOfBacktestOverfitting(returnsMatrixOfCurves(curves));
  assert.equal(pbo.splits, 12_870);
  assert.ok(pbo.probability >= 0 && pbo.probability <= 1);

  const scratch = await resultsScratch("walk-forward");
  try {
    const file = join(scratch.dir, "result.json");
    await Deno.writeTextFile(join(REPO, file), JSON.stringify(result));
    const report = await runTask("report", "report", [file, "--json"]);
    assert.equal(report.code, 0, report.stderr);
    const html = await Deno.readTextFile(join(REPO, scratch.dir, "report.html"));
    assert.ok(html.includes("regime-aware (walk-forward)"));
    assert.ok(html.includes('id="chart-equity"'));
  } finally {
    await scratch.cleanup();
  }
});

/**
 * Walk-forwards through the library (`prepareWalkForward`, `runWalkForward`,
 * `walkForward()`) on the fixture market: each window's winner is the best
 * of its own training runs by the metric, found without a day of its test
 * span; its out-of-sample run covers exactly the test span and starts from
 * the previous piece's ending value; the deflated Sharpe ratio and PBO are
 * those of the stored runs' returns computed by hand; a walk-forward started
 * again on its store and pieces runs nothing and reports the same; a grid of
 * one combination still runs and says why it has no PBO; and windows that do
 * not fit the data are refused before anything runs.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { InputError } from "../lib/errors.ts";
import { gridParameters } from "../lib/research/grid_space.ts";
import { FolderPieceStore } from "../lib/research/piece_store.ts";
import { prepareWalkForward } from "../lib/research/prepare_walk_forward.ts";
import {
  runWalkForward,
  type WalkForwardEvent,
  type WalkForwardSummary,
  type WindowOutcome,
} from "../lib/research/run_walk_forward.ts";
import { searchStatisticsOf } from "../lib/research/search_statistics.ts";
import { SqliteSweepStore } from "../lib/research/sqlite_sweep_store.ts";
import { runsOfSpan } from "../lib/research/walk_forward_plan.ts";
import { walkForwardReport } from "../lib/research/walk_forward_report.ts";
import { parseWindowDuration } from "../lib/research/window_duration.ts";
import { walkForward } from "../lib/research/walk_forward.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;
/** 2018-2020 of the fixtures, searched a year at a time: two windows (2019, 2020). */
const REQUEST = {
  source: "test",
  layers: [{
    kind: "file" as const,
    name: "test",
    values: { run: { start: "2018-01-02" }, data: { fixturesDir: FIXTURES } },
  }],
  parameters: gridParameters({ "sizing.minScore": [0.6, 0.7], "sizing.maxSingle": [0.1] }, "test"),
  train: parseWindowDuration("1y", "--train"),
  test: parseWindowDuration("1y", "--test"),
};

async function collect(
  events: AsyncIterable<WalkForwardEvent>,
): Promise<{ windows: WindowOutcome[]; summary: WalkForwardSummary }> {
  const windows: WindowOutcome[] = [];
  let summary: WalkForwardSummary | undefined;
  for await (const event of events) {
    assert.equal(summary, undefined, "the summary comes last");
    if (event.kind === "window") windows.push(event);
    else summary = event;
  }
  assert.ok(summary !== undefined);
  return { windows, summary };
}

Deno.test("a walk-forward chooses each window's winner in sample and runs it on the test window, cash chained", async () => {
  const prepared = await prepareWalkForward(REQUEST);
  const { plan } = prepared;
  // By hand: 2018-01-02 + 1y = 2019-01-02 (a Wednesday) is the first test day, + 2y = Thursday
  // 2020-01-02 the second; each training year is the one before its test day.
  assert.deepEqual(
    plan.windows.map((w) => [w.train.start, w.train.end, w.test.start, w.test.end]),
    [
      ["2018-01-02", "2018-12-31", "2019-01-02", "2019-12-31"],
      ["2019-01-02", "2019-12-31", "2020-01-02", "2020-12-31"],
    ],
  );
  assert.equal(plan.sweep.runs.length, 6, "2 combinations x (2 windows + the whole period)");
  const store = SqliteSweepStore.open(":memory:");
  try {
    const { windows, summary } = await collect(runWalkForward(prepared, { store, name: "wf" }));
    assert.deepEqual(windows.map((w) => w.index), [0, 1]);
    let cash = 100_000;
    for (const w of windows) {
      // The winner is the best of the window's own stored runs by Sharpe (ties by config hash).
      const runs = [];
      for await (const run of store.ranked("wf", "sharpe")) {
        if (runsOfSpan(plan, w.index).some((r) => r.configHash === run.configHash)) runs.push(run);
      }
      assert.equal(runs.length, 2);
      for (const run of runs) assert.equal(run.summary.end, w.train.end, "no day after train.end");
      const best = Math.max(...runs.map((r) => r.metrics.sharpe ?? -Infinity));
      assert.equal(w.inSample.value, best);
      const winner = runs.find((r) => r.configHash === w.inSample.configHash);
      assert.equal(winner?.metrics.sharpe, best);
      assert.deepEqual(w.inSample.params, {
        "sizing.minScore": winner?.params["sizing.minScore"],
        "sizing.maxSingle": 0.1,
      });
      // Out of sample: exactly the test span, from the previous piece's end, with the winner's params.
      const piece = w.outOfSample.result;
      assert.deepEqual([piece.period.start, piece.period.end], [w.test.start, w.test.end]);
      assert.equal(piece.equity.dates.length, w.test.days);
      assert.equal(piece.initialCash, cash);
      const config = piece.config as { sizing: { minScore: number } };
      assert.equal(config.sizing.minScore, w.inSample.params["sizing.minScore"]);
      assert.equal(w.outOfSample.value, piece.metrics.sharpe);
      cash = piece.finalValue;

      // DSR and PBO: the same functions over the window's stored returns, by hand.
      const columns = [];
      for (const r of runsOfSpan(plan, w.index)) {
        columns.push((await store.returns("wf", r.configHash))?.returns.subarray(1) ?? []);
      }
      const chosen = runsOfSpan(plan, w.index).findIndex((r) =>
        r.configHash === w.inSample.configHash
      );
      const byHand = searchStatisticsOf(columns as Float64Array[], chosen, {
        riskFreeRate: 0,
      });
      assert.deepEqual(w.statistics, byHand);
      assert.ok(
        Math.abs((w.statistics.deflatedSharpe?.sharpe ?? NaN) - best) < 1e-9,
        "the DSR's Sharpe ratio is the run's reported one",
      );
    }
    const stitched = summary.stitched.result;
    assert.deepEqual(summary.stitched.pieces.map((p) => p.scale), [1, 1], "cash chained");
    assert.equal(stitched.period.start, windows[0]?.test.start);
    assert.equal(stitched.period.end, "2020-12-31");
    assert.equal(stitched.finalValue, cash);
    assert.deepEqual(stitched.benchmarks.map((b) => b.name), ["SPY", "60/40:SPY,TLT"]);
    assert.equal(stitched.benchmarks[0]?.value.length, stitched.equity.dates.length);
    assert.equal(summary.whole.span.start, "2018-01-02");
    assert.equal(summary.whole.statistics.trials, 2);
    assert.ok(summary.whole.statistics.overfitting !== null, "two trials over three years: PBO");
  } finally {
    await store.close();
  }
});

Deno.test("a walk-forward started again on its store and pieces runs nothing and reports the same", async () => {
  const dir = await Deno.makeTempDir({ prefix: "walk_forward_resume_" });
  try {
    const path = join(dir, "sweep.db");
    const run = async () => {
      const store = SqliteSweepStore.open(path);
      let fresh = 0;
      try {
        const prepared = await prepareWalkForward(REQUEST);
        const { summary } = await collect(runWalkForward(prepared, {
          store,
          pieces: new FolderPieceStore(join(dir, "pieces")),
          startedAt: "2025-01-02T00:00:00.000Z",
          onRun: (r) => r.fresh && fresh++,
        }));
        return { fresh, report: walkForwardReport(summary, "resume"), summary };
      } finally {
        await store.close();
      }
    };
    const first = await run();
    assert.equal(first.fresh, 6);
    const again = await run();
    assert.equal(again.fresh, 0, "every in-sample run was read back");
    assert.deepEqual(again.report, first.report);
    assert.deepEqual(again.summary.stitched.result, first.summary.stitched.result);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("walkForward() of one combination still runs, and says why it has no PBO and what its DSR is", async () => {
  const windows: WindowOutcome[] = [];
  let summary: WalkForwardSummary | undefined;
  for await (
    const event of walkForward({
      base: { run: { start: "2019-01-02" }, data: { fixturesDir: FIXTURES } },
      parameters: { "sizing.minScore": [0.65] },
      train: "1y",
      test: "1y",
    })
  ) {
    if (event.kind === "window") windows.push(event);
    else summary = event;
  }
  assert.equal(windows.length, 1);
  const stats = windows[0]?.statistics;
  assert.equal(stats?.overfitting, null);
  assert.match(
    stats?.overfittingNote ?? "",
    /no PBO: the grid has 1 configuration\(s\): ranking configurations against each other needs at least 2/,
  );
  assert.equal(stats?.deflatedSharpe?.expectedMaximumSharpe, 0, "one trial: no luck to deflate");
  assert.match(stats?.deflatedSharpeNote ?? "", /one configuration: nothing was selected/);
  assert.equal(summary?.stitched.result.period.start, windows[0]?.test.start);
});

Deno.test("a walk-forward refuses windows that do not fit the data, a grid varying run.start and a metric it cannot choose by", async () => {
  await assert.rejects(
    prepareWalkForward({ ...REQUEST, train: parseWindowDuration("3y", "--train") }),
    InputError,
  );
  await assert.rejects(
    prepareWalkForward({ ...REQUEST, train: parseWindowDuration("3y", "--train") }),
    /the calendar covers 2018-01-02 to 2020-12-31 \(756 trading days\): a 3y training window leaves no day to test/,
  );
  await assert.rejects(
    prepareWalkForward({
      ...REQUEST,
      parameters: gridParameters({ "run.start": ["2018-06-01"] }, "test"),
    }),
    /test: parameters\.run\.start: a walk-forward sets run\.start and run\.end to each window/,
  );
  await assert.rejects(
    // deno-lint-ignore no-explicit-any
    prepareWalkForward({ ...REQUEST, metric: "turnover" as any }),
    /--metric: a walk-forward chooses its winners by sharpe/,
  );
});

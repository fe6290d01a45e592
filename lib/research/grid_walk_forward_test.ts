import assert from "node:assert/strict";
import { loadMarket } from "../data/load_market.ts";
import { gridWalkForward } from "./grid_walk_forward.ts";
import { planSweep } from "./sweep_plan.ts";
import { parseWindowDuration } from "./window_duration.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url);

Deno.test("gridWalkForward() picks each window's best in training, runs it and the candidate on the test span, chained", async () => {
  const plan = planSweep({
    source: "test grid",
    layers: [{
      kind: "file",
      name: "test base",
      values: {
        run: { start: "2013-01-02", end: "2016-12-30" },
        data: { fixturesDir: "fixtures" },
      },
    }],
    parameters: [{ path: "sizing.maxSingle", values: [0.1, 0.25] }],
  });
  const market = await loadMarket({
    source: "fixtures",
    store: "data/prices.db",
    fixturesDir: FIXTURES,
  });
  const done: number[] = [];
  const walk = await gridWalkForward({
    plan,
    market,
    span: { start: "2013-01-02", end: "2016-12-30" },
    train: parseWindowDuration("2y", "--train"),
    test: parseWindowDuration("1y", "--test"),
    codeVersion: "test",
    onWindow: (w, n) => done.push(w.window.index, n),
  });
  // 2013-01-02 + 2y: the first test day is 2015-01-02; two test years, the last ending with the span.
  assert.deepEqual(walk.windows.map((w) => w.window.test.start), ["2015-01-02", "2016-01-04"]);
  assert.deepEqual(done, [0, 2, 1, 2]);
  // Per window: the grid's 2 runs and the candidate's on the train span, 2 test runs.
  assert.equal(walk.runs, 2 * (2 + 1 + 2));
  for (const w of walk.windows) {
    assert.ok([0.1, 0.25].includes(w.winner["sizing.maxSingle"] as number));
    assert.ok(Number.isFinite(w.trainValue.winner) && Number.isFinite(w.trainValue.candidate));
    assert.equal(w.winnerTest.period.start, w.window.test.start);
    assert.equal(w.candidateTest.period.end, w.window.test.end);
  }
  // Cash chained: each test piece starts from the previous one's ending value.
  const [first, second] = walk.windows;
  assert.equal(second?.candidateTest.initialCash, first?.candidateTest.finalValue);
  assert.equal(second?.winnerTest.initialCash, first?.winnerTest.finalValue);
  for (const stitched of [walk.walkForward, walk.candidate]) {
    assert.equal(stitched.period.start, "2015-01-02");
    assert.equal(stitched.period.end, "2016-12-30");
    assert.deepEqual(stitched.benchmarks.map((b) => b.name), ["SPY", "60/40:SPY,TLT"]);
  }
  assert.equal(walk.candidate.finalValue, second?.candidateTest.finalValue);
  assert.match(walk.walkForward.strategy, /walk-forward of the grid/);
});

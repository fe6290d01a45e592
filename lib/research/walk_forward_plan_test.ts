import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { Panel } from "../data/panel.ts";
import { seriesFromRows } from "../data/bars.ts";
import { validateConfig } from "../config/load.ts";
import { configOfRun, planSweep } from "./sweep_plan.ts";
import { parseWindowDuration } from "./window_duration.ts";
import { walkForwardWindows } from "./walk_forward_windows.ts";
import {
  checkWalkForwardGrid,
  gridParamsOf,
  runsOfSpan,
  spanOfRun,
  walkForwardCalendar,
  walkForwardPlan,
} from "./walk_forward_plan.ts";

const d = (text: string) => parseWindowDuration(text, "test");
/** Ten weekdays from Monday 2024-01-01. */
const CALENDAR = ["01", "02", "03", "04", "05", "08", "09", "10", "11", "12"].map((x) =>
  `2024-01-${x}`
);

Deno.test("walkForwardPlan() crosses every combination with every window, then the whole period, in that order", () => {
  const grid = planSweep({
    source: "g.yaml",
    layers: [],
    parameters: [
      { path: "sizing.minScore", values: [0.6, 0.7] },
      { path: "protection.graceDays", values: [2, 3] },
    ],
  });
  const windows = walkForwardWindows(CALENDAR, { train: d("4d"), test: d("3d"), anchored: true });
  const plan = walkForwardPlan(grid, CALENDAR, windows);
  assert.equal(plan.trials, 4);
  assert.equal(windows.length, 2); // by hand: tests on days 4..6 and 7..9 (indexes)
  assert.equal(plan.sweep.runs.length, 4 * 3);
  assert.deepEqual(plan.sweep.runs.map((r) => r.position), [...Array(12).keys()]);
  assert.deepEqual(plan.sweep.runs.map((r) => spanOfRun(plan, r.position)), [
    0,
    0,
    0,
    0,
    1,
    1,
    1,
    1,
    2,
    2,
    2,
    2,
  ]);
  // Anchored: every span starts on the first day; they end on each window's eve, then the last day.
  assert.deepEqual(plan.sweep.parameters.slice(2), [
    { path: "run.start", values: ["2024-01-01"] },
    { path: "run.end", values: ["2024-01-04", "2024-01-09", "2024-01-12"] },
  ]);
  for (let span = 0; span < 3; span++) {
    assert.deepEqual(
      runsOfSpan(plan, span).map((r) => gridParamsOf(r.params)),
      grid.runs.map((r) => r.params),
    );
  }
  const hashes = new Set(plan.sweep.runs.map((r) => r.configHash));
  assert.equal(hashes.size, 12, "each run its own config");
  const last = plan.sweep.runs[11];
  assert.ok(last !== undefined);
  const config = configOfRun(plan.sweep, last.params);
  assert.deepEqual([config.run.start, config.run.end], ["2024-01-01", "2024-01-12"]);
  assert.deepEqual(plan.whole, {
    from: 0,
    to: 9,
    start: "2024-01-01",
    end: "2024-01-12",
    days: 10,
  });
});

Deno.test("checkWalkForwardGrid() refuses every parameter the windows set or that changes the data, all at once", () => {
  checkWalkForwardGrid([{ path: "sizing.minScore", values: [0.6] }], "g.yaml");
  try {
    checkWalkForwardGrid([
      { path: "run.end", values: ["2020-01-02"] },
      { path: "data.tickers", values: [["SPY"]] },
    ], "g.yaml");
    assert.fail("refused");
  } catch (e) {
    assert.ok(e instanceof InputError);
    assert.deepEqual(e.problems.map((p) => p.split(":").slice(0, 2).join(":")), [
      "g.yaml: parameters.run.end",
      "g.yaml: parameters.data.tickers",
    ]);
  }
});

Deno.test("walkForwardCalendar() is the Panel's days between the base config's run.start and run.end", () => {
  const panel = Panel.fromSeries([seriesFromRows(
    "SPY",
    "1d",
    CALENDAR.map((day, i) => {
      const p = 100 + i;
      return {
        time: Date.parse(`${day}T00:00:00Z`),
        open: p,
        high: p,
        low: p,
        close: p,
        adjClose: p,
        volume: 1,
      };
    }),
  )]);
  assert.deepEqual(walkForwardCalendar(panel, validateConfig({})), CALENDAR);
  assert.deepEqual(
    walkForwardCalendar(panel, validateConfig({ run: { start: "2024-01-06", end: "2024-01-10" } })),
    ["2024-01-08", "2024-01-09", "2024-01-10"],
  );
});

/**
 * The in-sample phase of a walk-forward as an ordinary sweep plan: every
 * combination of the grid in every training window (a run is the grid's
 * config with `run.start` and `run.end` set to the window), then every
 * combination over the whole period (the search the overall deflated Sharpe
 * ratio and the probability of backtest overfitting judge). Its runs go to a
 * sweep store like any sweep's, so a restart runs only what is missing and a
 * job queue can hand them to other machines unchanged.
 *
 * Design decisions:
 * - Runs are planned span by span (window 0's combinations first, the whole
 *   period last), so the windows finish in order and each can be judged and
 *   run out of sample while the later ones still run.
 * - The calendar is the base configuration's trading days between its
 *   `run.start` and `run.end` (the whole data by default). The runs of a span
 *   read the days before it as warm-up, never a day after it (see
 *   walk_forward_windows.ts).
 * - A grid may not vary `run.start`, `run.end` (the windows set them) or
 *   `data.*` (the windows are cut from one calendar, and the pieces must
 *   stitch on the same data).
 *
 * @module
 */
import { configHash } from "../config/hash.ts";
import type { Config } from "../config/schema.ts";
import type { Panel } from "../data/panel.ts";
import { InputError } from "../errors.ts";
import type { Assignment, GridParameter } from "./grid_space.ts";
import { configOfRun, type PlannedRun, type SweepPlan } from "./sweep_plan.ts";
import type { WalkForwardWindow, WindowSpan } from "./walk_forward_windows.ts";

/** A walk-forward's in-sample plan and where each of its spans sits. */
export type WalkForwardPlan = {
  /** The grid alone over the base (its runs are the combinations, in order). */
  readonly grid: SweepPlan;
  /** The in-sample sweep: the combinations in every window, then over the whole period. */
  readonly sweep: SweepPlan;
  /** The trading days the windows are cut from. */
  readonly calendar: readonly string[];
  readonly windows: readonly WalkForwardWindow[];
  /** The whole period: the first training day to the last test day. */
  readonly whole: WindowSpan;
  /** Combinations searched in each span (N, the trials of the deflated Sharpe ratio). */
  readonly trials: number;
};

/** Paths a walk-forward sets itself. */
const WINDOW_PATHS = ["run.start", "run.end"];

/**
 * Refuses grid parameters a walk-forward cannot vary (see the module doc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkWalkForwardGrid } from "./walk_forward_plan.ts";
 *
 * checkWalkForwardGrid([{ path: "sizing.minScore", values: [0.6] }], "grid.yaml");
 * assert.throws(
 *   () => checkWalkForwardGrid([{ path: "run.start", values: ["2015-01-02"] }], "grid.yaml"),
 *   /grid\.yaml: parameters\.run\.start: a walk-forward sets run\.start and run\.end/,
 * );
 * ```
 */
export function checkWalkForwardGrid(
  parameters: readonly GridParameter[],
  source: string,
): void {
  const problems = parameters.flatMap((p) => {
    if (WINDOW_PATHS.includes(p.path)) {
      return [
        `${source}: parameters.${p.path}: a walk-forward sets run.start and run.end to each window; set the period in base.run instead`,
      ];
    }
    if (p.path === "data" || p.path.startsWith("data.")) {
      return [
        `${source}: parameters.${p.path}: a walk-forward cuts its windows from one calendar of one data set; run one walk-forward per data set`,
      ];
    }
    return [];
  });
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * The calendar of a walk-forward: the Panel's days from the base config's
 * `run.start` to its `run.end` (each default: the data's first and last day).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { validateConfig } from "../config/load.ts";
 * import { walkForwardCalendar } from "./walk_forward_plan.ts";
 *
 * const days = ["2024-01-02", "2024-01-03", "2024-01-04"];
 * const panel = Panel.fromSeries([seriesFromRows("SPY", "1d", days.map((d) => ({
 *   time: Date.parse(d), open: 1, high: 1, low: 1, close: 1, adjClose: 1, volume: 1,
 * })))]);
 * const base = validateConfig({ run: { start: "2024-01-03" } });
 * assert.deepEqual(walkForwardCalendar(panel, base), ["2024-01-03", "2024-01-04"]);
 * ```
 */
export function walkForwardCalendar(panel: Panel, base: Config): string[] {
  const from = base.run.start === undefined ? 0 : panel.indexOnOrAfter(base.run.start);
  const to = base.run.end === undefined ? panel.dayCount - 1 : panel.indexOnOrBefore(base.run.end);
  const days: string[] = [];
  for (let t = from; t <= to; t++) days.push(panel.dateAt(t));
  return days;
}

/**
 * The in-sample plan: `grid`'s combinations crossed with each window's
 * training span, then with the whole period (see the module doc).
 *
 * @example Two combinations, two windows: six runs, the whole period last
 * ```ts
 * import assert from "node:assert/strict";
 * import { planSweep } from "./sweep_plan.ts";
 * import { parseWindowDuration } from "./window_duration.ts";
 * import { walkForwardWindows } from "./walk_forward_windows.ts";
 * import { spanOfRun, walkForwardPlan } from "./walk_forward_plan.ts";
 *
 * const grid = planSweep({
 *   source: "example",
 *   layers: [],
 *   parameters: [{ path: "sizing.minScore", values: [0.6, 0.7] }],
 * });
 * const calendar = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"];
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const windows = walkForwardWindows(calendar, { train: d("3d"), test: d("1d") });
 * const plan = walkForwardPlan(grid, calendar, windows);
 * assert.equal(plan.sweep.runs.length, 6);
 * assert.deepEqual(plan.sweep.runs[2]?.params, {
 *   "sizing.minScore": 0.6, "run.start": "2024-01-03", "run.end": "2024-01-05",
 * });
 * assert.equal(spanOfRun(plan, 5), 2); // the whole period, after windows 0 and 1
 * assert.deepEqual([plan.whole.start, plan.whole.end], ["2024-01-02", "2024-01-08"]);
 * ```
 */
export function walkForwardPlan(
  grid: SweepPlan,
  calendar: readonly string[],
  windows: readonly WalkForwardWindow[],
): WalkForwardPlan {
  checkWalkForwardGrid(grid.parameters, grid.source);
  const first = windows[0], last = windows[windows.length - 1];
  if (first === undefined || last === undefined) {
    throw new RangeError("Cannot plan a walk-forward as there must be at least one window");
  }
  const whole: WindowSpan = {
    from: first.train.from,
    to: last.test.to,
    start: first.train.start,
    end: last.test.end,
    days: last.test.to - first.train.from + 1,
  };
  const spans = [...windows.map((w) => w.train), whole];
  const runs: PlannedRun[] = [];
  for (const span of spans) {
    for (const combination of grid.runs) {
      const params = withSpan(combination.params, span);
      runs.push({
        position: runs.length,
        params,
        configHash: configHash(configOfRun(grid, params)),
      });
    }
  }
  const distinct = (values: string[]) => [...new Set(values)];
  const sweep: SweepPlan = {
    source: grid.source,
    layers: grid.layers,
    base: grid.base,
    parameters: [
      ...grid.parameters,
      { path: "run.start", values: distinct(spans.map((s) => s.start)) },
      { path: "run.end", values: distinct(spans.map((s) => s.end)) },
    ],
    random: grid.random,
    runs,
  };
  return { grid, sweep, calendar, windows, whole, trials: grid.runs.length };
}

/** A combination's parameters over a span: `run.start` and `run.end` added. */
export function withSpan(
  params: Assignment,
  span: Pick<WindowSpan, "start" | "end">,
): Assignment {
  return { ...params, "run.start": span.start, "run.end": span.end };
}

/** The grid's own parameters of an in-sample run (`run.start` and `run.end` taken off). */
export function gridParamsOf(params: Assignment): Assignment {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !WINDOW_PATHS.includes(k)));
}

/**
 * The span a planned run belongs to: its window's index, or the number of
 * windows for the whole period.
 */
export function spanOfRun(plan: WalkForwardPlan, position: number): number {
  return Math.floor(position / Math.max(1, plan.trials));
}

/** The planned runs of span `span` (a window's index, or the number of windows: the whole period). */
export function runsOfSpan(plan: WalkForwardPlan, span: number): readonly PlannedRun[] {
  return plan.sweep.runs.slice(span * plan.trials, (span + 1) * plan.trials);
}

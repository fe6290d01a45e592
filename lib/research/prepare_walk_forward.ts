/**
 * Preparing a walk-forward: the grid validated as a sweep's, the windows cut
 * from the base configuration's calendar, the in-sample plan built
 * (walk_forward_plan.ts) and every one of its runs checked against the data
 * before anything runs; and the record of what the walk-forward was, which
 * becomes the stitched result's config.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Panel } from "../data/panel.ts";
import { InputError } from "../errors.ts";
import { codeVersion } from "../run/code_version.ts";
import { SharedServices } from "../run/shared_services.ts";
import { SELECTION_METRICS, type SelectionMetric } from "./in_sample_winner.ts";
import { type PreparedSweep, preparePlannedSweep, type SweepRequest } from "./run_sweep.ts";
import { planSweep } from "./sweep_plan.ts";
import {
  checkWalkForwardGrid,
  walkForwardCalendar,
  type WalkForwardPlan,
  walkForwardPlan,
} from "./walk_forward_plan.ts";
import { walkForwardWindows } from "./walk_forward_windows.ts";
import type { WindowDuration } from "./window_duration.ts";

/** What a walk-forward searches, over which base, with which windows. */
export type WalkForwardRequest = SweepRequest & {
  readonly train: WindowDuration;
  readonly test: WindowDuration;
  /** Training windows all start on the first day (default false: rolling). */
  readonly anchored?: boolean | undefined;
  /** What the winner of a window is chosen by; default `sharpe`. */
  readonly metric?: SelectionMetric | undefined;
};

/**
 * What a walk-forward was: recorded as the stitched result's config (its
 * hash is the result's config hash).
 */
export type WalkForwardSpec = {
  readonly kind: "walk-forward";
  /** Where the grid came from (a file path, or `walkForward()`). */
  readonly source: string;
  /** The base configuration every run layers its parameters over. */
  readonly base: Config;
  readonly parameters: readonly { readonly path: string; readonly values: readonly unknown[] }[];
  readonly random?: { readonly count: number; readonly seed: number } | undefined;
  readonly train: string;
  readonly test: string;
  readonly anchored: boolean;
  readonly metric: SelectionMetric;
  /** Configurations searched in each span. */
  readonly trials: number;
  readonly windows: readonly {
    readonly train: { readonly start: string; readonly end: string };
    readonly test: { readonly start: string; readonly end: string };
  }[];
};

/** A walk-forward checked and ready to run. */
export type PreparedWalkForward = {
  readonly plan: WalkForwardPlan;
  /** The in-sample sweep, prepared as any sweep (see walk_forward_plan.ts). */
  readonly sweep: PreparedSweep;
  readonly metric: SelectionMetric;
  readonly spec: WalkForwardSpec;
  /** The base configuration's Panel (the benchmarks run on it). */
  readonly panel: Panel;
};

/**
 * Plans and checks a walk-forward: the grid validated as a sweep's, the
 * windows cut from the base config's calendar, every in-sample run checked
 * against the data before anything runs. Bad input is an `InputError`.
 *
 * @example Windows that do not fit the data are refused before any run
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "../errors.ts";
 * import { gridParameters } from "./grid_space.ts";
 * import { parseWindowDuration } from "./window_duration.ts";
 * import { prepareWalkForward } from "./prepare_walk_forward.ts";
 *
 * const request = {
 *   source: "example",
 *   layers: [{ kind: "file" as const, name: "example", values: { run: { start: "2020-01-02" } } }],
 *   parameters: gridParameters({ "sizing.minScore": [0.6, 0.7] }, "example"),
 *   train: parseWindowDuration("6m", "--train"),
 *   test: parseWindowDuration("3m", "--test"),
 * };
 * const prepared = await prepareWalkForward(request);
 * assert.equal(prepared.plan.sweep.runs.length, 2 * (prepared.plan.windows.length + 1));
 * await assert.rejects(
 *   prepareWalkForward({ ...request, train: parseWindowDuration("2y", "--train") }),
 *   InputError,
 * );
 * ```
 */
export async function prepareWalkForward(
  request: WalkForwardRequest,
): Promise<PreparedWalkForward> {
  const metric = request.metric ?? "sharpe";
  if (!(SELECTION_METRICS as readonly string[]).includes(metric)) {
    throw new InputError(
      `--metric: a walk-forward chooses its winners by ${SELECTION_METRICS.join(", ")}; got ${
        JSON.stringify(metric)
      }`,
    );
  }
  checkWalkForwardGrid(request.parameters, request.source);
  const grid = planSweep(request);
  const shared = new SharedServices();
  const panel = shared.panel(grid.base, await shared.market(grid.base));
  const calendar = walkForwardCalendar(panel, grid.base);
  const windows = walkForwardWindows(calendar, {
    train: request.train,
    test: request.test,
    anchored: request.anchored ?? false,
  });
  const plan = walkForwardPlan(grid, calendar, windows);
  const sweep = await preparePlannedSweep(plan.sweep, {
    metric,
    codeVersion: request.codeVersion ?? await codeVersion(),
    shared,
  });
  const spec: WalkForwardSpec = {
    kind: "walk-forward",
    source: grid.source,
    base: grid.base,
    parameters: grid.parameters,
    ...(grid.random ? { random: { count: grid.random.count, seed: grid.random.seed } } : {}),
    train: request.train.text,
    test: request.test.text,
    anchored: request.anchored ?? false,
    metric,
    trials: plan.trials,
    windows: windows.map((w) => ({
      train: { start: w.train.start, end: w.train.end },
      test: { start: w.test.start, end: w.test.end },
    })),
  };
  return { plan, sweep, metric, spec, panel };
}

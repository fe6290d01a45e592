/**
 * `walkForward()`: a walk-forward from a program or a notebook, as an async
 * iterable of its windows as they are done and then its summary;
 * `deno task walkforward` does the same from a grid file and writes the
 * results.
 *
 * @module
 */
import { gridLayers, type RandomSearch, type ValueSpec } from "./grid_file.ts";
import { gridParameters } from "./grid_space.ts";
import type { SelectionMetric } from "./in_sample_winner.ts";
import type { PieceStore } from "./piece_store.ts";
import { prepareWalkForward } from "./prepare_walk_forward.ts";
import { runWalkForward, type WalkForwardEvent } from "./run_walk_forward.ts";
import type { SweepResult, SweepStart } from "./run_sweep.ts";
import type { SweepStore } from "./sweep_store.ts";
import { parseWindowDuration, type WindowDuration } from "./window_duration.ts";

/** What {@link walkForward} searches, over which base, with which windows, and how it runs. */
export type WalkForwardSearch = {
  /** Config path -> its values: a list, or a range `{ from, to, step }`. */
  readonly parameters: Readonly<Record<string, ValueSpec>>;
  /** Length of each training window: `3y`, `18m`, `26w` or `500d` (trading days). */
  readonly train: string | WindowDuration;
  /** Length of each test window, in the same units. */
  readonly test: string | WindowDuration;
  /** Training windows all start on the first day (default false: rolling). */
  readonly anchored?: boolean;
  /** What each window's winner is chosen by; default `sharpe`. */
  readonly metric?: SelectionMetric;
  /** Config values every run shares, as a config file holds them (over the defaults). */
  readonly base?: Readonly<Record<string, unknown>>;
  /** A preset under `base`. */
  readonly preset?: string;
  /** A config file under `base` (YAML or JSON). */
  readonly config?: string;
  /** A random search: `count` combinations drawn with `seed`, the same in every window. */
  readonly random?: RandomSearch;
  /** Worker threads of the in-sample runs; 0 (the default) runs in this thread. */
  readonly workers?: number;
  /** Share the loaded prices and the market services between runs (the default). */
  readonly share?: boolean;
  /** A sweep store for the in-sample runs (a restart runs only what is missing); default memory. */
  readonly store?: SweepStore;
  /** Where the out-of-sample pieces are kept (see piece_store.ts); default memory. */
  readonly pieces?: PieceStore;
  /** The in-sample sweep's name in the store; default `walkforward`. */
  readonly name?: string;
  /** Told the in-sample counts before the first run. */
  readonly onStart?: (start: SweepStart) => void;
  /** Told of every in-sample run. */
  readonly onRun?: (run: SweepResult) => void;
};

/**
 * Runs a walk-forward and yields each window as it is done (`kind:
 * "window"`: the in-sample winner and its parameters, its out-of-sample run,
 * its deflated Sharpe ratio and the PBO of its search), then the summary
 * (`kind: "summary"`: the pieces stitched into one run result with its
 * benchmarks, and the same search judged over the whole period).
 * Everything is validated before the first run: bad input rejects the first
 * `next()` with an `InputError`.
 *
 * @example Two minimum scores, one-year windows over 2018-2020 of the fixture market
 * ```ts
 * import assert from "node:assert/strict";
 * import { walkForward } from "./walk_forward.ts";
 *
 * const windows = [];
 * let summary;
 * for await (const event of walkForward({
 *   base: { run: { start: "2018-01-02" } },
 *   parameters: { "sizing.minScore": [0.6, 0.7] },
 *   train: "1y",
 *   test: "1y",
 * })) {
 *   if (event.kind === "window") windows.push(event);
 *   else summary = event;
 * }
 * assert.equal(windows.length, 2);
 * assert.equal(windows[0]?.test.start, windows[0] && summary?.stitched.result.period.start);
 * assert.ok([0.6, 0.7].includes(windows[0]?.inSample.params["sizing.minScore"] as number));
 * assert.equal(summary?.stitched.pieces.length, 2);
 * ```
 */
export async function* walkForward(
  options: WalkForwardSearch,
): AsyncGenerator<WalkForwardEvent, void, undefined> {
  const source = "walkForward()";
  // The base is layered as a grid file's: its config file, then its values and preset.
  const layers = await gridLayers({
    path: source,
    parameters: options.parameters,
    config: options.config,
    base: options.base,
    preset: options.preset,
  });
  const duration = (value: string | WindowDuration, where: string) =>
    typeof value === "string" ? parseWindowDuration(value, where) : value;
  const prepared = await prepareWalkForward({
    source,
    layers,
    parameters: gridParameters(options.parameters, source),
    random: options.random,
    train: duration(options.train, "train"),
    test: duration(options.test, "test"),
    anchored: options.anchored,
    metric: options.metric,
  });
  yield* runWalkForward(prepared, {
    name: options.name,
    store: options.store,
    pieces: options.pieces,
    workers: options.workers,
    share: options.share,
    onStart: options.onStart,
    onRun: options.onRun,
  });
}

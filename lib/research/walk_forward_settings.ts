/**
 * The settings of `deno task walkforward` from its own flags and the grid
 * file: those it shares with the sweep (random search, workers, store) read
 * as the sweep reads them, then the windows (`--train`, `--test`,
 * `--anchored`), a metric a winner can be chosen by, and the name. Each bad
 * value is an {@link InputError} naming the flag and the value.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import type { GridFile } from "./grid_file.ts";
import { SELECTION_METRICS, type SelectionMetric } from "./in_sample_winner.ts";
import { type SweepFlags, type SweepSettings, sweepSettings } from "./sweep_settings.ts";
import { SWEEP_NAME, sweepName } from "./sweep_name.ts";
import { parseWindowDuration, type WindowDuration } from "./window_duration.ts";

/** How a walk-forward runs and reports. */
export type WalkForwardSettings = Omit<SweepSettings, "metric" | "top"> & {
  readonly metric: SelectionMetric;
  readonly train: WindowDuration;
  readonly test: WindowDuration;
  readonly anchored: boolean;
  /** The in-sample sweep's name in the store: `walkforward.<name>`. */
  readonly storeName: string;
};

/** What a walk-forward's in-sample sweep is named by in the store, before the walk-forward's name. */
export const WALK_FORWARD_STORE_PREFIX = "walkforward.";

/** Window lengths when the flags give none: the three years in sample, one out. */
export const DEFAULT_TRAIN = "3y";
/** See {@link DEFAULT_TRAIN}. */
export const DEFAULT_TEST = "1y";

/**
 * Settings from the flags and the grid; `cores` is the default worker count.
 * Without `--name`, the name is the grid's followed by the windows
 * (`sizing-3y-1y`, `sizing-3y-1y-anchored`), so walk-forwards of one grid
 * over other windows keep their own folders.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { walkForwardSettings } from "./walk_forward_settings.ts";
 *
 * const grid = { path: "grids/sizing.yaml", parameters: { "sizing.minScore": [0.6, 0.7] } };
 * const s = walkForwardSettings({ train: "2y", anchored: true, workers: "1" }, grid, 2);
 * assert.equal(s.name, "sizing-2y-1y-anchored");
 * assert.equal(s.storeName, "walkforward.sizing-2y-1y-anchored");
 * assert.equal(s.metric, "sharpe");
 * assert.throws(() => walkForwardSettings({ test: "1 year" }, grid, 2), /--test: "1 year" is not a duration/);
 * assert.throws(() => walkForwardSettings({ metric: "turnover" }, grid, 2), /--metric: a walk-forward chooses/);
 * ```
 */
export function walkForwardSettings(
  flags: SweepFlags,
  grid: GridFile,
  cores: number,
): WalkForwardSettings {
  const shared = sweepSettings(flags, grid, cores);
  if (!(SELECTION_METRICS as readonly string[]).includes(shared.metric)) {
    throw new InputError(
      `--metric: a walk-forward chooses its winners by ${SELECTION_METRICS.join(", ")}; got ${
        JSON.stringify(shared.metric)
      }`,
    );
  }
  const text = (value: unknown, fallback: string) => typeof value === "string" ? value : fallback;
  const train = parseWindowDuration(text(flags.train, DEFAULT_TRAIN), "--train");
  const test = parseWindowDuration(text(flags.test, DEFAULT_TEST), "--test");
  const anchored = flags.anchored === true;
  const name = typeof flags.name === "string"
    ? shared.name
    : _withWindows(sweepName(grid.name, grid.path), train, test, anchored);
  return {
    name,
    random: shared.random,
    metric: shared.metric as SelectionMetric,
    workers: shared.workers,
    postgres: shared.postgres,
    schema: shared.schema,
    train,
    test,
    anchored,
    storeName: `${WALK_FORWARD_STORE_PREFIX}${name}`,
  };
}

function _withWindows(
  stem: string,
  train: WindowDuration,
  test: WindowDuration,
  anchored: boolean,
): string {
  const suffix = `-${train.amount}${train.unit}-${test.amount}${test.unit}${
    anchored ? "-anchored" : ""
  }`;
  const name = stem.slice(0, 64 - suffix.length) + suffix;
  if (!SWEEP_NAME.test(name)) throw new RangeError(`Cannot name the walk-forward ${name}`);
  return name;
}

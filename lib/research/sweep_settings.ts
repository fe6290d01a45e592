/**
 * The settings of `deno task sweep` from its own flags and the grid file: the
 * flag wins over the file, the file over the default. Each bad value is an
 * {@link InputError} naming the flag (or the file's key) and the value.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import type { GridFile, RandomSearch } from "./grid_file.ts";
import { isMetricName, METRIC_NAMES, type MetricName } from "./sweep_metric.ts";
import { sweepName } from "./sweep_name.ts";
import { closest } from "../config/issues.ts";

/** The sweep's own flags as parsed (strings and booleans). */
export type SweepFlags = Readonly<Record<string, string | boolean | undefined | readonly string[]>>;

/** How a sweep runs and reports. */
export type SweepSettings = {
  readonly name: string;
  readonly random?: RandomSearch | undefined;
  readonly metric: MetricName;
  /** Worker threads (0: in the main thread). */
  readonly workers: number;
  /** Rows of the ranked table on screen. */
  readonly top: number;
  /** Store in PostgreSQL (DATABASE_URL or DB_*) instead of the SQLite file. */
  readonly postgres: boolean;
  /** The PostgreSQL schema of the store. */
  readonly schema: string;
};

/** The seed of a random search when neither `--seed` nor the grid file gives one. */
export const DEFAULT_SEED = 1;

/**
 * Settings from the flags and the grid; `cores` is the default worker count.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepSettings } from "./sweep_settings.ts";
 *
 * const grid = { path: "grids/demo.yaml", parameters: { "sizing.minScore": [0.6] }, random: { count: 5 } };
 * const s = sweepSettings({ seed: "7", workers: "1" }, grid, 2);
 * assert.deepEqual(s.random, { count: 5, seed: 7 });
 * assert.equal(s.name, "demo");
 * assert.equal(s.metric, "sharpe");
 * assert.throws(() => sweepSettings({ metric: "sharp" }, grid, 2), /--metric: .*did you mean "sharpe"/);
 * ```
 */
export function sweepSettings(flags: SweepFlags, grid: GridFile, cores: number): SweepSettings {
  const count = _whole(flags.random, "--random", 1) ?? grid.random?.count;
  const seed = _whole(flags.seed, "--seed", Number.MIN_SAFE_INTEGER) ?? grid.random?.seed;
  if (count === undefined && seed !== undefined && flags.seed !== undefined) {
    throw new InputError("--seed: only a random search takes a seed: add --random N");
  }
  const metricText = typeof flags.metric === "string" ? flags.metric : grid.metric ?? "sharpe";
  if (!isMetricName(metricText)) {
    const guess = closest(metricText, METRIC_NAMES);
    throw new InputError(
      `--metric: unknown metric ${JSON.stringify(metricText)}${
        guess ? ` (did you mean "${guess}"?)` : ""
      }: one of ${METRIC_NAMES.join(", ")}`,
    );
  }
  return {
    name: sweepName(typeof flags.name === "string" ? flags.name : grid.name, grid.path),
    random: count === undefined ? undefined : { count, seed: seed ?? DEFAULT_SEED },
    metric: metricText,
    workers: _whole(flags.workers, "--workers", 0) ?? Math.max(1, cores),
    top: _whole(flags.top, "--top", 1) ?? 10,
    postgres: flags.postgres === true,
    schema: typeof flags.schema === "string" ? flags.schema : "sweep",
  };
}

function _whole(value: unknown, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new InputError(
      `${flag}: must be a whole number${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ""}, got ${
        JSON.stringify(value)
      }`,
    );
  }
  return n;
}

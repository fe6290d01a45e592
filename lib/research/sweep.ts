/**
 * `sweep()`: a parameter sweep from a program or a notebook, as an async
 * iterable of run results; `deno task sweep` does the same from a grid file.
 *
 * @module
 */
import type { ConfigLayer } from "../config/layers.ts";
import { readConfigFile } from "../config/load.ts";
import type { RandomSearch, ValueSpec } from "./grid_file.ts";
import { gridParameters } from "./grid_space.ts";
import type { MetricName } from "./sweep_metric.ts";
import type { SweepStore } from "./sweep_store.ts";
import { prepareSweep, runSweep, type SweepResult, type SweepStart } from "./run_sweep.ts";

/** What {@link sweep} varies, over which base, and how it runs. */
export type SweepOptions = {
  /** Config path -> its values: a list, or a range `{ from, to, step }`. */
  readonly parameters: Readonly<Record<string, ValueSpec>>;
  /** Config values every run shares, as a config file holds them (over the defaults). */
  readonly base?: Readonly<Record<string, unknown>>;
  /** A preset under `base`. */
  readonly preset?: string;
  /** A config file under `base` (YAML or JSON). */
  readonly config?: string;
  /** A random search: `count` combinations drawn with `seed`, instead of all of them. */
  readonly random?: RandomSearch;
  /** What stored runs are ranked by; default `sharpe`. */
  readonly metric?: MetricName;
  /** Worker threads; 0 (the default) runs in this thread. */
  readonly workers?: number;
  /** Share the loaded prices and the market services between runs (the default). */
  readonly share?: boolean;
  /** A sweep store: each run is stored as it finishes, and a restart runs only what is missing. */
  readonly store?: SweepStore;
  /** The sweep's name in the store; default `sweep`. */
  readonly name?: string;
  /** Told the counts before the first run. */
  readonly onStart?: (start: SweepStart) => void;
};

/**
 * Runs every combination of `parameters` over the base configuration and
 * yields each run's parameters, config hash, metrics, equity summary and
 * daily returns as it finishes (in the order runs finish; `position` is the
 * plan's order). Everything is validated before the first run: a bad path
 * or value rejects the first `next()` with an `InputError` naming it.
 *
 * @example Two minimum scores on the last year of the fixture market
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweep } from "./sweep.ts";
 *
 * const runs = [];
 * for await (const run of sweep({
 *   base: { run: { start: "2020-01-02" } },
 *   parameters: { "sizing.minScore": [0.6, 0.7] },
 * })) runs.push(run);
 * assert.equal(runs.length, 2);
 * assert.deepEqual(runs.map((r) => r.params["sizing.minScore"]).sort(), [0.6, 0.7]);
 * assert.ok(runs.every((r) => typeof r.metrics.totalReturn === "number"));
 * ```
 */
export async function* sweep(options: SweepOptions): AsyncGenerator<SweepResult, void, undefined> {
  const source = "sweep()";
  const layers: ConfigLayer[] = [];
  if (options.config !== undefined) {
    layers.push({
      kind: "file",
      name: options.config,
      values: await readConfigFile(options.config),
    });
  }
  const own = {
    ...(options.base ?? {}),
    ...(options.preset === undefined ? {} : { preset: options.preset }),
  };
  if (Object.keys(own).length > 0) layers.push({ kind: "file", name: source, values: own });
  const prepared = await prepareSweep({
    source,
    layers,
    parameters: gridParameters(options.parameters, source),
    random: options.random,
    metric: options.metric,
  });
  yield* runSweep(prepared, {
    name: options.name,
    store: options.store,
    workers: options.workers,
    share: options.share,
    onStart: options.onStart,
  });
}

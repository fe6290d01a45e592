/**
 * The out-of-sample pieces of a walk-forward stitched into one run result,
 * which `deno task report` draws like any other: one equity curve over every
 * test window (each piece starting from the previous one's ending value, see
 * `stitch_pieces.ts`), cash scaled with it, exposure and turnover carried as
 * they were, trades and fills of every piece, metrics recomputed on the
 * stitched curve with lib/analytics, and benchmarks over the same days.
 *
 * The benchmarks cannot be rebuilt from the pieces' own benchmark lines (each
 * starts afresh on its first day, losing the return across every boundary),
 * so the caller runs them once over the stitched dates ({@link outOfSampleDates})
 * through the same broker, as a single run does (`runBenchmarks`), and passes
 * them; as in a single run, the metrics compare against the first.
 *
 * @module
 */

import { computeMetrics } from "../analytics/metrics.ts";
import { type BenchmarkRun, RESULT_VERSION, type RunResult } from "../engine/run_result.ts";
import { chainPieces, type OutOfSamplePiece, type StitchedPiece } from "./stitch_pieces.ts";
import {
  joinAllocations,
  joinOrders,
  joinProtection,
  joinRegimes,
  joinWholeShareCash,
  scaledHoldings,
} from "./stitch_sections.ts";

/**
 * What {@link stitchOutOfSample} needs besides the pieces: the identity of
 * the walk-forward as a whole (its spec as `config` and that spec's hash).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { StitchOptions } from "./mod.ts";
 *
 * const options: Omit<StitchOptions, "pieces"> = {
 *   startedAt: "2025-01-02T00:00:00.000Z",
 *   codeVersion: "0.1.0",
 *   configHash: "sha256:...",
 *   config: { grid: "grid.yaml", train: "3y", test: "1y" },
 * };
 * assert.equal(options.benchmarks, undefined);
 * ```
 */
export type StitchOptions = {
  readonly pieces: readonly OutOfSamplePiece[];
  /** Wall-clock start of the walk-forward (ISO); recorded only. */
  readonly startedAt: string;
  readonly codeVersion: string;
  readonly configHash: string;
  /** The walk-forward's own configuration (grid, windows, metric), recorded as the result's config. */
  readonly config: unknown;
  /** Name in the report; default the first piece's strategy followed by " (walk-forward)". */
  readonly strategy?: string;
  /**
   * The benchmarks run over the stitched dates from the first piece's initial cash (one value
   * per stitched date each); the metrics compare against the first. Default none.
   */
  readonly benchmarks?: readonly BenchmarkRun[];
  /** Notes on benchmarks left out, recorded as the result's `benchmarkNotes`. */
  readonly benchmarkNotes?: readonly string[];
  /** Annual risk-free rate of the metrics; default the first piece's. */
  readonly riskFreeRate?: number;
};

/**
 * The stitched result and where each piece sits in it.
 *
 * @example The window in which the stitched curve reached its low
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseWindowDuration, type StitchedOutOfSample, stitchOutOfSample, walkForwardWindows } from "./mod.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const windowOfLow = (s: StitchedOutOfSample): number | undefined => {
 *   const value = s.result.equity.value;
 *   const low = value.indexOf(Math.min(...value));
 *   return s.pieces.find((p) => p.from <= low && low <= p.to)?.window;
 * };
 * const calendar = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const [window] = walkForwardWindows(calendar, { train: d("2d"), test: d("3d") });
 * assert.ok(window !== undefined);
 * const result = syntheticRunResult({ assets: 2, days: 3, start: window.test.start });
 * const stitched = stitchOutOfSample({
 *   pieces: [{ window, result }],
 *   startedAt: "2025-01-02T00:00:00.000Z",
 *   codeVersion: "example",
 *   configHash: "sha256:example",
 *   config: {},
 * });
 * assert.equal(windowOfLow(stitched), 0);
 * ```
 */
export type StitchedOutOfSample = {
  readonly result: RunResult;
  readonly pieces: readonly StitchedPiece[];
};

/**
 * Stitches the out-of-sample pieces of a walk-forward into one run result.
 * Throws `RangeError` when the pieces do not tile their windows in order on
 * the same data, or a benchmark does not hold one value per stitched date.
 *
 * @example Two pieces, the second run from 1,000 where the first ended at 1,100
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseWindowDuration, stitchOutOfSample, walkForwardWindows } from "./mod.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const calendar = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const windows = walkForwardWindows(calendar, { train: d("3d"), test: d("1d") });
 * const pieces = windows.map((window, k) => {
 *   const base = syntheticRunResult({ assets: 2, days: 1, start: window.test.start, sections: false });
 *   const value = [[1100], [990]][k] ?? [];
 *   return { window, result: { ...base, initialCash: 1000, equity: { ...base.equity, value } } };
 * });
 * const stitched = stitchOutOfSample({
 *   pieces,
 *   startedAt: "2025-01-02T00:00:00.000Z",
 *   codeVersion: "example",
 *   configHash: "sha256:example",
 *   config: { train: "3d", test: "1d" },
 * });
 * // The second piece lost 1% of its cash; scaled by 1,100 / 1,000 it ends at 1,089.
 * assert.deepEqual(stitched.result.equity.value, [1100, 1089]);
 * assert.deepEqual(stitched.pieces.map((p) => p.scale), [1, 1.1]);
 * ```
 */
export function stitchOutOfSample(options: StitchOptions): StitchedOutOfSample {
  const placed = chainPieces(options.pieces);
  const results = options.pieces.map((p) => p.result);
  const scales = placed.map((p) => p.scale);
  const first = results[0] as RunResult, last = results[results.length - 1] as RunResult;
  const equity = {
    dates: results.flatMap((r) => r.equity.dates),
    value: results.flatMap((r, k) => r.equity.value.map((v) => v * (scales[k] ?? NaN))),
    cash: results.flatMap((r, k) => r.equity.cash.map((v) => v * (scales[k] ?? NaN))),
    exposure: results.flatMap((r) => r.equity.exposure),
    turnover: results.flatMap((r) => r.equity.turnover),
  };
  const benchmarks = _benchmarks(options.benchmarks ?? [], equity.dates.length);
  const orders = joinOrders(results, scales);
  const riskFreeRate = options.riskFreeRate ?? first.metrics.riskFreeRate;
  const metrics = computeMetrics(
    {
      curve: equity,
      trades: orders.trades,
      ...(_complete(benchmarks[0]) ? { benchmark: benchmarks[0].value } : {}),
    },
    { riskFreeRate, periodsPerYear: first.metrics.periodsPerYear },
  );
  const n = equity.dates.length;
  const lastScale = scales[scales.length - 1] ?? NaN;
  const result: RunResult = {
    version: RESULT_VERSION,
    strategy: options.strategy ?? `${first.strategy} (walk-forward)`,
    startedAt: options.startedAt,
    codeVersion: options.codeVersion,
    configHash: options.configHash,
    dataHash: first.dataHash,
    config: options.config,
    period: { start: equity.dates[0] ?? "", end: equity.dates[n - 1] ?? "", days: n },
    initialCash: first.initialCash,
    finalCash: last.finalCash * lastScale,
    finalValue: equity.value[n - 1] ?? NaN,
    equity,
    benchmarks,
    benchmarkNotes: options.benchmarkNotes ?? [],
    metrics,
    ...orders,
    wholeShareCash: joinWholeShareCash(results, lastScale),
    holdings: scaledHoldings(last, lastScale),
    regimes: joinRegimes(results),
    allocation: joinAllocations(results),
    protection: joinProtection(results),
  };
  return { result, pieces: placed };
}

/** The benchmarks, checked to hold one value per stitched date. */
function _benchmarks(runs: readonly BenchmarkRun[], days: number): readonly BenchmarkRun[] {
  for (const run of runs) {
    if (run.value.length !== days) {
      throw new RangeError(
        `Cannot stitch out-of-sample pieces as benchmark ${run.name} must hold one value per stitched date: it holds ${run.value.length} for ${days} dates`,
      );
    }
  }
  return runs;
}

/** True when a benchmark has a value on every day (a single run compares only against such). */
function _complete(run: BenchmarkRun | undefined): run is BenchmarkRun & { value: number[] } {
  return run !== undefined && run.value.every((v) => v !== null && Number.isFinite(v));
}

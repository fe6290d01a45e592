/**
 * Running a walk-forward: the in-sample sweep (every combination in every
 * training window, then over the whole period: walk_forward_plan.ts) runs
 * like any sweep, each run stored as it finishes; as soon as a window's runs
 * are all stored, its winner by the chosen metric is run on the window's test
 * span, from the previous piece's ending value, and the window's result is
 * yielded (its winner in and out of sample, the deflated Sharpe ratio of the
 * winner and the probability of backtest overfitting of its search). At the
 * end the pieces are stitched into one run result, with the benchmarks run
 * over the same days, and the whole period's search is judged the same way.
 *
 * Resumable: the in-sample runs are in the sweep store and the pieces in a
 * {@link PieceStore}; started again, a walk-forward runs only what neither
 * holds, and gives the same results.
 *
 * The winner of a window is the best run by the metric, ties broken by config
 * hash (in_sample_winner.ts). When no run of a window has a value of the
 * metric (every one stayed in cash: no Sharpe ratio), the first by config hash
 * is run out of sample and the window says so: the stitched curve has no gap.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import { configHash, hashOf } from "../config/hash.ts";
import type { Config } from "../config/schema.ts";
import type { RunResult } from "../engine/run_result.ts";
import { runBenchmarks } from "../run/benchmark_runs.ts";
import { chooseBenchmarks } from "../run/benchmark_spec.ts";
import type { Assignment } from "./grid_space.ts";
import { rankCandidates, type SelectionMetric, selectionScore } from "./in_sample_winner.ts";
import { MemoryPieceStore, type PieceStore } from "./piece_store.ts";
import type { PreparedWalkForward, WalkForwardSpec } from "./prepare_walk_forward.ts";
import { lazyResearchDatabase, runSweep, type SweepResult, type SweepStart } from "./run_sweep.ts";
import { type SearchStatistics, searchStatistics } from "./search_statistics.ts";
import { SqliteSweepStore } from "./sqlite_sweep_store.ts";
import { type StitchedOutOfSample, stitchOutOfSample } from "./stitch_out_of_sample.ts";
import { configOfRun } from "./sweep_plan.ts";
import type { SweepStore } from "./sweep_store.ts";
import { gridParamsOf, runsOfSpan, spanOfRun } from "./walk_forward_plan.ts";
import {
  outOfSampleDates,
  type WalkForwardWindow,
  type WindowSpan,
} from "./walk_forward_windows.ts";

/** A run the search chose, with its figures in sample. */
export type ChosenRun = {
  readonly configHash: string;
  /** The grid's parameters (the span's `run.start` and `run.end` taken off). */
  readonly params: Assignment;
  readonly metrics: Metrics;
  /** The metric's value (null when the run has none). */
  readonly value: number | null;
  /** False when no run of the span had a value of the metric (see the module doc). */
  readonly byMetric: boolean;
};

/** One window of a walk-forward, judged. */
export type WindowOutcome = {
  readonly index: number;
  readonly train: WindowSpan;
  readonly test: WindowSpan;
  /** The test span was cut short by the end of the data. */
  readonly partial: boolean;
  /** The in-sample winner. */
  readonly inSample: ChosenRun;
  /** The winner run on the test span (its metrics are the piece's own). */
  readonly outOfSample: { readonly result: RunResult; readonly value: number | null };
  /** The winner's deflated Sharpe ratio and the search's PBO, over the training span. */
  readonly statistics: SearchStatistics;
};

/** The whole walk-forward, once every window is done. */
export type WalkForwardSummary = {
  readonly spec: WalkForwardSpec;
  readonly windows: readonly WindowOutcome[];
  /** The pieces stitched into one run result, with the benchmarks over the same days. */
  readonly stitched: StitchedOutOfSample;
  /** The same search over the whole period: its best run and how it is judged. */
  readonly whole: {
    readonly span: WindowSpan;
    readonly best: ChosenRun;
    readonly statistics: SearchStatistics;
  };
};

/** What {@link runWalkForward} yields: each window as it is done, then the summary. */
export type WalkForwardEvent =
  | ({ readonly kind: "window" } & WindowOutcome)
  | ({ readonly kind: "summary" } & WalkForwardSummary);

/** Options of {@link runWalkForward}. */
export type RunWalkForwardOptions = {
  /** The in-sample sweep's name in the store; default `walkforward`. */
  readonly name?: string | undefined;
  /** Where the in-sample runs go; default a store in memory (nothing kept). */
  readonly store?: SweepStore | undefined;
  /** Where the out-of-sample pieces go; default memory. */
  readonly pieces?: PieceStore | undefined;
  /** Worker threads of the in-sample sweep; 0 (the default) runs in this thread. */
  readonly workers?: number | undefined;
  /** Share services between runs (the default). */
  readonly share?: boolean | undefined;
  /** Wall-clock start (ISO), recorded in the stitched result; default now. */
  readonly startedAt?: string | undefined;
  /** Told the in-sample counts before the first run. */
  readonly onStart?: ((start: SweepStart) => void) | undefined;
  /** Told of every in-sample run, stored before or made now. */
  readonly onRun?: ((run: SweepResult) => void) | undefined;
};

type Candidate = {
  readonly key: string;
  readonly position: number;
  readonly params: Assignment;
  readonly metrics: Metrics;
};

/**
 * Runs a prepared walk-forward; see the module doc.
 *
 * @example Half a year to choose, a quarter to test, over 2020 of the fixture market
 * ```ts
 * import assert from "node:assert/strict";
 * import { gridParameters } from "./grid_space.ts";
 * import { parseWindowDuration } from "./window_duration.ts";
 * import { prepareWalkForward } from "./prepare_walk_forward.ts";
 * import { runWalkForward } from "./run_walk_forward.ts";
 *
 * const prepared = await prepareWalkForward({
 *   source: "example",
 *   layers: [{ kind: "file", name: "example", values: { run: { start: "2020-01-02" } } }],
 *   parameters: gridParameters({ "sizing.minScore": [0.6, 0.7] }, "example"),
 *   train: parseWindowDuration("6m", "--train"),
 *   test: parseWindowDuration("3m", "--test"),
 * });
 * const kinds = [];
 * let cash = 100_000;
 * for await (const event of runWalkForward(prepared)) {
 *   kinds.push(event.kind);
 *   if (event.kind !== "window") continue;
 *   assert.equal(event.outOfSample.result.initialCash, cash); // from the previous piece's end
 *   cash = event.outOfSample.result.finalValue;
 * }
 * assert.deepEqual(kinds, [...prepared.plan.windows.map(() => "window"), "summary"]);
 * ```
 */
export async function* runWalkForward(
  prepared: PreparedWalkForward,
  options: RunWalkForwardOptions = {},
): AsyncGenerator<WalkForwardEvent, void, undefined> {
  const { plan, metric } = prepared;
  const ownStore = options.store === undefined ? SqliteSweepStore.open(":memory:") : undefined;
  const store = options.store ?? (ownStore as SweepStore);
  const pieces = options.pieces ?? new MemoryPieceStore();
  const name = options.name ?? "walkforward";
  const startedAt = options.startedAt ?? new Date().toISOString();
  const windowCount = plan.windows.length;
  const counts = new Int32Array(windowCount + 1);
  const best: (Candidate | undefined)[] = [];
  const outcomes: WindowOutcome[] = [];
  const database = lazyResearchDatabase();
  let cash: number | undefined;
  try {
    for await (
      const run of runSweep(prepared.sweep, {
        name,
        store,
        workers: options.workers,
        share: options.share,
        onStart: options.onStart,
      })
    ) {
      options.onRun?.(run);
      const span = spanOfRun(plan, run.position);
      counts[span] = (counts[span] ?? 0) + 1;
      best[span] = _better(best[span], {
        key: run.configHash,
        position: run.position,
        params: run.params,
        metrics: run.metrics,
      }, metric);
      while (outcomes.length < windowCount && counts[outcomes.length] === plan.trials) {
        const k = outcomes.length;
        const outcome = await _judgeWindow(k, best[k] as Candidate, cash);
        cash = outcome.outOfSample.result.finalValue;
        outcomes.push(outcome);
        yield { kind: "window", ...outcome };
      }
    }
    if (outcomes.length < windowCount || counts[windowCount] !== plan.trials) {
      throw new Error(
        `walk-forward ${name}: the in-sample sweep ended with runs missing (${
          Array.from(counts).join(", ")
        } of ${plan.trials} per span)`,
      );
    }
    const whole = best[windowCount] as Candidate;
    yield {
      kind: "summary",
      spec: prepared.spec,
      windows: outcomes,
      stitched: _stitch(outcomes),
      whole: {
        span: plan.whole,
        best: _chosen(whole, metric),
        statistics: await _statistics(windowCount, whole),
      },
    };
  } finally {
    await database.close();
    await ownStore?.close();
  }

  async function _judgeWindow(
    k: number,
    winner: Candidate,
    startCash: number | undefined,
  ): Promise<WindowOutcome> {
    const window = plan.windows[k] as WalkForwardWindow;
    const config = configOfRun(plan.grid, {
      ...gridParamsOf(winner.params),
      "run.start": window.test.start,
      "run.end": window.test.end,
      ...(startCash === undefined ? {} : { "run.cash": startCash }),
    });
    const result = await pieces.get(k, configHash(config)) ??
      await pieces.put(k, await _runPiece(config));
    return {
      index: k,
      train: window.train,
      test: window.test,
      partial: window.partial,
      inSample: _chosen(winner, metric),
      outOfSample: { result, value: selectionScoreOf(result.metrics, metric) },
      statistics: await _statistics(k, winner),
    };
  }

  async function _runPiece(config: Config): Promise<RunResult> {
    if (config.database.enabled) {
      await database.open();
      prepared.sweep.executor.useDatabase(database.get);
    }
    return await prepared.sweep.executor.result(config);
  }

  function _statistics(span: number, chosen: Candidate): Promise<SearchStatistics> {
    const hashes = runsOfSpan(plan, span).map((r) => r.configHash);
    return searchStatistics(store, name, hashes, chosen.position - span * plan.trials, {
      riskFreeRate: chosen.metrics.riskFreeRate,
      periodsPerYear: chosen.metrics.periodsPerYear,
    });
  }

  function _stitch(windows: readonly WindowOutcome[]): StitchedOutOfSample {
    const base = plan.grid.base;
    const dates = outOfSampleDates(plan.calendar, plan.windows);
    const first = windows[0]?.outOfSample.result as RunResult;
    const choice = chooseBenchmarks(base.run.benchmark, prepared.panel.tickers);
    const benchmarks = runBenchmarks(prepared.panel, choice.specs, {
      cash: first.initialCash,
      broker: base.broker,
      start: dates[0] ?? "",
      end: dates[dates.length - 1] ?? "",
      riskFreeRate: base.run.riskFreeRate,
    });
    return stitchOutOfSample({
      pieces: windows.map((w) => ({
        window: plan.windows[w.index] as WalkForwardWindow,
        result: w.outOfSample.result,
      })),
      startedAt,
      codeVersion: prepared.sweep.codeVersion,
      configHash: hashOf(prepared.spec),
      config: prepared.spec,
      benchmarks,
      benchmarkNotes: choice.notes,
      riskFreeRate: base.run.riskFreeRate,
    });
  }
}

/**
 * The value of a selection metric in a run's metrics as the metric reads (a
 * volatility as it is, not negated), or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Metrics } from "../analytics/metrics.ts";
 * import { selectionScoreOf } from "./run_walk_forward.ts";
 *
 * const metrics = { annualVolatility: 0.12, sharpe: null } as unknown as Metrics;
 * assert.equal(selectionScoreOf(metrics, "annualVolatility"), 0.12);
 * assert.equal(selectionScoreOf(metrics, "sharpe"), null);
 * ```
 */
export function selectionScoreOf(metrics: Metrics, metric: SelectionMetric): number | null {
  const score = selectionScore(metrics, metric);
  return score === null ? null : metric === "annualVolatility" ? -score : score;
}

function _chosen(candidate: Candidate, metric: SelectionMetric): ChosenRun {
  const value = selectionScoreOf(candidate.metrics, metric);
  return {
    configHash: candidate.key,
    params: gridParamsOf(candidate.params),
    metrics: candidate.metrics,
    value,
    byMetric: value !== null,
  };
}

/** The better of two candidates by `metric` (ties and runs without a value by config hash). */
function _better(
  held: Candidate | undefined,
  next: Candidate,
  metric: SelectionMetric,
): Candidate {
  if (held === undefined) return next;
  return rankCandidates([held, next], metric)[0] as Candidate;
}

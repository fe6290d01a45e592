/**
 * A walk-forward of a sweep's grid inside one span, beside a candidate held
 * fixed: in each window every configuration of the grid runs on the training
 * span, the best by the metric (`chooseInSampleWinner`) runs on the test span
 * from the previous piece's ending value, and so does the candidate (the
 * plan's base configuration, a proposed default). Both chains of test pieces
 * are stitched into one result each (`stitchOutOfSample`), with the default
 * benchmarks over the same days.
 *
 * It answers the question a default chosen on a span must face inside that
 * span: would choosing the grid's best on the past have done better than
 * holding the candidate, on the years that followed each choice? Which
 * configuration wins each window also shows whether the choice is stable.
 *
 * Runs go one at a time in the calling thread, with shared services (the
 * market, its Panel, regimes and scans are built once); a run starting at a
 * window's first day reads the earlier days as warm-up history, as a sweep's
 * does.
 *
 * @see docs/research.md#defaults-chosen-out-of-sample (what it was used for)
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import type { RunResult } from "../engine/run_result.ts";
import { runBenchmarks } from "../run/benchmark_runs.ts";
import { chooseBenchmarks } from "../run/benchmark_spec.ts";
import { executeRun, prepareRun } from "../run/run_from_config.ts";
import { SharedServices } from "../run/shared_services.ts";
import { resolveStrategy } from "../run/strategy_source.ts";
import type { Assignment } from "./grid_space.ts";
import { chooseInSampleWinner, type SelectionMetric } from "./in_sample_winner.ts";
import { stitchOutOfSample } from "./stitch_out_of_sample.ts";
import { configOfRun, type SweepPlan } from "./sweep_plan.ts";
import { outOfSampleDates, type WalkForwardWindow } from "./walk_forward_windows.ts";
import { walkForwardWindows } from "./walk_forward_windows.ts";
import type { WindowDuration } from "./window_duration.ts";

/** What {@link gridWalkForward} runs. */
export type GridWalkForwardRequest = {
  /** The grid; its base configuration is the candidate. */
  readonly plan: SweepPlan;
  readonly market: MarketData;
  /** The span the walk-forward stays inside (ISO days). */
  readonly span: { readonly start: string; readonly end: string };
  readonly train: WindowDuration;
  readonly test: WindowDuration;
  /** Train spans all start on the span's first day (default false: rolling). */
  readonly anchored?: boolean;
  /** What chooses each window's winner; default "sharpe". */
  readonly metric?: SelectionMetric;
  readonly codeVersion: string;
  /** Services shared with other runs of the process (default: new ones). */
  readonly shared?: SharedServices | undefined;
  /** Called when a window is done (for progress). */
  readonly onWindow?: (done: GridWindow, windows: number) => void;
};

/** One window: its winner, and how the winner and the candidate did on the test span. */
export type GridWindow = {
  readonly window: WalkForwardWindow;
  /** The winner's parameters, as the grid gives them. */
  readonly winner: Assignment;
  /** The winner's and the candidate's metric on the training span. */
  readonly trainValue: { readonly winner: number | null; readonly candidate: number | null };
  readonly winnerTest: RunResult;
  readonly candidateTest: RunResult;
};

/** The walk-forward's outcome; see the module doc. */
export type GridWalkForward = {
  readonly windows: readonly GridWindow[];
  /** The winners' test pieces, stitched. */
  readonly walkForward: RunResult;
  /** The candidate's test pieces, stitched. */
  readonly candidate: RunResult;
  /** Runs made. */
  readonly runs: number;
};

/**
 * Runs the walk-forward of the module doc. Throws an `InputError` when the
 * span is too short for one window, or a combination is not a valid config.
 */
export async function gridWalkForward(request: GridWalkForwardRequest): Promise<GridWalkForward> {
  const { plan, market, span } = request;
  const metric = request.metric ?? "sharpe";
  const shared = request.shared ?? new SharedServices();
  const definition = await resolveStrategy(plan.base.strategy.name);
  let runs = 0;
  const run = async (params: Assignment, from: string, to: string, cash: number) => {
    const config = configOfRun(plan, {
      ...params,
      "run.start": from,
      "run.end": to,
      "run.cash": cash,
      "audit.enabled": false,
      "report.enabled": false,
    });
    const result = await executeRun(prepareRun(config, market, definition, { shared }), {
      startedAt: "",
      codeVersion: request.codeVersion,
      shared,
    });
    runs++;
    return result;
  };
  const calendar = _calendar(plan.base, market, shared, span);
  const windows = walkForwardWindows(calendar, {
    train: request.train,
    test: request.test,
    anchored: request.anchored ?? false,
  });
  const out: GridWindow[] = [];
  let cash = { winner: plan.base.run.cash, candidate: plan.base.run.cash };
  for (const window of windows) {
    const { start, end } = window.train;
    const trained = [];
    for (const planned of plan.runs) {
      const result = await run(planned.params, start, end, plan.base.run.cash);
      trained.push({ key: planned.configHash, params: planned.params, metrics: result.metrics });
    }
    const candidateTrain = await run({}, start, end, plan.base.run.cash);
    const winner = chooseInSampleWinner(trained, metric) ?? trained[0];
    if (winner === undefined) throw new RangeError("Cannot walk forward as the grid is empty");
    const winnerTest = await run(winner.params, window.test.start, window.test.end, cash.winner);
    const candidateTest = await run({}, window.test.start, window.test.end, cash.candidate);
    cash = { winner: winnerTest.finalValue, candidate: candidateTest.finalValue };
    const done: GridWindow = {
      window,
      winner: winner.params,
      trainValue: {
        winner: _value(winner.metrics, metric),
        candidate: _value(candidateTrain.metrics, metric),
      },
      winnerTest,
      candidateTest,
    };
    out.push(done);
    request.onWindow?.(done, windows.length);
  }
  const stitch = (name: string, pick: (w: GridWindow) => RunResult) =>
    _stitch(plan, market, shared, calendar, out, name, pick, request.codeVersion);
  return {
    windows: out,
    walkForward: stitch("walk-forward of the grid", (w) => w.winnerTest),
    candidate: stitch("the candidate held fixed", (w) => w.candidateTest),
    runs,
  };
}

function _value(metrics: RunResult["metrics"], metric: SelectionMetric): number | null {
  if (metric === "maxDrawdown") return metrics.maxDrawdown.depth;
  const v = metrics[metric];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The Panel's trading days inside the span. */
function _calendar(
  base: Config,
  market: MarketData,
  shared: SharedServices,
  span: GridWalkForwardRequest["span"],
): string[] {
  const panel = shared.panel(base, market);
  const out: string[] = [];
  for (let t = 0; t < panel.dayCount; t++) {
    const d = panel.dateAt(t);
    if (d >= span.start && d <= span.end) out.push(d);
  }
  return out;
}

function _stitch(
  plan: SweepPlan,
  market: MarketData,
  shared: SharedServices,
  calendar: readonly string[],
  windows: readonly GridWindow[],
  name: string,
  pick: (w: GridWindow) => RunResult,
  codeVersion: string,
): RunResult {
  const panel = shared.panel(plan.base, market);
  const dates = outOfSampleDates(calendar, windows.map((w) => w.window));
  const choice = chooseBenchmarks(plan.base.run.benchmark, panel.tickers);
  const benchmarks = runBenchmarks(panel, choice.specs, {
    cash: plan.base.run.cash,
    broker: plan.base.broker,
    start: dates[0] ?? "",
    end: dates.at(-1) ?? "",
    riskFreeRate: plan.base.run.riskFreeRate,
  });
  return stitchOutOfSample({
    pieces: windows.map((w) => ({ window: w.window, result: pick(w) })),
    startedAt: "",
    codeVersion,
    configHash: `grid:${plan.source}`,
    config: { source: plan.source, parameters: plan.parameters, what: name },
    strategy: `${plan.base.strategy.name} (${name})`,
    benchmarks,
    benchmarkNotes: choice.notes,
  }).result;
}

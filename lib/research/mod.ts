/**
 * Research over many runs: parameter sweeps (grid files, random search,
 * validation of every run before the first), the sweep store (SQLite or
 * PostgreSQL) keyed by config hash, workers sharing the loaded market, the
 * ranking and the sweep's HTML page; walk-forward windows on a trading
 * calendar, the in-sample winner of each window, the out-of-sample pieces
 * stitched into one result, and the statistics that say whether a search found
 * skill or luck (probabilistic and deflated Sharpe ratios, the probability of
 * backtest overfitting by combinatorially symmetric cross-validation).
 *
 * @example The deflated Sharpe ratio of the paper's numerical example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deflatedSharpeRatio } from "./mod.ts";
 *
 * const dsr = deflatedSharpeRatio({
 *   sharpe: 2.5 / Math.sqrt(250),
 *   observations: 1250,
 *   skewness: -3,
 *   kurtosis: 10,
 *   trials: 100,
 *   sharpeVariance: 0.5 / 250,
 * });
 * assert.equal(dsr.probability.toFixed(4), "0.9004");
 * ```
 *
 * @module
 */
export * from "./sweep.ts";
export * from "./run_sweep.ts";
export * from "./grid_file.ts";
export * from "./grid_space.ts";
export * from "./sweep_plan.ts";
export * from "./sweep_metric.ts";
export * from "./sweep_name.ts";
export * from "./sweep_record.ts";
export * from "./sweep_store.ts";
export * from "./sqlite_sweep_store.ts";
export * from "./postgres_sweep_store.ts";
export * from "./sweep_executor.ts";
export * from "./shared_market.ts";
export * from "./ranked_runs.ts";
export * from "./sweep_report_data.ts";
export * from "./sweep_page.ts";
export { type DurationUnit, parseWindowDuration, type WindowDuration } from "./window_duration.ts";
export {
  outOfSampleDates,
  type WalkForwardOptions,
  type WalkForwardWindow,
  walkForwardWindows,
  type WindowSpan,
} from "./walk_forward_windows.ts";
export { type SharpeSample, sharpeSampleOf } from "./sharpe_sample.ts";
export { probabilisticSharpeRatio, sharpeStandardError } from "./probabilistic_sharpe.ts";
export {
  type DeflatedSharpe,
  type DeflatedSharpeInput,
  deflatedSharpeRatio,
  EULER_MASCHERONI,
  expectedMaximumSharpe,
  sharpeVarianceOf,
} from "./deflated_sharpe.ts";
export { type ReturnsMatrix, returnsMatrixOf, returnsMatrixOfCurves } from "./returns_matrix.ts";
export {
  type BacktestOverfitting,
  type CscvOptions,
  cscvProblem,
  cscvSplits,
  DEFAULT_CSCV_BLOCKS,
  probabilityOfBacktestOverfitting,
} from "./backtest_overfitting.ts";
export {
  chooseInSampleWinner,
  rankCandidates,
  type SelectableMetrics,
  SELECTION_METRICS,
  type SelectionMetric,
  selectionScore,
  type WinnerCandidate,
} from "./in_sample_winner.ts";
export { type OutOfSamplePiece, type StitchedPiece } from "./stitch_pieces.ts";
export {
  type DeflatedTrial,
  type Trial,
  type TrialStatistics,
  trialStatistics,
} from "./trial_statistics.ts";
export {
  type StitchedOutOfSample,
  type StitchOptions,
  stitchOutOfSample,
} from "./stitch_out_of_sample.ts";
export * from "./walk_forward.ts";
export {
  type PreparedWalkForward,
  prepareWalkForward,
  type WalkForwardRequest,
  type WalkForwardSpec,
} from "./prepare_walk_forward.ts";
export {
  type ChosenRun,
  runWalkForward,
  type RunWalkForwardOptions,
  selectionScoreOf,
  type WalkForwardEvent,
  type WalkForwardSummary,
  type WindowOutcome,
} from "./run_walk_forward.ts";
export {
  checkWalkForwardGrid,
  walkForwardCalendar,
  type WalkForwardPlan,
  walkForwardPlan,
} from "./walk_forward_plan.ts";
export * from "./search_statistics.ts";
export * from "./piece_store.ts";
export {
  type Headline,
  headlineOf,
  type SpanDates,
  type WalkForwardReport,
  walkForwardReport,
  type WindowReport,
} from "./walk_forward_report.ts";
export { walkForwardLines } from "./walk_forward_text.ts";
export { walkForwardPage } from "./walk_forward_page.ts";

/**
 * What a sweep keeps of each run: its config hash and parameters, its
 * metrics, a compact summary of its equity curve, and its daily returns (with
 * the calendar they fall on), so that later analyses (ranking, heatmaps, the
 * probability of backtest overfitting, which needs the runs x days returns
 * matrix) read them without running anything again.
 *
 * Design decisions:
 * - Daily returns, not values: `r[0] = value[0] / initialCash - 1`, then
 *   `r[i] = value[i] / value[i-1] - 1`. They are what the overfitting
 *   statistics consume, and the curve follows from them and the initial cash.
 * - Float64, little-endian, whatever the machine: 8 bytes a day (20 KB for ten
 *   years) keeps them exact; a float32 would lose the last digits of a value
 *   rebuilt from them.
 * - The calendar is stored once per sweep and referenced by its id (a hash of
 *   its dates), since the runs of a grid share it.
 * - The metrics are kept whole but for two lists that follow from the returns:
 *   the drawdown list is cut to the five deepest and the monthly returns are
 *   dropped (the yearly ones stay).
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { Metrics } from "../analytics/metrics.ts";
import type { RunResult } from "../engine/run_result.ts";
import { extremaIndices } from "../report/downsample.ts";
import type { Assignment } from "./grid_space.ts";

/** Points kept of the equity curve in a run's summary. */
export const SUMMARY_POINTS = 64;

/** The compact equity summary of a run. */
export type EquitySummary = {
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly initialCash: number;
  readonly finalValue: number;
  readonly finalCash: number;
  readonly peakValue: number;
  readonly trades: number;
  readonly fills: number;
  /** The curve at up to {@link SUMMARY_POINTS} days (extremes kept). */
  readonly points: { readonly dates: readonly string[]; readonly values: readonly number[] };
};

/** The calendar of a run's returns: an id (a hash of its dates) and its span. */
export type CalendarRef = {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly days: number;
};

/** One finished run of a sweep, as it is stored. */
export type SweepRunRecord = {
  readonly configHash: string;
  readonly params: Assignment;
  /** The run's metrics (see the module doc for the two lists trimmed). */
  readonly metrics: Metrics;
  readonly summary: EquitySummary;
  readonly calendar: CalendarRef;
  /** One daily return per calendar day. */
  readonly returns: Float64Array;
  /** Wall-clock time of the run, in milliseconds (recorded, never compared). */
  readonly durationMs: number;
};

/** The id of a calendar: the first 16 hex digits of the SHA-256 of its dates. */
export function calendarId(dates: readonly string[]): string {
  return createHash("sha256").update(dates.join(",")).digest("hex").slice(0, 16);
}

/** Daily returns of a value curve from its initial cash (see the module doc). */
export function dailyReturns(values: ArrayLike<number>, initialCash: number): Float64Array {
  const out = new Float64Array(values.length);
  let previous = initialCash;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    out[i] = v / previous - 1;
    previous = v;
  }
  return out;
}

/** The value curve the returns give from the initial cash. */
export function valuesFromReturns(returns: ArrayLike<number>, initialCash: number): Float64Array {
  const out = new Float64Array(returns.length);
  let value = initialCash;
  for (let i = 0; i < returns.length; i++) out[i] = value *= 1 + (returns[i] as number);
  return out;
}

/**
 * The record of a finished run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepRecordOf, valuesFromReturns } from "./sweep_record.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const result = syntheticRunResult({ assets: 3, days: 100 });
 * const record = sweepRecordOf(result, { "sizing.minScore": 0.6 }, 12);
 * assert.equal(record.returns.length, 100);
 * assert.equal(record.calendar.days, 100);
 * const rebuilt = valuesFromReturns(record.returns, result.initialCash);
 * assert.ok(Math.abs((rebuilt[99] as number) - result.equity.value[99]!) < 1e-6);
 * assert.ok(record.summary.points.dates.length <= 64);
 * ```
 */
export function sweepRecordOf(
  result: RunResult,
  params: Assignment,
  durationMs: number,
): SweepRunRecord {
  const { dates, value } = result.equity;
  return {
    configHash: result.configHash,
    params,
    metrics: trimMetrics(result.metrics),
    summary: _summary(result),
    calendar: {
      id: calendarId(dates),
      start: dates[0] ?? "",
      end: dates[dates.length - 1] ?? "",
      days: dates.length,
    },
    returns: dailyReturns(value, result.initialCash),
    durationMs,
  };
}

/** The metrics as a sweep stores them (see the module doc). */
export function trimMetrics(metrics: Metrics): Metrics {
  return {
    ...metrics,
    drawdowns: metrics.drawdowns.slice(0, 5),
    periodReturns: { ...metrics.periodReturns, monthly: {} },
  };
}

function _summary(result: RunResult): EquitySummary {
  const { dates, value } = result.equity;
  const picked = extremaIndices([value], SUMMARY_POINTS);
  let peak = -Infinity;
  for (const v of value) if (v > peak) peak = v;
  return {
    start: result.period.start,
    end: result.period.end,
    days: dates.length,
    initialCash: result.initialCash,
    finalValue: result.finalValue,
    finalCash: result.finalCash,
    peakValue: peak,
    trades: result.trades.length,
    fills: result.fills.length,
    points: {
      dates: picked.map((i) => dates[i] as string),
      values: picked.map((i) => value[i] as number),
    },
  };
}

/** Returns as little-endian float64 bytes. */
export function encodeReturns(returns: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(returns.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < returns.length; i++) view.setFloat64(i * 8, returns[i] as number, true);
  return bytes;
}

/** Returns from little-endian float64 bytes; a length that is no multiple of 8 is a RangeError. */
export function decodeReturns(bytes: Uint8Array): Float64Array {
  if (bytes.length % 8 !== 0) {
    throw new RangeError(
      `Cannot decode returns as the blob must hold whole float64 values: current length is ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

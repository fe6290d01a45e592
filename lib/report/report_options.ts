/**
 * Options of `buildReport`: how much of a long run the charts and tables
 * show. Every field has a default; bad values throw `RangeError`.
 *
 * @module
 */

/**
 * What the report shows of a long run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveReportOptions } from "./report_options.ts";
 *
 * assert.equal(resolveReportOptions({ maxTrades: 50 }).maxPointsPerLine, 2000);
 * ```
 */
export type ReportOptions = {
  /** Points per chart line at most (extremes kept, see downsample.ts). Default 2000. */
  readonly maxPointsPerLine?: number;
  /** Most recent closed trades listed (the total is always given). Default 500. */
  readonly maxTrades?: number;
  /** Holdings listed, largest first. Default 200. */
  readonly maxHoldings?: number;
  /** Daily returns per rolling window. Default 126 (shortened for a run too short for it). */
  readonly rollingWindowDays?: number;
  /** Deepest drawdowns marked on the underwater chart. Default 5. */
  readonly worstDrawdowns?: number;
  /** Whether the equity chart opens on a log scale (a toggle switches it). Default false. */
  readonly logScale?: boolean;
};

/** {@link ReportOptions} with every default filled in. */
export type ResolvedReportOptions = {
  readonly [K in keyof ReportOptions]-?: NonNullable<ReportOptions[K]>;
};

/** Fills the defaults in and checks the values: throws `RangeError` naming a bad one. */
export function resolveReportOptions(options: ReportOptions = {}): ResolvedReportOptions {
  const resolved: ResolvedReportOptions = {
    maxPointsPerLine: options.maxPointsPerLine ?? 2000,
    maxTrades: options.maxTrades ?? 500,
    maxHoldings: options.maxHoldings ?? 200,
    rollingWindowDays: options.rollingWindowDays ?? 126,
    worstDrawdowns: options.worstDrawdowns ?? 5,
    logScale: options.logScale ?? false,
  };
  _checkInteger("maxPointsPerLine", resolved.maxPointsPerLine, 100);
  _checkInteger("maxTrades", resolved.maxTrades, 0);
  _checkInteger("maxHoldings", resolved.maxHoldings, 0);
  _checkInteger("rollingWindowDays", resolved.rollingWindowDays, 2);
  _checkInteger("worstDrawdowns", resolved.worstDrawdowns, 0);
  return resolved;
}

function _checkInteger(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(
      `Cannot build a report as ${name} must be an integer of at least ${min}: current value is ${value}`,
    );
  }
}

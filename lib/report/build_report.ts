/**
 * `buildReport`: a run's result as one self-contained HTML tearsheet.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { reportData } from "./report_data.ts";
import { type ReportOptions, resolveReportOptions } from "./report_options.ts";
import { reportPage } from "./report_page.ts";

/**
 * Builds the HTML report of a run: one file that opens offline, with its
 * data (one JSON `<script>`) and the pinned ECharts build inlined, showing the
 * equity against the benchmark over the regime band, the underwater drawdown
 * with its deepest periods, monthly and yearly returns, rolling Sharpe and
 * volatility, the regime transitions, allocation by bucket and holdings,
 * protection activity, the metrics and trades tables, and the run's config
 * and hashes. Long series are downsampled (extremes kept) and the trades
 * table lists the most recent ones, so a 20-year, 500-asset run stays small.
 *
 * Pure and deterministic: the same result and options give the same bytes
 * (the only time in the page is the result's own `startedAt`). All text from
 * the result is escaped. Throws `RangeError` on bad options or on a result
 * whose columns disagree in length with their dates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildReport } from "./mod.ts";
 * import { syntheticRunResult } from "./testdata/synthetic_run_result.ts";
 *
 * const result = syntheticRunResult({ assets: 5, days: 300 });
 * const html = buildReport(result, { maxTrades: 20 });
 * assert.ok(html.startsWith("<!doctype html>"));
 * assert.ok(html.includes(`<h1>${result.strategy}</h1>`));
 * assert.equal(html, buildReport(result, { maxTrades: 20 })); // deterministic
 * assert.doesNotMatch(html, /(?:src|href)\s*=\s*["']?https?:/i); // nothing to fetch
 * ```
 */
export function buildReport(result: RunResult, options: ReportOptions = {}): string {
  const resolved = resolveReportOptions(options);
  return reportPage(result, reportData(result, resolved), resolved);
}

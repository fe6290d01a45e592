/**
 * The run report: a self-contained HTML tearsheet of a run's result, with its
 * data and the pinned ECharts build inlined, so it opens offline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildReport } from "./mod.ts";
 * import { syntheticRunResult } from "./testdata/synthetic_run_result.ts";
 *
 * const html = buildReport(syntheticRunResult({ assets: 3, days: 60 }));
 * assert.ok(html.includes('id="chart-equity"'));
 * ```
 *
 * @module
 */
export { buildReport } from "./build_report.ts";
export type { ReportOptions } from "./report_options.ts";
export { writeReport, type WrittenReport } from "./write_report.ts";
export { readRunResult } from "./read_run_result.ts";
export { checkRunResult } from "./run_result_schema.ts";

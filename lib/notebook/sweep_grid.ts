/**
 * A sweep's metric over two of its parameters, as the cells of a heatmap:
 * each cell the best (or the mean) of the metric over the runs that share
 * the two values, whatever their other parameters. Ready to hand to
 * {@link heatmapChart}.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import type { Assignment } from "../research/grid_space.ts";
import { type MetricName, metricSpec, metricValue } from "../research/sweep_metric.ts";
import type { HeatmapChartOptions } from "./heatmap_chart.ts";

/** What {@link sweepGrid} reads of each run: a sweep's results and stored runs fit. */
export type GridRun = { readonly params: Assignment; readonly metrics: Metrics };

/** Options of {@link sweepGrid}. */
export type SweepGridOptions = {
  /** The parameter down the rows (a config path). */
  readonly rows: string;
  /** The parameter across the columns. */
  readonly columns: string;
  /** Default `sharpe`. */
  readonly metric?: MetricName;
  /** Each cell's value: the best run's (default) or the mean over its runs. */
  readonly aggregate?: "best" | "mean";
};

/**
 * The heatmap cells of `runs` (see the module doc): values in ascending
 * order (numbers by value, anything else by its text), a cell without a run
 * that has the metric is null.
 *
 * @example Two parameters, the best Sharpe ratio of each cell
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepGrid } from "./sweep_grid.ts";
 * import type { Metrics } from "../analytics/metrics.ts";
 *
 * const run = (minScore: number, grace: number, sharpe: number) => ({
 *   params: { "sizing.minScore": minScore, "protection.graceDays": grace, "sizing.maxSingle": 0.1 },
 *   metrics: { sharpe } as unknown as Metrics,
 * });
 * const grid = sweepGrid(
 *   [run(0.7, 2, 0.5), run(0.6, 2, 0.9), run(0.6, 2, 1.1), run(0.6, 4, 0.3)],
 *   { rows: "protection.graceDays", columns: "sizing.minScore" },
 * );
 * assert.deepEqual(grid.rows, ["2", "4"]);
 * assert.deepEqual(grid.columns, ["0.6", "0.7"]);
 * assert.deepEqual(grid.values, [[1.1, 0.5], [0.3, null]]);
 * ```
 */
export function sweepGrid(
  runs: Iterable<GridRun>,
  options: SweepGridOptions,
): Pick<
  HeatmapChartOptions,
  "rows" | "columns" | "values" | "rowLabel" | "columnLabel" | "better" | "percent"
> {
  const metric = options.metric ?? "sharpe";
  const spec = metricSpec(metric);
  const cells = new Map<string, { best: number | null; sum: number; count: number }>();
  const rowValues = new Map<string, unknown>(), columnValues = new Map<string, unknown>();
  for (const run of runs) {
    const r = run.params[options.rows], c = run.params[options.columns];
    const rk = _text(r), ck = _text(c);
    rowValues.set(rk, r);
    columnValues.set(ck, c);
    const cell = cells.get(`${rk}\u0000${ck}`) ?? { best: null, sum: 0, count: 0 };
    const v = metricValue(run.metrics, metric);
    if (v !== null) {
      const better = cell.best === null ||
        (spec.better === "higher" ? v > cell.best : v < cell.best);
      if (better) cell.best = v;
      cell.sum += v;
      cell.count++;
    }
    cells.set(`${rk}\u0000${ck}`, cell);
  }
  const rows = _sorted(rowValues), columns = _sorted(columnValues);
  return {
    rows,
    columns,
    values: rows.map((r) =>
      columns.map((c) => {
        const cell = cells.get(`${r}\u0000${c}`);
        if (cell === undefined || cell.count === 0) return null;
        return options.aggregate === "mean" ? cell.sum / cell.count : cell.best;
      })
    ),
    rowLabel: options.rows,
    columnLabel: options.columns,
    better: spec.better,
    percent: spec.format === "percent",
  };
}

function _text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function _sorted(values: Map<string, unknown>): string[] {
  const entries = [...values];
  const numeric = entries.every(([, v]) => typeof v === "number");
  entries.sort(([a, x], [b, y]) =>
    numeric ? (x as number) - (y as number) : a < b ? -1 : a > b ? 1 : 0
  );
  return entries.map(([k]) => k);
}

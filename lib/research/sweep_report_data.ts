/**
 * The data of a sweep's HTML page, read from its store in one pass over the
 * ranked runs: for every pair of parameters a heatmap (the best and the mean
 * of the metric in each cell, over the other parameters), for every parameter
 * its profile (the same by value), the metric's distribution (a histogram and
 * quartiles), the top runs' equity curves (rebuilt from their stored returns)
 * and the ranked table's first rows.
 *
 * Memory: the aggregates grow with the grid's values, not with the runs; the
 * one per-run figure held is the metric itself (8 bytes a run, for the
 * quartiles).
 *
 * @module
 */
import { canonicalJson } from "../config/hash.ts";
import { extremaIndices } from "../report/downsample.ts";
import type { GridParameter } from "./grid_space.ts";
import { type RankedRun, rankedRun } from "./ranked_runs.ts";
import { type MetricName, metricSpec, metricValue } from "./sweep_metric.ts";
import { valuesFromReturns } from "./sweep_record.ts";
import type { SweepDefinition, SweepStore } from "./sweep_store.ts";

/** Best and mean of the metric per cell (null where no run has a value), and run counts. */
export type CellStats = {
  readonly best: readonly (number | null)[];
  readonly mean: readonly (number | null)[];
  readonly count: readonly number[];
};

/** What the sweep page draws. */
export type SweepReportData = {
  readonly name: string;
  readonly source: string;
  readonly dataHash: string;
  readonly codeVersion: string;
  readonly metric: {
    readonly name: MetricName;
    readonly label: string;
    readonly better: "higher" | "lower";
    readonly format: "percent" | "number";
  };
  readonly planned: number;
  readonly stored: number;
  /** Each parameter with its values as labels (the grid's order). */
  readonly parameters: readonly { readonly path: string; readonly values: readonly string[] }[];
  /** Per parameter: the metric by value (cells in value order). */
  readonly profiles: readonly CellStats[];
  /** Per pair (x < y): cells in row-major order, y (rows) by x (columns). */
  readonly heatmaps: readonly ({ readonly x: number; readonly y: number } & CellStats)[];
  readonly distribution: {
    readonly bins: readonly {
      readonly from: number;
      readonly to: number;
      readonly count: number;
    }[];
    readonly quartiles: readonly [number, number, number, number, number] | null;
    /** Runs whose metric is undefined (a Sharpe without volatility). */
    readonly missing: number;
  };
  readonly top: readonly {
    readonly rank: number;
    readonly label: string;
    readonly value: number | null;
    readonly dates: readonly string[];
    readonly values: readonly number[];
  }[];
  readonly table: readonly RankedRun[];
};

/** Options of {@link sweepReportData}. */
export type SweepReportOptions = {
  /** Equity curves drawn; default 10. */
  readonly curves?: number;
  /** Rows of the ranked table; default 25. */
  readonly rows?: number;
  /** Points per equity curve at most; default 400. */
  readonly points?: number;
};

class _Cells {
  readonly #best: Float64Array;
  readonly #sum: Float64Array;
  readonly #valued: Int32Array;
  readonly #runs: Int32Array;
  readonly #higher: boolean;
  constructor(size: number, higher: boolean) {
    this.#best = new Float64Array(size).fill(NaN);
    this.#sum = new Float64Array(size);
    this.#valued = new Int32Array(size);
    this.#runs = new Int32Array(size);
    this.#higher = higher;
  }
  add(cell: number, value: number | null): void {
    this.#runs[cell] = (this.#runs[cell] as number) + 1;
    if (value === null) return;
    const b = this.#best[cell] as number;
    if (Number.isNaN(b) || (this.#higher ? value > b : value < b)) this.#best[cell] = value;
    this.#sum[cell] = (this.#sum[cell] as number) + value;
    this.#valued[cell] = (this.#valued[cell] as number) + 1;
  }
  stats(): CellStats {
    const valued = Array.from(this.#valued);
    return {
      best: Array.from(this.#best, (b) => Number.isNaN(b) ? null : b),
      mean: valued.map((k, i) => k === 0 ? null : (this.#sum[i] as number) / k),
      count: Array.from(this.#runs),
    };
  }
}

/** Reads the page's data of sweep `name` from `store`; see the module doc. */
export async function sweepReportData(
  store: SweepStore,
  definition: SweepDefinition,
  metric: MetricName,
  options: SweepReportOptions = {},
): Promise<SweepReportData> {
  const spec = metricSpec(metric);
  const higher = spec.better === "higher";
  const { name } = definition;
  const parameters: readonly GridParameter[] = definition.parameters;
  const index = parameters.map((p) => new Map(p.values.map((v, i) => [canonicalJson(v), i])));
  const sizes = parameters.map((p) => p.values.length);
  const profiles = sizes.map((size) => new _Cells(size, higher));
  const pairs: { x: number; y: number; cells: _Cells }[] = [];
  for (let x = 0; x < sizes.length; x++) {
    for (let y = x + 1; y < sizes.length; y++) {
      pairs.push({ x, y, cells: new _Cells((sizes[x] as number) * (sizes[y] as number), higher) });
    }
  }
  const curves = options.curves ?? 10, rows = options.rows ?? 25;
  let values = new Float64Array(1024);
  let n = 0, missing = 0, rank = 0;
  const table: RankedRun[] = [];
  for await (const run of store.ranked(name, metric)) {
    rank++;
    const value = metricValue(run.metrics, metric);
    if (table.length < Math.max(rows, curves)) table.push(rankedRun(run, rank, metric));
    const at = parameters.map((p, i) => index[i]?.get(canonicalJson(run.params[p.path])) ?? -1);
    at.forEach((v, i) => v >= 0 && profiles[i]?.add(v, value));
    for (const pair of pairs) {
      const ax = at[pair.x] ?? -1, ay = at[pair.y] ?? -1;
      if (ax < 0 || ay < 0) continue;
      pair.cells.add(ay * (sizes[pair.x] as number) + ax, value);
    }
    if (value === null) {
      missing++;
      continue;
    }
    if (n === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[n++] = value;
  }
  const progress = await store.progress(name);
  const top = [];
  for (const row of table.slice(0, curves)) {
    const stored = await store.returns(name, row.configHash);
    if (stored === undefined) continue;
    const curve = valuesFromReturns(stored.returns, row.initialCash);
    const picked = extremaIndices([curve], options.points ?? 400);
    top.push({
      rank: row.rank,
      label: _label(row.params),
      value: row.value,
      dates: picked.map((i) => stored.dates[i] as string),
      values: picked.map((i) => curve[i] as number),
    });
  }
  return {
    name,
    source: definition.source,
    dataHash: definition.dataHash,
    codeVersion: definition.codeVersion,
    metric: { name: metric, label: spec.label, better: spec.better, format: spec.format },
    planned: progress.planned,
    stored: progress.stored,
    parameters: parameters.map((p) => ({ path: p.path, values: p.values.map(_valueLabel) })),
    profiles: profiles.map((c) => c.stats()),
    heatmaps: pairs.map((p) => ({ x: p.x, y: p.y, ...p.cells.stats() })),
    distribution: _distribution(values.subarray(0, n), missing),
    top,
    table: table.slice(0, rows),
  };
}

function _valueLabel(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function _label(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params).map(([k, v]) => `${k.split(".").at(-1)}=${_valueLabel(v)}`)
    .join(" ");
}

/** A histogram of about sqrt(n) bins (5 to 40) over [min, max], and the quartiles. */
function _distribution(values: Float64Array, missing: number): SweepReportData["distribution"] {
  if (values.length === 0) return { bins: [], quartiles: null, missing };
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => {
    const at = p * (sorted.length - 1), lo = Math.floor(at), hi = Math.ceil(at);
    return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
  };
  const min = sorted[0] as number, max = sorted[sorted.length - 1] as number;
  const count = max === min ? 1 : Math.min(40, Math.max(5, Math.round(Math.sqrt(values.length))));
  const width = (max - min) / count || 1;
  const bins = Array.from({ length: count }, (_, i) => ({
    from: min + i * width,
    to: i === count - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of sorted) {
    const bin = bins[Math.min(count - 1, Math.floor((v - min) / width))];
    if (bin) bin.count++;
  }
  return { bins, quartiles: [min, q(0.25), q(0.5), q(0.75), max], missing };
}

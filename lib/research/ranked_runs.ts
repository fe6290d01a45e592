/**
 * A sweep's runs ranked by a metric, read from its store: as rows for the
 * table on screen, and as the JSON file `ranked.json` (streamed to disk, so a
 * sweep of any size is written without holding its runs in memory).
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import type { Assignment } from "./grid_space.ts";
import { type MetricName, metricSpec, metricValue } from "./sweep_metric.ts";
import type { StoredRun, SweepStore } from "./sweep_store.ts";

/** One ranked run: its rank (1 = best), parameters and headline figures. */
export type RankedRun = {
  readonly rank: number;
  readonly position: number;
  readonly configHash: string;
  readonly params: Assignment;
  /** The ranking metric's value (null when undefined for the run). */
  readonly value: number | null;
  readonly sharpe: number | null;
  readonly cagr: number | null;
  readonly totalReturn: number;
  readonly maxDrawdown: number;
  readonly volatility: number | null;
  readonly trades: number;
  readonly initialCash: number;
  readonly finalValue: number;
};

/** The ranked row of a stored run at `rank`. */
export function rankedRun(run: StoredRun, rank: number, metric: MetricName): RankedRun {
  const m: Metrics = run.metrics;
  return {
    rank,
    position: run.position,
    configHash: run.configHash,
    params: run.params,
    value: metricValue(m, metric),
    sharpe: m.sharpe,
    cagr: m.cagr,
    totalReturn: m.totalReturn,
    maxDrawdown: m.maxDrawdown.depth,
    volatility: m.annualVolatility,
    trades: m.trades.count,
    initialCash: run.summary.initialCash,
    finalValue: run.summary.finalValue,
  };
}

/** The best `limit` runs of a sweep by `metric`. */
export async function topRuns(
  store: SweepStore,
  name: string,
  metric: MetricName,
  limit: number,
): Promise<RankedRun[]> {
  const out: RankedRun[] = [];
  for await (const run of store.ranked(name, metric, limit)) {
    out.push(rankedRun(run, out.length + 1, metric));
  }
  return out;
}

/**
 * The ranked table as text lines: rank, the metric, the parameters, then
 * Sharpe, CAGR, max drawdown and trades.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankedTableLines } from "./ranked_runs.ts";
 *
 * const lines = rankedTableLines([{
 *   rank: 1, position: 3, configHash: "ab", params: { "sizing.minScore": 0.7 }, value: 0.84,
 *   sharpe: 0.84, cagr: 0.061, totalReturn: 0.8, maxDrawdown: -0.12, volatility: 0.08, trades: 90,
 *   initialCash: 100000, finalValue: 180000,
 * }], ["sizing.minScore"], "sharpe");
 * assert.match(lines[0] ?? "", /^rank +sharpe +sizing\.minScore +CAGR +max DD +trades$/);
 * assert.match(lines[2] ?? "", /^1 +0\.840 +0\.7 +6\.1% +-12\.0% +90$/);
 * ```
 */
export function rankedTableLines(
  rows: readonly RankedRun[],
  parameters: readonly string[],
  metric: MetricName,
): string[] {
  const spec = metricSpec(metric);
  const fmt = (v: number | null, kind: "percent" | "number") =>
    v === null ? "-" : kind === "percent" ? `${(v * 100).toFixed(1)}%` : v.toFixed(3);
  // Sharpe, CAGR and the drawdown beside the ranking metric, unless it is one of them.
  const extra = ([
    ["sharpe", "Sharpe", (r: RankedRun) => fmt(r.sharpe, "number")],
    ["cagr", "CAGR", (r: RankedRun) => fmt(r.cagr, "percent")],
    ["maxDrawdown", "max DD", (r: RankedRun) => fmt(r.maxDrawdown, "percent")],
  ] as const).filter(([name]) => name !== metric);
  const head = ["rank", metric, ...parameters, ...extra.map(([, label]) => label), "trades"];
  const body = rows.map((r) => [
    String(r.rank),
    fmt(r.value, spec.format),
    ...parameters.map((p) => _text(r.params[p])),
    ...extra.map(([, , cell]) => cell(r)),
    String(r.trades),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? "").length))
  );
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}

/**
 * Writes every ranked run of a sweep to `path` as JSON (`{ "sweep", "metric",
 * "runs": [...] }`), streamed from the store; written beside and renamed, so
 * a failure leaves no half-written file. Returns how many runs it holds.
 */
export async function writeRankedJson(
  path: string,
  store: SweepStore,
  name: string,
  metric: MetricName,
): Promise<number> {
  const temp = `${path}.partial`;
  const file = await Deno.open(temp, { write: true, create: true, truncate: true });
  const encoder = new TextEncoder();
  let count = 0;
  try {
    const write = async (text: string) => {
      const bytes = encoder.encode(text);
      for (let done = 0; done < bytes.length;) done += await file.write(bytes.subarray(done));
    };
    await write(`{"sweep":${JSON.stringify(name)},"metric":${JSON.stringify(metric)},"runs":[`);
    let chunk = "";
    for await (const run of store.ranked(name, metric)) {
      chunk += (count === 0 ? "\n" : ",\n") + JSON.stringify(rankedRun(run, count + 1, metric));
      count++;
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = "";
      }
    }
    await write(`${chunk}\n]}\n`);
  } finally {
    file.close();
  }
  await Deno.rename(temp, path);
  return count;
}

function _text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

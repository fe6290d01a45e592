/// <reference lib="dom" />
/**
 * Browser side of the sweep page: the entry point. Reads the page's data,
 * draws every chart whose container the page has (SVG renderer), wires the
 * heatmap's parameter and aggregate pickers, and publishes
 * `window.reportRendered`, a promise of the number of charts drawn, for tests.
 * (A client module: see sweep_format.ts.)
 *
 * @module
 */
import type * as echartsApi from "echarts";
import type { SweepReportData } from "../sweep_report_data.ts";
import { sweepHeatmapOption } from "./sweep_heatmap.ts";
import { sweepDistributionOption, sweepProfileOption, sweepTopOption } from "./sweep_charts.ts";

declare const echarts: typeof echartsApi;

/** Draws the sweep page's charts. */
export function sweepMain(): void {
  const source = document.getElementById("sweep-data");
  const data = JSON.parse(source?.textContent ?? "null") as SweepReportData;
  const charts: echartsApi.ECharts[] = [];
  const finished: Promise<void>[] = [];
  const draw = (id: string, option: () => echartsApi.EChartsOption) => {
    const element = document.getElementById(id);
    if (element === null) return null;
    const chart = echarts.init(element, null, { renderer: "svg" });
    finished.push(new Promise((resolve) => chart.on("finished", () => resolve())));
    chart.setOption(option());
    charts.push(chart);
    return chart;
  };
  const pick = (id: string) => document.getElementById(id) as HTMLSelectElement | null;
  const xs = pick("heatmap-x"), ys = pick("heatmap-y"), agg = pick("heatmap-aggregate");
  const heatmapOption = () =>
    sweepHeatmapOption(
      data,
      Number(xs?.value ?? 0),
      Number(ys?.value ?? 1),
      agg?.value === "mean" ? "mean" : "best",
    );
  const heatmap = draw("chart-heatmap", heatmapOption);
  for (const select of [xs, ys, agg]) {
    select?.addEventListener(
      "change",
      () => heatmap?.setOption(heatmapOption(), { notMerge: true }),
    );
  }
  data.parameters.forEach((_, i) => draw(`chart-profile-${i}`, () => sweepProfileOption(data, i)));
  draw("chart-distribution", () => sweepDistributionOption(data));
  draw("chart-top", () => sweepTopOption(data));
  globalThis.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
  const rendered = Promise.all(finished).then(() => charts.length);
  Object.assign(globalThis, { reportRendered: rendered });
}

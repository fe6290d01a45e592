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
import type { SweepReportData } from "../sweep_report_data.ts";
import { reportChartSet } from "../../report/client/common.ts";
import { sweepHeatmapOption } from "./sweep_heatmap.ts";
import { sweepDistributionOption, sweepProfileOption, sweepTopOption } from "./sweep_charts.ts";

/** Draws the sweep page's charts. */
export function sweepMain(): void {
  const source = document.getElementById("sweep-data");
  const data = JSON.parse(source?.textContent ?? "null") as SweepReportData;
  const { draw, done } = reportChartSet();
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
  done();
}

/// <reference lib="dom" />
/**
 * Browser side of the sweep page: the metric by the value of one parameter,
 * the metric's distribution over the runs, and the top runs' equity curves.
 * (A client module: see sweep_format.ts.)
 *
 * @module
 */
import type { EChartsOption } from "echarts";
import type { SweepReportData } from "../sweep_report_data.ts";
import { reportBaseOption, reportCompact, reportPalette } from "../../report/client/common.ts";
import { sweepFormat } from "./sweep_format.ts";

/** Best and mean of the metric at each value of parameter `i`. */
export function sweepProfileOption(data: SweepReportData, i: number): EChartsOption {
  const p = data.parameters[i], stats = data.profiles[i];
  if (p === undefined || stats === undefined) return { series: [] };
  const palette = reportPalette(), format = data.metric.format;
  return {
    ...reportBaseOption(),
    grid: { left: 64, right: 16, top: 30, bottom: 48 },
    legend: { top: 0 },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      valueFormatter: (v) => sweepFormat(v as number, format),
    },
    xAxis: {
      type: "category",
      data: [...p.values],
      name: p.path,
      nameLocation: "middle",
      nameGap: 30,
    },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => sweepFormat(v, format) },
    },
    series: [
      {
        type: "bar",
        name: `best ${data.metric.label}`,
        data: [...stats.best],
        itemStyle: { color: palette.strategy },
      },
      {
        type: "bar",
        name: `mean ${data.metric.label}`,
        data: [...stats.mean],
        itemStyle: { color: palette.benchmark },
      },
    ],
  };
}

/** The histogram of the metric over the runs, with its median marked. */
export function sweepDistributionOption(data: SweepReportData): EChartsOption {
  const d = data.distribution, format = data.metric.format;
  const label = (b: { from: number; to: number }) =>
    `${sweepFormat(b.from, format)} to ${sweepFormat(b.to, format)}`;
  const median = d.quartiles?.[2];
  const at = median === undefined
    ? -1
    : d.bins.findIndex((b) => median >= b.from && median <= b.to);
  return {
    ...reportBaseOption(),
    grid: { left: 56, right: 16, top: 24, bottom: 64 },
    tooltip: { ...reportBaseOption().tooltip, trigger: "axis" },
    xAxis: { type: "category", data: d.bins.map(label), axisLabel: { rotate: 30, fontSize: 10 } },
    yAxis: { type: "value", name: "runs", minInterval: 1 },
    series: [{
      type: "bar",
      name: "runs",
      data: d.bins.map((b) => b.count),
      itemStyle: { color: reportPalette().strategy },
      barCategoryGap: "4%",
      ...(at >= 0
        ? {
          markLine: {
            symbol: "none",
            data: [{ xAxis: at, name: "median" }],
            label: { formatter: `median ${sweepFormat(median, format)}` },
            lineStyle: { color: "#212529", type: "dashed" },
          },
        }
        : {}),
    }],
  };
}

/** The top runs' equity curves, best first. */
export function sweepTopOption(data: SweepReportData): EChartsOption {
  const colours = reportPalette().series, format = data.metric.format;
  return {
    ...reportBaseOption(),
    grid: { left: 64, right: 16, top: 56, bottom: 40 },
    legend: { top: 0, type: "scroll" },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      valueFormatter: (v) => reportCompact(Number(v)),
    },
    xAxis: { type: "time" },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => reportCompact(v) },
    },
    series: data.top.map((run, i) => ({
      type: "line",
      // ECharts escapes series names in its tooltip and draws the legend as text.
      name: `#${run.rank} ${run.label} (${sweepFormat(run.value, format)})`,
      data: run.dates.map((d, j) => [d, run.values[j] ?? null]),
      showSymbol: false,
      lineStyle: { width: i === 0 ? 2.5 : 1.2 },
      color: colours[i % colours.length] ?? "#1c7ed6",
    })),
  };
}

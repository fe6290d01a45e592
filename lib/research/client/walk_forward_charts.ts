/// <reference lib="dom" />
/**
 * Browser side of the walk-forward page: each window's metric in and out of
 * sample, the stitched out-of-sample equity against the benchmarks with the
 * windows marked, the deflated Sharpe ratio and the PBO of each search, and
 * the distribution of the whole period's CSCV logits.
 * (A client module: its functions are inlined into the page by
 * walk_forward_script.ts, so they use no module-level value; see
 * lib/report/client/common.ts for the rule.)
 *
 * @module
 */
import type { EChartsOption } from "echarts";
import type { WalkForwardReport } from "../walk_forward_report.ts";
import {
  reportBaseOption,
  reportCompact,
  reportNumber,
  reportPalette,
  reportPercent,
} from "../../report/client/common.ts";
import { sweepFormat } from "./sweep_format.ts";

/** A window's label on the category axes: its index and test span. */
export function wfWindowLabel(w: { index: number; test: { start: string; end: string } }): string {
  return `${w.index}: ${w.test.start.slice(0, 7)} to ${w.test.end.slice(0, 7)}`;
}

/** The metric of each window's winner, in sample beside out of sample. */
export function wfWindowsOption(data: WalkForwardReport): EChartsOption {
  const palette = reportPalette(), format = data.metric.format;
  return {
    ...reportBaseOption(),
    grid: { left: 64, right: 16, top: 36, bottom: 56 },
    legend: { top: 0 },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      valueFormatter: (v) => sweepFormat(v as number, format),
    },
    xAxis: { type: "category", data: data.windows.map(wfWindowLabel), axisLabel: { fontSize: 10 } },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => sweepFormat(v, format) },
    },
    series: [
      {
        type: "bar",
        name: `in sample (best of ${data.trials})`,
        data: data.windows.map((w) => w.inSample.value),
        itemStyle: { color: palette.benchmark },
      },
      {
        type: "bar",
        name: "out of sample",
        data: data.windows.map((w) => w.outOfSample.value),
        itemStyle: { color: palette.strategy },
      },
    ],
  };
}

/** The stitched out-of-sample curve against the benchmarks, each window's start marked. */
export function wfEquityOption(data: WalkForwardReport): EChartsOption {
  const palette = reportPalette(), curve = data.stitched.curve;
  return {
    ...reportBaseOption(),
    grid: { left: 64, right: 16, top: 40, bottom: 40 },
    legend: { top: 0, type: "scroll" },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      valueFormatter: (v) => reportNumber(Number(v), 0),
    },
    xAxis: { type: "time" },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (v: number) => reportCompact(v) },
    },
    series: [
      {
        type: "line",
        name: "walk-forward (out of sample)",
        data: curve.dates.map((d, i) => [d, curve.value[i] ?? null]),
        showSymbol: false,
        lineStyle: { width: 2 },
        color: palette.strategy,
        markLine: {
          symbol: "none",
          silent: true,
          label: { formatter: "{b}", fontSize: 10 },
          lineStyle: { color: "#adb5bd", type: "dashed" },
          data: data.windows.map((w) => ({ xAxis: w.test.start, name: `window ${w.index}` })),
        },
      },
      ...data.stitched.benchmarks.map((b, k) => ({
        type: "line" as const,
        name: b.name,
        data: curve.dates.map((d, i) => [d, curve.benchmarks[k]?.[i] ?? null]),
        showSymbol: false,
        lineStyle: { width: 1.2 },
        color: palette.benchmarks[k % palette.benchmarks.length] ?? "#6b7280",
      })),
    ],
  };
}

/** The deflated Sharpe ratio and the PBO of each window's search and of the whole period's. */
export function wfStatisticsOption(data: WalkForwardReport): EChartsOption {
  const palette = reportPalette();
  const stats = [...data.windows.map((w) => w.statistics), data.whole.statistics];
  return {
    ...reportBaseOption(),
    grid: { left: 56, right: 16, top: 36, bottom: 56 },
    legend: { top: 0 },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      valueFormatter: (v) => reportPercent(v as number, 1),
    },
    xAxis: {
      type: "category",
      data: [...data.windows.map(wfWindowLabel), "whole period"],
      axisLabel: { fontSize: 10 },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => reportPercent(v, 0) },
    },
    series: [
      {
        type: "bar",
        name: "deflated Sharpe ratio",
        data: stats.map((s) => s.deflatedSharpe?.probability ?? null),
        itemStyle: { color: palette.positive },
        markLine: {
          symbol: "none",
          silent: true,
          data: [{ yAxis: 0.95, name: "95%" }],
          label: { formatter: "DSR 95%", fontSize: 10, position: "insideEndTop" },
          lineStyle: { color: palette.positive, type: "dashed" },
        },
      },
      {
        type: "bar",
        name: "probability of backtest overfitting",
        data: stats.map((s) => s.overfitting?.probability ?? null),
        itemStyle: { color: palette.negative },
        markLine: {
          symbol: "none",
          silent: true,
          data: [{ yAxis: 0.5, name: "50%" }],
          label: { formatter: "PBO 50%", fontSize: 10, position: "insideEndTop" },
          lineStyle: { color: palette.negative, type: "dashed" },
        },
      },
    ],
  };
}

/** The whole period's CSCV logits: the bars at or below 0 are the splits that overfit. */
export function wfLogitOption(data: WalkForwardReport): EChartsOption {
  const palette = reportPalette();
  const bins = data.whole.statistics.overfitting?.logits ?? [];
  return {
    ...reportBaseOption(),
    grid: { left: 56, right: 16, top: 24, bottom: 48 },
    tooltip: { ...reportBaseOption().tooltip, trigger: "axis" },
    xAxis: {
      type: "category",
      name: "logit λ",
      nameLocation: "middle",
      nameGap: 30,
      data: bins.map((b) => `${b.from.toFixed(1)} to ${b.to.toFixed(1)}`),
      axisLabel: { fontSize: 10 },
    },
    yAxis: { type: "value", name: "splits", minInterval: 1 },
    series: [{
      type: "bar",
      name: "splits",
      barCategoryGap: "4%",
      data: bins.map((b) => ({
        value: b.count,
        itemStyle: { color: b.to <= 0 ? palette.negative : palette.positive },
      })),
    }],
  };
}

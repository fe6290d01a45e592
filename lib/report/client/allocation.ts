/// <reference lib="dom" />
/**
 * Browser side: the allocation by bucket over time (stacked areas) and the
 * largest current holdings (bars).
 * (A client module: see common.ts for the rules.)
 *
 * @module
 */
import type { EChartsOption, SeriesOption } from "echarts";
import type { ReportData } from "../report_data.ts";
import { reportAxisPercent, reportBaseOption, reportPalette, reportPercent } from "./common.ts";
import { reportPercentTooltip } from "./drawdown.ts";

/** The stacked allocation option (empty without an allocation). */
export function reportAllocationOption(data: ReportData): EChartsOption {
  const palette = reportPalette(), allocation = data.allocation;
  if (allocation === null) return {};
  const series: SeriesOption[] = allocation.layers.map((layer, i) => ({
    type: "line",
    name: layer.bucket,
    stack: "weight",
    areaStyle: { opacity: 0.85 },
    showSymbol: false,
    lineStyle: { width: 0.5 },
    color: layer.bucket === "cash (residual)"
      ? "#dee2e6"
      : palette.series[i % palette.series.length] ?? "#868e96",
    data: allocation.dates.map((d, k) => [d, layer.weights[k] ?? 0]),
  }));
  return {
    ...reportBaseOption(),
    legend: { top: 0, type: "scroll" },
    grid: { left: 56, right: 24, top: 36, bottom: 64 },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      formatter: (params) => reportPercentTooltip(params, 1),
    },
    xAxis: { type: "time" },
    yAxis: {
      type: "value",
      min: 0,
      max: (extent: { max: number }) => Math.max(1, extent.max),
      axisLabel: { formatter: (v: number) => reportAxisPercent(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    dataZoom: [{ type: "inside" }, { type: "slider", bottom: 12, height: 20 }],
    series,
  };
}

/** The holdings bars option: the largest weights, largest at the top. */
export function reportHoldingsOption(data: ReportData): EChartsOption {
  const palette = reportPalette();
  return {
    ...reportBaseOption(),
    grid: { left: 90, right: 56, top: 8, bottom: 24 },
    tooltip: { ...reportBaseOption().tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: {
      type: "value",
      axisLabel: { formatter: (v: number) => reportAxisPercent(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: { type: "category", inverse: true, data: data.holdings.map((h) => h.ticker) },
    series: [{
      type: "bar",
      name: "Weight",
      color: palette.strategy,
      data: data.holdings.map((h) => h.weight),
      label: {
        show: true,
        position: "right",
        fontSize: 10,
        formatter: (p) => reportPercent(typeof p.value === "number" ? p.value : null, 1),
      },
    }],
  };
}

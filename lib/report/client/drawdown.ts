/// <reference lib="dom" />
/**
 * Browser side: the underwater chart, the drawdown below the running peak
 * with the deepest periods shaded and their troughs marked.
 * (A client module: see common.ts for the rules.)
 *
 * @module
 */
import type { EChartsOption } from "echarts";
import type { ReportData } from "../report_data.ts";
import {
  reportAxisPercent,
  reportBaseOption,
  reportEscape,
  reportPalette,
  reportPercent,
} from "./common.ts";

/** A time-series tooltip: the date of the first point, then each series' value as a percentage. */
export function reportPercentTooltip(params: unknown, digits: number): string {
  const list = (Array.isArray(params) ? params : [params]) as {
    marker?: unknown;
    seriesName?: string;
    value?: unknown;
  }[];
  const first = list[0]?.value;
  const date = Array.isArray(first) ? String(first[0]) : "";
  const rows = list.map((p) => {
    const value = Array.isArray(p.value) ? p.value[1] : p.value;
    return `${typeof p.marker === "string" ? p.marker : ""}${
      reportEscape(p.seriesName ?? "")
    }: <b>${reportPercent(typeof value === "number" ? value : null, digits)}</b>`;
  });
  return `${reportEscape(date)}<br>${rows.join("<br>")}`;
}

/** The underwater chart's option. */
export function reportDrawdownOption(data: ReportData): EChartsOption {
  const palette = reportPalette(), dd = data.drawdown;
  return {
    ...reportBaseOption(),
    grid: { left: 64, right: 24, top: 28, bottom: 64 },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      formatter: (params) => reportPercentTooltip(params, 2),
    },
    xAxis: { type: "time" },
    yAxis: {
      type: "value",
      max: 0,
      axisLabel: { formatter: (v: number) => reportAxisPercent(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    dataZoom: [{ type: "inside" }, { type: "slider", bottom: 12, height: 20 }],
    series: [{
      type: "line",
      name: "Drawdown",
      data: dd.series.map((p) => [p[0], p[1]]),
      showSymbol: false,
      color: palette.drawdown,
      lineStyle: { width: 1 },
      areaStyle: { color: "rgba(224,49,49,0.25)" },
      markArea: {
        silent: true,
        itemStyle: { color: "rgba(73,80,87,0.08)" },
        label: { show: false },
        data: dd.worst.map((w) => [{ xAxis: w.peak }, { xAxis: w.end }]),
      },
      markPoint: {
        symbol: "circle",
        symbolSize: 8,
        itemStyle: { color: "#212529" },
        label: { position: "bottom", formatter: "{b}", fontSize: 10, color: "#212529" },
        data: dd.worst.map((w) => ({
          name: `#${w.rank} ${reportPercent(w.depth, 1)}`,
          coord: [w.trough, w.depth],
        })),
      },
    }],
  };
}

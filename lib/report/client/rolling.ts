/// <reference lib="dom" />
/**
 * Browser side: rolling Sharpe ratio (top) and rolling annualised volatility
 * (bottom) on one time axis.
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
  reportNumber,
  reportPalette,
  reportPercent,
} from "./common.ts";

/** The rolling chart's option (an empty option when the run was too short for one). */
export function reportRollingOption(data: ReportData): EChartsOption {
  const palette = reportPalette(), rolling = data.rolling;
  if (rolling === null) return {};
  const window = `${rolling.windowDays}-day`;
  return {
    ...reportBaseOption(),
    legend: { top: 0 },
    grid: [
      { left: 64, right: 24, top: 40, height: "28%" },
      { left: 64, right: 24, bottom: 64, height: "28%" },
    ],
    axisPointer: { link: [{ xAxisIndex: "all" }] },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0]?.value;
        const rows = list.map((p) => {
          const value = Array.isArray(p.value) ? p.value[1] : null;
          const number = typeof value === "number" ? value : null;
          const text = p.seriesIndex === 0 ? reportNumber(number, 2) : reportPercent(number, 1);
          return `${typeof p.marker === "string" ? p.marker : ""}${
            reportEscape(p.seriesName ?? "")
          }: <b>${text}</b>`;
        });
        return `${Array.isArray(first) ? reportEscape(String(first[0])) : ""}<br>${
          rows.join("<br>")
        }`;
      },
    },
    xAxis: [
      { type: "time", gridIndex: 0, axisLabel: { show: false } },
      { type: "time", gridIndex: 1 },
    ],
    yAxis: [
      {
        type: "value",
        gridIndex: 0,
        splitNumber: 4,
        splitLine: { lineStyle: { color: palette.grid } },
      },
      {
        type: "value",
        gridIndex: 1,
        splitNumber: 4,
        axisLabel: { formatter: (v: number) => reportAxisPercent(v) },
        splitLine: { lineStyle: { color: palette.grid } },
      },
    ],
    dataZoom: [
      { type: "inside", xAxisIndex: [0, 1] },
      { type: "slider", xAxisIndex: [0, 1], bottom: 12, height: 20 },
    ],
    series: [
      {
        type: "line",
        name: `Sharpe (${window})`,
        data: rolling.sharpe.map((p) => [p[0], p[1]]),
        showSymbol: false,
        color: palette.strategy,
        lineStyle: { width: 1.2 },
        markLine: {
          silent: true,
          symbol: "none",
          data: [{ yAxis: 0 }],
          lineStyle: { color: "#868e96" },
        },
      },
      {
        type: "line",
        name: `Volatility (${window})`,
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: rolling.volatility.map((p) => [p[0], p[1]]),
        showSymbol: false,
        color: "#f76707",
        lineStyle: { width: 1.2 },
      },
    ],
  };
}

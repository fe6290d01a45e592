/// <reference lib="dom" />
/**
 * Browser side: the monthly returns heat map (years down, months across) and
 * the yearly returns bars against the benchmark.
 * (A client module: see common.ts for the rules.)
 *
 * @module
 */
import type { EChartsOption, SeriesOption } from "echarts";
import type { ReportData } from "../report_data.ts";
import {
  reportAxisPercent,
  reportBaseOption,
  reportEscape,
  reportPalette,
  reportPercent,
} from "./common.ts";

/** The heat map's option; colours run from red (loss) through white to green (gain), symmetric around 0. */
export function reportMonthlyOption(data: ReportData): EChartsOption {
  const r = data.returns;
  const largest = r.monthly.reduce((m, c) => Math.max(m, Math.abs(c[2])), 0);
  const range = Math.min(0.15, Math.max(0.02, largest));
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  return {
    ...reportBaseOption(),
    grid: { left: 56, right: 16, top: 28, bottom: 56 },
    tooltip: {
      ...reportBaseOption().tooltip,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const cell = p?.value;
        if (!Array.isArray(cell)) return "";
        const month = months[Number(cell[0])] ?? "", year = r.years[Number(cell[1])] ?? "";
        return `${reportEscape(month)} ${reportEscape(year)}: <b>${
          reportPercent(Number(cell[2]), 2)
        }</b>`;
      },
    },
    xAxis: { type: "category", data: months, position: "top", splitArea: { show: true } },
    yAxis: { type: "category", data: [...r.years], inverse: true, splitArea: { show: true } },
    visualMap: {
      min: -range,
      max: range,
      dimension: 2,
      orient: "horizontal",
      left: "center",
      bottom: 4,
      itemHeight: 160,
      calculable: false,
      text: [`+${reportPercent(range, 0)}`, `-${reportPercent(range, 0)}`],
      inRange: { color: ["#c92a2a", "#ffc9c9", "#ffffff", "#b2f2bb", "#2b8a3e"] },
    },
    series: [{
      type: "heatmap",
      name: "Monthly return",
      data: r.monthly.map((c) => [c[0], c[1], c[2]]),
      label: {
        show: r.years.length <= 30,
        fontSize: 10,
        formatter: (p) => Array.isArray(p.value) ? reportPercent(Number(p.value[2]), 1) : "",
      },
      itemStyle: { borderColor: "#fff", borderWidth: 1 },
    }],
  };
}

/** The yearly returns option: strategy bars, and the benchmark's beside them. */
export function reportYearlyOption(data: ReportData): EChartsOption {
  const palette = reportPalette(), r = data.returns;
  const series: SeriesOption[] = [{
    type: "bar",
    name: "Strategy",
    data: [...r.yearly],
    color: palette.strategy,
  }];
  if (r.benchmarkYearly !== null) {
    series.push({
      type: "bar",
      name: r.benchmarkName ?? "Benchmark",
      data: [...r.benchmarkYearly],
      color: palette.benchmark,
    });
  }
  return {
    ...reportBaseOption(),
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 32, bottom: 28 },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const rows = list.map((p) =>
          `${typeof p.marker === "string" ? p.marker : ""}${reportEscape(p.seriesName ?? "")}: <b>${
            reportPercent(typeof p.value === "number" ? p.value : null, 2)
          }</b>`
        );
        return `${reportEscape(list[0]?.name ?? "")}<br>${rows.join("<br>")}`;
      },
    },
    xAxis: { type: "category", data: [...r.years] },
    yAxis: {
      type: "value",
      axisLabel: { formatter: (v: number) => reportAxisPercent(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series,
  };
}

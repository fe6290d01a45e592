/// <reference lib="dom" />
/**
 * Browser side: the equity chart, the strategy against its benchmark on a
 * linear or log scale, with the regime band and its transitions beneath.
 * (A client module: see common.ts for the rules.)
 *
 * @module
 */
import type { EChartsOption, SeriesOption } from "echarts";
import type { ReportData } from "../report_data.ts";
import {
  reportBaseOption,
  reportCompact,
  reportEscape,
  reportNumber,
  reportPalette,
} from "./common.ts";

/** The regime on `date` and the transition that started it, as tooltip lines. */
export function reportRegimeAt(data: ReportData, date: string): string {
  const band = data.regimes;
  if (band === null) return "";
  const segment = band.segments.findLast((s) => s.start <= date);
  if (segment === undefined) return "";
  const since = band.transitions.findLast((t) => t.date <= date && t.date >= segment.start);
  const detail = since === undefined
    ? ""
    : ` since ${since.date} (from ${reportEscape(since.from)}, ${reportEscape(since.severity)})`;
  return `<br>Regime: <b>${reportEscape(segment.regime)}</b>${detail}`;
}

/** The regime band (one rectangle per run of days) and one marker series per transition severity. */
export function reportRegimeSeries(data: ReportData): SeriesOption[] {
  const band = data.regimes;
  if (band === null) return [];
  const palette = reportPalette();
  const segments: SeriesOption = {
    type: "custom",
    name: "Regime",
    xAxisIndex: 1,
    yAxisIndex: 1,
    dimensions: [{ name: "start", type: "time" }, { name: "end", type: "time" }],
    encode: { x: [0, 1] },
    clip: true,
    silent: true,
    tooltip: { show: false },
    data: band.segments.map((s) => ({
      value: [s.start, s.end],
      name: s.regime,
      itemStyle: { color: palette.regimes[s.regime] ?? "#ccc" },
    })),
    renderItem: (_params, api) => {
      const from = api.coord([api.value(0), 1]), to = api.coord([api.value(1), 0]);
      const x = from[0] ?? 0, y = from[1] ?? 0;
      return {
        type: "rect",
        shape: { x, y, width: Math.max(1, (to[0] ?? x) - x), height: (to[1] ?? y) - y },
        style: { fill: api.visual("color") ?? "#ced4da" },
      };
    },
  };
  const symbols: Record<string, [string, number]> = {
    minor: ["circle", 7],
    major: ["diamond", 11],
    critical: ["triangle", 15],
  };
  const markers = ["minor", "major", "critical"].flatMap((severity): SeriesOption[] => {
    const points = band.transitions.filter((t) => t.severity === severity);
    if (points.length === 0) return [];
    const [symbol, size] = symbols[severity] ?? ["circle", 7];
    return [{
      type: "scatter",
      name: `${severity} transition`,
      xAxisIndex: 1,
      yAxisIndex: 1,
      symbol,
      symbolSize: size,
      z: 5,
      tooltip: { show: false },
      itemStyle: {
        color: palette.severity[severity] ?? "#000",
        borderColor: "#fff",
        borderWidth: 1,
      },
      data: points.map((t) => [t.date, 0.5]),
    }];
  });
  return [segments, ...markers];
}

/** The equity chart's option: strategy and benchmark lines, the regime band under them. */
export function reportEquityOption(data: ReportData, log: boolean): EChartsOption {
  const palette = reportPalette(), eq = data.equity, banded = data.regimes !== null;
  const lines: SeriesOption[] = [{
    type: "line",
    name: "Strategy",
    data: eq.strategy.map((p) => [p[0], p[1]]),
    showSymbol: false,
    lineStyle: { width: 1.6 },
    color: palette.strategy,
  }];
  eq.benchmarks.forEach((b, k) => {
    lines.push({
      type: "line",
      name: b.name,
      data: b.points.map((p) => [p[0], p[1]]),
      showSymbol: false,
      lineStyle: k === 0 ? { width: 1.2 } : { width: 1.2, type: "dashed" },
      color: palette.benchmarks[k % palette.benchmarks.length] ?? palette.benchmark,
    });
  });
  const grid = banded
    ? [{ left: 72, right: 24, top: 44, bottom: 116 }, {
      left: 72,
      right: 24,
      height: 22,
      bottom: 72,
    }]
    : [{ left: 72, right: 24, top: 44, bottom: 72 }];
  const axes = grid.map((_, i) => i);
  return {
    ...reportBaseOption(),
    legend: {
      top: 4,
      type: "scroll",
      data: [...lines, ...reportRegimeSeries(data)].map((s) => String(s.name ?? ""))
        .filter((name) => name !== "Regime"),
    },
    grid,
    axisPointer: { link: [{ xAxisIndex: "all" }] },
    tooltip: {
      ...reportBaseOption().tooltip,
      trigger: "axis",
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const lines = list.filter((p) => p.seriesType === "line");
        const first = lines[0]?.value;
        const date = Array.isArray(first) ? String(first[0]) : "";
        const rows = lines.map((p) => {
          const value = Array.isArray(p.value) ? p.value[1] : p.value;
          return `${p.marker ?? ""}${reportEscape(p.seriesName ?? "")}: <b>${
            reportNumber(typeof value === "number" ? value : null, 0)
          }</b>`;
        });
        return `${date}<br>${rows.join("<br>")}${reportRegimeAt(data, date)}`;
      },
    },
    xAxis: axes.map((i) => ({
      type: "time",
      gridIndex: i,
      axisLabel: { show: i === axes.length - 1 },
      axisTick: { show: i === axes.length - 1 },
    })),
    yAxis: axes.map((i) =>
      i === 0
        ? {
          type: log ? "log" : "value",
          gridIndex: 0,
          scale: true,
          name: log ? "value (log scale)" : "value",
          axisLabel: { formatter: (v: number) => reportCompact(v) },
          splitLine: { lineStyle: { color: palette.grid } },
        }
        : { type: "value", gridIndex: i, min: 0, max: 1, show: false }
    ),
    dataZoom: [
      { type: "inside", xAxisIndex: axes },
      { type: "slider", xAxisIndex: axes, bottom: 16, height: 22 },
    ],
    series: [...lines, ...reportRegimeSeries(data)],
  };
}

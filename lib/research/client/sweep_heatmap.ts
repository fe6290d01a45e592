/// <reference lib="dom" />
/**
 * Browser side of the sweep page: the heatmap of the metric over two
 * parameters (best or mean over the others in each cell), coloured so that
 * better is green whichever way the metric points.
 * (A client module: see sweep_format.ts.)
 *
 * @module
 */
import type { EChartsOption } from "echarts";
import type { SweepReportData } from "../sweep_report_data.ts";
import { reportBaseOption, reportEscape } from "../../report/client/common.ts";
import { sweepFormat } from "./sweep_format.ts";

/** The heatmap's option for parameters `x` (columns) and `y` (rows), by `aggregate`. */
export function sweepHeatmapOption(
  data: SweepReportData,
  x: number,
  y: number,
  aggregate: "best" | "mean",
): EChartsOption {
  const px = data.parameters[x], py = data.parameters[y];
  if (px === undefined || py === undefined || x === y) return { series: [] };
  const swap = x > y;
  const map = data.heatmaps.find((h) => h.x === Math.min(x, y) && h.y === Math.max(x, y));
  if (map === undefined) return { series: [] };
  const columns = data.parameters[map.x]?.values.length ?? 0;
  const cells: [number, number, number | null, number][] = [];
  const list = map[aggregate];
  for (let i = 0; i < list.length; i++) {
    const a = i % columns, b = Math.floor(i / columns);
    cells.push(
      swap
        ? [b, a, list[i] ?? null, map.count[i] ?? 0]
        : [a, b, list[i] ?? null, map.count[i] ?? 0],
    );
  }
  const known = cells.map((c) => c[2]).filter((v): v is number => v !== null);
  const min = known.length ? Math.min(...known) : 0, max = known.length ? Math.max(...known) : 1;
  const colours = ["#c92a2a", "#ffc9c9", "#f8f9fa", "#b2f2bb", "#2b8a3e"];
  const format = data.metric.format;
  return {
    ...reportBaseOption(),
    grid: { left: 90, right: 24, top: 16, bottom: 86 },
    tooltip: {
      ...reportBaseOption().tooltip,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const cell = p?.value;
        if (!Array.isArray(cell)) return "";
        const xs = px.values[Number(cell[0])] ?? "", ys = py.values[Number(cell[1])] ?? "";
        return `${reportEscape(px.path)} = ${reportEscape(xs)}<br>${reportEscape(py.path)} = ${
          reportEscape(ys)
        }<br>${aggregate} ${reportEscape(data.metric.label)}: <b>${
          sweepFormat(cell[2] as number | null, format)
        }</b> (${cell[3]} runs)`;
      },
    },
    xAxis: {
      type: "category",
      data: [...px.values],
      name: px.path,
      nameLocation: "middle",
      nameGap: 28,
      splitArea: { show: true },
    },
    yAxis: {
      type: "category",
      data: [...py.values],
      name: py.path,
      nameLocation: "end",
      splitArea: { show: true },
    },
    visualMap: {
      min,
      max: max > min ? max : min + 1e-9,
      dimension: 2,
      orient: "horizontal",
      left: "center",
      bottom: 4,
      itemHeight: 200,
      calculable: false,
      text: [sweepFormat(max, format), sweepFormat(min, format)],
      inRange: { color: data.metric.better === "higher" ? colours : [...colours].reverse() },
    },
    series: [{
      type: "heatmap",
      name: `${aggregate} ${data.metric.label}`,
      data: cells.filter((c) => c[2] !== null),
      label: {
        show: cells.length <= 150,
        fontSize: 10,
        formatter: (p) => Array.isArray(p.value) ? sweepFormat(p.value[2] as number, format) : "",
      },
      itemStyle: { borderColor: "#fff", borderWidth: 1 },
    }],
  };
}

/// <reference lib="dom" />
/**
 * Browser side: protection activity, verdicts by rule over time,
 * interventions (blocks, modifications such as grace decays, overrides) over
 * time, and blocks by rule.
 * (A client module: see common.ts for the rules.)
 *
 * @module
 */
import type { EChartsOption, SeriesOption } from "echarts";
import type { ReportData } from "../report_data.ts";
import { reportBaseOption, reportPalette } from "./common.ts";

/** Stacked bars of count layers over the protection periods (empty without protection). */
export function reportProtectionOption(
  data: ReportData,
  which: "byRule" | "interventions",
): EChartsOption {
  const palette = reportPalette(), protection = data.protection;
  if (protection === null) return {};
  const layers = which === "byRule" ? protection.byRule : protection.interventions;
  const series: SeriesOption[] = layers.map((layer, i) => ({
    type: "bar",
    name: layer.name,
    stack: "count",
    barCategoryGap: "20%",
    color: which === "interventions"
      ? palette.outcomes[layer.name] ?? "#868e96"
      : palette.series[i % palette.series.length] ?? "#868e96",
    data: [...layer.counts],
  }));
  return {
    ...reportBaseOption(),
    legend: { top: 0, type: "scroll" },
    grid: { left: 56, right: 24, top: 36, bottom: 64 },
    tooltip: { ...reportBaseOption().tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: [...protection.periods] },
    yAxis: { type: "value", name: "verdicts", splitLine: { lineStyle: { color: palette.grid } } },
    dataZoom: [{ type: "inside" }, { type: "slider", bottom: 12, height: 20 }],
    series,
  };
}

/** Horizontal bars of the blocks of each rule (empty without protection). */
export function reportBlocksOption(data: ReportData): EChartsOption {
  const palette = reportPalette(), protection = data.protection;
  if (protection === null) return {};
  return {
    ...reportBaseOption(),
    grid: { left: 130, right: 48, top: 8, bottom: 24 },
    tooltip: { ...reportBaseOption().tooltip, trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", splitLine: { lineStyle: { color: palette.grid } } },
    yAxis: { type: "category", inverse: true, data: protection.blocksByRule.map((b) => b[0]) },
    series: [{
      type: "bar",
      name: "Blocks",
      color: palette.outcomes.blocked ?? "#e03131",
      data: protection.blocksByRule.map((b) => b[1]),
      label: { show: true, position: "right", fontSize: 10 },
    }],
  };
}

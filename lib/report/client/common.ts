/// <reference lib="dom" />
/**
 * Browser-side helpers of the report's charts: colours, number and date
 * formatting, escaping for tooltips, and the options every chart shares.
 *
 * Every function in lib/report/client/ runs in the page, not in Deno: its
 * source is inlined by `client_script.ts` through `Function.prototype.toString`.
 * So a client function may call other client functions and the global
 * `echarts`, and may use types, but must not use any value imported or
 * declared at module level here.
 *
 * @module
 */
import type * as echartsApi from "echarts";

declare const echarts: typeof echartsApi;

/** Colours of the report: a light theme, regimes as the design names them. */
export function reportPalette() {
  return {
    strategy: "#1d4ed8",
    benchmark: "#6b7280",
    benchmarks: ["#6b7280", "#c2820a", "#0c8599", "#9c36b5", "#5c940d"],
    drawdown: "#dc2626",
    positive: "#15803d",
    negative: "#b91c1c",
    grid: "#e5e7eb",
    regimes: {
      Goldilocks: "#22a06b",
      Reflation: "#f08c00",
      Inflation: "#e03131",
      Deflation: "#1c7ed6",
    } as Record<string, string>,
    severity: { minor: "#adb5bd", major: "#495057", critical: "#000000" } as Record<string, string>,
    outcomes: { blocked: "#e03131", modified: "#f59f00", overridden: "#7048e8" } as Record<
      string,
      string
    >,
    series: [
      "#1c7ed6",
      "#f76707",
      "#37b24d",
      "#ae3ec9",
      "#1098ad",
      "#f59f00",
      "#d6336c",
      "#74b816",
      "#4263eb",
      "#868e96",
    ],
  };
}

/** Escapes text for the HTML of a tooltip. */
export function reportEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A fraction as a percentage, a dash when missing. */
export function reportPercent(value: number | null | undefined, digits: number): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  const text = (value * 100).toFixed(digits);
  // A tiny loss rounds to "-0.0": show it as 0.
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

/** A percentage for an axis label: at most two decimals, trailing zeros dropped (0.5%, 1%, 12.25%). */
export function reportAxisPercent(value: number): string {
  const text = (value * 100).toFixed(2).replace(/\.?0+$/, "");
  return `${text === "-0" ? "0" : text}%`;
}

/** A number with comma thousands separators. */
export function reportNumber(value: number | null | undefined, digits: number): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A large number in short form for axis labels: 1.25M, 350k (up to two decimals, trailing zeros dropped). */
export function reportCompact(value: number): string {
  const abs = Math.abs(value);
  const [scale, suffix] = abs >= 1e9
    ? [1e9, "B"]
    : abs >= 1e6
    ? [1e6, "M"]
    : abs >= 1e3
    ? [1e3, "k"]
    : [1, ""];
  return `${(value / scale).toFixed(2).replace(/\.?0+$/, "")}${suffix}`;
}

/** Options shared by every chart: no animation (drawn at once, same picture every time), fonts, tooltip look. */
export function reportBaseOption(): echartsApi.EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
    tooltip: {
      confine: true,
      backgroundColor: "rgba(255,255,255,0.96)",
      borderColor: "#ced4da",
      textStyle: { color: "#212529", fontSize: 12 },
    },
  };
}

/** What {@link reportChartSet} returns: draw charts by container id, then publish. */
export type ReportChartSet = {
  /** Draws `option()` into the element with that id (SVG renderer); null when the page has none. */
  readonly draw: (id: string, option: () => echartsApi.EChartsOption) => echartsApi.ECharts | null;
  /**
   * Resizes the charts with the window and publishes `window.reportRendered`, a promise of
   * the number of charts drawn once each has finished (tests wait on it).
   */
  readonly done: () => void;
};

/** The charts of a page: each drawn into its container, then published for tests. */
export function reportChartSet(): ReportChartSet {
  const charts: echartsApi.ECharts[] = [];
  const finished: Promise<void>[] = [];
  return {
    draw: (id, option) => {
      const element = document.getElementById(id);
      if (element === null) return null;
      const chart = echarts.init(element, null, { renderer: "svg" });
      finished.push(new Promise((resolve) => chart.on("finished", () => resolve())));
      chart.setOption(option());
      charts.push(chart);
      return chart;
    },
    done: () => {
      globalThis.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
      const rendered = Promise.all(finished).then(() => charts.length);
      Object.assign(globalThis, { reportRendered: rendered });
    },
  };
}

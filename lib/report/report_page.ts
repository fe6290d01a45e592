/**
 * The report page: the header, the sections in the order the issue lists
 * them, the embedded data, the inlined chart library and the client script,
 * as one HTML document. Each chart is a `<div class="chart">` the client
 * script draws into; a section a strategy did not produce says so instead.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { CLIENT_SCRIPT } from "./client_script.ts";
import { ECHARTS_VERSION } from "./echarts_library.ts";
import { pageShell } from "./page_shell.ts";
import { formatNumber, formatPercent } from "./format.ts";
import { escapeHtml } from "./html_escape.ts";
import type { ReportData } from "./report_data.ts";
import type { ResolvedReportOptions } from "./report_options.ts";
import { reportSections, SECTIONS } from "./report_sections.ts";

function _header(result: RunResult): string {
  const m = result.metrics, b = m.benchmark, ticker = result.benchmarks[0]?.name ?? null;
  const versus = (v: number | null | undefined, format: (x: number | null) => string) =>
    b === null || v === undefined ? "" : `<small>${escapeHtml(ticker ?? "")} ${format(v)}</small>`;
  const ratio = (v: number | null) => formatNumber(v, 2);
  const tiles: [string, string, string][] = [
    [
      "Final value",
      formatNumber(result.finalValue, 0),
      `<small>from ${formatNumber(result.initialCash, 0)}</small>`,
    ],
    [
      "Total return",
      formatPercent(m.totalReturn, 1),
      versus(b?.totalReturn, (v) => formatPercent(v, 1)),
    ],
    ["CAGR", formatPercent(m.cagr), versus(b?.cagr, (v) => formatPercent(v))],
    ["Sharpe", ratio(m.sharpe), versus(b?.sharpe, ratio)],
    [
      "Max drawdown",
      formatPercent(m.maxDrawdown.depth, 1),
      versus(b?.maxDrawdown.depth, (v) => formatPercent(v, 1)),
    ],
    [
      "Volatility",
      formatPercent(m.annualVolatility, 1),
      versus(b?.annualVolatility, (v) => formatPercent(v, 1)),
    ],
  ];
  const sub = `${escapeHtml(result.period.start)} to ${escapeHtml(result.period.end)} · ${
    formatNumber(result.period.days)
  } days · ${
    ticker === null
      ? "no benchmark"
      : `benchmark${result.benchmarks.length > 1 ? "s" : ""} ${
        escapeHtml(result.benchmarks.map((x) => x.name).join(", "))
      }`
  }`;
  return `<header class="top"><div class="wrap"><h1>${
    escapeHtml(result.strategy)
  }</h1><p class="sub">${sub}</p><div class="tiles">${
    tiles.map(([label, value, extra]) =>
      `<div class="tile"><span>${label}</span><b>${value}</b>${extra}</div>`
    )
      .join("")
  }</div></div></header>`;
}

/** The whole report page of a run, given its chart data. */
export function reportPage(
  result: RunResult,
  data: ReportData,
  options: ResolvedReportOptions,
): string {
  return pageShell({
    kind: "report",
    title: `${escapeHtml(result.strategy)} · ${escapeHtml(result.period.start)} to ${
      escapeHtml(result.period.end)
    }`,
    header: _header(result),
    nav: SECTIONS,
    sections: reportSections(result, data, options),
    footer:
      `Self-contained report: data and ECharts ${ECHARTS_VERSION} are inlined; it opens offline.`,
    data,
    script: CLIENT_SCRIPT,
  });
}

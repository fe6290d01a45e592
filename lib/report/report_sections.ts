/**
 * The sections of the report page, in the order the issue lists them: each
 * a titled card with its chart containers (`<div class="chart">`, drawn by
 * the client script) and tables, or a note where the run has no such data.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { escapeHtml } from "./html_escape.ts";
import { metricsTableHtml } from "./metrics_table.ts";
import type { ReportData } from "./report_data.ts";
import type { ResolvedReportOptions } from "./report_options.ts";
import {
  holdingsTableHtml,
  protectionTotalsHtml,
  regimeSharesHtml,
  runInfoHtml,
  transitionsTableHtml,
  worstDrawdownsHtml,
} from "./section_tables.ts";
import { executionSummaryHtml, tradesTableHtml } from "./trades_table.ts";

/** Section ids and their labels in the page's navigation, in page order. */
export const SECTIONS = [
  ["equity", "Equity"],
  ["drawdown", "Drawdown"],
  ["returns", "Returns"],
  ["rolling", "Rolling"],
  ["regimes", "Regimes"],
  ["allocation", "Allocation"],
  ["protection", "Protection"],
  ["metrics", "Metrics"],
  ["trades", "Trades"],
  ["run", "Run"],
] as const;

/** A chart container of the given height in pixels. */
export function chartDiv(id: string, heightPx: number, label: string): string {
  return `<div class="chart" id="chart-${id}" role="img" aria-label="${
    escapeHtml(label)
  }" style="height:${Math.round(heightPx)}px"></div>`;
}

function _note(text: string): string {
  return `<p class="note">${text}</p>`;
}

function _section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function _equity(result: RunResult, data: ReportData): string {
  const title = result.benchmarks.length === 0 ? "Equity" : "Equity against the benchmarks";
  const toggle =
    `<div class="toolbar"><label><input type="checkbox" id="equity-log"> Log scale</label></div>`;
  const chart = chartDiv("equity", data.regimes === null ? 420 : 460, "Equity curve");
  const legend = data.regimes === null ? "" : regimeSharesHtml(data.regimes);
  const notes = result.benchmarkNotes.map((n) => _note(escapeHtml(n))).join("");
  return _section("equity", title, `${toggle}${chart}${legend}${notes}`);
}

function _drawdown(data: ReportData): string {
  const worst = data.drawdown.worst;
  return _section(
    "drawdown",
    "Underwater drawdown",
    `${chartDiv("drawdown", 280, "Drawdown")}<h3>The ${worst.length} deepest drawdowns</h3>${
      worstDrawdownsHtml(worst)
    }`,
  );
}

function _returns(data: ReportData): string {
  const height = Math.max(160, data.returns.years.length * 22 + 84);
  const body = data.returns.years.length === 0
    ? _note("The run is too short for a monthly return.")
    : `<div class="two wide-left"><div>${
      chartDiv("monthly", height, "Monthly returns")
    }</div><div>${chartDiv("yearly", Math.min(height, 360), "Yearly returns")}</div></div>`;
  return _section("returns", "Monthly and yearly returns", body);
}

function _rolling(data: ReportData): string {
  const body = data.rolling === null
    ? _note("The run is too short for rolling figures.")
    : chartDiv("rolling", 340, "Rolling Sharpe and volatility");
  return _section("rolling", "Rolling Sharpe ratio and volatility", body);
}

function _regimes(data: ReportData): string {
  const body = data.regimes === null ? _note("This strategy does not detect regimes.") : `${
    _note(
      "The band under the equity curve shows the regime of each day; markers show transitions by severity.",
    )
  }${regimeSharesHtml(data.regimes)}${transitionsTableHtml(data.regimes)}`;
  return _section("regimes", "Regime path", body);
}

function _allocation(result: RunResult, data: ReportData, maxHoldings: number): string {
  const allocation = data.allocation === null
    ? _note("No allocation by bucket was recorded.")
    : chartDiv("allocation", 320, "Allocation by bucket");
  const bars = data.holdings.length === 0
    ? ""
    : chartDiv("holdings", Math.max(120, data.holdings.length * 18 + 40), "Largest holdings");
  return _section(
    "allocation",
    "Allocation by bucket and current holdings",
    `${allocation}<h3>Current holdings</h3><div class="two"><div>${bars}</div><div>${
      holdingsTableHtml(result.holdings, maxHoldings)
    }</div></div>`,
  );
}

function _protection(result: RunResult, data: ReportData): string {
  const charts = data.protection;
  if (result.protection === null || charts === null) {
    return _section("protection", "Protection activity", _note("Protection rules were not used."));
  }
  const rules = charts.byRule.length === 0
    ? _note("No verdict recorded.")
    : chartDiv("protection-rules", 300, "Verdicts by rule");
  const interventions = charts.interventions.length === 0
    ? _note("No block, modification or override.")
    : chartDiv("protection-interventions", 260, "Interventions");
  const blocks = charts.blocksByRule.length === 0 ? _note("No block.") : chartDiv(
    "protection-blocks",
    Math.max(120, charts.blocksByRule.length * 28 + 40),
    "Blocks by rule",
  );
  return _section(
    "protection",
    "Protection activity",
    `${
      protectionTotalsHtml(result.protection)
    }<h3>Verdicts by rule per ${charts.period}</h3>${rules}` +
      `<div class="two"><div><h3>Interventions per ${charts.period}</h3>${interventions}</div>` +
      `<div><h3>Blocks by rule</h3>${blocks}</div></div>`,
  );
}

/** Every section of the report, in page order. */
export function reportSections(
  result: RunResult,
  data: ReportData,
  options: ResolvedReportOptions,
): string[] {
  return [
    _equity(result, data),
    _drawdown(data),
    _returns(data),
    _rolling(data),
    _regimes(data),
    _allocation(result, data, options.maxHoldings),
    _protection(result, data),
    _section("metrics", "Metrics", metricsTableHtml(result.metrics, result.benchmarks)),
    _section(
      "trades",
      "Trades",
      `${executionSummaryHtml(result.fills.length, result.orderNotes)}${
        tradesTableHtml(result.trades, options.maxTrades)
      }`,
    ),
    _section("run", "Run", runInfoHtml(result)),
  ];
}

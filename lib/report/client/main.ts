/// <reference lib="dom" />
/**
 * Browser side: the entry point. Reads the report's data from its JSON
 * element, draws every chart whose container the page has (SVG renderer),
 * wires the log-scale toggle and resizing, and publishes
 * `window.reportRendered`, a promise of the number of charts drawn, for tests.
 * (A client module: see common.ts for the rules.)
 *
 * @module
 */
import type { ReportData } from "../report_data.ts";
import { reportAllocationOption, reportHoldingsOption } from "./allocation.ts";
import { reportChartSet } from "./common.ts";
import { reportDrawdownOption } from "./drawdown.ts";
import { reportEquityOption } from "./equity.ts";
import { reportBlocksOption, reportProtectionOption } from "./protection.ts";
import { reportMonthlyOption, reportYearlyOption } from "./returns.ts";
import { reportRollingOption } from "./rolling.ts";

/** Draws the report's charts. */
export function reportMain(): void {
  const source = document.getElementById("report-data");
  const data = JSON.parse(source?.textContent ?? "null") as ReportData;
  const { draw, done } = reportChartSet();
  const equity = draw("chart-equity", () => reportEquityOption(data, data.equity.logScale));
  const toggle = document.getElementById("equity-log");
  if (toggle instanceof HTMLInputElement) {
    toggle.checked = data.equity.logScale;
    toggle.addEventListener("change", () => {
      equity?.setOption(reportEquityOption(data, toggle.checked), { notMerge: true });
    });
  }
  draw("chart-drawdown", () => reportDrawdownOption(data));
  draw("chart-monthly", () => reportMonthlyOption(data));
  draw("chart-yearly", () => reportYearlyOption(data));
  draw("chart-rolling", () => reportRollingOption(data));
  draw("chart-allocation", () => reportAllocationOption(data));
  draw("chart-holdings", () => reportHoldingsOption(data));
  draw("chart-protection-rules", () => reportProtectionOption(data, "byRule"));
  draw("chart-protection-interventions", () => reportProtectionOption(data, "interventions"));
  draw("chart-protection-blocks", () => reportBlocksOption(data));
  done();
}

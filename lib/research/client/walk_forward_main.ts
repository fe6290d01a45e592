/// <reference lib="dom" />
/**
 * Browser side of the walk-forward page: the entry point. Reads the page's
 * data, draws every chart whose container the page has (SVG renderer) and
 * publishes `window.reportRendered`, a promise of the number of charts drawn,
 * for tests. (A client module: see walk_forward_charts.ts.)
 *
 * @module
 */
import type { WalkForwardReport } from "../walk_forward_report.ts";
import { reportChartSet } from "../../report/client/common.ts";
import {
  wfEquityOption,
  wfLogitOption,
  wfStatisticsOption,
  wfWindowsOption,
} from "./walk_forward_charts.ts";

/** Draws the walk-forward page's charts. */
export function wfMain(): void {
  const source = document.getElementById("walkforward-data");
  const data = JSON.parse(source?.textContent ?? "null") as WalkForwardReport;
  const { draw, done } = reportChartSet();
  draw("chart-windows", () => wfWindowsOption(data));
  draw("chart-equity", () => wfEquityOption(data));
  draw("chart-statistics", () => wfStatisticsOption(data));
  draw("chart-logits", () => wfLogitOption(data));
  done();
}

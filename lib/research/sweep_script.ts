/**
 * The sweep page's browser script: the client functions of
 * lib/research/client/ (and the report's shared helpers they call), inlined
 * from their own source as the run report does (see
 * lib/report/client_script.ts for why), wrapped in one function that runs
 * `sweepMain()` at the end of the page.
 *
 * @module
 */
import {
  reportAxisPercent,
  reportBaseOption,
  reportCompact,
  reportEscape,
  reportNumber,
  reportPalette,
  reportPercent,
} from "../report/client/common.ts";
import { sweepFormat } from "./client/sweep_format.ts";
import { sweepHeatmapOption } from "./client/sweep_heatmap.ts";
import {
  sweepDistributionOption,
  sweepProfileOption,
  sweepTopOption,
} from "./client/sweep_charts.ts";
import { sweepMain } from "./client/sweep_main.ts";

const CLIENT_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  reportPalette,
  reportEscape,
  reportPercent,
  reportAxisPercent,
  reportNumber,
  reportCompact,
  reportBaseOption,
  sweepFormat,
  sweepHeatmapOption,
  sweepProfileOption,
  sweepDistributionOption,
  sweepTopOption,
  sweepMain,
];

/** The browser script of the sweep page (JavaScript), same text on every call. */
export const SWEEP_SCRIPT: string = `(() => {
"use strict";
${CLIENT_FUNCTIONS.map((f) => f.toString()).join("\n\n")}

sweepMain();
})();`;

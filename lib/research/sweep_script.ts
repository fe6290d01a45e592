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
  type ClientFunction,
  clientScript,
  COMMON_CLIENT_FUNCTIONS,
} from "../report/client_script.ts";
import { sweepFormat } from "./client/sweep_format.ts";
import { sweepHeatmapOption } from "./client/sweep_heatmap.ts";
import {
  sweepDistributionOption,
  sweepProfileOption,
  sweepTopOption,
} from "./client/sweep_charts.ts";
import { sweepMain } from "./client/sweep_main.ts";

const CLIENT_FUNCTIONS: readonly ClientFunction[] = [
  ...COMMON_CLIENT_FUNCTIONS,
  sweepFormat,
  sweepHeatmapOption,
  sweepProfileOption,
  sweepDistributionOption,
  sweepTopOption,
  sweepMain,
];

/** The names of the inlined client functions. */
export const SWEEP_FUNCTION_NAMES: readonly string[] = CLIENT_FUNCTIONS.map((f) => f.name);

/** The browser script of the sweep page (JavaScript), same text on every call. */
export const SWEEP_SCRIPT: string = clientScript(CLIENT_FUNCTIONS, sweepMain);

/**
 * The walk-forward page's browser script: the client functions of
 * lib/research/client/walk_forward_*.ts (and the shared helpers they call),
 * inlined from their own source as the run report does (see
 * lib/report/client_script.ts for why), run by `wfMain()` at the end of the page.
 *
 * @module
 */
import {
  type ClientFunction,
  clientScript,
  COMMON_CLIENT_FUNCTIONS,
} from "../report/client_script.ts";
import { sweepFormat } from "./client/sweep_format.ts";
import {
  wfEquityOption,
  wfLogitOption,
  wfStatisticsOption,
  wfWindowLabel,
  wfWindowsOption,
} from "./client/walk_forward_charts.ts";
import { wfMain } from "./client/walk_forward_main.ts";

const CLIENT_FUNCTIONS: readonly ClientFunction[] = [
  ...COMMON_CLIENT_FUNCTIONS,
  sweepFormat,
  wfWindowLabel,
  wfWindowsOption,
  wfEquityOption,
  wfStatisticsOption,
  wfLogitOption,
  wfMain,
];

/** The names of the inlined client functions. */
export const WALK_FORWARD_FUNCTION_NAMES: readonly string[] = CLIENT_FUNCTIONS.map((f) => f.name);

/** The browser script of the walk-forward page (JavaScript), same text on every call. */
export const WALK_FORWARD_SCRIPT: string = clientScript(CLIENT_FUNCTIONS, wfMain);

/**
 * The report's browser script: the client functions of lib/report/client/,
 * inlined from their own source (`Function.prototype.toString` gives the
 * JavaScript Deno compiled them to), wrapped in one function that runs
 * `reportMain()` at the end of the page.
 *
 * Design decision: the browser code is written in TypeScript beside the rest
 * and type-checked against ECharts' own declarations, rather than kept as a
 * string or a separate .js file that no checker reads. The price is the rule
 * stated in client/common.ts: client functions use no module-level value.
 *
 * @module
 */

import { reportAllocationOption, reportHoldingsOption } from "./client/allocation.ts";
import {
  reportAxisPercent,
  reportBaseOption,
  reportChartSet,
  reportCompact,
  reportEscape,
  reportNumber,
  reportPalette,
  reportPercent,
} from "./client/common.ts";
import { reportDrawdownOption, reportPercentTooltip } from "./client/drawdown.ts";
import { reportEquityOption, reportRegimeAt, reportRegimeSeries } from "./client/equity.ts";
import { reportMain } from "./client/main.ts";
import { reportBlocksOption, reportProtectionOption } from "./client/protection.ts";
import { reportMonthlyOption, reportYearlyOption } from "./client/returns.ts";
import { reportRollingOption } from "./client/rolling.ts";

/** A client function, as {@link clientScript} inlines it. */
export type ClientFunction = (...args: never[]) => unknown;

/** The helpers every page's charts share (client/common.ts), in the order they are inlined. */
export const COMMON_CLIENT_FUNCTIONS: readonly ClientFunction[] = [
  reportPalette,
  reportEscape,
  reportPercent,
  reportAxisPercent,
  reportNumber,
  reportCompact,
  reportBaseOption,
  reportChartSet,
];

/** Every client function, each inlined once. */
const CLIENT_FUNCTIONS: readonly ClientFunction[] = [
  ...COMMON_CLIENT_FUNCTIONS,
  reportRegimeAt,
  reportRegimeSeries,
  reportEquityOption,
  reportPercentTooltip,
  reportDrawdownOption,
  reportMonthlyOption,
  reportYearlyOption,
  reportRollingOption,
  reportAllocationOption,
  reportHoldingsOption,
  reportProtectionOption,
  reportBlocksOption,
  reportMain,
];

/** The names of the inlined client functions. */
export const CLIENT_FUNCTION_NAMES: readonly string[] = CLIENT_FUNCTIONS.map((f) => f.name);

/**
 * A page's browser script: `functions` inlined from their own source (each
 * once, in order), wrapped in one function that calls `entry` at the end.
 */
export function clientScript(functions: readonly ClientFunction[], entry: ClientFunction): string {
  return `(() => {
"use strict";
${functions.map((f) => f.toString()).join("\n\n")}

${entry.name}();
})();`;
}

/** The browser script of the report (JavaScript), same text on every call. */
export const CLIENT_SCRIPT: string = clientScript(CLIENT_FUNCTIONS, reportMain);

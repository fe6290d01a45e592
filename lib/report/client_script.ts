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

/** Every client function, each inlined once. */
const CLIENT_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  reportPalette,
  reportEscape,
  reportPercent,
  reportAxisPercent,
  reportNumber,
  reportCompact,
  reportBaseOption,
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

/** The browser script of the report (JavaScript), same text on every call. */
export const CLIENT_SCRIPT: string = `(() => {
"use strict";
${CLIENT_FUNCTIONS.map((f) => f.toString()).join("\n\n")}

reportMain();
})();`;

/// <reference lib="dom" />
/**
 * Browser side of the sweep page: the metric's value as the page shows it.
 * (A client module: its functions are inlined into the page by
 * sweep_script.ts, so they use no module-level value; see
 * lib/report/client/common.ts for the rule.)
 *
 * @module
 */
import { reportNumber, reportPercent } from "../../report/client/common.ts";

/** A metric value: a percentage for fractions, three decimals otherwise, a dash when missing. */
export function sweepFormat(value: number | null | undefined, format: string): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  return format === "percent" ? reportPercent(value, 2) : reportNumber(value, 3);
}

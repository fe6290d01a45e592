/**
 * Stage: the scanner's condition of every asset with a bar on the day, read
 * from the scan history precomputed over the Panel (each day's result uses
 * only bars up to that day).
 *
 * @module
 */
import type { ScanResult } from "../../market/scanner_result.ts";
import type { Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** Anything that gives an asset's scan on a Panel day (the scanner's `ScanHistory` does). */
export type ScanLookup = {
  readonly resultAt: (asset: number, t: number) => ScanResult | undefined;
};

/** Adds `scans`: ticker -> the day's scan, for every asset with a bar. */
export function scanConditions(
  source: ScanLookup,
): Stage<RebalanceBase, { scans: ReadonlyMap<string, ScanResult> }> {
  return {
    name: "scan_conditions",
    run: (ctx) => {
      const scans = new Map<string, ScanResult>();
      const tickers = ctx.view.tickers;
      for (let a = 0; a < tickers.length; a++) {
        if (!ctx.view.tradable(a)) continue;
        const r = source.resultAt(a, ctx.t);
        if (r !== undefined) scans.set(tickers[a] as string, r);
      }
      return { scans };
    },
  };
}

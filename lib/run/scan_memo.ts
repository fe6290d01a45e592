/**
 * A scan lookup that remembers each (asset, day) it answered, for scan
 * histories shared by many runs (a sweep): the classification of a day is a
 * pure function of the bars up to it, so the second run that asks for it gets
 * the first run's answer instead of classifying again.
 *
 * Design decision: opt-in, not built into `ScanHistory`. One backtest asks for
 * most (asset, day) pairs once or twice; remembering them would cost it memory
 * (up to assets x days results) for little. Shared by hundreds of runs, the
 * same memory (bounded by assets x days, whatever the number of runs) saves a
 * quarter of each run's time.
 *
 * @module
 */
import type { ScanLookup } from "../engine/stages/scan_conditions.ts";
import type { ScanResult } from "../market/scanner_result.ts";

const NONE = null;

/**
 * `lookup` with its answers remembered per asset and day.
 *
 * @example The second question is answered from memory
 * ```ts
 * import assert from "node:assert/strict";
 * import { memoizedScans } from "./scan_memo.ts";
 *
 * let asked = 0;
 * const scans = memoizedScans({ resultAt: () => (asked++, undefined) }, 2, 10);
 * assert.equal(scans.resultAt(1, 5), undefined);
 * assert.equal(scans.resultAt(1, 5), undefined);
 * assert.equal(asked, 1);
 * ```
 */
export function memoizedScans(lookup: ScanLookup, assets: number, days: number): ScanLookup {
  // Per asset, lazily: undefined = not asked yet, null = asked and nothing to scan.
  const memo: ((ScanResult | null)[] | undefined)[] = new Array(assets);
  return {
    resultAt: (asset, t) => {
      if (!(asset >= 0 && asset < assets && t >= 0 && t < days)) return lookup.resultAt(asset, t);
      const row = memo[asset] ??= new Array<ScanResult | null>(days);
      const known = row[t];
      if (known !== undefined) return known === NONE ? undefined : known;
      const result = lookup.resultAt(asset, t);
      row[t] = result ?? NONE;
      return result;
    },
  };
}

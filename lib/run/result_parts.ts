/**
 * Parts of a run's result computed from the Panel: the holdings at the end.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { Holding } from "../engine/run_result.ts";
import { bucketsOf } from "../market/buckets.ts";

/** Holdings at day `t`, largest first, each with its price, value, weight and buckets. */
export function holdingsAt(
  panel: Panel,
  positions: Readonly<Record<string, number>>,
  total: number,
  t: number,
  buckets: Readonly<Record<string, readonly string[]>>,
): Holding[] {
  return Object.entries(positions).map(([ticker, shares]) => {
    const col = panel.close[panel.indexOf(ticker)] as Float64Array;
    let i = t;
    while (i > 0 && !Number.isFinite(col[i] as number)) i--;
    const price = col[i] as number;
    return {
      ticker,
      shares,
      price,
      value: shares * price,
      weight: total > 0 ? shares * price / total : 0,
      buckets: bucketsOf(ticker, buckets),
    };
  }).sort((x, y) => y.value - x.value || (x.ticker < y.ticker ? -1 : 1));
}

/**
 * Parts of a run's result computed from the Panel: the benchmark line and the
 * holdings at the end.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { Holding } from "../engine/run_result.ts";
import { bucketsOf } from "../market/buckets.ts";

/** The benchmark's close scaled to the starting cash on the run's dates; null without the ticker. */
export function benchmarkValues(
  panel: Panel,
  ticker: string,
  dates: readonly string[],
  cash: number,
): { values: number[]; display: (number | null)[]; complete: boolean } | null {
  const a = panel.indexOf(ticker);
  if (a < 0 || dates.length === 0) return null;
  const close = panel.close[a] as Float64Array;
  const t0 = panel.indexOnOrAfter(dates[0] as string);
  const base = close[t0] as number;
  if (!Number.isFinite(base)) return null;
  const values: number[] = [];
  const display: (number | null)[] = [];
  let complete = true;
  for (let i = 0; i < dates.length; i++) {
    const c = close[t0 + i] as number;
    if (!Number.isFinite(c)) complete = false;
    values.push(c / base * cash);
    display.push(Number.isFinite(c) ? c / base * cash : null);
  }
  return { values, display, complete };
}

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

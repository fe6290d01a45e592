/**
 * Generated price stores for the end-to-end benchmarks: seeded random walks
 * (lib/engine/_test_panel.ts) over consecutive days from 2000-01-03, written
 * once to a SQLite price store and reused by later runs.
 *
 * @module
 */
import { emptySeries } from "../lib/data/bars.ts";
import { PriceStore } from "../lib/data/price_store.ts";
import { randomWalkPanel } from "../lib/engine/_test_panel.ts";

/** Writes a store of `tickers` (default `A000`, `A001`, ...) x `days` random walks at `path`. */
export function buildStore(
  path: string,
  assets: number,
  days: number,
  tickers?: readonly string[],
): void {
  const panel = randomWalkPanel(assets, days, 42, 0);
  const series = panel.tickers.map((generated, a) => {
    const s = emptySeries(tickers?.[a] ?? generated, "1d", days);
    for (let t = 0; t < days; t++) s.time[t] = (panel.days[t] as number) * 86_400_000;
    s.open.set(panel.open[a] as Float64Array);
    s.high.set(panel.high[a] as Float64Array);
    s.low.set(panel.low[a] as Float64Array);
    s.close.set(panel.close[a] as Float64Array);
    s.adjClose.set(panel.close[a] as Float64Array);
    s.volume.fill(1e6);
    return s;
  });
  const store = PriceStore.open(path);
  try {
    store.write(series);
  } finally {
    store.close();
  }
}

/** {@link buildStore} unless a file is at `path` already. */
export async function ensureStore(
  path: string,
  assets: number,
  days: number,
  tickers?: readonly string[],
): Promise<void> {
  const exists = await Deno.stat(path).then(() => true, () => false);
  if (!exists) buildStore(path, assets, days, tickers);
}

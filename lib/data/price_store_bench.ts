/**
 * Price store speed at the size the engine targets: 500 assets x 20 years
 * (5,000 daily bars each, 2.5 million bars) in a temporary store, built once
 * from generated data; each bench reads it back.
 *
 * Run: `deno bench --allow-read --allow-write lib/data/price_store_bench.ts`
 *
 * @module
 */
import { join } from "node:path";
import { type BarSeries, emptySeries } from "./bars.ts";
import { PriceStore } from "./price_store.ts";

const ASSETS = 500;
const DAYS = 5_000;
const FIRST_DAY = 10_957; // 2000-01-01

/** A deterministic, valid series: a drifting sine wave around 100. */
function generated(asset: number): BarSeries {
  const s = emptySeries(`T${String(asset).padStart(3, "0")}`, "1d", DAYS);
  for (let i = 0; i < DAYS; i++) {
    const close = 100 + 20 * Math.sin(i / 50 + asset) + i / 100;
    const open = close * (1 + 0.005 * Math.cos(i + asset));
    s.time[i] = (FIRST_DAY + i) * 86_400_000;
    s.open[i] = open;
    s.close[i] = close;
    s.high[i] = Math.max(open, close) * 1.01;
    s.low[i] = Math.min(open, close) * 0.99;
    s.adjClose[i] = close * 0.9;
    s.volume[i] = 1_000_000 + asset;
  }
  return s;
}

const dir = await Deno.makeTempDir({ prefix: "price_store_bench_" });
const path = join(dir, "prices.db");
const builder = PriceStore.open(path);
const buildStart = performance.now();
builder.write(Array.from({ length: ASSETS }, (_, a) => generated(a)));
console.log(`built ${ASSETS} x ${DAYS} bars in ${(performance.now() - buildStart).toFixed(0)} ms`);
builder.close();
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));

const store = PriceStore.open(path, { readOnly: true });
const tickers = store.tickers("1d");

Deno.bench("PriceStore.read('all') of 500 assets x 5,000 days", { baseline: true }, () => {
  const all = store.read("all", "1d");
  if (all.length !== ASSETS) throw new Error(`read ${all.length} series`);
});

Deno.bench("PriceStore.read(500 tickers) by name", () => {
  store.read(tickers, "1d");
});

Deno.bench("PriceStore.read('all') cut to the last 251 days", () => {
  store.read("all", "1d", { from: "2013-01-01" });
});

Deno.bench("PriceStore.read() of one ticker", () => {
  store.read(["T250"], "1d");
});

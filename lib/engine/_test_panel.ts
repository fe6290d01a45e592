/**
 * Test helpers: tiny Panels written bar by bar, and scripted strategies.
 * Used only by the engine's tests.
 *
 * @module
 */
import { Panel, type Split } from "../data/panel.ts";
import { parseIsoDay } from "../data/dates.ts";
import type { DayContext, Decision, Strategy } from "./strategy.ts";

/** One bar as `[open, high, low, close]`, or null where the asset has no bar. */
export type TestBar = readonly [number, number, number, number] | null;

/** A Panel on consecutive calendar days from `start`, one bar list per ticker (all the same length). */
export function testPanel(
  bars: Readonly<Record<string, readonly TestBar[]>>,
  start = "2024-01-01",
  splits: Readonly<Record<string, readonly Split[]>> = {},
): Panel {
  const tickers = Object.keys(bars);
  const n = (bars[tickers[0] as string] ?? []).length;
  const day0 = parseIsoDay(start);
  const col = (f: number) =>
    tickers.map((tk) =>
      Float64Array.from(bars[tk] ?? [], (b) => (b === null ? NaN : b[f] as number))
    );
  const close = col(3);
  return new Panel({
    tickers,
    days: Int32Array.from({ length: n }, (_, i) => day0 + i),
    prices: "raw",
    open: col(0),
    high: col(1),
    low: col(2),
    close,
    adjClose: close,
    volume: tickers.map(() => new Float64Array(n).fill(1000)),
    splits: tickers.map((tk) => splits[tk] ?? []),
  });
}

/** A flat bar: open = high = low = close = `price`. */
export function flat(price: number): TestBar {
  return [price, price, price, price];
}

/** A strategy that returns `script[t]` on day t (nothing where absent). */
export function scripted(script: Readonly<Record<number, Decision>>): Strategy {
  return { name: "scripted", onDay: (ctx: DayContext) => script[ctx.t] };
}

/** mulberry32: a tiny seeded generator of uniform numbers in [0, 1) for generated test data. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fills one asset's columns with a random walk from `start` (a small function so it optimizes early). */
function _walk(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  start: number,
  u: () => number,
  gapRate: number,
): void {
  let p = start;
  for (let t = 0; t < c.length; t++) {
    const r = u() - 0.5;
    const first = p * (1 + r * 0.01);
    p = Math.max(1, p * (1 + r * 0.04));
    const gap = (r + 0.5) * 7919 % 1 < gapRate;
    o[t] = gap ? NaN : first;
    c[t] = gap ? NaN : p;
    h[t] = gap ? NaN : Math.max(first, p) * 1.004;
    l[t] = gap ? NaN : Math.min(first, p) * 0.996;
  }
}

/**
 * A random-walk Panel of `assets` x `days` (consecutive calendar days from
 * 2000-01-03), seeded; `gapRate` is the chance an asset has no bar on a day.
 * One uniform draw per asset-day keeps generation fast for the benchmarks.
 */
export function randomWalkPanel(assets: number, days: number, seed = 1, gapRate = 0): Panel {
  const u = seededUniform(seed);
  const open: Float64Array[] = [], high: Float64Array[] = [], low: Float64Array[] = [];
  const close: Float64Array[] = [];
  // One buffer per field, an asset's column a view into it: few large allocations.
  const buffers = [0, 1, 2, 3].map(() => new Float64Array(assets * days));
  const [bo, bh, bl, bc] = buffers as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let a = 0; a < assets; a++) {
    const from = a * days, to = from + days;
    const o = bo.subarray(from, to), h = bh.subarray(from, to), l = bl.subarray(from, to);
    const c = bc.subarray(from, to);
    _walk(o, h, l, c, 20 + 80 * u(), u, gapRate);
    open.push(o), high.push(h), low.push(l), close.push(c);
  }
  const day0 = parseIsoDay("2000-01-03");
  const volume = new Float64Array(days).fill(1e6);
  return new Panel({
    tickers: Array.from({ length: assets }, (_, i) => `A${String(i).padStart(3, "0")}`),
    days: Int32Array.from({ length: days }, (_, i) => day0 + i),
    prices: "raw",
    open,
    high,
    low,
    close,
    adjClose: close,
    volume: Array.from({ length: assets }, () => volume),
  });
}

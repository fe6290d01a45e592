/**
 * Property tests of the contract in types.ts, for every indicator: output as long
 * as the input; no look-ahead (a prefix computes the same values); missing days
 * give NaN and leave the state untouched (values on valid days equal the indicator
 * on the series with the missing days removed); warm-up length as documented.
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { type _Bars, _randomBars } from "./_test_bars.ts";
import { adx } from "./adx.ts";
import { atr } from "./atr.ts";
import { bollingerBands } from "./bollinger_bands.ts";
import { ema } from "./ema.ts";
import { maAlignment } from "./ma_alignment.ts";
import { macd } from "./macd.ts";
import { rateOfChange } from "./rate_of_change.ts";
import { realizedVolatility } from "./realized_volatility.ts";
import { rollingMin } from "./rolling_min.ts";
import { rsi } from "./rsi.ts";
import { sma } from "./sma.ts";
import { trueRange } from "./true_range.ts";
import { volumeRatio } from "./volume_ratio.ts";

type Column = keyof _Bars;

/** An indicator seen through the contract: the columns it reads and its output lines. */
type Adapter = {
  readonly name: string;
  readonly reads: readonly Column[];
  /** Index of each line's first value on a series without missing days. */
  readonly firstIndex: readonly number[];
  readonly run: (bars: _Bars) => readonly Float64Array[];
};

const HLC: readonly Column[] = ["high", "low", "close"];

/** Short periods so that short generated series get past the warm-up. */
const SHORT: readonly Adapter[] = [
  { name: "sma", reads: ["close"], firstIndex: [4], run: (b) => [sma(b.close, { period: 5 })] },
  { name: "ema", reads: ["close"], firstIndex: [4], run: (b) => [ema(b.close, { period: 5 })] },
  {
    name: "maAlignment",
    reads: ["close"],
    firstIndex: [7],
    run: (b) => [maAlignment(b.close, { fast: 3, mid: 5, slow: 8 })],
  },
  {
    name: "maAlignment ema",
    reads: ["close"],
    firstIndex: [7],
    run: (b) => [maAlignment(b.close, { fast: 3, mid: 5, slow: 8, average: "ema" })],
  },
  {
    name: "macd",
    reads: ["close"],
    firstIndex: [5, 8, 8],
    run: (b) => Object.values(macd(b.close, { fast: 3, slow: 6, signal: 4 })),
  },
  {
    name: "bollingerBands",
    reads: ["close"],
    firstIndex: [4, 4, 4, 4, 4],
    run: (b) => Object.values(bollingerBands(b.close, { period: 5 })),
  },
  { name: "rsi", reads: ["close"], firstIndex: [5], run: (b) => [rsi(b.close, { period: 5 })] },
  { name: "trueRange", reads: HLC, firstIndex: [1], run: (b) => [trueRange(b)] },
  { name: "atr", reads: HLC, firstIndex: [5], run: (b) => [atr(b, { period: 5 })] },
  {
    name: "adx",
    reads: HLC,
    firstIndex: [7, 4, 4],
    run: (b) => Object.values(adx(b, { period: 4 })),
  },
  {
    name: "volumeRatio",
    reads: ["volume"],
    firstIndex: [5],
    run: (b) => [volumeRatio(b.volume, { period: 5 })],
  },
  {
    name: "rateOfChange",
    reads: ["close"],
    firstIndex: [5],
    run: (b) => [rateOfChange(b.close, { period: 5 })],
  },
  {
    name: "realizedVolatility",
    reads: ["close"],
    firstIndex: [5],
    run: (b) => [realizedVolatility(b.close, { period: 5 })],
  },
  {
    name: "rollingMin",
    reads: ["close"],
    firstIndex: [4],
    run: (b) => [rollingMin(b.close, { period: 5 })],
  },
];

/** Every indicator with its default options. */
const DEFAULTS: readonly Adapter[] = [
  { name: "sma", reads: ["close"], firstIndex: [19], run: (b) => [sma(b.close)] },
  { name: "ema", reads: ["close"], firstIndex: [19], run: (b) => [ema(b.close)] },
  { name: "maAlignment", reads: ["close"], firstIndex: [199], run: (b) => [maAlignment(b.close)] },
  {
    name: "macd",
    reads: ["close"],
    firstIndex: [25, 33, 33],
    run: (b) => Object.values(macd(b.close)),
  },
  {
    name: "bollingerBands",
    reads: ["close"],
    firstIndex: [19, 19, 19, 19, 19],
    run: (b) => Object.values(bollingerBands(b.close)),
  },
  { name: "rsi", reads: ["close"], firstIndex: [14], run: (b) => [rsi(b.close)] },
  { name: "atr", reads: HLC, firstIndex: [14], run: (b) => [atr(b)] },
  { name: "adx", reads: HLC, firstIndex: [27, 14, 14], run: (b) => Object.values(adx(b)) },
  { name: "volumeRatio", reads: ["volume"], firstIndex: [20], run: (b) => [volumeRatio(b.volume)] },
  { name: "rateOfChange", reads: ["close"], firstIndex: [20], run: (b) => [rateOfChange(b.close)] },
  {
    name: "realizedVolatility",
    reads: ["close"],
    firstIndex: [20],
    run: (b) => [realizedVolatility(b.close)],
  },
  { name: "rollingMin", reads: ["close"], firstIndex: [19], run: (b) => [rollingMin(b.close)] },
];

const COLUMNS: readonly Column[] = ["high", "low", "close", "volume"];

function mapBars(bars: _Bars, f: (column: Float64Array) => Float64Array): _Bars {
  return { high: f(bars.high), low: f(bars.low), close: f(bars.close), volume: f(bars.volume) };
}

function isValid(bars: _Bars, reads: readonly Column[], i: number): boolean {
  return reads.every((c) => !Number.isNaN(bars[c][i]));
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** No look-ahead: the indicator on bars [0, cut) equals the full result cut at `cut`. */
function assertPrefixStable(adapter: Adapter, bars: _Bars, cut: number): void {
  const full = adapter.run(bars);
  const prefix = adapter.run(mapBars(bars, (c) => c.slice(0, cut)));
  full.forEach((line, k) => {
    assert.equal(line.length, bars.close.length, `${adapter.name} line ${k} length`);
    const head = prefix[k] ?? new Float64Array();
    assert.ok(sameBits(line.subarray(0, cut), head), `${adapter.name} line ${k} cut ${cut}`);
  });
}

/** Missing days: NaN there, and the valid days equal the result on the compressed series. */
function assertSkipsMissing(adapter: Adapter, bars: _Bars): void {
  const valid: number[] = [];
  for (let i = 0; i < bars.close.length; i++) if (isValid(bars, adapter.reads, i)) valid.push(i);
  const compressed = mapBars(bars, (c) => Float64Array.from(valid, (i) => c[i] as number));
  const full = adapter.run(bars), short = adapter.run(compressed);
  full.forEach((line, k) => {
    const expected = new Float64Array(line.length).fill(NaN);
    valid.forEach((i, j) => (expected[i] = (short[k] as Float64Array)[j] as number));
    assert.ok(sameBits(line, expected), `${adapter.name} line ${k}`);
  });
}

const barArbitrary = fc.record({
  move: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  up: fc.double({ min: 0, max: 0.03, noNaN: true }),
  down: fc.double({ min: 0, max: 0.03, noNaN: true }),
  volume: fc.integer({ min: 0, max: 1000 }),
  missing: fc.constantFrom("none", "none", "none", "none", "all", "high", "volume", "close"),
});

const barsArbitrary = fc.array(barArbitrary, { maxLength: 80 }).map((rows): _Bars => {
  const n = rows.length;
  const bars = {
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  let c = 100;
  rows.forEach((r, i) => {
    const prev = c;
    c = prev * Math.exp(r.move);
    bars.high[i] = Math.max(prev, c) * (1 + r.up);
    bars.low[i] = Math.min(prev, c) * (1 - r.down);
    bars.close[i] = c;
    bars.volume[i] = r.volume;
    for (const column of COLUMNS) {
      if (r.missing === "all" || r.missing === column) bars[column][i] = NaN;
    }
  });
  return bars;
});

Deno.test("every indicator gives the same values on a prefix as on the whole series", () => {
  fc.assert(
    fc.property(barsArbitrary, fc.nat(), (bars, seed) => {
      const cut = bars.close.length === 0 ? 0 : seed % (bars.close.length + 1);
      for (const adapter of SHORT) assertPrefixStable(adapter, bars, cut);
    }),
    { numRuns: 200 },
  );
});

Deno.test("every indicator gives NaN on a missing day and carries its state over it", () => {
  fc.assert(
    fc.property(barsArbitrary, (bars) => {
      for (const adapter of SHORT) assertSkipsMissing(adapter, bars);
    }),
    { numRuns: 200 },
  );
});

Deno.test("every indicator starts at its documented warm-up index", () => {
  const bars = _randomBars(3, 400);
  for (const adapter of [...SHORT, ...DEFAULTS]) {
    adapter.run(bars).forEach((line, k) => {
      const first = line.findIndex((x) => !Number.isNaN(x));
      assert.equal(first, adapter.firstIndex[k], `${adapter.name} line ${k}`);
      assert.ok(line.subarray(first).every((x) => Number.isFinite(x)), `${adapter.name} ${k}`);
    });
  }
});

Deno.test("the default-period indicators hold the contract on 600 bars with gaps", () => {
  const bars = mapBars(_randomBars(11, 600), (c) => c.map((x, i) => (i % 37 === 5 ? NaN : x)));
  for (const adapter of DEFAULTS) {
    for (const cut of [0, 1, 150, 333, 599, 600]) assertPrefixStable(adapter, bars, cut);
    assertSkipsMissing(adapter, bars);
  }
});

Deno.test("indicators reject a period that is not a positive integer", () => {
  const x = new Float64Array(10);
  assert.throws(
    () => sma(x, { period: 0 }),
    new RangeError("Cannot compute sma as period must be an integer >= 1: current value is 0"),
  );
  assert.throws(() => ema(x, { period: 2.5 }), RangeError);
  assert.throws(() => macd(x, { fast: 12, slow: 12 }), /slow must be an integer >= 13/);
  assert.throws(() => maAlignment(x, { fast: 20, mid: 50, slow: 50 }), /slow must be/);
  assert.throws(() => bollingerBands(x, { stdDev: 0 }), /stdDev must be a finite number > 0/);
  assert.throws(() => realizedVolatility(x, { period: 1 }), /period must be an integer >= 2/);
  assert.throws(
    () => atr({ high: x, low: x, close: new Float64Array(9) }),
    /column close must have 10 values: current value is 9/,
  );
});

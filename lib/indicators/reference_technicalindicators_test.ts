/**
 * Agreement with technicalindicators (npm, v3.1.0) on the same input: a seeded
 * random walk (always) and SPY's daily bars from ../shared/data (when present).
 *
 * technicalindicators returns only the values after its warm-up, so its i-th
 * value is compared with ours at `i + (length - its length)`, and ours must be NaN
 * before. Tolerance 1e-9 relative, except where a convention differs:
 * - RSI: technicalindicators rounds to 2 decimals (`toFixed(2)`), so 0.005 absolute.
 * - %b: a ratio that crosses 0, where a relative tolerance means nothing: 1e-9 absolute.
 * - ROC: technicalindicators gives percent; ours is a fraction (x 100 before comparing).
 *
 * @module
 */
import assert from "node:assert/strict";
import * as ti from "technicalindicators";
import { _randomBars } from "./_test_bars.ts";
import { adx } from "./adx.ts";
import { atr } from "./atr.ts";
import { bollingerBands } from "./bollinger_bands.ts";
import { ema } from "./ema.ts";
import { macd } from "./macd.ts";
import { rateOfChange } from "./rate_of_change.ts";
import { rsi } from "./rsi.ts";
import { sma } from "./sma.ts";
import type { HighLowClose } from "./types.ts";

type Tolerance = { readonly relative?: number; readonly absolute?: number };

function assertAgrees(
  name: string,
  ours: Float64Array,
  reference: readonly (number | undefined)[],
  tolerance: Tolerance = { relative: 1e-9 },
): void {
  const offset = ours.length - reference.length;
  assert.ok(offset >= 0, `${name}: reference longer than the input`);
  for (let i = 0; i < offset; i++) {
    assert.ok(Number.isNaN(ours[i]), `${name}[${i}] should be in warm-up`);
  }
  for (let i = 0; i < reference.length; i++) {
    const a = ours[i + offset] as number, b = reference[i];
    if (b === undefined) {
      assert.ok(Number.isNaN(a), `${name}[${i + offset}] should be in warm-up`);
      continue;
    }
    const limit = Math.max(
      (tolerance.relative ?? 0) * Math.abs(b),
      tolerance.absolute ?? 0,
    );
    assert.ok(Math.abs(a - b) <= limit, `${name}[${i + offset}]: ${a} vs ${b}`);
  }
}

function compareAll(bars: HighLowClose): void {
  const close = Array.from(bars.close);
  const hlc = { high: Array.from(bars.high), low: Array.from(bars.low), close };
  assertAgrees("sma", sma(bars.close), ti.SMA.calculate({ period: 20, values: close }));
  assertAgrees("ema", ema(bars.close), ti.EMA.calculate({ period: 20, values: close }));
  assertAgrees("rsi", rsi(bars.close), ti.RSI.calculate({ period: 14, values: close }), {
    absolute: 0.005 + 1e-9,
  });
  assertAgrees("atr", atr(bars), ti.ATR.calculate({ period: 14, ...hlc }));
  const lines = adx(bars);
  const refAdx = ti.ADX.calculate({ period: 14, ...hlc });
  assertAgrees("adx", lines.adx, refAdx.map((r) => r.adx));
  // technicalindicators reports +DI/-DI only from ADX's first value on.
  assertAgrees("plusDi", lines.plusDi.subarray(27), refAdx.map((r) => r.pdi));
  assertAgrees("minusDi", lines.minusDi.subarray(27), refAdx.map((r) => r.mdi));
  const m = macd(bars.close);
  const refMacd = ti.MACD.calculate({
    values: close,
    fastPeriod: 12,
    slowPeriod: 26,
    signalPeriod: 9,
    SimpleMAOscillator: false,
    SimpleMASignal: false,
  });
  assertAgrees("macd", m.macd, refMacd.map((r) => r.MACD));
  assertAgrees("signal", m.signal, refMacd.map((r) => r.signal));
  assertAgrees("histogram", m.histogram, refMacd.map((r) => r.histogram));
  const b = bollingerBands(bars.close);
  const refBands = ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: close });
  assertAgrees("middle", b.middle, refBands.map((r) => r.middle));
  assertAgrees("upper", b.upper, refBands.map((r) => r.upper));
  assertAgrees("lower", b.lower, refBands.map((r) => r.lower));
  assertAgrees("percentB", b.percentB, refBands.map((r) => r.pb), { absolute: 1e-9 });
  const roc = rateOfChange(bars.close).map((x) => 100 * x);
  assertAgrees("roc", roc, ti.ROC.calculate({ period: 20, values: close }), {
    relative: 1e-9,
    absolute: 1e-9,
  });
}

Deno.test("indicators agree with technicalindicators on a seeded random walk", () => {
  compareAll(_randomBars(7, 3_000));
});

const spy = new URL("../../../shared/data/market/SPY.csv", import.meta.url);
const spyExists = (() => {
  try {
    return Deno.statSync(spy).isFile;
  } catch {
    return false;
  }
})();
if (!spyExists) console.log(`skipping the SPY comparison: ${spy.pathname} is absent`);

Deno.test({
  name: "indicators agree with technicalindicators on SPY's daily bars 1999-2020",
  ignore: !spyExists,
  fn: () => {
    // Date,Open,High,Low,Close,Adj Close,Volume: raw prices are fine for a like-for-like check.
    const rows = Deno.readTextFileSync(spy).trim().split("\n").slice(1).map((l) =>
      l.split(",").map(Number)
    );
    const column = (k: number) => Float64Array.from(rows, (r) => r[k] as number);
    compareAll({ high: column(2), low: column(3), close: column(4) });
  },
});

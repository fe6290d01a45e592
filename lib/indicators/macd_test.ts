/** Tests of {@link macd}. @module */
import assert from "node:assert/strict";
import { _randomBars } from "./_test_bars.ts";
import { ema } from "./ema.ts";
import { macd } from "./macd.ts";

Deno.test("macd() line is EMA(fast) - EMA(slow) and the histogram is line - signal", () => {
  const { close } = _randomBars(8, 300);
  const out = macd(close);
  const fast = ema(close, { period: 12 }), slow = ema(close, { period: 26 });
  const signal = ema(out.macd, { period: 9 });
  for (let i = 0; i < close.length; i++) {
    assert.ok(Object.is(out.macd[i], (fast[i] as number) - (slow[i] as number)), `line ${i}`);
    assert.ok(Object.is(out.signal[i], signal[i]), `signal ${i}`);
    assert.ok(
      Object.is(out.histogram[i], (out.macd[i] as number) - (signal[i] as number)),
      `histogram ${i}`,
    );
  }
});

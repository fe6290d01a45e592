/** Tests of {@link rsi}. @module */
import assert from "node:assert/strict";
import { rsi } from "./rsi.ts";

Deno.test("rsi() is 50 on a flat series and 100 / 0 on a steady rise / fall", () => {
  const flat = new Float64Array(20).fill(10);
  const up = Float64Array.from({ length: 20 }, (_, i) => 10 + i);
  const down = Float64Array.from({ length: 20 }, (_, i) => 30 - i);
  assert.equal(rsi(flat)[19], 50);
  assert.equal(rsi(up)[19], 100);
  assert.equal(rsi(down)[19], 0);
});

Deno.test("rsi() smooths gains and losses by Wilder's rule (hand calculation)", () => {
  // period 3. Changes: +2, -1, +1 => avgGain 1, avgLoss 1/3 => RSI 75.
  // Next change -2: avgGain 2/3, avgLoss (2/3 + 2) / 3 = 8/9 => RS 0.75 => RSI 42.857...
  const out = rsi(Float64Array.from([10, 12, 11, 12, 10]), { period: 3 });
  assert.ok(Number.isNaN(out[2]));
  assert.ok(Math.abs((out[3] as number) - 75) < 1e-12);
  assert.ok(Math.abs((out[4] as number) - 300 / 7) < 1e-12);
});

/** Tests of {@link adx}. @module */
import assert from "node:assert/strict";
import { adx } from "./adx.ts";

Deno.test("adx() is 0 with both DIs at 0 when the bars do not move", () => {
  const c = new Float64Array(40).fill(50);
  const out = adx({ high: c, low: c, close: c });
  assert.deepEqual([out.adx[39], out.plusDi[39], out.minusDi[39]], [0, 0, 0]);
});

Deno.test("adx() puts -DI above +DI and ADX at 100 in a steady decline", () => {
  const close = Float64Array.from({ length: 40 }, (_, i) => 100 - i);
  const out = adx({ high: close.map((c) => c + 1), low: close.map((c) => c - 1), close });
  assert.equal(out.plusDi[39], 0);
  // Each bar: -DM 1, TR = (c + 1) - (c - 1) = 2 (the previous close is inside) => -DI 50.
  assert.ok(Math.abs((out.minusDi[39] as number) - 50) < 1e-9);
  assert.equal(out.adx[39], 100);
});

Deno.test("adx() counts an inside bar as no directional movement", () => {
  // Bar 2 sits inside bar 1: up = -1, down = -1 => both DM 0.
  const high = Float64Array.from([10, 12, 11]), low = Float64Array.from([9, 8, 9]);
  const close = Float64Array.from([9.5, 10, 10]);
  const out = adx({ high, low, close }, { period: 1 });
  assert.deepEqual([out.plusDi[2], out.minusDi[2], out.adx[2]], [0, 0, 0]);
  // Bar 1: up 2, down 1 => +DM 2, TR = 12 - 8 = 4 => +DI 50, -DI 0, DX 100.
  assert.deepEqual([out.plusDi[1], out.minusDi[1], out.adx[1]], [50, 0, 100]);
});

import assert from "node:assert/strict";
import { logTicks, niceTicks, yearTicks } from "./axis_ticks.ts";

Deno.test("niceTicks() steps by 1, 2 or 5 times a power of ten and covers the range", () => {
  // Hand: span 0.26, raw step 0.052 -> 0.1; floor(-0.35/0.1) = -4, ceil(-0.09/0.1) = 0.
  assert.deepEqual(niceTicks(-0.35, -0.09), [-0.4, -0.3, -0.2, -0.1, 0]);
  // Hand: span 70,000, raw 14,000 -> 20,000.
  assert.deepEqual(niceTicks(95_000, 165_000), [
    80_000,
    100_000,
    120_000,
    140_000,
    160_000,
    180_000,
  ]);
});

Deno.test("niceTicks() gives two ticks around a flat range", () => {
  // Hand: span |5| = 5, raw 1 -> step 1; ticks 5 and 6.
  assert.deepEqual(niceTicks(5, 5), [5, 6]);
  assert.deepEqual(niceTicks(0, 0), [0, 0.2]);
});

Deno.test("niceTicks() refuses a reversed or infinite range", () => {
  assert.throws(() => niceTicks(2, 1), RangeError);
  assert.throws(() => niceTicks(0, Infinity), RangeError);
});

Deno.test("logTicks() keeps decades when 1-2-5 ticks would crowd the axis", () => {
  // 1-2-5 values in [3, 40,000]: 5,10,20,50,100,200,500,1000,2000,5000,10000,20000 (12 > 8).
  assert.deepEqual(logTicks(3, 40_000), [10, 100, 1000, 10_000]);
});

Deno.test("logTicks() uses finer steps, then linear ticks, on narrow ranges", () => {
  // 1-2-5 values in [60, 220]: only 100 and 200; the finer steps add 70 and 150.
  assert.deepEqual(logTicks(60, 220), [70, 100, 150, 200]);
  // Only 100 lies in [90, 130] even with the finer steps: niceTicks(90, 130, 4) steps by 10.
  assert.deepEqual(logTicks(90, 130), [90, 100, 110, 120, 130]);
  assert.throws(() => logTicks(0, 10), RangeError);
});

Deno.test("yearTicks() thins a long calendar to every k-th year", () => {
  const dates: string[] = [];
  for (let y = 2000; y <= 2024; y++) dates.push(`${y}-01-03`, `${y}-07-01`);
  const ticks = yearTicks(dates, 12);
  // 24 year starts (2001-2024) over a maximum of 12: every 2nd year, the even ones.
  assert.equal(ticks.length, 12);
  assert.deepEqual(ticks[0], { index: 4, label: "2002" }); // two dates a year from 2000
  assert.ok(ticks.every((t) => Number(t.label) % 2 === 0));
});

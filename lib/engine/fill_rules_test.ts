import assert from "node:assert/strict";
import { slippedPrice, triggerPrice } from "./fill_rules.ts";

// Bar used below: open 100, high 105, low 95 (backtrader's daily-bar rules, see fill_rules.ts).
const bar = [100, 105, 95] as const;

Deno.test("triggerPrice() fills a market order at the open", () => {
  assert.equal(triggerPrice("market", "buy", NaN, ...bar), 100);
});

Deno.test("triggerPrice() fills a limit buy at min(open, limit) once low reaches it", () => {
  assert.equal(triggerPrice("limit", "buy", 97, ...bar), 97);
  assert.equal(triggerPrice("limit", "buy", 102, ...bar), 100); // opened below the limit
  assert.ok(Number.isNaN(triggerPrice("limit", "buy", 94, ...bar)));
});

Deno.test("triggerPrice() fills a limit sell at max(open, limit) once high reaches it", () => {
  assert.equal(triggerPrice("limit", "sell", 104, ...bar), 104);
  assert.equal(triggerPrice("limit", "sell", 98, ...bar), 100);
  assert.ok(Number.isNaN(triggerPrice("limit", "sell", 106, ...bar)));
});

Deno.test("triggerPrice() fills a stop buy at max(open, stop) once high reaches it", () => {
  assert.equal(triggerPrice("stop", "buy", 103, ...bar), 103);
  assert.equal(triggerPrice("stop", "buy", 98, ...bar), 100); // gapped above the stop
  assert.ok(Number.isNaN(triggerPrice("stop", "buy", 106, ...bar)));
});

Deno.test("triggerPrice() fills a stop sell at min(open, stop) once low reaches it", () => {
  assert.equal(triggerPrice("stop", "sell", 96, ...bar), 96);
  assert.equal(triggerPrice("stop", "sell", 101, ...bar), 100); // gapped below the stop
  assert.ok(Number.isNaN(triggerPrice("stop", "sell", 94, ...bar)));
});

Deno.test("slippedPrice() makes buys pay more and sells receive less", () => {
  // Hand: 10 bps of 100 is 0.10.
  assert.ok(Math.abs(slippedPrice(100, "buy", 10, "market", NaN) - 100.1) < 1e-12);
  assert.ok(Math.abs(slippedPrice(100, "sell", 10, "market", NaN) - 99.9) < 1e-12);
  assert.equal(slippedPrice(100, "buy", 0, "market", NaN), 100);
});

Deno.test("slippedPrice() never fills a limit order beyond its limit", () => {
  assert.equal(slippedPrice(97, "buy", 50, "limit", 97), 97);
  assert.ok(Math.abs(slippedPrice(95, "buy", 50, "limit", 97) - 95 * 1.005) < 1e-12);
  assert.equal(slippedPrice(104, "sell", 50, "limit", 104), 104);
});

import assert from "node:assert/strict";
import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
import { summaryLines, wholeShareLines } from "./summary.ts";

const base = syntheticRunResult({ assets: 5, days: 60 });
const withCash = (share: number, broker: Record<string, unknown>) => ({
  ...base,
  config: { broker },
  wholeShareCash: {
    rebalances: 12,
    last: share * 100_000,
    lastShare: share,
    averageShare: share,
    maxShare: share,
  },
});

Deno.test("wholeShareLines() says what whole shares left in cash, and how to invest it when large", () => {
  assert.deepEqual(wholeShareLines(withCash(0.002, { rounding: "nearest" })), [
    "whole shares left 200.00 uninvested at the last rebalance (0.20% of value; 0.20% on average over 12 rebalances)",
  ]);
  assert.deepEqual(wholeShareLines(withCash(0.15, { rounding: "down" })), [
    "whole shares left 15,000.00 uninvested at the last rebalance (15.00% of value; 15.00% on average over 12 rebalances)",
    "hint: to invest it, try --broker-fractional, --broker-rounding nearest, more cash (--cash) or fewer assets (--tickers)",
  ]);
  assert.equal(
    wholeShareLines(withCash(0.03, { rounding: "nearest" }))[1],
    "hint: to invest it, try --broker-fractional, more cash (--cash) or fewer assets (--tickers)",
  );
});

Deno.test("wholeShareLines() says nothing with fractional shares or without target rebalances", () => {
  assert.deepEqual(wholeShareLines(withCash(0.15, { fractional: true })), []);
  assert.deepEqual(wholeShareLines({ ...base, wholeShareCash: null }), []);
  assert.ok(summaryLines(withCash(0.15, { rounding: "down" })).some((l) => l.startsWith("hint:")));
});

Deno.test("wholeShareLines() shows rounding that invested beyond the targets as nothing left", () => {
  const [line] = wholeShareLines(withCash(-0.0004, { rounding: "nearest" }));
  assert.equal(
    line,
    "whole shares left 0.00 uninvested at the last rebalance (0.00% of value; 0.00% on average over 12 rebalances)",
  );
});

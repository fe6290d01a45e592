import assert from "node:assert/strict";
import { validateConfig } from "../config/load.ts";
import type { Verdict } from "../protection/verdict.ts";
import { protectionFor, regimeAwareOptions } from "./regime_services.ts";

Deno.test("protectionFor() swaps a switched-off protection for the do-nothing rule", () => {
  const close = (p: ReturnType<typeof protectionFor>) => {
    p.record({ kind: "positionOpened", asset: "AAA", t: 0, size: 0.1 });
    return p.canExecute({ asset: "AAA", action: "close", t: 1, date: "2024-01-02" });
  };
  // Held one day of the 3 the holding period asks.
  assert.equal(close(protectionFor(validateConfig({}))).rule, "holding_period");
  const off = protectionFor(validateConfig({ protection: { holdingPeriod: false } }));
  assert.equal(close(off).approved, true);
  assert.deepEqual(off.status("AAA", 1).protections.holding_period, { enabled: false });
  assert.deepEqual(off.rules().map((r) => r.name), [
    "core_asset",
    "regime_override",
    "grace_period",
    "holding_period",
    "whipsaw",
  ]);
});

Deno.test("protectionFor() passes the config's figures to the rules and every verdict to onVerdict", () => {
  const seen: Verdict[] = [];
  const p = protectionFor(
    validateConfig({ protection: { graceDays: 5, graceDecay: 0.5, graceThreshold: 0.7 } }),
    (v) => seen.push(v),
  );
  p.record({ kind: "positionOpened", asset: "AAA", t: 0, size: 0.2 });
  p.record({ kind: "scoreObserved", asset: "AAA", t: 10, score: 0.65 }); // < 0.7: grace
  const decay = p.canExecute({ asset: "AAA", action: "decay", t: 12, date: "2024-01-13" });
  assert.equal(decay.modification?.size, 0.2 * 0.5 ** 2);
  const close = p.canExecute({ asset: "AAA", action: "close", t: 15, date: "2024-01-16" });
  assert.equal(close.rule, "grace_period", "still in grace on its 5th day");
  assert.deepEqual(seen, [decay, close]);
});

Deno.test("regimeAwareOptions() takes the strategy's options from the config sections", () => {
  const config = validateConfig({
    rebalance: { frequency: "monthly", minTradeWeight: 0.01 },
    scoring: { technicalWeight: 0.7, fundamentalWeight: 0.3 },
    universe: { maxAssets: 8, direction: "up" },
    sizing: { maxSingle: 0.2, target: 0.9 },
    buckets: { allowed: ["Growth Assets"] },
  });
  const o = regimeAwareOptions(config);
  assert.equal(o.rebalance, "monthly");
  assert.equal(o.minTradeWeight, 0.01);
  assert.deepEqual(o.scoreWeights, { technical: 0.7, fundamental: 0.3 });
  assert.deepEqual(o.universe, { maxAssets: 8, trendingConfidence: 0.6, direction: "up" });
  assert.equal(o.sizing.maxSingle, 0.2);
  assert.equal(o.sizing.target, 0.9);
  assert.equal(o.buckets, config.buckets.map);
  assert.deepEqual(o.allowedBuckets, ["Growth Assets"]);
  // The fallback's defaults (on, to Fixed Income); the attribution follows the audit switch.
  assert.deepEqual(o.fallback, {
    bucket: "Fixed Income",
    members: 2,
    minScore: 0.6,
    maxSingle: 0.5,
  });
  assert.equal(o.attributeCash, true);
  const off = regimeAwareOptions(
    validateConfig({ fallback: { enabled: false }, audit: { enabled: false } }),
  );
  assert.equal(off.fallback, undefined);
  assert.equal(off.attributeCash, false);
});

/**
 * The regime-aware strategy's defaults, pinned. They were chosen on the
 * in-sample span of the real prices only (2002-07-30 to 2012-12-31), frozen,
 * and then measured once out of sample (2013-01-02 to 2020-12-11); the evidence
 * and the one-time figures are in docs/research.md ("Defaults chosen out of
 * sample"). A change here is a new choice: it needs its own evidence, and the
 * out-of-sample figures no longer describe the defaults.
 *
 * @module
 */
import assert from "node:assert/strict";
import { validateConfig } from "../lib/config/load.ts";
import {
  DEFAULT_BUCKETS,
  DEFAULT_REGIME_BUCKETS,
  SEED_REGIME_BUCKETS,
} from "../lib/market/buckets.ts";

const config = validateConfig({});

Deno.test("the chosen defaults: entry, sizing, fallback and rebalancing", () => {
  assert.equal(config.rebalance.frequency, "weekly");
  assert.equal(config.rebalance.minTradeWeight, 0.005);
  assert.deepEqual(config.universe, { maxAssets: 20, trendingConfidence: 0.6, direction: "any" });
  assert.deepEqual(
    {
      minScore: config.sizing.minScore,
      maxSingle: config.sizing.maxSingle,
      maxPositionRisk: config.sizing.maxPositionRisk,
      target: config.sizing.target,
      weighting: config.sizing.weighting,
      maxBucketPositions: config.sizing.maxBucketPositions,
      maxBucketWeight: config.sizing.maxBucketWeight,
    },
    {
      minScore: 0.6, // was 0.65: now the grace period's threshold, one bar for holding and entering
      maxSingle: 0.15,
      maxPositionRisk: 0, // the volatility limit is available, not on by default
      target: 0.95,
      weighting: "score",
      maxBucketPositions: 4,
      maxBucketWeight: 0.4,
    },
  );
  assert.equal(config.protection.graceThreshold, config.sizing.minScore);
  assert.deepEqual(config.fallback, {
    enabled: true,
    bucket: "Fixed Income",
    members: 2,
    minScore: 0.6,
    maxSingle: 0.5,
  });
});

Deno.test("the chosen regime map: the seed's, with Risk Assets in both growth-up regimes", () => {
  assert.deepEqual(config.buckets.regimeMap, {
    Goldilocks: ["Risk Assets", "Growth Assets"],
    Reflation: ["Risk Assets", "Cyclicals", "International"],
    Inflation: ["Commodities", "Energy", "Value Assets"],
    Deflation: ["Defensive Assets", "Treasuries", "Gold"],
  });
  assert.deepEqual(config.buckets.regimeMap, DEFAULT_REGIME_BUCKETS);
  assert.deepEqual(
    { ...SEED_REGIME_BUCKETS, Reflation: ["Risk Assets", ...SEED_REGIME_BUCKETS.Reflation] },
    DEFAULT_REGIME_BUCKETS,
  );
});

Deno.test("the defaults name no date and no ticker of the data they were chosen on", () => {
  assert.equal(config.run.start, undefined);
  assert.equal(config.run.end, undefined);
  assert.equal(config.run.benchmark, undefined);
  assert.equal(config.data.tickers, undefined);
  // The strategy's choices name buckets; which tickers sit in them is the (user-replaceable) map.
  const buckets = new Set(Object.keys(DEFAULT_BUCKETS));
  for (const names of Object.values(config.buckets.regimeMap)) {
    for (const name of names) assert.ok(buckets.has(name), name);
  }
  assert.ok(buckets.has(config.fallback.bucket));
});

import assert from "node:assert/strict";
import { loadFixtures } from "../data/fixtures.ts";
import { BUCKETS as FIXTURE_BUCKETS, REGIMES as FIXTURE_REGIMES } from "../data/fixture_types.ts";
import {
  activeBuckets,
  BUCKET_NAMES,
  bucketOptionProblems,
  bucketsOf,
  DEFAULT_BUCKET_OPTIONS,
  DEFAULT_BUCKETS,
  DEFAULT_REGIME_BUCKETS,
  SEED_REGIME_BUCKETS,
  tickersIn,
} from "./buckets.ts";
import { REGIME_NAMES } from "./regime.ts";

const fixtures = await loadFixtures();

Deno.test("every fixture ticker sits in at least one default bucket", () => {
  const homeless = Object.keys(fixtures.universe).filter((t) => bucketsOf(t).length === 0);
  assert.deepEqual(homeless, []);
});

Deno.test("bucketsOf() gives each fixture ticker exactly the buckets universe.json lists", () => {
  for (const [ticker, entry] of Object.entries(fixtures.universe)) {
    assert.deepEqual(new Set(bucketsOf(ticker)), new Set(entry.buckets), ticker);
  }
});

Deno.test("the bucket and regime names are the seed's, as the fixtures name them", () => {
  assert.deepEqual([...BUCKET_NAMES], [...FIXTURE_BUCKETS]);
  assert.deepEqual([...REGIME_NAMES], [...FIXTURE_REGIMES]);
  assert.deepEqual(Object.keys(DEFAULT_BUCKETS), [...BUCKET_NAMES]);
});

Deno.test("SEED_REGIME_BUCKETS is the seed's regime map; the default adds Risk Assets to Reflation", () => {
  // The seed's "Example Regime Mapping", verbatim.
  const seed = (regime: keyof typeof SEED_REGIME_BUCKETS) =>
    activeBuckets(regime, SEED_REGIME_BUCKETS);
  assert.deepEqual(seed("Goldilocks"), ["Risk Assets", "Growth Assets"]);
  assert.deepEqual(seed("Deflation"), ["Defensive Assets", "Treasuries", "Gold"]);
  assert.deepEqual(seed("Inflation"), ["Commodities", "Energy", "Value Assets"]);
  assert.deepEqual(seed("Reflation"), ["Cyclicals", "International"]);
  // The engine's default (docs/research.md, "Defaults chosen out of sample"): both growth-up
  // regimes own Risk Assets; the other three regimes are the seed's.
  assert.deepEqual(activeBuckets("Reflation"), ["Risk Assets", "Cyclicals", "International"]);
  for (const regime of ["Goldilocks", "Deflation", "Inflation"] as const) {
    assert.deepEqual(activeBuckets(regime), seed(regime));
  }
});

Deno.test("activeBuckets() reads a configured map instead", () => {
  const map = { ...DEFAULT_REGIME_BUCKETS, Goldilocks: ["Quality"] };
  assert.deepEqual(activeBuckets("Goldilocks", map), ["Quality"]);
});

Deno.test("tickersIn() lists each ticker once, bucket by bucket, in the order met", () => {
  const buckets = { A: ["X", "Y"], B: ["Y", "Z"], C: ["W"] };
  assert.deepEqual(tickersIn(["B", "A"], buckets), ["Y", "Z", "X"]);
  assert.deepEqual(tickersIn([], buckets), []);
});

Deno.test("tickersIn() throws a RangeError naming an unknown bucket", () => {
  assert.throws(() => tickersIn(["Nope"], { A: ["X"] }), {
    name: "RangeError",
    message:
      'Cannot list tickers as bucket "Nope" must be one of the map\'s buckets: current buckets are A',
  });
});

Deno.test("bucketsOf() finds a ticker in several buckets and in none", () => {
  assert.deepEqual(bucketsOf("TLT"), [
    "Defensive Assets",
    "Low Beta",
    "Fixed Income",
    "Treasuries",
  ]);
  assert.deepEqual(bucketsOf("NOT-A-TICKER"), []);
});

Deno.test("bucketOptionProblems() passes the defaults and names a regime's unknown bucket and an empty one", () => {
  assert.deepEqual(bucketOptionProblems(DEFAULT_BUCKET_OPTIONS), []);
  const problems = bucketOptionProblems({
    buckets: { ...DEFAULT_BUCKETS, Empty: [] },
    regimeBuckets: { ...DEFAULT_REGIME_BUCKETS, Reflation: ["Cyclicals", "SMID Caps"] },
  });
  assert.deepEqual(problems, [
    "buckets.Empty: has no tickers",
    'regimeBuckets.Reflation: bucket "SMID Caps" is not in buckets',
  ]);
});

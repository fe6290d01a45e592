/**
 * Benchmark: one proposal for 100 candidates over 12 buckets (each in one to
 * three), the seed's defaults, for each residual strategy.
 * Run: `deno bench lib/portfolio/sizing_bench.ts`.
 *
 * @module
 */
import type { SizingCandidate } from "./proposal.ts";
import { proposeWeights } from "./sizing.ts";
import { RESIDUAL_STRATEGIES } from "./sizing_options.ts";

const BUCKETS = Array.from({ length: 12 }, (_, i) => `B${i}`);

/** Scores spread over [0.5, 1) by a fixed linear congruential sequence (no Math.random). */
function _candidates(n: number): SizingCandidate[] {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, (_, i) => {
    const k = 1 + Math.floor(next() * 3);
    const buckets = Array.from(
      { length: k },
      () => BUCKETS[Math.floor(next() * BUCKETS.length)] ?? "B0",
    );
    return { ticker: `T${String(i).padStart(3, "0")}`, score: 0.5 + next() / 2, buckets };
  });
}

const CANDIDATES = _candidates(100);
const CORE = ["T003", "T010", "T042"];

for (const residual of RESIDUAL_STRATEGIES) {
  Deno.bench(`proposeWeights() 100 candidates, residual ${residual}`, () => {
    proposeWeights({ candidates: CANDIDATES, coreAssets: CORE }, {
      residual,
      maxBucketPositions: 6,
    });
  });
}

Deno.bench("proposeWeights() 100 candidates, 0.25 cap and no bucket position limit", () => {
  proposeWeights({ candidates: CANDIDATES }, { maxSingle: 0.25, maxBucketPositions: Infinity });
});

// Volatilities 8-48% a year: under a 2% limit most caps fall below 0.15 (the risk limit's cost).
const WITH_VOLATILITY = CANDIDATES.map((c, i) => ({ ...c, volatility: 0.08 + (i % 9) * 0.05 }));

Deno.bench("proposeWeights() 100 candidates with volatilities, the 2% risk limit on", () => {
  proposeWeights({ candidates: WITH_VOLATILITY, coreAssets: CORE }, {
    maxBucketPositions: 6,
    maxPositionRisk: 0.02,
  });
});

/**
 * Benchmark: the cash attribution of one rebalance (64 counterfactual
 * proposals, cached by candidate pool) for 50 and 500 scanned assets over
 * twelve overlapping buckets, two of them active, the seed's defaults.
 * Run: `deno bench lib/portfolio/cash_attribution_bench.ts`.
 *
 * @module
 */
import { attributeProposalCash, type ScoredScan } from "./cash_attribution.ts";

const BUCKETS = Array.from({ length: 12 }, (_, i) => `B${i}`);

/** Scans and buckets from a fixed linear congruential sequence (no Math.random); a tenth in no bucket. */
function _day(n: number) {
  let state = 777;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const map: Record<string, string[]> = Object.fromEntries(BUCKETS.map((b) => [b, []]));
  const scanned: ScoredScan[] = Array.from({ length: n }, (_, i) => {
    const ticker = `T${String(i).padStart(3, "0")}`;
    if (i % 10 !== 9) {
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        map[BUCKETS[Math.floor(next() * BUCKETS.length)] ?? "B0"]?.push(ticker);
      }
    }
    const trending = next() < 0.5;
    return {
      ticker,
      condition: trending ? "trending" : "ranging",
      trendDirection: next() < 0.6 ? "up" : "down",
      confidence: next(),
      strength: next(),
      score: next(),
    };
  });
  for (const b of BUCKETS) if (map[b]?.length === 0) map[b] = ["T000"];
  return { scanned, map };
}

for (const n of [50, 500]) {
  const { scanned, map } = _day(n);
  Deno.bench(`attributeProposalCash(), ${n} scanned assets`, { group: "cash attribution" }, () => {
    attributeProposalCash({
      held: ["T001", "T002"],
      scanned,
      buckets: map,
      activeBuckets: ["B0", "B1"],
      universe: {},
      sizing: {},
    });
  });
}

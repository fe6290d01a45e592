import assert from "node:assert/strict";
import { AuditLog } from "../audit/audit_log.ts";
import { MemorySink } from "../audit/event_sink.ts";
import { createOrchestrator } from "../protection/create_orchestrator.ts";
import { CASH_CAUSES } from "../portfolio/cash_causes.ts";
import { flat, testPanel } from "./_test_panel.ts";
import { regimeAware } from "./regime_aware.ts";
import { REGIME_AWARE_DEFAULTS, type RegimeAwareOptions } from "./regime_aware_options.ts";
import { runBacktest } from "./run_backtest.ts";
import { testRegime, testScan } from "./stages/_test_inputs.ts";

// Eight days from Monday 2024-01-01; day 0 warms up, the rebalance of interest is day 7.
// Scores by hand (stages/_test_inputs.ts): AAA trending 0.9 / 0.5 -> 0.91, BBB trending
// 0.8 / 0.6 -> 0.88, CCC ranging -> 0.5, GE (in no bucket) trending 0.9 / 0.5 -> 0.91.
const panel = testPanel({
  AAA: Array.from({ length: 8 }, () => flat(100)),
  BBB: Array.from({ length: 8 }, () => flat(100)),
  CCC: Array.from({ length: 8 }, () => flat(50)),
  GE: Array.from({ length: 8 }, () => flat(20)),
});
const scans = [
  testScan("AAA", "trending", 0.9, 0.5),
  testScan("BBB", "trending", 0.8, 0.6),
  testScan("CCC", "ranging", 0.5, 0.1),
  testScan("GE", "trending", 0.9, 0.5),
];

function run(over: Partial<RegimeAwareOptions> = {}, audit?: AuditLog) {
  const strategy = regimeAware(
    { ...REGIME_AWARE_DEFAULTS, buckets: { Growth: ["AAA", "BBB", "CCC"] }, ...over },
    {
      regime: {
        atIndex: (t) => (t === 0 ? testRegime(null, []) : testRegime("Goldilocks", ["Growth"])),
      },
      scans: { resultAt: (asset) => scans[asset] },
      protection: createOrchestrator(),
      ...(audit ? { audit } : {}),
    },
  );
  runBacktest({ panel, strategy, cash: 100_000 });
  return strategy;
}

const close = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) < 1e-12;

Deno.test("regimeAware() attributes a rebalance's un-invested weight to its causes, by hand", () => {
  const strategy = run();
  const cash = strategy.records.find((r) => r.date === "2024-01-08")?.cash;
  assert.ok(cash);
  // AAA and BBB at the 0.15 cap: 0.30 invested, 0.70 not.
  assert.ok(close(cash.invested, 0.3));
  assert.ok(close(cash.uninvested, 0.7));
  // 0.05 is the target's own cash (0.95). GE, in no bucket, would take 0.15 whatever else is
  // relaxed. CCC ranges and scores 0.5: with the trend filter and the minimum score relaxed
  // it enters, and Growth holds 0.40 (its weight limit) of the 0.45 the three would take;
  // with the limit relaxed too, 0.45. Over the six orders of those three filters, the trend
  // filter adds 0.15 twice (last, after both) and 0.10 once (after the minimum score, before
  // the limit): 0.40 / 6; the minimum score the same; the limit 0.05 twice: 0.10 / 6. With
  // every filter relaxed four assets hold 0.60: 0.35 of the target is the position cap.
  assert.ok(close(cash.causes.target, 0.05));
  assert.ok(close(cash.causes.unbucketed, 0.15));
  assert.ok(close(cash.causes.trendFilter, 0.4 / 6));
  assert.ok(close(cash.causes.minScore, 0.4 / 6));
  assert.ok(close(cash.causes.bucketWeight, 0.1 / 6));
  assert.ok(close(cash.causes.positionCap, 0.35));
  const total = CASH_CAUSES.reduce((s, c) => s + cash.causes[c], 0);
  assert.ok(close(total, cash.uninvested));
  assert.deepEqual(strategy.unbucketed, ["GE"]);
  assert.equal(cash.funnel.unbucketed, 1);
  assert.equal(cash.funnel.notTrending, 1);
});

Deno.test("regimeAware() records the cash attribution and the tickers in no bucket in the audit log", async () => {
  const sink = new MemorySink();
  const audit = await AuditLog.start(sink, {
    configHash: "c",
    dataHash: "d",
    codeVersion: "test",
    asOf: "2024-01-01",
    clock: () => 0,
  });
  run({}, audit);
  await audit.finish();
  const of = (type: string) => sink.events.filter((e) => e.eventType === type);
  assert.equal(of("tickers_unbucketed").length, 1);
  assert.deepEqual(of("tickers_unbucketed")[0]?.metadata, { tickers: ["GE"] });
  const [cash] = of("cash_attribution");
  assert.equal(of("cash_attribution").length, 1);
  assert.equal(cash?.metadata?.invested, 0.3);
  assert.match(
    cash?.reason ?? "",
    /^invested 0\.3, un-invested 0\.7: positionCap 0\.35, unbucketed 0\.15/,
  );
});

Deno.test("regimeAware() gives what nothing qualified for to the fallback bucket, and credits it", () => {
  const strategy = run({
    buckets: { Growth: ["AAA", "BBB", "CCC"], Bonds: ["CCC"] },
    fallback: { bucket: "Bonds", minScore: 0.5 },
  });
  const record = strategy.records.find((r) => r.date === "2024-01-08");
  // CCC (score 0.5 >= the fallback's 0.5) takes what AAA and BBB leave, up to 0.5.
  assert.deepEqual(record?.targets, { AAA: 0.15, BBB: 0.15, CCC: 0.5 });
  assert.ok(close(record?.cash?.causes.fallback, -0.5));
  assert.ok(close(record?.cash?.invested, 0.8));
  // --buckets leaving the fallback's bucket out turns it off.
  const off = run({
    buckets: { Growth: ["AAA", "BBB", "CCC"], Bonds: ["CCC"] },
    allowedBuckets: ["Growth"],
    fallback: { bucket: "Bonds", minScore: 0.5 },
  });
  assert.deepEqual(off.records.find((r) => r.date === "2024-01-08")?.targets, {
    AAA: 0.15,
    BBB: 0.15,
  });
});

Deno.test("regimeAware() without the attribution decides the same and records no cash", () => {
  const on = run();
  const off = run({ attributeCash: false });
  assert.deepEqual(off.records.map((r) => r.targets), on.records.map((r) => r.targets));
  assert.ok(off.records.every((r) => r.cash === undefined));
});

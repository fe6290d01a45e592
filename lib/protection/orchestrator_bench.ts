/**
 * Benchmark: one protection decision through the orchestrator with the full
 * default rule set, on a realistic mix (goal: 1 microsecond or less on average).
 *
 * The mix, on day 200 of a run over 60 assets: 30 open positions (5 in grace,
 * 2 core, 6 opened two days ago), 30 watched assets (10 with past cycles, 5 inside the whipsaw
 * window), a normal regime; requests 40% adjust,
 * 20% open (half of them assets never seen), 20% close, 20% decay.
 * Run: `deno bench lib/protection/orchestrator_bench.ts`; the batch bench
 * divides by 1000 for the time per decision.
 *
 * @module
 */
import { createOrchestrator } from "./create_orchestrator.ts";
import type { ProtectionAction, ProtectionRequest } from "./request.ts";

const T = 200;
const protection = createOrchestrator();
const held = Array.from({ length: 30 }, (_, i) => `H${i}`);
const watched = Array.from({ length: 30 }, (_, i) => `W${i}`);

// Past cycles of watched assets: five closed long ago, five inside the whipsaw window.
for (let i = 0; i < 10; i++) {
  protection.record({ kind: "positionOpened", asset: watched[i] ?? "", t: 100, size: 0.03 });
}
for (let i = 0; i < 5; i++) {
  protection.record({ kind: "positionClosed", asset: watched[i] ?? "", t: 120 });
}
for (let i = 0; i < 24; i++) {
  protection.record({ kind: "positionOpened", asset: held[i] ?? "", t: 150 + i, size: 0.03 });
}
for (let i = 5; i < 10; i++) {
  protection.record({ kind: "positionClosed", asset: watched[i] ?? "", t: 188 });
}
for (let i = 0; i < watched.length; i++) {
  protection.record({ kind: "scoreObserved", asset: watched[i] ?? "", t: 190, score: 0.7 });
}
protection.record({
  kind: "regimeChanged",
  t: 195,
  from: "Goldilocks",
  to: "Inflation",
  severity: "normal",
});
for (let i = 24; i < held.length; i++) {
  // young positions: their closes meet the holding period
  protection.record({ kind: "positionOpened", asset: held[i] ?? "", t: 198, size: 0.03 });
}
for (let i = 0; i < held.length; i++) {
  const score = i < 2 ? 0.97 : i < 7 ? 0.5 : 0.75; // 2 core, 5 in grace
  protection.record({ kind: "scoreObserved", asset: held[i] ?? "", t: T - 1, score });
}

function _mix(): ProtectionRequest[] {
  const requests: ProtectionRequest[] = [];
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < 1000; i++) {
    const r = next();
    const action: ProtectionAction = r < 0.4
      ? "adjust"
      : r < 0.6
      ? "open"
      : r < 0.8
      ? "close"
      : "decay";
    const pick = Math.floor(next() * 30);
    const asset = action === "open"
      ? (next() < 0.5 ? `NEW${pick}` : `W${pick}`)
      : action === "decay"
      ? `H${pick % 10}`
      : `H${pick}`;
    requests.push({ asset, action, t: T, date: "2024-10-15" });
  }
  return requests;
}

const requests = _mix();
let cursor = 0;

Deno.bench("canExecute(): one decision, default rules, realistic mix", () => {
  protection.canExecute(
    requests[cursor++ % 1000] ?? { asset: "X", action: "open", t: T, date: "" },
  );
});

Deno.bench("canExecute(): 1000 decisions, default rules, realistic mix (divide by 1000)", () => {
  for (let i = 0; i < 1000; i++) {
    protection.canExecute(requests[i] ?? { asset: "X", action: "open", t: T, date: "" });
  }
});

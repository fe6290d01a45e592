import assert from "node:assert/strict";
import { ProtectionState } from "./state.ts";

Deno.test("ProtectionState.record() keeps the position and its completed cycles", () => {
  const state = new ProtectionState();
  state.record({ kind: "positionOpened", asset: "A", t: 1, size: 0.1, timeMs: 100 });
  state.record({ kind: "positionAdjusted", asset: "A", t: 2, size: 0.15 });
  const a = state.getOrCreate("A");
  assert.deepEqual([a.open, a.size, a.entryT, a.entryMs], [true, 0.15, 1, 100]);
  state.record({ kind: "positionClosed", asset: "A", t: 4 });
  assert.deepEqual([a.open, a.size, Number.isNaN(a.entryT)], [false, 0, true]);
  assert.deepEqual([a.cycleOpenT, a.cycleCloseT, a.cycleOpenMs], [[1], [4], [100]]);
  assert.ok(Number.isNaN(a.cycleCloseMs[0] ?? 0));
});

Deno.test("ProtectionState.record() keeps the last score, relative return and regime", () => {
  const state = new ProtectionState();
  state.record({ kind: "scoreObserved", asset: "A", t: 1, score: 0.7 });
  state.record({
    kind: "performanceObserved",
    asset: "A",
    t: 2,
    assetReturn: 0.25,
    bucketReturn: 0.5,
  });
  state.record({
    kind: "regimeChanged",
    t: 3,
    from: "Goldilocks",
    to: "Inflation",
    severity: "high",
  });
  const a = state.getOrCreate("A");
  assert.deepEqual([a.lastScore, a.lastScoreT, a.relativeReturn, a.relativeReturnT], [
    0.7,
    1,
    -0.25,
    2,
  ]);
  assert.deepEqual({ ...state.regime }, {
    t: 3,
    from: "Goldilocks",
    to: "Inflation",
    severity: "high",
  });
});

Deno.test("ProtectionState.record() refuses facts out of time order", () => {
  const state = new ProtectionState();
  state.record({ kind: "scoreObserved", asset: "A", t: 5, score: 0.7 });
  assert.throws(() => state.record({ kind: "scoreObserved", asset: "B", t: 4, score: 0.7 }), {
    name: "RangeError",
    message:
      "Cannot record scoreObserved as facts must arrive in time order: current value is t=4 after t=5",
  });
  assert.throws(
    () => state.record({ kind: "scoreObserved", asset: "B", t: NaN, score: 0.7 }),
    RangeError,
  );
});

Deno.test("ProtectionState.record() refuses facts that contradict the position", () => {
  const state = new ProtectionState();
  assert.throws(() => state.record({ kind: "positionClosed", asset: "A", t: 1 }), {
    message:
      "Cannot record positionClosed for A at t=1 as the position must be open: current value is closed",
  });
  state.record({ kind: "positionOpened", asset: "A", t: 1, size: 1 });
  assert.throws(
    () => state.record({ kind: "positionOpened", asset: "A", t: 2, size: 1 }),
    /must be closed: current value is open since t=1/,
  );
  assert.throws(
    () => state.record({ kind: "scoreObserved", asset: "A", t: 2, score: Number.NaN }),
    /score must be finite/,
  );
  assert.throws(
    () =>
      state.record({
        kind: "regimeChanged",
        t: 2,
        from: "A",
        to: "B",
        severity: JSON.parse('"severe"'),
      }),
    /severity must be normal, high or critical/,
  );
});

Deno.test("ProtectionState.clear() forgets every asset, the regime and the clock", () => {
  const state = new ProtectionState();
  state.record({ kind: "regimeChanged", t: 9, from: "A", to: "B", severity: "critical" });
  state.record({ kind: "positionOpened", asset: "A", t: 9, size: 1 });
  state.clear();
  assert.equal(state.get("A"), undefined);
  assert.ok(Number.isNaN(state.regime.t));
  assert.doesNotThrow(() => state.record({ kind: "positionOpened", asset: "A", t: 0, size: 1 }));
});

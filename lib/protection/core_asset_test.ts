import assert from "node:assert/strict";
import { coreAsset, isCore } from "./core_asset.ts";
import { ProtectionOrchestrator } from "./orchestrator.ts";
import { PROTECTION_ACTIONS, type ProtectionAction } from "./request.ts";
import { AssetState } from "./state.ts";

// The core rule alone; expected days are the seed's: core for 90 days, revoked below -15%.
function coreOnly(options: Parameters<typeof coreAsset>[0] = {}) {
  const protection = new ProtectionOrchestrator([coreAsset(options)]);
  const ask = (asset: string, action: ProtectionAction, t: number) =>
    protection.canExecute({ asset, action, t, date: "" });
  return { protection, ask };
}

Deno.test("coreAsset() designates an asset scoring strictly above 0.95", () => {
  const { protection } = coreOnly();
  protection.record({ kind: "scoreObserved", asset: "A", t: 1, score: 0.95 });
  protection.record({ kind: "scoreObserved", asset: "B", t: 1, score: 0.951 });
  assert.deepEqual(protection.coreAssets(1), ["B"]);
  assert.equal(protection.status("B", 1).protections.core_asset?.mayExceedBucketLimits, true);
});

Deno.test("coreAsset() blocks close and decay of a core asset and allows open and adjust", () => {
  const { protection, ask } = coreOnly();
  protection.record({ kind: "positionOpened", asset: "NVDA", t: 0, size: 0.1 });
  protection.record({ kind: "scoreObserved", asset: "NVDA", t: 1, score: 0.99 });
  const expected: Record<ProtectionAction, boolean> = {
    open: true,
    close: false,
    adjust: true,
    decay: false,
  };
  for (const action of PROTECTION_ACTIONS) {
    assert.equal(ask("NVDA", action, 2).approved, expected[action], action);
  }
  assert.equal(ask("NVDA", "close", 2).reason, "core asset: immune to forced closure");
});

Deno.test("coreAsset() expires 90 days after designation and can be designated again", () => {
  const { protection, ask } = coreOnly();
  protection.record({ kind: "positionOpened", asset: "NVDA", t: 0, size: 0.1 });
  protection.record({ kind: "scoreObserved", asset: "NVDA", t: 10, score: 0.97 });
  // A later high score does not extend the term (the seed never re-marks a core asset).
  protection.record({ kind: "scoreObserved", asset: "NVDA", t: 50, score: 0.99 });
  assert.equal(ask("NVDA", "close", 100).approved, false); // 10 + 90, last core day
  assert.equal(ask("NVDA", "close", 101).approved, true);
  protection.record({ kind: "scoreObserved", asset: "NVDA", t: 120, score: 0.96 });
  assert.equal(ask("NVDA", "close", 210).approved, false);
  assert.equal(ask("NVDA", "close", 211).approved, true);
});

Deno.test("coreAsset() is revoked when the asset trails its bucket by more than 15%", () => {
  const { protection, ask } = coreOnly();
  protection.record({ kind: "scoreObserved", asset: "NVDA", t: 10, score: 0.97 });
  // -0.04 - 0.10 = -0.14: within 15%, kept.
  protection.record({
    kind: "performanceObserved",
    asset: "NVDA",
    t: 40,
    assetReturn: -0.04,
    bucketReturn: 0.1,
  });
  assert.equal(ask("NVDA", "close", 40).approved, false);
  // -0.10 - 0.06 = -0.16: beyond 15%, revoked that day.
  protection.record({
    kind: "performanceObserved",
    asset: "NVDA",
    t: 41,
    assetReturn: -0.1,
    bucketReturn: 0.06,
  });
  assert.equal(ask("NVDA", "close", 41).approved, true);
  const report = protection.status("NVDA", 41).protections.core_asset;
  assert.equal(report?.isCore, false);
  assert.equal(report?.revokedT, 41);
});

Deno.test("coreAsset() holds at most maxAssets core assets at once", () => {
  const { protection } = coreOnly({ maxAssets: 2, expiryDays: 5 });
  for (const asset of ["A", "B", "C"]) {
    protection.record({ kind: "scoreObserved", asset, t: 0, score: 0.99 });
  }
  assert.deepEqual(protection.coreAssets(0), ["A", "B"]);
  protection.record({ kind: "scoreObserved", asset: "C", t: 6, score: 0.99 });
  assert.deepEqual(protection.coreAssets(6), ["C"]); // A and B expired after day 5
});

Deno.test("isCore() holds from the designation day through the expiry day", () => {
  const asset = new AssetState("A");
  asset.coreSinceT = 3;
  asset.coreUntilT = 5;
  assert.deepEqual([2, 3, 5, 6].map((t) => isCore(asset, t)), [false, true, true, false]);
  assert.equal(isCore(new AssetState("B"), 3), false); // NaN days: never core
});

Deno.test("coreAsset() rejects bad options at construction", () => {
  assert.throws(() => coreAsset({ threshold: 1.5 }), RangeError);
  assert.throws(() => coreAsset({ expiryDays: 0 }), RangeError);
  assert.throws(() => coreAsset({ maxAssets: 0 }), RangeError);
  assert.doesNotThrow(() => coreAsset({ maxAssets: Infinity }));
});

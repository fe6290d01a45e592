import assert from "node:assert/strict";
import { PRESETS } from "./presets.ts";
import { PRESET_NAMES } from "./schema.ts";
import { validateConfig } from "./load.ts";
import { resolveConfig } from "./resolve_config.ts";
import { parseConfigFlags } from "./flags.ts";

const defaults = validateConfig({});

Deno.test("every preset name has a preset, and each is valid on its own", () => {
  assert.deepEqual(Object.keys(PRESETS), [...PRESET_NAMES]);
  for (const preset of Object.values(PRESETS)) {
    const config = validateConfig({ ...preset.values, preset: preset.name }, preset.name);
    assert.equal(config.preset, preset.name);
    assert.ok(preset.summary.length > 20 && preset.why.length > 40, preset.name);
  }
});

Deno.test("conservative caps below the defaults, aggressive above (the seed's intent)", () => {
  const c = validateConfig(PRESETS.conservative.values);
  const a = validateConfig(PRESETS.aggressive.values);
  assert.ok(c.sizing.maxSingle < defaults.sizing.maxSingle);
  assert.ok(defaults.sizing.maxSingle < a.sizing.maxSingle);
  assert.ok(c.sizing.maxBucketWeight < defaults.sizing.maxBucketWeight);
  assert.ok(defaults.sizing.maxBucketWeight < a.sizing.maxBucketWeight);
  assert.equal(c.rebalance.frequency, "monthly");
  assert.ok(c.protection.holdingDays > defaults.protection.holdingDays);
  assert.ok(a.protection.holdingDays < defaults.protection.holdingDays);
});

Deno.test("adaptive turns the regime override on for longer and shortens grace and holding", () => {
  const c = validateConfig(PRESETS.adaptive.values);
  assert.equal(c.protection.regimeOverride, true);
  assert.ok(c.protection.overrideDays > defaults.protection.overrideDays);
  assert.ok(c.protection.graceDays < defaults.protection.graceDays);
  assert.ok(c.protection.holdingDays < defaults.protection.holdingDays);
});

Deno.test("the seed's production command line resolves over the institutional preset", () => {
  // The seed's production command (the README's `--preset institutional` example), word for word.
  const { layer } = parseConfigFlags([
    "--preset",
    "institutional",
    "--buckets",
    "Risk Assets,Defensive Assets,International",
    "--enable-core-assets",
    "--max-assets",
    "10",
    "--rebalance-freq",
    "daily",
    "--cash",
    "1000000",
  ]);
  const { config, provenance } = resolveConfig([
    { kind: "flags", name: "command line", values: layer },
  ]);
  assert.deepEqual(config.buckets.allowed, ["Risk Assets", "Defensive Assets", "International"]);
  assert.equal(config.universe.maxAssets, 10);
  assert.equal(config.rebalance.frequency, "daily");
  assert.equal(config.run.cash, 1_000_000);
  assert.equal(config.sizing.allowBucketOverride, false);
  const origin = (path: string) => provenance.find((e) => e.path === path)?.origin;
  assert.equal(origin("sizing.maxSingle"), "preset:institutional");
  assert.equal(origin("universe.maxAssets"), "flag:--max-assets");
});

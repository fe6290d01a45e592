import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import type { ConfigLayer } from "./layers.ts";
import { resolveConfig } from "./resolve_config.ts";
import { PRESETS } from "./presets.ts";

const file = (values: Record<string, unknown>, name = "my.yaml"): ConfigLayer => ({
  kind: "file",
  name,
  values,
});
const env = (values: Record<string, unknown>): ConfigLayer => ({
  kind: "env",
  name: "environment",
  values,
});
const flags = (values: Record<string, unknown>): ConfigLayer => ({
  kind: "flags",
  name: "command line",
  values,
});

function problemsOf(layers: ConfigLayer[]): readonly string[] {
  try {
    resolveConfig(layers);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  assert.fail("expected an InputError");
}

Deno.test("resolveConfig() applies defaults < preset < file < environment < flags", () => {
  // Each layer sets run.cash and one value of its own: the highest layer wins run.cash,
  // every other value keeps the layer that set it.
  const { config, provenance } = resolveConfig([
    file({ preset: "conservative", run: { cash: 1 }, universe: { maxAssets: 12 } }),
    env({ run: { cash: 2 }, sizing: { maxSingle: 0.05 } }),
    flags({ run: { cash: 3 }, rebalance: { frequency: "daily" } }),
  ]);
  const origin = (path: string) => provenance.find((e) => e.path === path)?.origin;
  assert.equal(config.run.cash, 3);
  assert.equal(origin("run.cash"), "flag:--cash");
  assert.equal(config.rebalance.frequency, "daily");
  assert.equal(config.sizing.maxSingle, 0.05);
  assert.equal(origin("sizing.maxSingle"), "env:ENGINE_SIZING_MAX_SINGLE");
  assert.equal(config.universe.maxAssets, 12);
  assert.equal(origin("universe.maxAssets"), "file:my.yaml");
  assert.equal(config.sizing.maxBucketWeight, PRESETS.conservative.values.sizing?.maxBucketWeight);
  assert.equal(origin("sizing.maxBucketWeight"), "preset:conservative");
  assert.equal(config.run.benchmark, undefined); // unset: the default benchmarks
  assert.equal(origin("run.benchmark"), "default");
  assert.equal(origin("preset"), "file:my.yaml");
});

Deno.test("resolveConfig() takes the preset from the highest layer that names one", () => {
  const { config, provenance } = resolveConfig([
    file({ preset: "conservative" }),
    flags({ preset: "aggressive" }),
  ]);
  assert.equal(config.preset, "aggressive");
  assert.equal(config.sizing.maxSingle, PRESETS.aggressive.values.sizing?.maxSingle);
  assert.equal(
    provenance.find((e) => e.path === "sizing.maxSingle")?.origin,
    "preset:aggressive",
  );
});

Deno.test("resolveConfig() traces a map parameter key by key", () => {
  const { provenance } = resolveConfig([
    file({ strategy: { params: { period: 15, size: 10 } } }),
    flags({ strategy: { params: { period: 20 } } }),
  ]);
  const params = provenance.filter((e) => e.path.startsWith("strategy.params"));
  assert.deepEqual(params, [
    { path: "strategy.params.period", value: 20, origin: "flag:--param" },
    { path: "strategy.params.size", value: 10, origin: "file:my.yaml" },
  ]);
});

Deno.test("resolveConfig() replaces a commission model of another type whole", () => {
  const { config } = resolveConfig([
    file({ broker: { commission: { type: "perShare", perShare: 0.01, minimum: 2 } } }),
    flags({ broker: { commission: { type: "percent", rate: 0.001 } } }),
  ]);
  assert.deepEqual(config.broker.commission, { type: "percent", rate: 0.001 });
});

Deno.test("resolveConfig() names where each bad value came from, then its path", () => {
  assert.deepEqual(
    [
      ...problemsOf([
        file({ sizing: { maxSingle: 1.5 }, strat: {} }, "bad.yaml"),
        env({ run: { cash: -5 } }),
        flags({ universe: { maxAssets: 0 } }),
      ]),
    ].sort(),
    [
      "--max-assets: universe.maxAssets: must be >= 1, got 0",
      "ENGINE_RUN_CASH: run.cash: must be > 0, got -5",
      "bad.yaml: sizing.maxSingle: must be <= 1, got 1.5",
      "bad.yaml: strat: unknown key",
    ],
  );
});

Deno.test("resolveConfig() reports a contradiction the preset and a flag make together", () => {
  // conservative holds buckets to 30%; a 35% position cannot fit in one.
  assert.deepEqual(problemsOf([flags({ preset: "conservative", sizing: { maxSingle: 0.35 } })]), [
    "preset conservative: sizing.maxBucketWeight: must be >= sizing.maxSingle (0.35): a bucket must hold at least one full position, got 0.3",
  ]);
});

Deno.test("resolveConfig() refuses an unknown preset with a suggestion", () => {
  assert.deepEqual(problemsOf([flags({ preset: "agressive" })]), [
    '--preset: preset: must be one of "conservative", "aggressive", "adaptive", "institutional", got "agressive" (did you mean "aggressive"?)',
  ]);
});

Deno.test("resolveConfig() gives a file of another schema version one clear message", () => {
  assert.deepEqual(problemsOf([file({ version: 0, portfolio: { maxSingle: 0.1 } }, "old.yaml")]), [
    "old.yaml: version 0 is not supported: this engine reads config version 1 (an older file: update its keys to the current reference, docs/configuration.md)",
  ]);
});

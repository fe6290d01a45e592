import assert from "node:assert/strict";
import { configHash } from "../config/hash.ts";
import { resolveConfig } from "../config/resolve_config.ts";
import { configOfRun, planSweep } from "./sweep_plan.ts";
import { gridParameters } from "./grid_space.ts";

const base = [{ kind: "file" as const, name: "g.yaml", values: { run: { cash: 50_000 } } }];

Deno.test("planSweep() plans every combination over the base, each identified by its config's hash", () => {
  const plan = planSweep({
    source: "g.yaml",
    layers: base,
    parameters: gridParameters({
      "sizing.minScore": [0.6, 0.7],
      "rebalance.frequency": ["weekly", "monthly"],
    }, "g.yaml"),
  });
  assert.equal(plan.runs.length, 4);
  assert.equal(plan.base.run.cash, 50_000);
  const run = plan.runs[3];
  assert.deepEqual(run?.params, { "sizing.minScore": 0.7, "rebalance.frequency": "monthly" });
  const config = configOfRun(plan, run?.params ?? {});
  assert.equal(config.sizing.minScore, 0.7);
  assert.equal(config.rebalance.frequency, "monthly");
  assert.equal(config.run.cash, 50_000);
  assert.equal(run?.configHash, configHash(config));
});

Deno.test("planSweep() names the path and the value of every invalid value, and runs nothing", () => {
  assert.throws(
    () =>
      planSweep({
        source: "g.yaml",
        layers: base,
        parameters: gridParameters({
          "sizing.maxSingle": [0.1, 1.5],
          "rebalance.frequency": ["weekly", "yearly"],
        }, "g.yaml"),
      }),
    (error: Error) => {
      assert.deepEqual(error.message.split("\n"), [
        "g.yaml: parameters.sizing.maxSingle = 1.5: sizing.maxSingle: must be <= 1, got 1.5",
        'g.yaml: parameters.rebalance.frequency = "yearly": rebalance.frequency: must be one of "daily", "weekly", "monthly", got "yearly"',
      ]);
      return true;
    },
  );
});

Deno.test("planSweep() refuses a path that is no config path, with a did-you-mean", () => {
  assert.throws(
    () =>
      planSweep({
        source: "g.yaml",
        layers: [],
        parameters: gridParameters({ "sizing.maxsingle": [0.1] }, "g.yaml"),
      }),
    /g\.yaml: parameters\.sizing\.maxsingle: no such config path \(did you mean "sizing\.maxSingle"\?\)/,
  );
  // A key under a mapping parameter (a strategy's params) is a path.
  const plan = planSweep({
    source: "g.yaml",
    layers: [],
    parameters: gridParameters({ "strategy.params.period": [10, 20] }, "g.yaml"),
  });
  assert.equal(plan.runs.length, 2);
});

Deno.test("planSweep() reports combinations that are wrong only together", () => {
  assert.throws(
    () =>
      planSweep({
        source: "g.yaml",
        layers: [],
        parameters: gridParameters({
          "sizing.maxSingle": [0.1, 0.3],
          "sizing.maxBucketWeight": [0.2, 0.5],
        }, "g.yaml"),
      }),
    /g\.yaml: combination sizing\.maxSingle=0\.3, sizing\.maxBucketWeight=0\.2: sizing\.maxBucketWeight: /,
  );
});

Deno.test("planSweep() puts a preset parameter under the base, as a preset always goes", () => {
  const plan = planSweep({
    source: "g.yaml",
    layers: [{ kind: "file", name: "g.yaml", values: { sizing: { maxSingle: 0.12 } } }],
    parameters: gridParameters({ preset: ["conservative", "aggressive"] }, "g.yaml"),
  });
  const configs = plan.runs.map((r) => configOfRun(plan, r.params));
  assert.deepEqual(configs.map((c) => c.sizing.maxSingle), [0.12, 0.12]);
  assert.notEqual(configs[0]?.sizing.maxBucketWeight, configs[1]?.sizing.maxBucketWeight);
  assert.equal(
    plan.runs[0]?.configHash,
    configHash(
      resolveConfig([{
        kind: "file",
        name: "x",
        values: { preset: "conservative", sizing: { maxSingle: 0.12 } },
      }]).config,
    ),
  );
});

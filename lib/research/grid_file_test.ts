import assert from "node:assert/strict";
import { join } from "node:path";
import { gridLayers, parseGridText, readGridFile } from "./grid_file.ts";

Deno.test("parseGridText() reads lists, ranges, the base and the random search from YAML and JSON", () => {
  const yaml = parseGridText(
    `name: demo
preset: conservative
base: { run: { cash: 50000 } }
parameters:
  sizing.minScore: [0.6, 0.7]
  protection.graceDays: { from: 2, to: 4, step: 1 }
random: { count: 3, seed: 9 }
metric: calmar
`,
    "grids/demo.yaml",
  );
  assert.equal(yaml.name, "demo");
  assert.deepEqual(yaml.parameters["protection.graceDays"], { from: 2, to: 4, step: 1 });
  assert.deepEqual(yaml.random, { count: 3, seed: 9 });
  assert.equal(yaml.metric, "calmar");
  const json = parseGridText('{"parameters": {"rebalance.frequency": ["weekly"]}}', "g.json");
  assert.deepEqual(json.parameters, { "rebalance.frequency": ["weekly"] });
});

Deno.test("parseGridText() lists every problem with its path, and a did-you-mean for an unknown key", () => {
  assert.throws(
    () =>
      parseGridText(
        `paramters: {}
parameters:
  sizing.minScore: []
  sizing.maxSingle: { from: 0.1, to: 0.2 }
  run.cash: 5
random: { count: 0 }
metric: sharp
`,
        "bad.yaml",
      ),
    (error: Error) => {
      const lines = error.message.split("\n");
      assert.ok(
        lines.includes('bad.yaml: paramters: unknown key (did you mean "parameters"?)'),
        error.message,
      );
      assert.ok(
        lines.some((l) =>
          l.startsWith("bad.yaml: parameters.sizing.minScore: must list at least 1")
        ),
      );
      assert.ok(
        lines.some((l) =>
          l.startsWith("bad.yaml: parameters.sizing.maxSingle: must be a list of values or a range")
        ),
      );
      assert.ok(lines.some((l) => l.startsWith("bad.yaml: parameters.run.cash: must be a list")));
      assert.ok(lines.some((l) => l.startsWith("bad.yaml: random.count: must be > 0")));
      assert.ok(
        lines.some((l) =>
          l.startsWith("bad.yaml: metric: must be one of") && l.includes('did you mean "sharpe"')
        ),
      );
      return true;
    },
  );
});

Deno.test("parseGridText() names the grid file in a malformed file's message", () => {
  assert.throws(
    () => parseGridText("parameters: [", "broken.yaml"),
    /grid file broken\.yaml: malformed YAML/,
  );
  assert.throws(() => parseGridText("{", "broken.json"), /grid file broken\.json: malformed JSON/);
});

Deno.test("readGridFile() reads the file; gridLayers() resolves its config file beside it, under its own base", async () => {
  const dir = await Deno.makeTempDir({ prefix: "grid_file_" });
  try {
    await Deno.writeTextFile(
      join(dir, "base.yaml"),
      "run:\n  cash: 1000\nsizing:\n  maxSingle: 0.2\n",
    );
    await Deno.writeTextFile(
      join(dir, "grid.yaml"),
      "config: base.yaml\npreset: aggressive\nbase:\n  run: { cash: 2000 }\nparameters:\n  sizing.minScore: [0.6]\n",
    );
    const grid = await readGridFile(join(dir, "grid.yaml"));
    assert.equal(grid.config, join(dir, "base.yaml"));
    const layers = await gridLayers(grid);
    assert.deepEqual(layers.map((l) => [l.kind, l.name]), [["file", join(dir, "base.yaml")], [
      "file",
      join(dir, "grid.yaml"),
    ]]);
    assert.deepEqual(layers[1]?.values, { run: { cash: 2000 }, preset: "aggressive" });
    await assert.rejects(
      readGridFile(join(dir, "none.yaml")),
      /grid file .*none\.yaml: cannot be read/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

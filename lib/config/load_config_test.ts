import assert from "node:assert/strict";
import { join } from "node:path";
import { loadConfig } from "./load_config.ts";
import { stringifyConfig } from "./load.ts";
import { hashOf } from "./hash.ts";

async function withDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "load_config_" });
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

Deno.test("loadConfig() reads the file, the environment and the flags, and keeps the script's flags", async () => {
  await withDir(async (dir) => {
    const path = join(dir, "run.yaml");
    await Deno.writeTextFile(path, "preset: adaptive\nrun:\n  cash: 20000\n  benchmark: QQQ\n");
    const loaded = await loadConfig({
      args: ["--config", path, "--cash", "30000", "--json"],
      env: envOf({ ENGINE_RUN_BENCHMARK: "TLT", ENGINE_RUN_CASH: "25000" }),
      extra: { json: { type: "boolean" } },
    });
    assert.equal(loaded.configPath, path);
    assert.equal(loaded.extra.json, true);
    assert.equal(loaded.config.run.cash, 30000);
    assert.deepEqual(loaded.config.run.benchmark, ["TLT"]); // a list, as the flag takes it
    assert.equal(loaded.config.preset, "adaptive");
    assert.deepEqual(loaded.layers.map((l) => l.kind), ["preset", "file", "env", "flags"]);
  });
});

Deno.test("a saved effective config loads back to the identical config and hash, preset and environment included", async () => {
  await withDir(async (dir) => {
    const env = envOf({ ENGINE_SIZING_MAX_SINGLE: "0.1", ENGINE_STRATEGY_PARAMS: "period=20" });
    const first = await loadConfig({
      args: [
        "--preset",
        "institutional",
        "--max-assets",
        "10",
        "--broker-commission",
        "percent:0.001",
      ],
      env,
    });
    for (const format of ["yaml", "json"] as const) {
      const path = join(dir, `saved.${format}`);
      await Deno.writeTextFile(path, stringifyConfig(first.config, format));
      const again = await loadConfig({ args: ["--config", path] });
      assert.deepEqual(again.config, first.config);
      assert.equal(hashOf(again.config), hashOf(first.config));
    }
  });
});

Deno.test("loadConfig() names a missing or malformed config file", async () => {
  await withDir(async (dir) => {
    await assert.rejects(
      loadConfig({ args: ["--config", join(dir, "nowhere.yaml")] }),
      /nowhere\.yaml: cannot be read/,
    );
    const bad = join(dir, "bad.yaml");
    await Deno.writeTextFile(bad, "run: [1,\n");
    await assert.rejects(loadConfig({ args: ["--config", bad] }), /bad\.yaml: malformed YAML/);
  });
});

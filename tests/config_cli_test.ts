/**
 * `deno task config` and the configuration layers end to end, each under its
 * task's permission set: show with every layer and its sources, validate,
 * presets, env, and the backtest reading ENGINE_* variables and saving a
 * config that loads back to the identical run.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";

Deno.test("config show --json gives each value's source: preset < file < environment < flag", async () => {
  const { dir, cleanup } = await resultsScratch("config-show");
  try {
    const file = join(dir, "run.yaml");
    await Deno.writeTextFile(
      join(REPO, file),
      "preset: conservative\nrun:\n  cash: 20000\n  benchmark: QQQ\nuniverse:\n  maxAssets: 12\n",
    );
    const run = await runTask(
      "config",
      "config",
      ["show", "--config", file, "--max-assets", "9", "--json"],
      { ENGINE_RUN_CASH: "30000", ENGINE_SIZING_MAX_SINGLE: "0.12" },
    );
    assert.equal(run.code, 0, run.stderr);
    const shown = JSON.parse(run.stdout);
    assert.equal(shown.config.run.cash, 30000);
    assert.equal(shown.config.universe.maxAssets, 9);
    assert.equal(shown.config.sizing.maxSingle, 0.12);
    assert.equal(shown.config.sizing.maxBucketWeight, 0.3);
    assert.deepEqual(
      [
        "run.cash",
        "run.benchmark",
        "universe.maxAssets",
        "sizing.maxSingle",
        "sizing.maxBucketWeight",
        "broker.slippageBps",
      ].map((p) => shown.sources[p]),
      [
        "env:ENGINE_RUN_CASH",
        `file:${file}`,
        "flag:--max-assets",
        "env:ENGINE_SIZING_MAX_SINGLE",
        "preset:conservative",
        "default",
      ],
    );
    assert.deepEqual(await listFiles(dir), ["run.yaml"]);
  } finally {
    await cleanup();
  }
});

Deno.test("config show --changed prints a plain table of the values not from the defaults", async () => {
  const run = await runTask("config", "config", ["show", "--preset", "adaptive", "--changed"]);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trimEnd().split("\n");
  assert.match(lines[0] ?? "", /^path +value +source$/);
  assert.match(run.stdout, /\npreset +adaptive +flag:--preset\n/);
  assert.match(run.stdout, /\nprotection\.overrideDays +10 +preset:adaptive\n/);
  assert.doesNotMatch(run.stdout, /default/);
  assert.ok(!run.stdout.includes("\u001b["), "no colour codes when stdout is not a terminal");
});

Deno.test("config show names a bad environment variable and exits 2", async () => {
  const run = await runTask("config", "config", ["show"], { ENGINE_UNIVERSE_MAX_ASSETS: "many" });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /ENGINE_UNIVERSE_MAX_ASSETS: universe\.maxAssets: must be a number/);
  assert.equal(run.stdout, "");
});

Deno.test("config validate passes a good file (exit 0) and reports JSON with --json", async () => {
  const { dir, cleanup } = await resultsScratch("config-validate");
  try {
    const file = join(dir, "good.json");
    await Deno.writeTextFile(join(REPO, file), '{"preset":"institutional","run":{"cash":1000000}}');
    const run = await runTask("config", "config", ["validate", file]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `valid ${file} (preset institutional)\n`);
    const json = await runTask("config", "config", [
      "validate",
      file,
      "tests/bad_configs/out_of_range.yaml",
      "--json",
    ]);
    assert.equal(json.code, 2);
    assert.deepEqual(JSON.parse(json.stdout), [
      { file, valid: true, preset: "institutional", problems: [] },
      {
        file: "tests/bad_configs/out_of_range.yaml",
        valid: false,
        preset: null,
        problems: [
          "tests/bad_configs/out_of_range.yaml: sizing.maxSingle: must be <= 1, got 1.5",
        ],
      },
    ]);
  } finally {
    await cleanup();
  }
});

Deno.test("config presets and config env list what they name", async () => {
  const presets = await runTask("config", "config", ["presets", "--json"]);
  assert.equal(presets.code, 0, presets.stderr);
  assert.deepEqual(
    JSON.parse(presets.stdout).map((p: { name: string }) => p.name),
    ["conservative", "aggressive", "adaptive", "institutional"],
  );
  const text = await runTask("config", "config", ["presets"]);
  assert.match(text.stdout, /^conservative: smaller caps/m);
  assert.match(text.stdout, /^ {2}sizing\.maxSingle = 0\.1$/m);
  const env = await runTask("config", "config", ["env"]);
  assert.equal(env.code, 0, env.stderr);
  assert.match(env.stdout, /^\| ENGINE_RUN_CASH +\| run\.cash +\| number +\|$/m);
});

Deno.test("config without a command, or with an unknown one, exits 2; --help exits 0", async () => {
  const none = await runTask("config", "config", []);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /missing command/);
  const unknown = await runTask("config", "config", ["shwo"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "shwo"/);
  const help = await runTask("config", "config", ["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: deno task config/);
  const tiers = await runTask("config", "config", ["show", "--help=advanced"]);
  assert.match(tiers.stdout, /--protection-grace-decay/);
});

Deno.test("backtest reads ENGINE_* variables under its own permission set, below the flags", async () => {
  const { dir, cleanup } = await resultsScratch("config-env");
  try {
    const args = ["--strategy", "equal-weight", "--start-date", "2020-01-02", "--no-audit"];
    const run = await runTask(
      "backtest",
      "backtest",
      [...args, "--no-report", "--results-dir", dir, "--json", "--broker-slippage-bps", "2"],
      { ENGINE_RUN_CASH: "12345", ENGINE_BROKER_SLIPPAGE_BPS: "9" },
    );
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.config.run.cash, 12345);
    assert.equal(result.config.broker.slippageBps, 2);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest --save-config with a preset and the environment loads back to the identical run", async () => {
  const { dir, cleanup } = await resultsScratch("config-round-trip");
  try {
    const saved = join(dir, "effective.json");
    const common = ["--no-audit", "--no-report", "--results-dir", dir, "--json"];
    const env = { ENGINE_RUN_CASH: "250000", ENGINE_SIZING_MAX_SINGLE: "0.2" };
    const first = await runTask("backtest", "backtest", [
      "--preset",
      "aggressive",
      "--start-date",
      "2019-01-02",
      "--save-config",
      saved,
      ...common,
    ], env);
    assert.equal(first.code, 0, first.stderr);
    const again = await runTask("backtest", "backtest", ["--config", saved, ...common]);
    assert.equal(again.code, 0, again.stderr);
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(again.stdout)];
    assert.equal(b.configHash, a.configHash);
    assert.equal(b.finalValue, a.finalValue);
    assert.equal(b.config.run.cash, 250000);
    assert.equal(b.config.preset, "aggressive");
  } finally {
    await cleanup();
  }
});

/**
 * `deno task backtest --ablate` as a user runs it, under its own permission set.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";

Deno.test("backtest --ablate prints one row per protection and writes ablation.json beside result.json", async () => {
  const { dir, cleanup } = await resultsScratch("cli-ablate");
  try {
    const run = await runTask("backtest", "backtest", [
      "--ablate",
      "--start-date",
      "2019-01-01",
      "--results-dir",
      dir,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /protection effectiveness: regime-aware 2019-01-02 to 2020-12-31/);
    for (
      const name of ["coreAssets", "gracePeriods", "holdingPeriod", "whipsaw", "regimeOverride"]
    ) {
      assert.match(run.stdout, new RegExp(`^${name} `, "m"));
    }
    const files = await listFiles(dir);
    const folder = (files[0] ?? "").split("/")[0] ?? "";
    for (const name of ["ablation.json", "result.json", "audit.db"]) {
      assert.ok(files.includes(`${folder}/${name}`), `${name} in ${files.join(", ")}`);
    }
    assert.ok(!files.some((f) => f.endsWith(".partial")), "no staged file left");
    const read = async (name: string) =>
      JSON.parse(await Deno.readTextFile(join(REPO, dir, folder, name)));
    const [ablation, result] = [await read("ablation.json"), await read("result.json")];
    assert.equal(ablation.protections.length, 5);
    assert.equal(ablation.base.fills, result.fills.length, "the base run is the result's run");
    assert.equal(ablation.configHash, result.configHash);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest --ablate --json prints the ablation as JSON", async () => {
  const { dir, cleanup } = await resultsScratch("cli-ablate-json");
  try {
    const run = await runTask("backtest", "backtest", [
      "--ablate",
      "--json",
      "--no-audit",
      "--start-date",
      "2020-01-01",
      "--results-dir",
      dir,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.protections.map((p: { rule: string }) => p.rule),
      ["core_asset", "grace_period", "holding_period", "whipsaw", "regime_override"],
    );
  } finally {
    await cleanup();
  }
});

Deno.test("backtest --ablate with a strategy without protection exits 2 and writes nothing", async () => {
  const { dir, cleanup } = await resultsScratch("cli-ablate-bad");
  try {
    const run = await runTask("backtest", "backtest", [
      "--ablate",
      "--strategy",
      "sma-cross",
      "--results-dir",
      dir,
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--ablate: strategy sma-cross has no protection rules/);
    assert.deepEqual(await listFiles(dir), []);
  } finally {
    await cleanup();
  }
});

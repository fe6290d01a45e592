import assert from "node:assert/strict";
import { AuditLog } from "../audit/audit_log.ts";
import { MemorySink } from "../audit/event_sink.ts";
import { runFigures } from "../analytics/protection_effectiveness.ts";
import { builtInStrategies } from "../engine/built_in_strategies.ts";
import { validateConfig } from "../config/load.ts";
import { configHash } from "../config/hash.ts";
import { loadMarket } from "../data/load_market.ts";
import { InputError } from "../errors.ts";
import {
  ABLATED_PROTECTIONS,
  ablationJson,
  ablationLines,
  checkAblatable,
  runAblation,
  withProtectionOff,
} from "./ablation.ts";
import { executeRun, prepareRun } from "./run_from_config.ts";
import { REGIME_AWARE } from "./strategy_source.ts";

// Two years of the fixtures (2011-2012 stay readable as warm-up history).
const market = await loadMarket({
  source: "fixtures",
  store: "unused",
  fixturesDir: new URL("../../fixtures/", import.meta.url),
});
const config = validateConfig({ run: { start: "2013-01-02", end: "2014-12-31" } });
const context = { startedAt: "2030-01-01T00:00:00.000Z", codeVersion: "test" };
const prepared = prepareRun(config, market, REGIME_AWARE);
const ablation = await runAblation(prepared, context);
const rowOf = (name: string) => ablation.report.protections.find((p) => p.protection === name);

Deno.test("runAblation() gives the base run's result as a plain run does", async () => {
  const plain = await executeRun(prepared, context);
  assert.equal(JSON.stringify(ablation.result), JSON.stringify(plain));
  const windowDays = config.protection.whipsawWindowDays;
  assert.deepEqual(
    ablation.report.base,
    runFigures(plain, prepared.panel, { windowDays, fillAt: "nextOpen" }),
  );
  assert.equal(ablation.report.configHash, prepared.configHash);
  assert.deepEqual(ablation.report.period, { start: "2013-01-02", end: "2014-12-31" });
});

Deno.test("runAblation() runs one variant per protection with exactly that switch off", async () => {
  const names = ablation.report.protections.map((p) => [p.protection, p.rule]);
  assert.deepEqual(names, [
    ["coreAssets", "core_asset"],
    ["gracePeriods", "grace_period"],
    ["holdingPeriod", "holding_period"],
    ["whipsaw", "whipsaw"],
    ["regimeOverride", "regime_override"],
  ]);
  for (const row of ablation.report.protections) {
    assert.equal(row.configHash, configHash(withProtectionOff(config, row.protection)));
    assert.notEqual(row.configHash, prepared.configHash);
  }
  // The whipsaw variant is the run of the config with whipsaw off, nothing else.
  const off = withProtectionOff(config, "whipsaw");
  const direct = await executeRun(
    { ...prepared, config: off, configHash: configHash(off) },
    context,
  );
  assert.deepEqual(
    rowOf("whipsaw")?.variant,
    runFigures(direct, prepared.panel, { windowDays: 14, fillAt: "nextOpen" }),
  );
});

Deno.test("runAblation() on the fixtures: whipsaw blocks reopens that come back without it", () => {
  const whipsaw = rowOf("whipsaw");
  assert.ok(whipsaw && whipsaw.enabledInBase);
  assert.ok(whipsaw.baseVerdicts.blocked > 0, "whipsaw blocked opens in the base run");
  // With whipsaw on, no position reopens within 14 trading days of its close (the rule
  // blocks the open until then, and orders fill a day after the decision).
  assert.equal(ablation.report.base.quickReopens, 0);
  assert.ok(whipsaw.variant.quickReopens > 0);
  assert.equal(whipsaw.effect.quickReopensPrevented, whipsaw.variant.quickReopens);
  const grace = rowOf("gracePeriods");
  assert.ok(grace && grace.baseVerdicts.modified > 0, "grace decays in the base run");
  assert.ok(grace.effect.fillsSaved < 0, "each decay is a fill: grace costs fills");
});

Deno.test("runAblation() leaves a protection already off as the base run", async () => {
  const off = validateConfig({
    run: { start: "2013-01-02", end: "2013-06-30" },
    protection: { holdingPeriod: false },
  });
  const { report } = await runAblation(prepareRun(off, market, REGIME_AWARE), context);
  const holding = report.protections.find((p) => p.protection === "holdingPeriod");
  assert.equal(holding?.enabledInBase, false);
  assert.deepEqual(holding?.variant, report.base);
  assert.ok(holding && Object.values(holding.effect).every((x) => x === 0));
});

Deno.test("runAblation() audits the base run only", async () => {
  const sink = new MemorySink();
  const short = validateConfig({ run: { start: "2013-01-02", end: "2013-03-29" } });
  const run = prepareRun(short, market, REGIME_AWARE);
  const audit = await AuditLog.start(sink, {
    configHash: run.configHash,
    dataHash: market.dataHash,
    codeVersion: "test",
    asOf: run.start,
    clock: () => 0,
  });
  await runAblation(run, { ...context, audit });
  assert.equal(sink.runs.length, 1);
  const plainSink = new MemorySink();
  const plainLog = await AuditLog.start(plainSink, {
    configHash: run.configHash,
    dataHash: market.dataHash,
    codeVersion: "test",
    asOf: run.start,
    clock: () => 0,
  });
  await executeRun(run, { ...context, audit: plainLog });
  assert.deepEqual(sink.events, plainSink.events, "the same events as a plain audited run");
});

Deno.test("checkAblatable() refuses a strategy without protection rules", () => {
  const sma = validateConfig({ strategy: { name: "sma-cross" } });
  const definition = builtInStrategies["sma-cross"];
  assert.ok(definition);
  assert.throws(
    () => checkAblatable(prepareRun(sma, market, definition)),
    (e: unknown) => e instanceof InputError && /--ablate: strategy sma-cross/.test(e.message),
  );
});

Deno.test("withProtectionOff() switches one protection off and changes nothing else", () => {
  const off = withProtectionOff(config, "gracePeriods");
  assert.deepEqual(off, { ...config, protection: { ...config.protection, gracePeriods: false } });
  assert.equal(config.protection.gracePeriods, true, "the base config is untouched");
  assert.ok(Object.isFrozen(off) && Object.isFrozen(off.protection));
});

Deno.test("ablationJson() round-trips the report; ablationLines() has one row per protection", () => {
  assert.deepEqual(JSON.parse(ablationJson(ablation.report)), ablation.report);
  const lines = ablationLines(ablation.report);
  for (const { protection } of ABLATED_PROTECTIONS) {
    assert.equal(lines.filter((l) => l.startsWith(`${protection} `)).length, 1, protection);
  }
  assert.match(lines[0] ?? "", /^protection effectiveness: regime-aware 2013-01-02 to 2014-12-31/);
});

/**
 * Sweeps through the library (`sweep()`, `prepareSweep`, `runSweep`) on the
 * fixture market: a sweep sharing its services (in this thread and on
 * workers) gives exactly the runs an unshared sweep gives, which are exactly
 * what `executeRun` gives each config alone; a store makes a second sweep run
 * nothing; and bad input is refused before any run.
 *
 * @module
 */
import assert from "node:assert/strict";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import { REGIME_AWARE } from "../lib/run/strategy_source.ts";
import { gridParameters } from "../lib/research/grid_space.ts";
import { prepareSweep, runSweep, type SweepResult } from "../lib/research/run_sweep.ts";
import { configOfRun } from "../lib/research/sweep_plan.ts";
import { sweepRecordOf } from "../lib/research/sweep_record.ts";
import { SqliteSweepStore } from "../lib/research/sqlite_sweep_store.ts";
import { sweep } from "../lib/research/sweep.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;
const LAYERS = [{
  kind: "file" as const,
  name: "test",
  values: { run: { start: "2020-01-02" }, data: { fixturesDir: FIXTURES } },
}];
const PARAMETERS = gridParameters({
  "sizing.minScore": [0.6, 0.7],
  "protection.graceDays": [2, 5],
}, "test");

/** What must be equal between two sweeps' runs: everything but the wall-clock duration. */
function comparable(results: readonly SweepResult[]) {
  return new Map(results.map((r) => [r.configHash, {
    position: r.position,
    params: r.params,
    metrics: r.metrics,
    summary: r.summary,
    calendarId: r.calendarId,
    returns: Array.from(r.returns ?? []),
    dates: r.dates,
  }]));
}

async function collect(iterable: AsyncIterable<SweepResult>): Promise<SweepResult[]> {
  const out: SweepResult[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

Deno.test("a shared sweep, in this thread or on workers, gives the unshared sweep's runs, each equal to its run alone", async () => {
  const prepared = await prepareSweep({ source: "test", layers: LAYERS, parameters: PARAMETERS });
  assert.equal(prepared.plan.runs.length, 4);
  const shared = await collect(runSweep(prepared, { share: true }));
  const unshared = await collect(runSweep(prepared, { share: false }));
  const workers = await collect(runSweep(prepared, { share: true, workers: 2 }));
  assert.equal(shared.length, 4);
  assert.deepEqual(comparable(unshared), comparable(shared));
  assert.deepEqual(comparable(workers), comparable(shared));
  // The shared services were built once for all the runs of this thread.
  const stats = prepared.shared.stats();
  assert.deepEqual([stats.regime?.builds, stats.scans?.builds, stats.panel?.builds], [1, 1, 1]);
  // And each run is what executeRun gives its config alone (as deno task backtest runs it).
  const run = prepared.plan.runs[3];
  assert.ok(run);
  const config = configOfRun(prepared.plan, run.params);
  const alone = await executeRun(prepareRun(config, prepared.market, REGIME_AWARE), {
    startedAt: "",
    codeVersion: "test",
  });
  const record = sweepRecordOf(alone, run.params, 0);
  const mine = shared.find((r) => r.configHash === run.configHash);
  assert.deepEqual(mine?.metrics, record.metrics);
  assert.deepEqual(mine?.summary, record.summary);
  assert.deepEqual(Array.from(mine?.returns ?? []), Array.from(record.returns));
});

Deno.test("sweep() with a store runs each run once: a second sweep reads them back and runs nothing", async () => {
  const store = SqliteSweepStore.open(":memory:");
  try {
    const options = {
      base: { run: { start: "2020-06-01" }, data: { fixturesDir: FIXTURES } },
      parameters: { "sizing.minScore": [0.6, 0.7] },
      store,
      name: "twice",
    };
    const starts: unknown[] = [];
    const first = await collect(sweep({ ...options, onStart: (s) => starts.push(s) }));
    const second = await collect(sweep({ ...options, onStart: (s) => starts.push(s) }));
    assert.deepEqual(starts, [
      { planned: 2, stored: 0, toRun: 2, workers: 0 },
      { planned: 2, stored: 2, toRun: 0, workers: 0 },
    ]);
    assert.deepEqual(first.map((r) => r.fresh), [true, true]);
    assert.deepEqual(second.map((r) => r.fresh), [false, false]);
    assert.deepEqual(
      new Map(second.map((r) => [r.configHash, r.metrics])),
      new Map(first.map((r) => [r.configHash, r.metrics])),
    );
  } finally {
    await store.close();
  }
});

Deno.test("sweep() refuses a run whose range has no data before running anything", async () => {
  const runs = sweep({
    base: { data: { fixturesDir: FIXTURES } },
    parameters: { "run.start": ["2020-01-02", "2031-01-02"] },
  });
  await assert.rejects(
    runs.next(),
    /sweep\(\): combination run\.start=2031-01-02: run\.start\/run\.end: no trading day between 2031-01-02 and/,
  );
});

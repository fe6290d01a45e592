/**
 * The behaviour every sweep store must have, as one test body run against
 * SQLite (lib/research/sqlite_sweep_store_test.ts) and PostgreSQL
 * (tests/sweep_postgres_test.ts).
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Metrics } from "../../analytics/metrics.ts";
import { syntheticRunResult } from "../../report/testdata/synthetic_run_result.ts";
import type { PlannedRun } from "../sweep_plan.ts";
import { sweepRecordOf, type SweepRunRecord } from "../sweep_record.ts";
import type { SweepDefinition, SweepStore } from "../sweep_store.ts";

const RESULT = syntheticRunResult({ assets: 2, days: 40 });
const DATES = RESULT.equity.dates;

/** A record whose Sharpe ratio and volatility are the given ones (its returns differ per run). */
export function recordWith(
  hash: string,
  minScore: number,
  sharpe: number | null,
  volatility: number,
): SweepRunRecord {
  const base = sweepRecordOf(RESULT, { "sizing.minScore": minScore }, 10);
  const metrics: Metrics = { ...base.metrics, sharpe, annualVolatility: volatility };
  const returns = base.returns.map((r, i) => r + minScore * 1e-3 * Math.sin(i));
  return { ...base, configHash: hash, metrics, returns };
}

/** A definition of sweep `name` over `dataHash`. */
export function definitionOf(name: string, dataHash: string, runs: number): SweepDefinition {
  return {
    name,
    source: "contract",
    dataHash,
    codeVersion: "test",
    baseConfigHash: "base",
    parameters: [{ path: "sizing.minScore", values: [0.5, 0.6, 0.7, 0.8] }],
    metric: "sharpe",
    runs,
  };
}

const plan = (records: readonly SweepRunRecord[]): PlannedRun[] =>
  records.map((r, position) => ({ position, params: r.params, configHash: r.configHash }));

/** Runs the contract against a fresh, empty store. */
export async function checkSweepStoreContract(store: SweepStore): Promise<void> {
  const records = [
    recordWith("h0", 0.5, 0.9, 0.2),
    recordWith("h1", 0.6, null, 0.1),
    recordWith("h2", 0.7, 1.4, 0.3),
    recordWith("h3", 0.8, 0.9, 0.05),
  ];
  await store.begin(definitionOf("s", "data-1", 4), plan(records));
  assert.deepEqual(await store.progress("s"), { planned: 4, stored: 0 });
  assert.equal((await store.definition("s"))?.dataHash, "data-1");
  assert.equal(await store.definition("nothing"), undefined);

  // Stored once, however often it is put.
  await store.putCalendar(records[0]?.calendar.id ?? "", DATES);
  await store.putCalendar(records[0]?.calendar.id ?? "", DATES);
  for (const r of records) assert.equal(await store.put("s", r), true);
  assert.equal(await store.put("s", records[2] as SweepRunRecord), false);
  assert.deepEqual(await store.progress("s"), { planned: 4, stored: 4 });
  assert.deepEqual([...await store.storedHashes("s")].sort(), ["h0", "h1", "h2", "h3"]);

  // Ranked: better first, undefined values last, ties in plan order.
  const ranked = async (metric: "sharpe" | "annualVolatility", limit?: number) => {
    const out: string[] = [];
    for await (const run of store.ranked("s", metric, limit)) out.push(run.configHash);
    return out;
  };
  assert.deepEqual(await ranked("sharpe"), ["h2", "h0", "h3", "h1"]);
  assert.deepEqual(await ranked("annualVolatility"), ["h3", "h1", "h0", "h2"]);
  assert.deepEqual(await ranked("sharpe", 2), ["h2", "h0"]);
  for await (const run of store.ranked("s", "sharpe", 1)) {
    assert.deepEqual(run.params, { "sizing.minScore": 0.7 });
    assert.equal(run.position, 2);
    assert.equal(run.metrics.sharpe, 1.4);
    assert.deepEqual(run.summary, records[2]?.summary);
  }

  // Returns come back exactly, with their dates.
  const back = await store.returns("s", "h2");
  assert.deepEqual(back?.dates, DATES);
  assert.deepEqual(Array.from(back?.returns ?? []), Array.from(records[2]?.returns ?? []));
  assert.equal(await store.returns("s", "nope"), undefined);
  const all = [];
  for await (const r of store.allReturns("s")) all.push(r);
  assert.deepEqual(all.map((r) => [r.position, r.configHash]), [[0, "h0"], [1, "h1"], [2, "h2"], [
    3,
    "h3",
  ]]);
  assert.deepEqual(Array.from(all[3]?.returns ?? []), Array.from(records[3]?.returns ?? []));
  assert.equal(all[0]?.dates, all[3]?.dates); // one calendar, one array
  assert.deepEqual(all[0]?.dates, DATES);

  // Another plan under the same name replaces the plan and keeps the runs.
  await store.begin(definitionOf("s", "data-1", 2), plan(records.slice(2)));
  assert.deepEqual(await store.progress("s"), { planned: 2, stored: 2 });
  assert.deepEqual(await ranked("sharpe"), ["h2", "h3"]);

  // The same name over other data is refused, and changes nothing.
  await assert.rejects(
    store.begin(definitionOf("s", "data-2", 4), plan(records)),
    (error: Error) => {
      assert.equal(error.name, "InputError");
      assert.match(
        error.message,
        /sweep s was run on data data-1, and the data now hashes to data-2/,
      );
      return true;
    },
  );
  assert.deepEqual(await store.progress("s"), { planned: 2, stored: 2 });

  // Sweeps under other names are apart.
  await store.begin(definitionOf("t", "data-2", 1), plan(records.slice(0, 1)));
  assert.deepEqual(await store.progress("t"), { planned: 1, stored: 0 });
}

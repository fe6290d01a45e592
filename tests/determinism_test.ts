/**
 * Determinism (issue 5 §8): two in-process runs of the default backtest (the
 * regime-aware strategy on the fixtures, audited into SQLite stores in temp
 * files) give identical results apart from `startedAt`, and identical audit
 * rows apart from the wall-clock columns.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { validateConfig } from "../lib/config/load.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import type { RunResult } from "../lib/engine/run_result.ts";
import { executeRun, prepareRun } from "../lib/run/run_from_config.ts";
import { openRunAudit } from "../lib/run/run_audit.ts";
import { REGIME_AWARE } from "../lib/run/strategy_source.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);

/** Wall-clock columns of the `portfolio_events` view. */
const WALL_CLOCK = ["recorded_at", "execution_time_ms"] as const;

type Row = Record<string, unknown>;

async function defaultRun(
  auditPath: string,
  startedAt: string,
): Promise<{ result: RunResult; rows: Row[] }> {
  const config = validateConfig({});
  const market = await loadMarket({
    source: config.data.source,
    store: config.data.store,
    fixturesDir: FIXTURES,
  });
  const run = prepareRun(config, market, REGIME_AWARE);
  const audit = await openRunAudit({ store: "sqlite", path: auditPath }, run, "determinism-test");
  const result = await executeRun(run, {
    startedAt,
    codeVersion: "determinism-test",
    audit: audit.log,
  });
  await audit.finish(result.period.end);
  const db = new DatabaseSync(auditPath, { readOnly: true });
  try {
    const rows = db.prepare("SELECT * FROM portfolio_events ORDER BY id").all() as Row[];
    return { result, rows };
  } finally {
    db.close();
  }
}

function withoutWallClock(row: Row): Row {
  const copy = { ...row };
  for (const column of WALL_CLOCK) {
    assert.ok(column in copy, `the view has a ${column} column`);
    delete copy[column];
  }
  return copy;
}

Deno.test("two runs of the default backtest give identical results and audit rows", async () => {
  const dir = await Deno.makeTempDir({ prefix: "determinism-" });
  try {
    const a = await defaultRun(join(dir, "a.db"), "2030-01-01T00:00:00.000Z");
    const b = await defaultRun(join(dir, "b.db"), "2031-06-15T12:34:56.789Z");
    assert.notEqual(a.result.startedAt, b.result.startedAt);
    const { startedAt: _a, ...resultA } = a.result;
    const { startedAt: _b, ...resultB } = b.result;
    assert.equal(JSON.stringify(resultA), JSON.stringify(resultB), "results byte-identical");
    assert.ok(a.result.fills.length > 100, "the run trades");
    assert.ok(a.rows.length > 1000, `the run is audited (${a.rows.length} rows)`);
    assert.equal(a.rows.length, b.rows.length);
    assert.deepEqual(a.rows.map(withoutWallClock), b.rows.map(withoutWallClock));
    const types = new Set(a.rows.map((r) => r.event_type));
    for (const t of ["regime_detected", "asset_scored", "position_open", "order_filled"]) {
      assert.ok(types.has(t), `the log holds ${t} events`);
    }
    // Every transition of the regime path is in the log, rebalance day or not.
    const transitions = a.rows.filter((r) => r.event_type === "regime_transition");
    assert.deepEqual(
      transitions.map((r) => r.timestamp),
      a.result.regimes?.transitions.map((tr) => tr.date),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

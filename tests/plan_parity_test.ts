/**
 * Parity (issue 12 §2): a paper portfolio planned one day at a time, each day
 * a separate plan that opens the ledger, restores yesterday's state onto a
 * Panel ending that day, plans and commits, gives exactly what one backtest
 * of the same period with the same config gives: the fills, order notes and
 * trades, cash, value, exposure and turnover of every day, the protection
 * decisions, and (for the regime-aware strategy) the same audit events in the
 * same sessions. Two years of fixtures (2013-2014, with 2011-2012 as history)
 * from a price store, for the default strategy and for a strategy file that
 * keeps state between days. The reference is `executeRun`, the backtest's own
 * path.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { MemorySink } from "../lib/audit/event_sink.ts";
import type { EventRecord } from "../lib/audit/event_record.ts";
import type { RunResult } from "../lib/engine/run_result.ts";
import type { LedgerContents, ProtectionDecision } from "../lib/live/ledger.ts";
import { openLedger } from "../lib/live/open_ledger.ts";
import {
  backtest,
  fixtureStore,
  marketOf,
  planDaily,
  sinkTarget,
  storeConfig,
  tradingDays,
} from "./_plan_fixture.ts";

const START = "2013-01-02";
const END = "2014-12-31";

/** The backtest's protection activity counts, rebuilt from a ledger's decisions. */
function verdictCounts(decisions: readonly ProtectionDecision[]) {
  const counts = new Map<string, number>();
  for (const d of decisions) {
    const outcome = d.overriddenBy !== null
      ? "overridden"
      : d.size !== null
      ? "modified"
      : d.approved
      ? "approved"
      : "blocked";
    const key = JSON.stringify([d.date, d.rule, outcome]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => [...JSON.parse(k), count]).sort();
}

/** Every account figure of a ledger against the backtest's. */
function assertSameAccount(c: LedgerContents, result: RunResult): void {
  assert.deepEqual(c.days.map((d) => d.date), result.equity.dates);
  assert.deepEqual(c.fills, result.fills, "fills");
  assert.deepEqual(c.notes, result.orderNotes, "order notes");
  assert.deepEqual(c.trades, result.trades, "trades");
  for (const column of ["cash", "value", "exposure", "turnover"] as const) {
    assert.deepEqual(c.days.map((d) => d[column]), result.equity[column], column);
  }
  assert.equal(c.days.at(-1)?.value, result.finalValue);
  assert.deepEqual(
    c.holdings.map((h) => [h.ticker, h.shares]).sort(),
    result.holdings.map((h) => [h.ticker, h.shares]).sort(),
  );
}

/** An audit event without what differs by construction: run id, trace id, wall clock. */
function decisionEvent(e: EventRecord) {
  const { runId: _r, traceId: _t, recordedAt: _w, executionTimeMs: _x, ...rest } = e;
  return rest;
}

async function withStore(fn: (dir: string, store: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "plan-parity-" });
  try {
    await fn(dir, await fixtureStore(dir));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("the default strategy planned day by day for two years decides exactly as one backtest: fills, cash, protection decisions, audit events", async () => {
  await withStore(async (dir, store) => {
    const config = storeConfig(store, { ledger: { dir: join(dir, "ledger") } });
    const market = await marketOf(config);
    const dates = tradingDays(config, market, START, END);
    assert.ok(dates.length >= 500, `two years of trading days (${dates.length})`);
    const planned = new MemorySink();
    await planDaily({
      config,
      market,
      name: "parity",
      inception: START,
      dates,
      audit: sinkTarget(planned),
    });
    const ledger = await openLedger(config, "parity", () => undefined);
    const contents = await ledger.read();
    await ledger.close();
    const reference = new MemorySink();
    const result = await backtest(config, market, START, END, reference);

    assertSameAccount(contents, result);
    assert.ok(result.fills.length > 100, `the strategy trades (${result.fills.length} fills)`);
    const protection = result.protection;
    assert.ok(protection);
    assert.deepEqual(
      verdictCounts(contents.decisions),
      protection.verdicts.map((v) => [v.date, v.rule, v.outcome, v.count]).sort(),
    );
    const metrics = contents.state.protection?.metrics;
    assert.deepEqual(
      [metrics?.decisions, metrics?.approved, metrics?.overridesUsed, metrics?.decays],
      [
        protection.totals.decisions,
        protection.totals.approved,
        protection.totals.overrides,
        protection.totals.decays,
      ],
    );
    assert.deepEqual(metrics?.blocksByRule, protection.blocksByRule);
    assert.ok(protection.totals.blocked > 20 && protection.totals.decays > 20, "rules acted");

    // The same decisions in the same sessions, event for event.
    const sessions = (sink: MemorySink) =>
      sink.events.filter((e) => e.sessionSeq > 0).map(decisionEvent);
    const mine = sessions(planned), theirs = sessions(reference);
    assert.ok(theirs.length > 1_000, `the backtest's log holds ${theirs.length} decision events`);
    assert.equal(mine.length, theirs.length);
    assert.deepEqual(mine, theirs);
  });
});

Deno.test("a strategy file that keeps state between days, planned day by day for two years, trades exactly as one backtest", async () => {
  await withStore(async (dir, store) => {
    const config = storeConfig(store, {
      ledger: { dir: join(dir, "ledger") },
      strategy: {
        name: new URL("./strategies/momentum_rotation.ts", import.meta.url).pathname,
        params: { every: 7 },
      },
      broker: { slippageBps: 10 },
    });
    const market = await marketOf(config);
    const dates = tradingDays(config, market, START, END);
    await planDaily({ config, market, name: "rotation", inception: START, dates });
    const ledger = await openLedger(config, "rotation", () => undefined);
    const contents = await ledger.read();
    await ledger.close();
    const result = await backtest(config, market, START, END);
    assertSameAccount(contents, result);
    assert.ok(result.fills.some((f) => f.reason?.startsWith("add to the leader")), "limits fill");
    assert.ok(
      result.orderNotes.some((n) => n.outcome === "expired"),
      "some limit orders wait and expire across plans",
    );
    // Its state (days since the first rotation) came through every night.
    assert.equal(contents.state.strategy, dates.length - 1);
  });
});

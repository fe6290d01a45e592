/**
 * Point in time for the whole regime-aware pipeline (issue 5 §8): cutting the
 * data after a day t leaves every decision up to t unchanged. At several t the
 * backtest runs on `panel.truncate(t)`, with the regime provider, scan history
 * and fundamentals rebuilt over the truncated Panel, and on the full Panel;
 * the rebalance records, the orders placed and the fills through t, and the
 * audit events through t, must be identical.
 *
 * The run covers 2013-2014 of the fixtures (2011-2012 stay readable as
 * history, so the regime detector and the scanner are warm), all 42 tickers.
 *
 * @module
 */
import assert from "node:assert/strict";
import { AuditLog } from "../lib/audit/audit_log.ts";
import { MemorySink } from "../lib/audit/event_sink.ts";
import type { EventRecord } from "../lib/audit/event_record.ts";
import { validateConfig } from "../lib/config/load.ts";
import type { Config } from "../lib/config/schema.ts";
import { parseIsoDay } from "../lib/data/dates.ts";
import { loadMarket, type MarketData } from "../lib/data/load_market.ts";
import type { Panel } from "../lib/data/panel.ts";
import { type RebalanceRecord, regimeAware } from "../lib/engine/regime_aware.ts";
import { runBacktest } from "../lib/engine/run_backtest.ts";
import type { Fill, PlacedOrder } from "../lib/engine/types.ts";
import { auditObserver } from "../lib/run/audit_bridge.ts";
import { panelFor } from "../lib/run/run_from_config.ts";
import { marketServices, protectionFor, regimeAwareOptions } from "../lib/run/regime_services.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const START = "2013-01-02";
const END = "2014-12-31";

type Trace = {
  readonly records: readonly RebalanceRecord[];
  readonly placed: readonly PlacedOrder[];
  readonly fills: readonly Fill[];
  readonly events: readonly EventRecord[];
};

/** The regime-aware run as `executeRun` wires it, exposing its records, orders and audit events. */
async function traceRun(
  config: Config,
  market: MarketData,
  panel: Panel,
  end: string,
): Promise<Trace> {
  const services = await marketServices(config, market, panel, { from: START, to: end });
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, {
    configHash: "point-in-time",
    dataHash: "fixtures",
    codeVersion: "test",
    asOf: START,
    clock: () => 0,
  });
  const strategy = regimeAware(regimeAwareOptions(config), {
    regime: services.regime,
    scans: services.scans,
    fundamentals: services.fundamentals,
    protection: protectionFor(config),
    audit: log,
  });
  const placed: PlacedOrder[] = [];
  const audit = auditObserver(log);
  const result = runBacktest({
    panel,
    strategy,
    cash: config.run.cash,
    broker: config.broker,
    start: START,
    end,
    observer: {
      dayEnded: (day) => {
        placed.push(...day.placed);
        audit.dayEnded(day);
      },
    },
  });
  return { records: strategy.records, placed, fills: result.fills, events: sink.events };
}

/** What a trace decided through `date` (fills through `date` too: they were decided before). */
function through(trace: Trace, date: string): Trace {
  const ms = parseIsoDay(date) * 86_400_000;
  return {
    records: trace.records.filter((r) => r.date <= date),
    placed: trace.placed.filter((o) => o.date <= date),
    fills: trace.fills.filter((f) => f.date <= date),
    events: trace.events.filter((e) => e.asOfMs <= ms),
  };
}

const market = await loadMarket({ source: "fixtures", store: "unused", fixturesDir: FIXTURES });
const config = validateConfig({ run: { start: START, end: END }, audit: { enabled: false } });
const panel = panelFor(config, market);
const full = await traceRun(config, market, panel, END);

/** The cut days: an early day, the day of and after a regime transition, a grace day, a rebalance day. */
function cutDays(): { readonly label: string; readonly date: string }[] {
  const transition = full.events.find((e) => e.eventType === "regime_transition");
  const grace = full.records.find((r) => r.kind === "decay" && r.date > "2013-09-01");
  const rebalance = full.records.find((r) =>
    r.kind === "rebalance" && r.date > "2014-06-01" && r.changes.length > 0
  );
  assert.ok(transition && grace && rebalance, "the fixtures' 2013-2014 hold every case");
  const changed = panel.indexOnOrAfter(new Date(transition.asOfMs).toISOString().slice(0, 10));
  return [
    { label: "an early day", date: "2013-02-14" },
    { label: "the day of a regime transition", date: panel.dateAt(changed) },
    { label: "the day after a regime transition", date: panel.dateAt(changed + 1) },
    { label: "a day in a grace period (a decay day)", date: grace.date },
    { label: "a rebalance day with position changes", date: rebalance.date },
  ];
}

Deno.test("cutting the data after day t leaves every decision of the pipeline up to t unchanged", async (t) => {
  assert.ok(full.records.some((r) => r.kind === "rebalance" && r.targets !== null));
  assert.ok(full.fills.length > 50, `the run trades (${full.fills.length} fills)`);
  for (const cut of cutDays()) {
    await t.step(`${cut.label}: ${cut.date}`, async () => {
      const day = panel.indexOnOrBefore(cut.date);
      const cutTrace = await traceRun(config, market, panel.truncate(day), cut.date);
      const expected = through(full, cut.date);
      const actual = through(cutTrace, cut.date);
      assert.ok(expected.records.length > 0 && expected.events.length > 0);
      assert.deepEqual(actual.records, expected.records);
      assert.deepEqual(actual.placed, expected.placed);
      assert.deepEqual(actual.fills, expected.fills);
      assert.deepEqual(actual.events, expected.events);
      // Nothing on the cut Panel happens after t: the run saw no later day.
      assert.equal(cutTrace.records.at(-1)?.date ?? "", actual.records.at(-1)?.date ?? "");
    });
  }
});

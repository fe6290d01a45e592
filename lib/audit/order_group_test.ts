import assert from "node:assert/strict";
import fc from "fast-check";
import { AuditLog } from "./audit_log.ts";
import { type EventSink, MemorySink } from "./event_sink.ts";
import type { EventRecord } from "./event_record.ts";
import { type BrokerFill, type BrokerOrder, groupableFill, groupableOrder } from "./order_group.ts";
import { SqliteEventStore } from "./sqlite_store.ts";

/** The store, seen through a sink without `recordGroup`: every event a row of its own. */
class OneByOne implements EventSink {
  constructor(readonly store: SqliteEventStore) {}
  claimRun = (run: Parameters<EventSink["claimRun"]>[0]) => this.store.claimRun(run);
  reopenRun = (runId: string) => this.store.reopenRun(runId);
  record = (event: EventRecord) => this.store.record(event);
  flush = () => this.store.flush();
  close = () => this.store.close();
}

const START = {
  configHash: "c",
  dataHash: "d",
  codeVersion: "test",
  asOf: "2024-01-02",
  clock: () => 1_700_000_000_000,
};

type Day = {
  readonly session: boolean;
  readonly regime: string | null;
  readonly fills: readonly BrokerFill[];
  readonly rejected: boolean;
  readonly orders: readonly BrokerOrder[];
};

/** Records the days: an optional session and regime, fills, a rejection, orders. */
function recordDays(log: AuditLog, days: readonly Day[]): void {
  days.forEach((day, d) => {
    const asOf = new Date(Date.UTC(2024, 0, 2 + d)).toISOString().slice(0, 10);
    if (day.session) log.beginSession({ asOf });
    if (day.regime !== null) {
      log.record({ type: "RegimeDetected", asOf, regime: day.regime, confidence: 0.5 });
    }
    log.recordFills(asOf, day.fills);
    if (day.rejected) {
      log.record({
        type: "OrderRejected",
        asOf,
        asset: "ZZZ",
        orderId: 999_999,
        side: "sell",
        shares: 3,
        filled: 1,
        outcome: "trimmed",
        reason: "only 1 held",
      });
    }
    log.recordOrdersPlaced(asOf, day.orders);
    log.endSession();
  });
}

const ticker = fc.constantFrom("AAA", "BBB", "CCC", "D.E", "Ünï");
const side = fc.constantFrom("buy" as const, "sell" as const);
const number = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }),
  fc.double({ min: 1e-9, max: 1e25, noNaN: true }),
  fc.constantFrom(0.1 + 0.2, 1e21, 5e-324, 123.45678901234567, -0),
);
const fill = fc.record({
  orderId: fc.integer({ min: 1, max: 200 }),
  ticker,
  side,
  size: number,
  price: fc.oneof(number, fc.constant(NaN)),
  commission: number,
});
const order = fc.record({
  orderId: fc.integer({ min: 1, max: 200 }),
  ticker,
  side,
  size: fc.oneof(number, fc.constant(Infinity)),
  type: fc.constantFrom("market", "limit"),
  price: fc.oneof(number, fc.constantFrom(NaN, Infinity)),
  reason: fc.option(fc.string(), { nil: undefined }),
}).map(({ reason, ...o }) => (reason === undefined ? o : { ...o, reason }));
const day = fc.record({
  session: fc.boolean(),
  regime: fc.option(fc.constantFrom("Goldilocks", "Deflation"), { nil: null }),
  fills: fc.array(fill, { maxLength: 6 }),
  rejected: fc.boolean(),
  orders: fc.array(order, { maxLength: 6 }),
});

async function viewOf(
  days: readonly Day[],
  grouped: boolean,
  batchSize: number,
): Promise<
  { rows: readonly unknown[]; timeline: unknown; why: unknown; health: unknown; groups: number }
> {
  const store = SqliteEventStore.open(":memory:", { batchSize });
  const log = await AuditLog.start(grouped ? store : new OneByOne(store), START);
  recordDays(log, days);
  await log.finish();
  const reader = store.reader();
  const out = {
    rows: reader.sql("SELECT * FROM portfolio_events ORDER BY id").rows,
    timeline: reader.timeline("AAA", { days: 100 }),
    why: reader.why("BBB", "2024-01-03"),
    health: reader.health({ now: 0 }),
    groups: Number(reader.sql("SELECT count(*) AS n FROM event_groups").rows[0]?.n),
  };
  await store.close();
  return out;
}

Deno.test("order events stored as groups read exactly as events stored one a row", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(day, { minLength: 1, maxLength: 6 }),
      fc.constantFrom(3, 20_000),
      async (days, batchSize) => {
        const grouped = await viewOf(days, true, batchSize);
        const single = await viewOf(days, false, batchSize);
        assert.equal(single.groups, 0);
        const groupable = days.some((d) =>
          d.fills.some(groupableFill) || d.orders.some(groupableOrder)
        );
        assert.equal(grouped.groups > 0, groupable);
        assert.deepEqual(grouped.rows, single.rows);
        assert.deepEqual(grouped.timeline, single.timeline);
        assert.deepEqual(grouped.why, single.why);
        assert.deepEqual(grouped.health, single.health);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("a day's fills and orders become one group per session, side and order type", async () => {
  const fills: BrokerFill[] = [
    { orderId: 1, ticker: "AAA", side: "sell", size: 2, price: 10.5, commission: 0.25 },
    { orderId: 2, ticker: "BBB", side: "sell", size: 1, price: 20, commission: 0.1 },
    { orderId: 3, ticker: "CCC", side: "buy", size: 7, price: 0.1 + 0.2, commission: 1 },
  ];
  const orders: BrokerOrder[] = [
    { orderId: 4, ticker: "AAA", side: "buy", size: 3, type: "market", price: NaN },
    {
      orderId: 5,
      ticker: "BBB",
      side: "buy",
      size: 4,
      type: "limit",
      price: 19.5,
      reason: 'a "quote"',
    },
  ];
  const memory = new MemorySink();
  const store = SqliteEventStore.open(":memory:");
  for (const sink of [memory, store]) {
    const log = await AuditLog.start(sink, START);
    recordDays(log, [{ session: true, regime: null, fills, rejected: false, orders }]);
    await log.finish();
  }
  const reader = store.reader();
  // Sells, buys, market orders, limit orders: four groups for five events.
  assert.deepEqual(
    reader.sql("SELECT layout, first_event, last_event FROM event_groups ORDER BY first_event")
      .rows,
    [
      { layout: "fill", first_event: 3, last_event: 4 },
      { layout: "fill", first_event: 5, last_event: 5 },
      { layout: "order", first_event: 6, last_event: 6 },
      { layout: "order", first_event: 7, last_event: 7 },
    ],
  );
  // The memory sink's records are the events as record() builds them: the view matches them.
  const rows = reader.sql(
    "SELECT event_type, asset, action, reason, metadata FROM portfolio_events WHERE event_category = 'order' ORDER BY id",
  ).rows;
  const expected = memory.events.filter((e) => e.category === "order").map((e) => ({
    event_type: e.eventType,
    asset: e.asset,
    action: e.action,
    reason: e.reason,
    metadata: JSON.stringify(e.metadata),
  }));
  assert.deepEqual(rows, expected);
  assert.equal(rows[2]?.reason, "buy 7 @ 0.30000000000000004");
  assert.equal(
    rows[4]?.metadata,
    '{"order_id":5,"shares":4,"order_type":"limit","price":19.5}',
  );
  assert.equal(rows[4]?.reason, 'a "quote"');
  await store.close();
});

/**
 * A child process for the safety tests: writes synthetic sessions into a
 * SQLite store, committing after each session and printing `committed N`
 * (events committed so far) on stdout; with a session count it finishes the
 * run and prints `done N`, without one it writes until killed. With `wait` it
 * prints `ready` once its run is registered and waits for a line on stdin
 * before writing, so a test can start two writers at the same moment. With
 * `orders` it writes as a backtest's own audit.db is written: without syncs
 * (`durable: false`), each session followed by a rebalance's orders and fills
 * of 50 tickers as order groups.
 *
 *     deno run --allow-read --allow-write writer_child.ts STORE [SESSIONS|forever] [wait|orders]
 *
 * @module
 */
import { AuditLog } from "../audit_log.ts";
import type { EventRecord } from "../event_record.ts";
import type { EventSink, RunClaim } from "../event_sink.ts";
import { SqliteEventStore } from "../sqlite_store.ts";
import { formatIsoDay, parseIsoDay } from "../../data/dates.ts";
import type { OrderGroup } from "../order_group.ts";
import { recordSyntheticOrders, recordSyntheticSessions } from "./synthetic_run.ts";

const [path, sessionsText = "forever", mode] = Deno.args;
if (path === undefined) {
  throw new Error("usage: writer_child.ts STORE [SESSIONS|forever] [wait|orders]");
}
const sessions = sessionsText === "forever" ? Infinity : Number(sessionsText);
const orders = mode === "orders";
const store = SqliteEventStore.open(path, { batchSize: 1_000_000, durable: !orders });

/** Counts the events handed to the store, independently of what the store reports. */
class CountingSink implements EventSink {
  recorded = 0;
  claimRun(run: RunClaim): Promise<string> {
    return store.claimRun(run);
  }
  record(event: EventRecord): void {
    this.recorded++;
    store.record(event);
  }
  recordGroup(group: OrderGroup): void {
    this.recorded += group.kind === "filled" ? group.fills.length : group.orders.length;
    store.recordGroup(group);
  }
  flush(): Promise<void> {
    return store.flush();
  }
  close(): Promise<void> {
    return store.close();
  }
}

const sink = new CountingSink();
const log = await AuditLog.start(sink, {
  configHash: "safety",
  dataHash: "synthetic",
  codeVersion: "test",
  asOf: "2012-01-02",
});
if (mode === "wait") {
  console.log("ready");
  await Deno.stdin.readable.getReader().read();
}
let day = parseIsoDay("2012-01-02");
for (let s = 0; s < sessions; s++) {
  const [date] = recordSyntheticSessions(log, {
    sessions: 1,
    assets: 20,
    changes: 3,
    start: formatIsoDay(day),
  });
  day = parseIsoDay(date ?? "") + 1;
  if (orders) {
    recordSyntheticOrders(log, { assets: 50, rebalances: 1, start: formatIsoDay(day) });
    day += 2;
  }
  await log.flush();
  console.log(`committed ${sink.recorded}`);
}
await log.finish();
await sink.close();
console.log(`done ${sink.recorded} ${log.runId}`);

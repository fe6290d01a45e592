/**
 * Benchmarks of the audit store (`deno bench --allow-read --allow-write lib/audit/event_store_bench.ts`).
 *
 * - write: 100,000 synthetic events into a fresh file-backed store per
 *   iteration; events/second = 100,000 / time per iteration. Goal >= 200,000/s.
 *   The baseline is the seed's layout as the issue measures it (a prepared
 *   INSERT per event of the 14 text columns, no index, transactions of 50,000).
 * - query: timeline (30 days) and why on a store of 1,000,000 events (built
 *   once in a temp dir). Goal < 10 ms.
 * - backtest stand-in: a day loop with scanning-like work per asset and 442
 *   events a day, auditing off (NullSink) and on (SQLite written on the same
 *   thread, or from a worker); the goal is at most 15% slower with auditing.
 * - order events: the 160,000 placed and filled orders of a 500-asset monthly
 *   rebalance over 20 years, as groups (the backtest's way) and one a row; and
 *   timeline, why and a seed query scanning the whole view on a store of
 *   1,000,000 order events in groups.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { AuditLog } from "./audit_log.ts";
import type { EventRecord } from "./event_record.ts";
import { MemorySink, NullSink } from "./event_sink.ts";
import type { EventSink } from "./event_sink.ts";
import { SqliteAuditReader } from "./sqlite_reader.ts";
import { SqliteEventStore } from "./sqlite_store.ts";
import { SqliteWorkerStore } from "./sqlite_worker_store.ts";
import {
  recordSyntheticOrders,
  recordSyntheticSessions,
  syntheticEventsPerSession,
} from "./testdata/synthetic_run.ts";

const dir = Deno.makeTempDirSync({ prefix: "audit_bench_" });
const run = {
  configHash: "bench",
  dataHash: "synthetic",
  codeVersion: "bench",
  asOf: "2012-01-02",
};
const PER_SESSION = syntheticEventsPerSession();
const WRITE_EVENTS = 100_000;
let file = 0;

function _remove(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      Deno.removeSync(`${path}${suffix}`);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
}

/** 100,000 prepared records (generation kept out of the timed part where it says so). */
async function prepared(): Promise<readonly EventRecord[]> {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, run);
  recordSyntheticSessions(log, { sessions: Math.ceil(WRITE_EVENTS / PER_SESSION) });
  return sink.events.slice(0, WRITE_EVENTS);
}
const records = await prepared();

Deno.bench({
  name: "seed layout: prepared INSERT per event, 14 text columns, 50,000 per transaction",
  group: "write 100,000 events",
  baseline: true,
  n: 5,
  warmup: 1,
  fn() {
    const path = `${dir}/seed${file++}.db`;
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
      CREATE TABLE portfolio_events (id INTEGER PRIMARY KEY, event_type TEXT, event_category TEXT,
        asset TEXT, action TEXT, reason TEXT, score_before REAL, score_after REAL, size_before REAL,
        size_after REAL, metadata TEXT, execution_time_ms REAL, timestamp TEXT, trace_id TEXT, session_id TEXT);
`);
    const insert = db.prepare(
      `INSERT INTO portfolio_events (event_type, event_category, asset, action,
      reason, score_before, score_after, size_before, size_after, metadata, execution_time_ms, timestamp,
      trace_id, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.exec("BEGIN");
    records.forEach((e, i) => {
      if (i > 0 && i % 50_000 === 0) db.exec("COMMIT; BEGIN");
      insert.run(
        e.eventType,
        e.category,
        e.asset,
        e.action,
        e.reason,
        e.scoreBefore,
        e.scoreAfter,
        e.sizeBefore,
        e.sizeAfter,
        e.metadata === null ? null : JSON.stringify(e.metadata),
        e.executionTimeMs,
        new Date(e.asOfMs).toISOString(),
        e.traceId,
        `${e.runId}/${e.sessionSeq}`,
      );
    });
    db.exec("COMMIT");
    db.close();
    _remove(path);
  },
});

Deno.bench({
  name: "SqliteEventStore: prepared records, coded layout, batches of 20,000",
  group: "write 100,000 events",
  n: 5,
  warmup: 1,
  async fn() {
    const path = `${dir}/coded${file++}.db`;
    const store = SqliteEventStore.open(path);
    await store.claimRun({
      runId: records[0]?.runId ?? "",
      configHash: "b",
      dataHash: "s",
      codeVersion: "b",
      startedAt: 0,
    });
    for (const record of records) store.record(record);
    await store.close();
    _remove(path);
  },
});

Deno.bench({
  name: "SqliteWorkerStore: prepared records, packed and written by a worker",
  group: "write 100,000 events",
  n: 5,
  warmup: 1,
  async fn() {
    const path = `${dir}/worker${file++}.db`;
    const store = await SqliteWorkerStore.open(path);
    await store.claimRun({
      runId: records[0]?.runId ?? "",
      configHash: "b",
      dataHash: "s",
      codeVersion: "b",
      startedAt: 0,
    });
    for (const record of records) store.record(record);
    await store.close();
    _remove(path);
  },
});

Deno.bench({
  name: "AuditLog typed events -> SqliteEventStore (generation included)",
  group: "write 100,000 events",
  n: 5,
  warmup: 1,
  async fn() {
    const path = `${dir}/log${file++}.db`;
    const store = SqliteEventStore.open(path);
    const log = await AuditLog.start(store, run);
    recordSyntheticSessions(log, { sessions: Math.ceil(WRITE_EVENTS / PER_SESSION) });
    await log.finish();
    await store.close();
    _remove(path);
  },
});

// A store of 1,000,000 events: 2,263 sessions of 442 events (200 assets, ~9 years of weekdays).
const bigPath = `${dir}/big.db`;
const bigStore = SqliteEventStore.open(bigPath);
const bigLog = await AuditLog.start(bigStore, run);
const bigDates = recordSyntheticSessions(bigLog, { sessions: Math.ceil(1_000_000 / PER_SESSION) });
await bigLog.finish();
await bigStore.close();
const reader = SqliteAuditReader.open(bigPath);
const whyDate = bigDates[bigDates.length - 5] ?? "";

Deno.bench({
  name: "timeline(A007, 30 days)",
  group: "query 1,000,000 events",
  baseline: true,
  fn() {
    if (reader.timeline("A007", { days: 30 }).length === 0) throw new Error("empty timeline");
  },
});

Deno.bench({
  name: "why(A010, a date near the end)",
  group: "query 1,000,000 events",
  fn() {
    if (reader.why("A010", whyDate).sessions.length !== 1) throw new Error("no session");
  },
});

/** The store seen through a sink without `recordGroup`: every event a row of its own. */
function oneByOne(store: SqliteEventStore): EventSink {
  return {
    claimRun: (r) => store.claimRun(r),
    record: (e) => store.record(e),
    flush: () => store.flush(),
    close: () => store.close(),
  };
}

for (const grouped of [true, false]) {
  Deno.bench({
    name: grouped
      ? "AuditLog.recordOrdersPlaced / recordFills -> SqliteEventStore, groups, no syncs"
      : "the same, every event a row of its own",
    group: "write 160,000 order events (500 assets, 160 rebalances; generation included)",
    baseline: grouped,
    n: 5,
    warmup: 1,
    async fn() {
      const path = `${dir}/orders${file++}.db`;
      const store = SqliteEventStore.open(path, { durable: false });
      const log = await AuditLog.start(grouped ? store : oneByOne(store), run);
      recordSyntheticOrders(log, { assets: 500, rebalances: 160 });
      await log.finish();
      await store.close();
      _remove(path);
    },
  });
}

// 1,000,000 order events in groups: 1,000 rebalances of 500 assets, each in a session.
const ordersPath = `${dir}/big_orders.db`;
const ordersStore = SqliteEventStore.open(ordersPath, { durable: false });
const ordersLog = await AuditLog.start(ordersStore, run);
const orderDates = recordSyntheticOrders(ordersLog, {
  assets: 500,
  rebalances: 1_000,
  sessions: true,
});
await ordersLog.finish();
await ordersStore.close();
const ordersReader = SqliteAuditReader.open(ordersPath);
const lastRebalance = orderDates[orderDates.length - 1] ?? "";

Deno.bench({
  name: "timeline(A007, 30 days)",
  group: "query 1,000,000 order events in groups",
  baseline: true,
  fn() {
    if (ordersReader.timeline("A007", { days: 30 }).length === 0) throw new Error("empty");
  },
});

Deno.bench({
  name: "why(A010, the last rebalance)",
  group: "query 1,000,000 order events in groups",
  fn() {
    const [session] = ordersReader.why("A010", lastRebalance).sessions;
    if (session?.events.length !== 3) throw new Error("no session_start, order and fill");
  },
});

Deno.bench({
  name: "seed query: an asset's events since a date (scans the whole view)",
  group: "query 1,000,000 order events in groups",
  n: 5,
  warmup: 1,
  fn() {
    const rows = ordersReader.sql(
      `SELECT * FROM portfolio_events WHERE asset = 'A007' AND timestamp >= '${lastRebalance}'`,
    ).rows;
    if (rows.length !== 2) throw new Error(`expected the last order and fill: ${rows.length}`);
  },
});

// A stand-in backtest: 250 trading days of 200 assets; each day computes a 50-day SMA,
// a 14-day RSI and a 20-day volatility per asset from trailing windows (the kind of work
// scanning and scoring do), then records the day's 442 events.
const ASSETS = 200, DAYS = 250, HISTORY = 60;
const prices = Array.from({ length: ASSETS }, (_, a) => {
  const series = new Float64Array(HISTORY + DAYS);
  let x = 100, seed = 12_345 + a;
  for (let i = 0; i < series.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    x *= 1 + (seed / 2_147_483_648 - 0.5) * 0.02;
    series[i] = x;
  }
  return series;
});

function decideDay(t: number): number {
  let checksum = 0;
  for (const series of prices) {
    let sma = 0, gains = 0, losses = 0, mean = 0, variance = 0;
    for (let i = t - 49; i <= t; i++) sma += series[i] ?? 0;
    for (let i = t - 13; i <= t; i++) {
      const change = (series[i] ?? 0) - (series[i - 1] ?? 0);
      if (change > 0) gains += change;
      else losses -= change;
    }
    for (let i = t - 19; i <= t; i++) {
      mean += Math.log((series[i] ?? 1) / (series[i - 1] ?? 1)) / 20;
    }
    for (let i = t - 19; i <= t; i++) {
      variance += (Math.log((series[i] ?? 1) / (series[i - 1] ?? 1)) - mean) ** 2;
    }
    checksum += sma / 50 + 100 - 100 / (1 + gains / (losses || 1)) + Math.sqrt(variance / 19);
  }
  return checksum;
}

function backtestBench(name: string, baseline: boolean, open: () => Promise<EventSink>): void {
  let sink: EventSink | null = null;
  Deno.bench({
    name,
    group: `backtest stand-in: ${DAYS} days x ${ASSETS} assets, ${PER_SESSION} events a day`,
    baseline,
    n: 5,
    warmup: 1,
    async fn() {
      sink ??= await open();
      const log = await AuditLog.start(sink, run);
      let day = Date.UTC(2012, 0, 2) / 86_400_000, checksum = 0;
      for (let t = HISTORY; t < HISTORY + DAYS; t++) {
        checksum += decideDay(t);
        const [date] = recordSyntheticSessions(log, {
          sessions: 1,
          start: new Date(day * 86_400_000).toISOString().slice(0, 10),
        });
        day = Date.parse(date ?? "") / 86_400_000 + 1;
      }
      await log.finish();
      if (!Number.isFinite(checksum)) throw new Error("bad checksum");
    },
  });
}

backtestBench("auditing off (NullSink)", true, () => Promise.resolve(new NullSink()));
backtestBench(
  "auditing on (SqliteEventStore)",
  false,
  () => Promise.resolve(SqliteEventStore.open(`${dir}/backtest.db`)),
);
backtestBench(
  "auditing on (SqliteWorkerStore)",
  false,
  () => SqliteWorkerStore.open(`${dir}/backtest_worker.db`),
);

globalThis.addEventListener("unload", () => {
  reader.close();
  ordersReader.close();
  Deno.removeSync(dir, { recursive: true });
});

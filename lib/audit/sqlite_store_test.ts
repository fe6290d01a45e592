import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import fc from "fast-check";
import { InputError } from "../errors.ts";
import { AuditLog } from "./audit_log.ts";
import { SqliteEventStore } from "./sqlite_store.ts";
import { SqliteAuditReader } from "./sqlite_reader.ts";
import { EVENT_COLUMNS_SQL, EVENT_JOINS_SQL, SCHEMA_VERSION } from "./sqlite_schema.ts";
import { recordSyntheticSessions, syntheticEventsPerSession } from "./testdata/synthetic_run.ts";

const options = {
  configHash: "c1",
  dataHash: "d1",
  codeVersion: "test",
  asOf: "2021-03-01",
  clock: () => 1_700_000_000_000,
};

async function seeded(store: SqliteEventStore): Promise<AuditLog> {
  const log = await AuditLog.start(store, options);
  log.beginSession({ asOf: "2021-03-01" });
  log.record({
    type: "RegimeDetected",
    asOf: "2021-03-01",
    regime: "Goldilocks",
    confidence: 0.85,
  });
  log.record({
    type: "ActionApproved",
    asOf: "2021-03-01",
    asset: "AAPL",
    action: "open",
    rule: "holding_period",
    reason: "held 5 days",
    executionTimeMs: 0.5,
  });
  log.record({
    type: "ActionBlocked",
    asOf: "2021-03-01",
    asset: "MSFT",
    action: "close",
    rule: "grace_period",
    reason: "in grace",
    executionTimeMs: 1.5,
  });
  log.record({
    type: "ActionBlocked",
    asOf: "2021-03-01",
    asset: "TSLA",
    action: "open",
    rule: "whipsaw_protection",
    reason: "1 cycle in 14 days",
    executionTimeMs: 2.5,
  });
  log.record({
    type: "PositionOpened",
    asOf: "2021-03-01",
    asset: "AAPL",
    sizeAfter: 0.12,
    scoreAfter: 0.857,
    reason: "High score asset: 0.857 > 0.65 threshold",
    metadata: { bucket: "Risk Assets", trending_confidence: 0.78 },
  });
  log.record({
    type: "RegimeChanged",
    asOf: "2021-03-01",
    from: "Goldilocks",
    to: "Deflation",
    severity: "critical",
    overrideAuthorizations: ["grace_period", "holding_period"],
  });
  return log;
}

Deno.test("the seed's example queries run unchanged on the portfolio_events view", async () => {
  const store = SqliteEventStore.open(":memory:");
  await (await seeded(store)).finish();
  const reader = store.reader();
  // Hand count: one approved verdict at 0.5 ms, two blocked at 1.5 and 2.5 ms (mean 2.0).
  const protection = reader.sql(
    `SELECT event_type, COUNT(*) AS events, AVG(execution_time_ms) AS avg_time_ms
    FROM portfolio_events WHERE event_category = 'protection' GROUP BY event_type;`,
  );
  assert.deepEqual(protection.rows, [
    { event_type: "protection_approved", events: 1, avg_time_ms: 0.5 },
    { event_type: "protection_blocked", events: 2, avg_time_ms: 2 },
  ]);
  const transitions = reader.sql(`SELECT regime, COUNT(*) as transitions,
    json_extract(metadata, '$.override_authorizations') as overrides
    FROM portfolio_events WHERE event_type = 'regime_transition' ORDER BY timestamp DESC;`);
  assert.deepEqual(transitions.rows, [{
    regime: "Deflation",
    transitions: 1,
    overrides: '["grace_period","holding_period"]',
  }]);
  // Simulated time lies in 2021, so the wall-clock window of the seed's query holds none of it.
  const recent = reader.sql(
    `SELECT * FROM portfolio_events WHERE asset = 'AAPL' AND timestamp >= date('now', '-30 days') ORDER BY timestamp;`,
  );
  assert.deepEqual(recent.rows, []);
  const inWindow = reader.sql(
    `SELECT event_type, timestamp FROM portfolio_events WHERE asset = 'AAPL'
    AND timestamp >= date('2021-03-01', '-30 days') ORDER BY timestamp, id;`,
  );
  assert.deepEqual(inWindow.rows, [
    { event_type: "protection_approved", timestamp: "2021-03-01" },
    { event_type: "position_open", timestamp: "2021-03-01" },
  ]);
  await store.close();
});

Deno.test("the view shows the seed's 14 columns plus regime, run_id and recorded_at", async () => {
  const store = SqliteEventStore.open(":memory:");
  const log = await seeded(store);
  await log.flush();
  const row =
    store.reader().sql("SELECT * FROM portfolio_events WHERE event_type = 'position_open'").rows[0];
  assert.deepEqual(row, {
    id: 7,
    event_type: "position_open",
    event_category: "position",
    asset: "AAPL",
    action: "open",
    reason: "High score asset: 0.857 > 0.65 threshold",
    score_before: null,
    score_after: 0.857,
    size_before: null,
    size_after: 0.12,
    metadata: '{"bucket":"Risk Assets","trending_confidence":0.78}',
    execution_time_ms: null,
    timestamp: "2021-03-01",
    trace_id: log.traceId,
    session_id: `${log.runId}/1`,
    regime: "Goldilocks",
    run_id: log.runId,
    recorded_at: "2023-11-14T22:13:20.000Z",
    as_of_ms: Date.UTC(2021, 2, 1),
  });
  await store.close();
});

Deno.test("an intraday asOf shows as 'YYYY-MM-DD HH:MM:SS' in the view's timestamp", async () => {
  const store = SqliteEventStore.open(":memory:");
  const log = await AuditLog.start(store, options);
  log.logCustomEvent({ asOf: "2021-03-01T14:30:00Z", eventType: "bar_check" });
  await log.flush();
  const rows =
    store.reader().sql("SELECT timestamp FROM portfolio_events WHERE event_type = 'bar_check'")
      .rows;
  assert.deepEqual(rows, [{ timestamp: "2021-03-01 14:30:00" }]);
  await store.close();
});

Deno.test("a run is 'running' from claimRun until run_finish or run_fail is committed", async () => {
  const store = SqliteEventStore.open(":memory:", { batchSize: 1_000_000 });
  const reader = store.reader();
  const log = await seeded(store);
  assert.deepEqual(reader.runs().map((r) => [r.status, r.events]), [["running", 0]]);
  await log.flush();
  // run_start, session_start, regime, 3 verdicts, position_open, regime_transition: 8 events.
  assert.deepEqual(reader.runs().map((r) => [r.status, r.events]), [["running", 8]]);
  await log.finish();
  const failed = await AuditLog.start(store, options);
  await failed.fail(new Error("data gap"));
  assert.deepEqual(reader.runs().map((r) => [r.runId, r.status, r.error]), [
    [`${log.runId}.2`, "failed", "Error: data gap"],
    [log.runId, "finished", null],
  ]);
  await store.close();
});

Deno.test("record() writes a batch when the buffer reaches batchSize", async () => {
  const store = SqliteEventStore.open(":memory:", { batchSize: 100 });
  const log = await AuditLog.start(store, options);
  recordSyntheticSessions(log, { sessions: 2, assets: 30, changes: 2 });
  // 1 run_start + 2 sessions of 2 + 2*30 + 4*2 = 70 events: 141, so 100 are written, 41 wait.
  const perSession = syntheticEventsPerSession({ assets: 30, changes: 2 });
  assert.equal(1 + 2 * perSession, 141);
  assert.equal(store.reader().sql("SELECT count(*) AS n FROM events").rows[0]?.n, 100);
  assert.equal(store.flushSync(), 41);
  await store.close();
});

Deno.test("SqliteEventStore.open() refuses a SQLite file that is not an event store", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/other.db`;
    const db = new DatabaseSync(path);
    db.exec("CREATE TABLE prices (ticker TEXT, close REAL)");
    db.close();
    assert.throws(
      () => SqliteEventStore.open(path),
      (e: unknown) =>
        e instanceof InputError && /other\.db is not an audit event store/.test(e.message),
    );
    Deno.writeTextFileSync(
      `${dir}/notes.db`,
      "not a database at all, just text that is long enough to have a header",
    );
    assert.throws(
      () => SqliteAuditReader.open(`${dir}/notes.db`),
      (e: unknown) =>
        e instanceof InputError && /notes\.db is not an audit event store/.test(e.message),
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("SqliteEventStore.open() refuses a store of a newer schema version", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/audit.db`;
    await SqliteEventStore.open(path).close();
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const newer = (e: unknown) =>
      e instanceof InputError &&
      e.message.includes(
        `schema version ${SCHEMA_VERSION + 1}, newer than the version ${SCHEMA_VERSION}`,
      );
    assert.throws(() => SqliteEventStore.open(path), newer);
    assert.throws(() => SqliteAuditReader.open(path), newer);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("SqliteAuditReader.open() names a missing store", () => {
  assert.throws(
    () => SqliteAuditReader.open("/nonexistent/audit.db"),
    (e: unknown) => e instanceof InputError && e.message.includes("no audit event store there"),
  );
});

Deno.test("custom events round-trip through the store and the view unchanged", async () => {
  const word = fc.stringMatching(/^[a-z_]{1,12}$/);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const event = fc.record({
    eventType: word,
    category: maybe(word),
    asset: maybe(fc.stringMatching(/^[A-Z]{1,5}$/)),
    action: maybe(word),
    reason: maybe(fc.string()),
    scoreAfter: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
    sizeBefore: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
    day: fc.integer({ min: 0, max: 20_000 }),
    metadata: maybe(fc.dictionary(word, fc.oneof(fc.integer(), fc.string(), fc.boolean()))),
  }, { requiredKeys: ["eventType", "day"] });
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 20 }), async (events) => {
      const store = SqliteEventStore.open(":memory:");
      const log = await AuditLog.start(store, options);
      for (const e of events) {
        const { day, ...fields } = e;
        const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        log.logCustomEvent({
          ...clean,
          eventType: e.eventType,
          asOf: new Date(day * 86_400_000).toISOString().slice(0, 10),
        });
      }
      await log.flush();
      const rows =
        store.reader().sql("SELECT * FROM portfolio_events WHERE id > 1 ORDER BY id").rows;
      await store.close();
      assert.deepEqual(
        rows.map((
          r,
        ) => [
          r.event_type,
          r.event_category,
          r.asset,
          r.action,
          r.reason,
          r.score_after,
          r.size_before,
          r.metadata === null ? null : JSON.parse(String(r.metadata)),
          r.timestamp,
        ]),
        events.map((
          e,
        ) => [
          e.eventType,
          e.category ?? "custom",
          e.asset ?? null,
          e.action ?? null,
          e.reason ?? null,
          e.scoreAfter ?? null,
          e.sizeBefore ?? null,
          e.metadata === undefined ? null : JSON.parse(JSON.stringify(e.metadata)),
          new Date(e.day * 86_400_000).toISOString().slice(0, 10),
        ]),
      );
    }),
    { numRuns: 50 },
  );
});

Deno.test("a schema-1 store (every event a row) is read as it is and brought to schema 2 when written", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/audit.db`;
    const store = SqliteEventStore.open(path);
    await (await seeded(store)).finish();
    await store.close();
    // Schema 1 as the previous code wrote it: no event_groups, the view over events alone.
    const db = new DatabaseSync(path);
    db.exec(`DROP VIEW portfolio_events; DROP TABLE event_groups;
      CREATE VIEW portfolio_events AS SELECT ${EVENT_COLUMNS_SQL} FROM events e ${EVENT_JOINS_SQL};
      PRAGMA user_version = 1;`);
    db.close();

    const old = SqliteAuditReader.open(path);
    assert.equal(old.sql("SELECT count(*) AS n FROM portfolio_events").rows[0]?.n, 9);
    assert.deepEqual(old.timeline("AAPL").map((r) => r.eventType), [
      "protection_approved",
      "position_open",
    ]);
    assert.equal(old.health().events, 9);
    old.close();

    const continued = SqliteEventStore.open(path);
    const log = await AuditLog.start(continued, options);
    log.recordFills("2021-03-02", [
      { orderId: 1, ticker: "AAPL", side: "buy", size: 10, price: 120.5, commission: 1 },
    ]);
    await log.finish();
    const reader = continued.reader();
    assert.equal(
      reader.sql("SELECT user_version FROM pragma_user_version").rows[0]?.user_version,
      SCHEMA_VERSION,
    );
    assert.equal(reader.sql("SELECT count(*) AS n FROM event_groups").rows[0]?.n, 1);
    assert.deepEqual(
      reader.sql("SELECT reason FROM portfolio_events WHERE event_type = 'order_filled'").rows,
      [{ reason: "buy 10 @ 120.5" }],
    );
    assert.equal(reader.sql("SELECT count(*) AS n FROM portfolio_events").rows[0]?.n, 9 + 3);
    await continued.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("a store opened without syncs is a WAL store like any other", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/audit.db`;
    const store = SqliteEventStore.open(path, { durable: false });
    await (await seeded(store)).finish();
    assert.deepEqual(store.reader().sql("SELECT * FROM pragma_synchronous").rows, [{
      synchronous: 0,
    }]);
    assert.deepEqual(store.reader().sql("SELECT * FROM pragma_journal_mode").rows, [{
      journal_mode: "wal",
    }]);
    assert.deepEqual(store.reader().sql("SELECT * FROM pragma_page_size").rows, [{
      page_size: 16_384,
    }]);
    await store.close();
    const reopened = SqliteEventStore.open(path);
    assert.deepEqual(reopened.reader().sql("SELECT * FROM pragma_synchronous").rows, [{
      synchronous: 1,
    }]);
    await reopened.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

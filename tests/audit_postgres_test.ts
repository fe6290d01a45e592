/**
 * The PostgreSQL event store against a real server: `DATABASE_URL` or
 * `DB_HOST`... name it. Without one the tests skip with a message, except
 * under `CI=true`, where they fail. Each test works in its own schema and
 * drops it after, so runs can go in parallel.
 */
import assert from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import {
  AuditLog,
  databaseUrlFromEnv,
  type PgClient,
  PostgresAuditReader,
  PostgresEventStore,
  SqliteEventStore,
} from "../lib/audit/mod.ts";
import { connectPostgres } from "../lib/audit/postgres_schema.ts";
import { scenario, T0 } from "../lib/audit/testdata/scenario.ts";
import {
  recordSyntheticSessions,
  syntheticEventsPerSession,
} from "../lib/audit/testdata/synthetic_run.ts";

const url = databaseUrlFromEnv((name) => Deno.env.get(name));
const ci = Deno.env.get("CI") === "true";
if (url === null) {
  console.warn(
    ci
      ? "CI=true but no DATABASE_URL / DB_HOST: the PostgreSQL tests fail"
      : "skipping PostgreSQL audit tests: set DATABASE_URL or DB_HOST",
  );
}

/** Runs `body` with a fresh schema name, dropping the schema after. */
function pgTest(
  name: string,
  body: (url: string, schema: string, admin: PgClient) => Promise<void>,
): void {
  Deno.test({
    name,
    ignore: url === null && !ci,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      if (url === null) {
        throw new Error("CI=true requires DATABASE_URL or DB_HOST for the PostgreSQL tests");
      }
      const schema = `audit_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
      const admin = connectPostgres(url);
      try {
        await body(url, schema, admin);
      } finally {
        await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end({ timeout: 5 });
      }
    },
  });
}

/** What both stores must agree on (ids and wall-clock fields aside). */
const comparable = (
  r: {
    timestamp: string;
    eventType: string;
    eventCategory: string;
    asset: string | null;
    action: string | null;
    reason: string | null;
    scoreAfter: number | null;
    sizeAfter: number | null;
    metadata: unknown;
    traceId: string;
    sessionId: string;
    regime: string | null;
    runId: string;
  },
) => [
  r.timestamp,
  r.eventType,
  r.eventCategory,
  r.asset,
  r.action,
  r.reason,
  r.scoreAfter,
  r.sizeAfter,
  r.metadata,
  r.traceId,
  r.sessionId,
  r.regime,
  r.runId,
];

pgTest(
  "PostgreSQL answers timeline, why, sessions and health as the SQLite store does",
  async (url, schema) => {
    const pg = await PostgresEventStore.open({ url, schema });
    const lite = SqliteEventStore.open(":memory:");
    try {
      await scenario(pg);
      await scenario(lite);
      const [p, s] = [pg.reader(), lite.reader()];
      assert.deepEqual(
        (await p.timeline("AAPL", { days: 45 })).map(comparable),
        s.timeline("AAPL", { days: 45 }).map(comparable),
      );
      assert.equal((await p.timeline("AAPL", { days: 45 })).length, 8);
      const [pw, sw] = [await p.why("AAPL", "2021-03-01"), s.why("AAPL", "2021-03-01")];
      assert.deepEqual(
        pw.sessions.map((x) => x.events.map(comparable)),
        sw.sessions.map((x) => x.events.map(comparable)),
      );
      assert.equal(pw.sessions[0]?.events.at(-1)?.eventType, "order_filled");
      assert.deepEqual(await p.sessions(5), s.sessions(5));
      const ph = await p.health({ now: T0 + 1_000 }), sh = s.health({ now: T0 + 1_000 });
      assert.deepEqual({ ...ph, latestRun: null, incompleteRuns: [] }, {
        ...sh,
        latestRun: null,
        incompleteRuns: [],
      });
      assert.equal(ph.latestRun?.status, "finished");
    } finally {
      await pg.close();
      await lite.close();
    }
  },
);

pgTest(
  "the seed's queries run on PostgreSQL's portfolio_events view (JSONB metadata)",
  async (url, schema) => {
    const store = await PostgresEventStore.open({ url, schema });
    try {
      const log = await AuditLog.start(store, {
        configHash: "c",
        dataHash: "d",
        codeVersion: "t",
        asOf: "2021-03-01",
      });
      log.beginSession({ asOf: "2021-03-01" });
      log.record({
        type: "RegimeChanged",
        asOf: "2021-03-01",
        from: "Goldilocks",
        to: "Deflation",
        severity: "critical",
        overrideAuthorizations: ["grace_period"],
      });
      log.record({
        type: "ActionBlocked",
        asOf: "2021-03-01",
        asset: "MSFT",
        action: "close",
        rule: "grace_period",
        reason: "in grace",
        executionTimeMs: 2,
      });
      await log.finish();
      const reader = store.reader();
      const protection = await reader.sql(
        `SELECT event_type, COUNT(*)::int AS events, AVG(execution_time_ms) AS avg_time_ms
      FROM portfolio_events WHERE event_category = 'protection' GROUP BY event_type`,
      );
      assert.deepEqual(protection.rows, [{
        event_type: "protection_blocked",
        events: 1,
        avg_time_ms: 2,
      }]);
      const transitions = await reader.sql(
        `SELECT regime, COUNT(*)::int AS transitions, metadata->'override_authorizations' AS overrides
      FROM portfolio_events WHERE event_type = 'regime_transition' GROUP BY regime, metadata`,
      );
      assert.deepEqual(transitions.rows, [{
        regime: "Deflation",
        transitions: 1,
        overrides: ["grace_period"],
      }]);
      assert.deepEqual(transitions.columns, ["regime", "transitions", "overrides"]);
    } finally {
      await store.close();
    }
  },
);

pgTest("PostgreSQL sql() refuses statements that write", async (url, schema) => {
  const store = await PostgresEventStore.open({ url, schema });
  try {
    await scenario(store);
    const reader = store.reader();
    const refused = (e: unknown) => e instanceof InputError && e.message.includes("refused");
    await assert.rejects(reader.sql("WITH x AS (SELECT 1) DELETE FROM events"), refused);
    await assert.rejects(reader.sql("DELETE FROM events"), refused);
    assert.equal(Number((await reader.sql("SELECT count(*) AS n FROM events")).rows[0]?.n), 18);
  } finally {
    await store.close();
  }
});

pgTest(
  "two PostgreSQL writers on one store lose no event and number a repeated run .2",
  async (url, schema) => {
    const stores = [
      await PostgresEventStore.open({ url, schema, batchSize: 200 }),
      await PostgresEventStore.open({ url, schema, batchSize: 200 }),
    ];
    try {
      const logs = await Promise.all(stores.map((s) =>
        AuditLog.start(s, {
          configHash: "same",
          dataHash: "d",
          codeVersion: "t",
          asOf: "2012-01-02",
        })
      ));
      await Promise.all(logs.map(async (log) => {
        recordSyntheticSessions(log, { sessions: 20, assets: 20, changes: 3 });
        await log.finish();
      }));
      const ids = logs.map((l) => l.runId).sort();
      assert.deepEqual(ids, [ids[0], `${ids[0]}.2`]);
      const perRun = 2 + 20 * syntheticEventsPerSession({ assets: 20, changes: 3 });
      const reader = stores[0]?.reader();
      assert.equal(
        Number((await reader?.sql("SELECT count(*) AS n FROM portfolio_events"))?.rows[0]?.n),
        2 * perRun,
      );
      assert.deepEqual((await reader?.runs())?.map((r) => [r.status, r.events]), [[
        "finished",
        perRun,
      ], ["finished", perRun]]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  },
);

pgTest(
  "a schema that is not an event store, or has a newer version, is an InputError",
  async (url, schema, admin) => {
    await admin.unsafe(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.prices (ticker text)`);
    await assert.rejects(
      PostgresEventStore.open({ url, schema }),
      (e: unknown) => e instanceof InputError && e.message.includes("is not an audit event store"),
    );
    await admin.unsafe(`DROP SCHEMA ${schema} CASCADE`);
    await (await PostgresEventStore.open({ url, schema })).close();
    await admin.unsafe(`UPDATE ${schema}.audit_schema SET version = version + 1`);
    await assert.rejects(
      PostgresAuditReader.open(url, schema),
      (e: unknown) => e instanceof InputError && e.message.includes("newer than the version"),
    );
    await assert.rejects(
      PostgresAuditReader.open(url, `${schema}_missing`),
      (e: unknown) => e instanceof InputError && e.message.includes("holds no audit event store"),
    );
  },
);

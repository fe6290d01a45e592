/**
 * The PostgreSQL sweep store against a real server: the same contract as the
 * SQLite store, tables created once even when several processes open the
 * store together, and a server that is down gets one clear message.
 * Skips with a message without DATABASE_URL, except in CI.
 *
 * @module
 */
import assert from "node:assert/strict";
import { connectionFromEnv } from "../lib/db/connection.ts";
import { openDatabase } from "../lib/db/database.ts";
import { PostgresSweepStore } from "../lib/research/postgres_sweep_store.ts";
import { checkSweepStoreContract } from "../lib/research/testdata/sweep_store_contract.ts";
import {
  closedPort,
  requireConnection,
  scratchSchemaName,
  SKIP_DB_TESTS,
  withScratchSchema,
} from "./db_scratch.ts";

Deno.test({
  name: "PostgresSweepStore keeps the sweep store's contract",
  ignore: SKIP_DB_TESTS,
  async fn() {
    await withScratchSchema(async (db, schema) => {
      await checkSweepStoreContract(await PostgresSweepStore.open(db, schema));
    });
  },
});

Deno.test({
  name: "PostgresSweepStore.open() from several clients at once creates the tables once",
  ignore: SKIP_DB_TESTS,
  async fn() {
    const connection = requireConnection();
    const schema = scratchSchemaName();
    const clients = [1, 2, 3].map(() => openDatabase(connection, { maxConnections: 1 }));
    const sql = clients[0]?.sql;
    assert.ok(sql);
    try {
      const stores = await Promise.all(clients.map((db) => PostgresSweepStore.open(db, schema)));
      assert.equal(stores.length, 3);
      const [row] = await sql`SELECT count(*) AS n FROM ${sql(schema)}.sweep_store`;
      assert.equal(Number(row?.n), 1);
    } finally {
      await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
      await Promise.all(clients.map((db) => db.close()));
    }
  },
});

Deno.test({
  name: "PostgresSweepStore.open() on a server that is down is a ServiceError naming it",
  async fn() {
    const url = `postgres://engine:secret@127.0.0.1:${closedPort()}/engine_test`;
    const connection = connectionFromEnv((name) => name === "DATABASE_URL" ? url : undefined);
    assert.ok(connection);
    const db = openDatabase(connection, { connectTimeoutSeconds: 2 });
    try {
      await assert.rejects(PostgresSweepStore.open(db, "sweep"), (error: Error) => {
        assert.equal(error.name, "ServiceError");
        assert.match(
          error.message,
          /cannot connect to postgres:\/\/engine:\*\*\*@127\.0\.0\.1:\d+\/engine_test: connection refused/,
        );
        assert.doesNotMatch(error.message, /secret/);
        return true;
      });
    } finally {
      await db.close();
    }
  },
});

/**
 * The backtest's audit log in a shared PostgreSQL store (`--audit-store
 * postgres`), under the backtest's own permission set. Needs DATABASE_URL (or
 * DB_HOST...): skipped with a message without one, required when CI=true.
 *
 * @module
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { resultsScratch, runTask } from "./_task.ts";

const url = Deno.env.get("DATABASE_URL");
const required = Deno.env.get("CI") === "true";
if (!url && !required) console.log("skipping PostgreSQL audit tests: DATABASE_URL is not set");

Deno.test({
  name: "backtest --audit-store postgres records the run in a shared store that audit reads",
  ignore: !url && !required,
  async fn() {
    assert.ok(url, "CI=true requires DATABASE_URL for the PostgreSQL tests");
    const schema = `audit_bt_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const { dir, cleanup } = await resultsScratch("audit-pg");
    const sql = postgres(url, { onnotice: () => {} });
    try {
      const run = await runTask("backtest", "backtest", [
        "--audit-store",
        "postgres",
        "--audit-schema",
        schema,
        "--start-date",
        "2020-06-01",
        "--no-report",
        "--results-dir",
        dir,
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`postgres schema ${schema}`));
      const rows = await sql.unsafe(
        `SELECT event_type, COUNT(*)::int AS n FROM ${schema}.portfolio_events GROUP BY event_type`,
      );
      const counts = Object.fromEntries(rows.map((r) => [r.event_type, r.n]));
      assert.equal(counts["run_start"], 1);
      assert.equal(counts["run_finish"], 1);
      assert.ok(counts["regime_detected"] > 0);
      assert.ok(counts["order_filled"] > 0);
    } finally {
      await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sql.end();
      await cleanup();
    }
  },
});

Deno.test({
  name: "backtest --audit-store postgres with the database down exits 2 with one message",
  ignore: !url && !required,
  async fn() {
    const { dir, cleanup } = await resultsScratch("audit-pg-down");
    try {
      const run = await runTask("backtest", "backtest", [
        "--audit-store",
        "postgres",
        "--no-report",
        "--results-dir",
        dir,
      ], { DATABASE_URL: "postgres://engine:engine@127.0.0.1:5432/no_such_database_here" });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /no_such_database_here|does not exist/);
      assert.doesNotMatch(run.stderr, /engine:engine/, "the password is never printed");
    } finally {
      await cleanup();
    }
  },
});

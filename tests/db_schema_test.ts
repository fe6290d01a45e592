import assert from "node:assert/strict";
import { checkDatabase, initSchema, REQUIRED_INDEXES } from "../lib/db/schema.ts";
import { dbMain } from "../scripts/db.ts";
import { SKIP_DB_TESTS, TEST_CONNECTION, withScratchSchema } from "./db_scratch.ts";

const ignore = SKIP_DB_TESTS;

Deno.test({
  name: "checkDatabase() reports an empty schema as not ready, with both tables missing",
  ignore,
  fn: () =>
    withScratchSchema(async (db, schema) => {
      const check = await checkDatabase(db);
      assert.equal(check.schema, schema);
      assert.deepEqual(check.tablesFound, []);
      assert.deepEqual(check.tablesMissing, ["research", "scanner_historical"]);
      assert.equal(check.ready, false);
    }),
});

Deno.test({
  name:
    "initSchema() creates the seed's tables and six indexes, and running it twice changes nothing",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      await db.sql`INSERT INTO research (regime, created_at) VALUES ('Goldilocks', '2024-01-15')`;
      await initSchema(db);
      const check = await checkDatabase(db);
      assert.deepEqual(check.tablesFound, ["research", "scanner_historical"]);
      assert.deepEqual(check.columnsMissing, []);
      assert.deepEqual(check.indexesMissing, []);
      assert.equal(check.ready, true);
      const [kept] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM research`;
      assert.equal(kept?.n, 1);
      const indexes = await db.sql<{ indexname: string }[]>`
        SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'idx_%'
        ORDER BY indexname`;
      assert.deepEqual(
        indexes.map((i) => i.indexname),
        Object.values(REQUIRED_INDEXES).flat().sort(),
      );
    }),
});

Deno.test({
  name:
    "initSchema() keeps the seed's unique key on (ticker, timeframe, date) and the '1d' default",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await initSchema(db);
      await db.sql`INSERT INTO scanner_historical (ticker, market, confidence, date)
        VALUES ('SPY', 'trending', 0.8, '2024-07-26')`;
      const [row] = await db.sql<{ timeframe: string }[]>`SELECT timeframe FROM scanner_historical`;
      assert.equal(row?.timeframe, "1d");
      await assert.rejects(
        () =>
          db.sql`INSERT INTO scanner_historical (ticker, market, confidence, date)
          VALUES ('SPY', 'ranging', 0.5, '2024-07-26')`,
        /unique/,
      );
    }),
});

Deno.test({
  name: "checkDatabase() names a required column missing from an existing table",
  ignore,
  fn: () =>
    withScratchSchema(async (db) => {
      await db.sql`CREATE TABLE research (id SERIAL PRIMARY KEY, regime VARCHAR(50))`;
      const check = await checkDatabase(db);
      assert.deepEqual(check.tablesFound, ["research"]);
      assert.deepEqual(check.columnsMissing, [
        "research.buckets",
        "research.created_at",
        "research.confidence",
        "research.metadata",
      ]);
      assert.equal(check.ready, false);
    }),
});

Deno.test({
  name:
    "db init then db check print the hidden-password connection, the tables and 'database ready'",
  ignore,
  fn: () =>
    withScratchSchema(async (_db, schema) => {
      const env = (name: string) => Deno.env.get(name);
      const lines: string[] = [];
      const before = await dbMain(["check", "--schema", schema], {
        env,
        print: (l) => lines.push(l),
      });
      assert.equal(before, 1);
      assert.equal(lines.at(-1), "database not ready (run `deno task db init`)");
      lines.length = 0;
      assert.equal(await dbMain(["init", "--schema", schema], { env, print: () => {} }), 0);
      assert.equal(
        await dbMain(["check", "--schema", schema], { env, print: (l) => lines.push(l) }),
        0,
      );
      assert.equal(lines.length, 4);
      assert.equal(lines[0], `connection: ${TEST_CONNECTION?.toString()}`);
      assert.match(lines[0] ?? "", /^connection: postgres:\/\/[^:@]+(:\*\*\*)?@/);
      assert.match(
        lines[1] ?? "",
        new RegExp(`^server: PostgreSQL [0-9.]+ \\(schema ${schema}\\)$`),
      );
      assert.equal(lines[2], "tables found: research, scanner_historical");
      assert.equal(lines[3], "database ready");
    }),
});

Deno.test({
  name: "db check --json prints one object with the tables found and ready: true",
  ignore,
  fn: () =>
    withScratchSchema(async (db, schema) => {
      await initSchema(db);
      const lines: string[] = [];
      const code = await dbMain(["check", "--json", "--schema", schema], {
        env: (name) => Deno.env.get(name),
        print: (l) => lines.push(l),
      });
      assert.equal(code, 0);
      assert.equal(lines.length, 1);
      const report = JSON.parse(lines[0] ?? "{}");
      assert.equal(report.ready, true);
      assert.equal(report.schema, schema);
      assert.deepEqual(report.tablesFound, ["research", "scanner_historical"]);
      assert.equal(report.connection, TEST_CONNECTION?.toString());
    }),
});

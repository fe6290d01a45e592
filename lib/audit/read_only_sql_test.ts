import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { readOnlyStatement } from "./read_only_sql.ts";

Deno.test("readOnlyStatement() accepts SELECT, WITH and EXPLAIN, after comments, dropping a final ';'", () => {
  assert.equal(readOnlyStatement("  select 1;  "), "select 1");
  assert.equal(
    readOnlyStatement("-- note\n/* block */ WITH x AS (SELECT 1) SELECT * FROM x"),
    "-- note\n/* block */ WITH x AS (SELECT 1) SELECT * FROM x",
  );
  assert.equal(readOnlyStatement("EXPLAIN QUERY PLAN SELECT 1"), "EXPLAIN QUERY PLAN SELECT 1");
});

Deno.test("readOnlyStatement() ignores ';' inside strings, identifiers and comments", () => {
  assert.equal(readOnlyStatement("SELECT 'a;b', \"c;d\" -- e;f\n"), "SELECT 'a;b', \"c;d\" -- e;f");
  assert.equal(readOnlyStatement("SELECT 'it''s; fine'"), "SELECT 'it''s; fine'");
});

Deno.test("readOnlyStatement() refuses statements that write, naming the keyword", () => {
  for (
    const [sql, keyword] of [
      ["DELETE FROM events", "DELETE"],
      ["insert into runs values (1)", "INSERT"],
      ["PRAGMA user_version = 9", "PRAGMA"],
      ["ATTACH 'x.db' AS x", "ATTACH"],
      ["/* SELECT */ DROP TABLE events", "DROP"],
    ]
  ) {
    assert.throws(
      () => readOnlyStatement(sql as string),
      (e: unknown) =>
        e instanceof InputError && e.message.includes(`refused a ${keyword} statement`),
    );
  }
});

Deno.test("readOnlyStatement() refuses two statements and an empty one", () => {
  assert.throws(() => readOnlyStatement("SELECT 1; DELETE FROM events"), /one statement only/);
  assert.throws(() => readOnlyStatement(" -- nothing\n ; "), /empty/);
});

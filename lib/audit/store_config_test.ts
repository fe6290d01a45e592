import assert from "node:assert/strict";
import { AuditLog } from "./audit_log.ts";
import { MemorySink, NullSink } from "./event_sink.ts";
import { InputError } from "../errors.ts";
import { openAuditReader, openEventSink, parseAuditStoreConfig } from "./store_config.ts";
import { SqliteEventStore } from "./sqlite_store.ts";

Deno.test("parseAuditStoreConfig() fills defaults", () => {
  assert.deepEqual(parseAuditStoreConfig({ kind: "sqlite" }), {
    kind: "sqlite",
    path: "results/audit.db",
  });
  assert.deepEqual(parseAuditStoreConfig({ kind: "postgres", url: "postgres://u@h/db" }), {
    kind: "postgres",
    url: "postgres://u@h/db",
    schema: "audit",
  });
});

Deno.test("parseAuditStoreConfig() refuses unknown keys, bad URLs and bad schema names, by path", () => {
  const problems = (value: unknown) => {
    try {
      parseAuditStoreConfig(value, "config.audit");
      return [];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return error.problems;
    }
  };
  assert.match(problems({ kind: "sqlite", colour: "red" }).join(), /^config\.audit: .*colour/);
  assert.match(
    problems({ kind: "postgres", url: "mysql://h/db" }).join(),
    /^config\.audit\.url: must be a postgres:\/\/ URL/,
  );
  assert.match(
    problems({ kind: "postgres", url: "postgres://h/db", schema: "Bad-Name" }).join(),
    /^config\.audit\.schema: /,
  );
});

Deno.test("openEventSink() gives the sink the config names; openAuditReader() reads a SQLite store", async () => {
  assert.ok(await openEventSink({ kind: "none" }) instanceof NullSink);
  assert.ok(await openEventSink({ kind: "memory" }) instanceof MemorySink);
  const dir = await Deno.makeTempDir();
  try {
    const sink = await openEventSink({ kind: "sqlite", path: `${dir}/audit.db`, batchSize: 10 });
    assert.ok(sink instanceof SqliteEventStore);
    const log = await AuditLog.start(sink, {
      configHash: "c",
      dataHash: "d",
      codeVersion: "t",
      asOf: "2021-03-01",
    });
    await log.finish();
    await sink.close();
    const reader = await openAuditReader({ kind: "sqlite", path: `${dir}/audit.db` });
    assert.deepEqual((await reader.runs()).map((r) => r.status), ["finished"]);
    await reader.close();
    await assert.rejects(openAuditReader({ kind: "memory" }), RangeError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

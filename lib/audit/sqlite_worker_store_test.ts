import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { InputError } from "../errors.ts";
import { MemorySink } from "./event_sink.ts";
import { packBatch, unpackBatch } from "./packed_batch.ts";
import { SqliteAuditReader } from "./sqlite_reader.ts";
import { SqliteEventStore } from "./sqlite_store.ts";
import { SqliteWorkerStore } from "./sqlite_worker_store.ts";
import { scenario } from "./testdata/scenario.ts";

Deno.test("packBatch() and unpackBatch() keep every field, with metadata as its JSON", async () => {
  const sink = new MemorySink();
  await scenario(sink);
  const { records, metadataJson } = unpackBatch(packBatch(sink.events));
  assert.deepEqual(records, sink.events.map((e) => ({ ...e, metadata: null })));
  assert.deepEqual(
    metadataJson,
    sink.events.map((e) => (e.metadata === null ? null : JSON.stringify(e.metadata))),
  );
});

Deno.test("SqliteWorkerStore writes the same store as SqliteEventStore", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const direct = SqliteEventStore.open(`${dir}/direct.db`);
    await scenario(direct);
    await direct.close();
    // Small posts and transactions, so the scenario crosses several of each.
    const worker = await SqliteWorkerStore.open(`${dir}/worker.db`, { postSize: 3, batchSize: 5 });
    await scenario(worker);
    await worker.close();
    const dump = (path: string) => {
      const reader = SqliteAuditReader.open(path);
      try {
        return [
          reader.sql("SELECT * FROM portfolio_events ORDER BY id").rows,
          reader.runs(),
          reader.sessions(10),
        ];
      } finally {
        reader.close();
      }
    };
    const [directDump, workerDump] = [dump(`${dir}/direct.db`), dump(`${dir}/worker.db`)];
    assert.equal((directDump[0] as unknown[]).length, 18);
    assert.deepEqual(workerDump, directDump);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("SqliteWorkerStore.open() passes on the InputError for a file that is not an event store", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const db = new DatabaseSync(`${dir}/other.db`);
    db.exec("CREATE TABLE prices (ticker TEXT)");
    db.close();
    await assert.rejects(
      SqliteWorkerStore.open(`${dir}/other.db`),
      (e: unknown) => e instanceof InputError && e.message.includes("is not an audit event store"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

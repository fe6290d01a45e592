import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { SqliteSweepStore } from "./sqlite_sweep_store.ts";
import { checkSweepStoreContract } from "./testdata/sweep_store_contract.ts";

Deno.test("SqliteSweepStore keeps the sweep store's contract", async () => {
  const store = SqliteSweepStore.open(":memory:");
  try {
    await checkSweepStoreContract(store);
  } finally {
    await store.close();
  }
});

Deno.test("SqliteSweepStore refuses a store written by a newer layout, and a path it cannot open", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sweep_store_" });
  try {
    const path = join(dir, "sweep.db");
    await SqliteSweepStore.open(path).close();
    const db = new DatabaseSync(path);
    db.exec("UPDATE sweep_store SET version = 99");
    db.close();
    assert.throws(
      () => SqliteSweepStore.open(path),
      /sweep store .*sweep\.db has layout version 99; this engine reads up to 1/,
    );
    assert.throws(
      () => SqliteSweepStore.open(join(dir, "missing", "sweep.db")),
      /sweep store .*: cannot be opened/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

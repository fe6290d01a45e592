/**
 * Safety of the SQLite event store across processes: a writer killed with
 * SIGKILL leaves a consistent store with its run incomplete and every event it
 * reported committed; two writers on one store lose nothing. Needs --allow-run.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { SqliteAuditReader } from "../lib/audit/mod.ts";

const CHILD = new URL("../lib/audit/testdata/writer_child.ts", import.meta.url).pathname;

function spawnWriter(store: string, args: string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "--allow-read", "--allow-write", CHILD, store, ...args],
    stdin: args.includes("wait") ? "piped" : "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
}

/** A child's stdout, line by line. */
class Lines {
  readonly #reader: ReadableStreamDefaultReader<string>;
  #pending = "";
  constructor(child: Deno.ChildProcess) {
    this.#reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  }
  /** Reads until a line passes `stop`; returns it. */
  async until(stop: (line: string) => boolean): Promise<string> {
    for (;;) {
      let newline: number;
      while ((newline = this.#pending.indexOf("\n")) >= 0) {
        const line = this.#pending.slice(0, newline);
        this.#pending = this.#pending.slice(newline + 1);
        if (stop(line)) return line;
      }
      const { value, done } = await this.#reader.read();
      if (done) {
        throw new Error(`writer ended before the expected line; last output: ${this.#pending}`);
      }
      this.#pending += value;
    }
  }
  close(): Promise<void> {
    return this.#reader.cancel();
  }
}

function integrity(path: string): string {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return String(db.prepare("PRAGMA integrity_check").get()?.integrity_check);
  } finally {
    db.close();
  }
}

async function killedWriter(mode: string[]): Promise<void> {
  const dir = await Deno.makeTempDir();
  const store = `${dir}/audit.db`;
  try {
    const child = spawnWriter(store, ["forever", ...mode]);
    const lines = new Lines(child);
    const line = await lines.until((l) =>
      l.startsWith("committed ") && Number(l.split(" ")[1]) >= 2_000
    );
    child.kill("SIGKILL");
    await lines.close();
    const status = await child.status;
    assert.equal(status.signal, "SIGKILL");
    const reported = Number(line.split(" ")[1]);

    assert.equal(integrity(store), "ok");
    const reader = SqliteAuditReader.open(store);
    try {
      const [run] = reader.runs();
      assert.equal(run?.status, "running");
      assert.equal(run?.complete, false);
      assert.equal(run?.finishedAt, null);
      const stored = Number(reader.sql("SELECT count(*) AS n FROM portfolio_events").rows[0]?.n);
      assert.ok(
        stored >= reported,
        `stored ${stored} events, the writer reported ${reported} committed`,
      );
      // The run's counters were committed with its events.
      assert.equal(run?.events, stored);
      const groups = Number(reader.sql("SELECT count(*) AS n FROM event_groups").rows[0]?.n);
      assert.equal(groups > 0, mode.includes("orders"));
      assert.equal(reader.health().runs.incomplete, 1);
      assert.ok(reader.sessions(1).every((s) => !s.complete));
    } finally {
      reader.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a writer killed with SIGKILL leaves a consistent store, its run incomplete, its committed events kept", async () => {
  await killedWriter([]);
});

Deno.test("a run's own store (no syncs, order groups) killed with SIGKILL is as consistent", async () => {
  await killedWriter(["orders"]);
});

Deno.test("two processes writing one store at once lose no event", async () => {
  const dir = await Deno.makeTempDir();
  const store = `${dir}/audit.db`;
  try {
    const writers = [spawnWriter(store, ["200", "wait"]), spawnWriter(store, ["200", "wait"])];
    const outputs = writers.map((w) => new Lines(w));
    await Promise.all(outputs.map((o) => o.until((l) => l === "ready")));
    for (const w of writers) {
      const stdin = w.stdin.getWriter();
      await stdin.write(new TextEncoder().encode("go\n"));
      await stdin.close();
    }
    const lines = await Promise.all(outputs.map((o) => o.until((l) => l.startsWith("done "))));
    await Promise.all(outputs.map((o) => o.close()));
    const statuses = await Promise.all(writers.map((w) => w.status));
    assert.deepEqual(statuses.map((s) => s.code), [0, 0]);
    const written = lines.map((l) => Number(l.split(" ")[1]));
    const runIds = lines.map((l) => String(l.split(" ")[2])).sort();

    assert.equal(integrity(store), "ok");
    const reader = SqliteAuditReader.open(store);
    try {
      const stored = Number(reader.sql("SELECT count(*) AS n FROM portfolio_events").rows[0]?.n);
      assert.equal(stored, (written[0] ?? 0) + (written[1] ?? 0));
      // Same config and data: the second run to register was numbered .2.
      const base = runIds[0] ?? "";
      assert.deepEqual(runIds, [base, `${base}.2`]);
      const runs = reader.runs();
      assert.deepEqual(runs.map((r) => r.status), ["finished", "finished"]);
      assert.deepEqual(runs.map((r) => r.events).sort(), [...written].sort());
      // The writers did overlap: each run's events span ids of the other's.
      const spans =
        reader.sql("SELECT first_event AS a, last_event AS b FROM runs ORDER BY id").rows;
      const [x, y] = spans.map((r) => ({ first: Number(r.a), last: Number(r.b) }));
      assert.ok(
        x !== undefined && y !== undefined && x.first < y.last && y.first < x.last,
        `runs did not interleave: ${JSON.stringify(spans)}`,
      );
    } finally {
      reader.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

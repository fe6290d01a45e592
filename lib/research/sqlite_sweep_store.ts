/**
 * The sweep store in a SQLite file (WAL), the default: `results/sweeps/<name>/sweep.db`.
 * Each finished run is one `INSERT ... ON CONFLICT DO NOTHING` (atomic, so a
 * kill leaves no half-written row). Several processes may share the file:
 * writers wait for each other (busy timeout) and the primary key keeps any
 * run from being stored twice.
 *
 * @module
 */
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { InputError } from "../errors.ts";
import type { MetricName } from "./sweep_metric.ts";
import { metricSpec } from "./sweep_metric.ts";
import type { PlannedRun } from "./sweep_plan.ts";
import { decodeReturns, encodeReturns, type SweepRunRecord } from "./sweep_record.ts";
import {
  dataMismatch,
  newerStore,
  sqliteJsonPath,
  type StoredReturns,
  type StoredRun,
  storedRunOf,
  SWEEP_STORE_VERSION,
  type SweepDefinition,
  type SweepProgress,
  type SweepStore,
} from "./sweep_store.ts";

const DDL = `
CREATE TABLE IF NOT EXISTS sweep_store (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sweeps (
  name TEXT PRIMARY KEY,
  data_hash TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sweep_calendars (id TEXT PRIMARY KEY, dates TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sweep_plan (
  sweep TEXT NOT NULL,
  position INTEGER NOT NULL,
  config_hash TEXT NOT NULL,
  params TEXT NOT NULL,
  PRIMARY KEY (sweep, config_hash)
);
CREATE INDEX IF NOT EXISTS sweep_plan_position ON sweep_plan (sweep, position);
CREATE TABLE IF NOT EXISTS sweep_runs (
  sweep TEXT NOT NULL,
  config_hash TEXT NOT NULL,
  params TEXT NOT NULL,
  metrics TEXT NOT NULL,
  summary TEXT NOT NULL,
  calendar_id TEXT NOT NULL REFERENCES sweep_calendars (id),
  returns BLOB NOT NULL,
  duration_ms REAL NOT NULL,
  finished_at TEXT NOT NULL,
  PRIMARY KEY (sweep, config_hash)
);
`;

type Row = Record<string, unknown>;

/**
 * A SQLite sweep store; see the module doc.
 *
 * @example A run stored once, however often it is put
 * ```ts
 * import assert from "node:assert/strict";
 * import { SqliteSweepStore } from "./sqlite_sweep_store.ts";
 * import { sweepRecordOf } from "./sweep_record.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const store = SqliteSweepStore.open(":memory:");
 * const record = sweepRecordOf(syntheticRunResult({ assets: 2, days: 30 }), { "sizing.minScore": 0.6 }, 5);
 * await store.begin({
 *   name: "demo", source: "example", dataHash: "d", codeVersion: "test", baseConfigHash: "b",
 *   parameters: [{ path: "sizing.minScore", values: [0.6] }], metric: "sharpe", runs: 1,
 * }, [{ position: 0, params: record.params, configHash: record.configHash }]);
 * await store.putCalendar(record.calendar.id, Array.from({ length: 30 }, (_, i) => `d${i}`));
 * assert.equal(await store.put("demo", record), true);
 * assert.equal(await store.put("demo", record), false);
 * assert.deepEqual(await store.progress("demo"), { planned: 1, stored: 1 });
 * await store.close();
 * ```
 */
export class SqliteSweepStore implements SweepStore {
  readonly kind = "sqlite" as const;
  readonly location: string;
  readonly #db: DatabaseSync;
  readonly #insertRun: StatementSync;
  readonly #insertCalendar: StatementSync;
  readonly #calendars = new Set<string>();

  private constructor(path: string, db: DatabaseSync) {
    this.location = path;
    this.#db = db;
    this.#insertRun = db.prepare(
      "INSERT INTO sweep_runs (sweep, config_hash, params, metrics, summary, calendar_id, returns, " +
        "duration_ms, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.#insertCalendar = db.prepare(
      "INSERT INTO sweep_calendars (id, dates) VALUES (?, ?) ON CONFLICT DO NOTHING",
    );
  }

  /** Opens (creating when needed) the store at `path`; an {@link InputError} when it cannot. */
  static open(path: string): SqliteSweepStore {
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(path);
      db.exec("PRAGMA busy_timeout = 10000");
      if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
      db.exec("BEGIN IMMEDIATE");
      db.exec(DDL);
      const row = db.prepare("SELECT max(version) AS v FROM sweep_store").get() as Row;
      const version = row.v as number | null;
      if (version === null) {
        db.prepare("INSERT INTO sweep_store (version) VALUES (?)").run(SWEEP_STORE_VERSION);
      }
      db.exec("COMMIT");
      if (version !== null && version > SWEEP_STORE_VERSION) {
        db.close();
        throw newerStore(path, version);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`sweep store ${path}: cannot be opened (${(error as Error).message})`, {
        cause: error,
      });
    }
    return new SqliteSweepStore(path, db);
  }

  // deno-lint-ignore require-await
  async begin(definition: SweepDefinition, plan: readonly PlannedRun[]): Promise<void> {
    const db = this.#db;
    db.exec("BEGIN IMMEDIATE");
    try {
      const held = db.prepare("SELECT data_hash FROM sweeps WHERE name = ?").get(definition.name) as
        | Row
        | undefined;
      if (held !== undefined && held.data_hash !== definition.dataHash) {
        throw dataMismatch(definition.name, String(held.data_hash), definition.dataHash);
      }
      const now = new Date().toISOString();
      db.prepare(
        "INSERT INTO sweeps (name, data_hash, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?) " +
          "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at",
      ).run(definition.name, definition.dataHash, JSON.stringify(definition), now, now);
      db.prepare("DELETE FROM sweep_plan WHERE sweep = ?").run(definition.name);
      const insert = db.prepare(
        "INSERT INTO sweep_plan (sweep, position, config_hash, params) VALUES (?, ?, ?, ?)",
      );
      for (const run of plan) {
        insert.run(definition.name, run.position, run.configHash, JSON.stringify(run.params));
      }
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }

  definition(name: string): Promise<SweepDefinition | undefined> {
    const row = this.#db.prepare("SELECT definition FROM sweeps WHERE name = ?").get(name) as
      | Row
      | undefined;
    return Promise.resolve(row ? JSON.parse(String(row.definition)) : undefined);
  }

  storedHashes(name: string): Promise<Set<string>> {
    const out = new Set<string>();
    const query = this.#db.prepare("SELECT config_hash FROM sweep_runs WHERE sweep = ?");
    for (const row of query.iterate(name) as Iterable<Row>) out.add(String(row.config_hash));
    return Promise.resolve(out);
  }

  putCalendar(id: string, dates: readonly string[]): Promise<void> {
    if (!this.#calendars.has(id)) {
      this.#insertCalendar.run(id, JSON.stringify(dates));
      this.#calendars.add(id);
    }
    return Promise.resolve();
  }

  put(name: string, record: SweepRunRecord): Promise<boolean> {
    const result = this.#insertRun.run(
      name,
      record.configHash,
      JSON.stringify(record.params),
      JSON.stringify(record.metrics),
      JSON.stringify(record.summary),
      record.calendar.id,
      encodeReturns(record.returns),
      record.durationMs,
      new Date().toISOString(),
    );
    return Promise.resolve(Number(result.changes) === 1);
  }

  async *ranked(name: string, metric: MetricName, limit?: number): AsyncIterable<StoredRun> {
    const spec = metricSpec(metric);
    const order = spec.better === "higher" ? "DESC" : "ASC";
    const query = this.#db.prepare(
      "SELECT p.position, r.config_hash, r.params, r.metrics, r.summary, r.calendar_id, r.duration_ms, " +
        "json_extract(r.metrics, ?) AS score FROM sweep_plan p JOIN sweep_runs r " +
        "ON r.sweep = p.sweep AND r.config_hash = p.config_hash WHERE p.sweep = ? " +
        `ORDER BY score IS NULL, score ${order}, p.position` +
        (limit === undefined ? "" : " LIMIT ?"),
    );
    const args = [sqliteJsonPath(spec.path), name, ...(limit === undefined ? [] : [limit])];
    for (const row of query.iterate(...args) as Iterable<Row>) yield storedRunOf(row);
  }

  returns(name: string, configHash: string): Promise<StoredReturns | undefined> {
    const row = this.#db.prepare(
      "SELECT r.returns, c.dates FROM sweep_runs r JOIN sweep_calendars c ON c.id = r.calendar_id " +
        "WHERE r.sweep = ? AND r.config_hash = ?",
    ).get(name, configHash) as Row | undefined;
    if (row === undefined) return Promise.resolve(undefined);
    return Promise.resolve({
      configHash,
      dates: JSON.parse(String(row.dates)),
      returns: decodeReturns(row.returns as Uint8Array),
    });
  }

  async *allReturns(name: string): AsyncIterable<StoredReturns & { readonly position: number }> {
    const calendars = new Map<string, readonly string[]>();
    const query = this.#db.prepare(
      "SELECT p.position, r.config_hash, r.calendar_id, r.returns FROM sweep_plan p JOIN sweep_runs r " +
        "ON r.sweep = p.sweep AND r.config_hash = p.config_hash WHERE p.sweep = ? ORDER BY p.position",
    );
    const calendar = this.#db.prepare("SELECT dates FROM sweep_calendars WHERE id = ?");
    for (const row of query.iterate(name) as Iterable<Row>) {
      const id = String(row.calendar_id);
      let dates = calendars.get(id);
      if (dates === undefined) {
        dates = JSON.parse(String((calendar.get(id) as Row).dates)) as string[];
        calendars.set(id, dates);
      }
      yield {
        position: Number(row.position),
        configHash: String(row.config_hash),
        dates,
        returns: decodeReturns(row.returns as Uint8Array),
      };
    }
  }

  progress(name: string): Promise<SweepProgress> {
    const row = this.#db.prepare(
      "SELECT (SELECT count(*) FROM sweep_plan WHERE sweep = ?) AS planned, " +
        "(SELECT count(*) FROM sweep_plan p JOIN sweep_runs r ON r.sweep = p.sweep " +
        "AND r.config_hash = p.config_hash WHERE p.sweep = ?) AS stored",
    ).get(name, name) as Row;
    return Promise.resolve({ planned: Number(row.planned), stored: Number(row.stored) });
  }

  /** Closes the file (again: nothing). */
  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }
}

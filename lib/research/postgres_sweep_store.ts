/**
 * The sweep store in PostgreSQL (`deno task sweep --store postgres`): the same
 * tables as the SQLite store in one schema (default `sweep`), JSONB for the
 * JSON columns and BYTEA for the returns, shared by any number of processes
 * and machines pointing at the same database. Creating the tables takes an
 * advisory lock, so processes starting together do not race; each run is one
 * `INSERT ... ON CONFLICT DO NOTHING`.
 *
 * @module
 */
import { checkSchemaName } from "../audit/postgres_schema.ts";
import type postgres from "postgres";
import { type Database, databaseError, guardQuery, type Sql } from "../db/database.ts";
import { describeConnection } from "../db/connection.ts";
import { type MetricName, metricSpec } from "./sweep_metric.ts";
import type { PlannedRun } from "./sweep_plan.ts";
import { decodeReturns, encodeReturns, type SweepRunRecord } from "./sweep_record.ts";
import {
  dataMismatch,
  newerStore,
  type StoredReturns,
  type StoredRun,
  storedRunOf,
  SWEEP_STORE_VERSION,
  type SweepDefinition,
  type SweepProgress,
  type SweepStore,
} from "./sweep_store.ts";

/** A value as a JSONB parameter (a string passed as text and cast would be stored as a JSON string). */
function _json(sql: Sql | postgres.TransactionSql, value: unknown) {
  return sql.json(value as postgres.JSONValue);
}

/** The default schema of the PostgreSQL sweep store. */
export const DEFAULT_SWEEP_SCHEMA = "sweep";

function _ddl(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.sweep_store (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.sweeps (
  name text PRIMARY KEY,
  data_hash text NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.sweep_calendars (id text PRIMARY KEY, dates jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.sweep_plan (
  sweep text NOT NULL,
  position integer NOT NULL,
  config_hash text NOT NULL,
  params jsonb NOT NULL,
  PRIMARY KEY (sweep, config_hash)
);
CREATE INDEX IF NOT EXISTS sweep_plan_position ON ${s}.sweep_plan (sweep, position);
CREATE TABLE IF NOT EXISTS ${s}.sweep_runs (
  sweep text NOT NULL,
  config_hash text NOT NULL,
  params jsonb NOT NULL,
  metrics jsonb NOT NULL,
  summary jsonb NOT NULL,
  calendar_id text NOT NULL REFERENCES ${s}.sweep_calendars (id),
  returns bytea NOT NULL,
  duration_ms double precision NOT NULL,
  finished_at timestamptz NOT NULL,
  PRIMARY KEY (sweep, config_hash)
);
`;
}

/**
 * A PostgreSQL sweep store over an open {@link Database}; the caller closes
 * the database. Failures of the server are `ServiceError`s naming it.
 */
export class PostgresSweepStore implements SweepStore {
  readonly kind = "postgres" as const;
  readonly location: string;
  /** The PostgreSQL schema holding the tables. */
  readonly schema: string;
  readonly #db: Database;
  readonly #calendars = new Set<string>();

  private constructor(db: Database, schema: string) {
    this.#db = db;
    this.schema = schema;
    this.location = `${describeConnection(db.connection)} schema ${schema}`;
  }

  /** Opens the store in `schema` (creating its tables when needed). */
  static async open(db: Database, schema = DEFAULT_SWEEP_SCHEMA): Promise<PostgresSweepStore> {
    const s = checkSchemaName(schema);
    const store = new PostgresSweepStore(db, s);
    const version = await guardQuery(
      db,
      "create the sweep store",
      () =>
        db.sql.begin(async (tx) => {
          await tx`SELECT pg_advisory_xact_lock(hashtext(${`sweep store ${s}`}))`;
          await tx.unsafe(_ddl(s));
          const [row] = await tx`SELECT max(version) AS v FROM ${tx(s)}.sweep_store`;
          const v = row?.v as number | null;
          if (v === null || v === undefined) {
            await tx`INSERT INTO ${tx(s)}.sweep_store (version) VALUES (${SWEEP_STORE_VERSION})`;
          }
          return v ?? null;
        }),
    );
    if (version !== null && version > SWEEP_STORE_VERSION) {
      throw newerStore(store.location, version);
    }
    return store;
  }

  async begin(definition: SweepDefinition, plan: readonly PlannedRun[]): Promise<void> {
    const s = this.schema;
    const { name } = definition;
    await this.#guard("register the sweep", () =>
      this.#db.sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(hashtext(${`sweep ${s}.${name}`}))`;
        const [held] = await tx`SELECT data_hash FROM ${tx(s)}.sweeps WHERE name = ${name}`;
        if (held !== undefined && held.data_hash !== definition.dataHash) {
          throw dataMismatch(name, String(held.data_hash), definition.dataHash);
        }
        await tx`INSERT INTO ${tx(s)}.sweeps (name, data_hash, definition, created_at, updated_at)
          VALUES (${name}, ${definition.dataHash}, ${_json(tx, definition)}, now(), now())
          ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = now()`;
        await tx`DELETE FROM ${tx(s)}.sweep_plan WHERE sweep = ${name}`;
        for (let i = 0; i < plan.length; i += 1000) {
          const rows = plan.slice(i, i + 1000).map((r) => ({
            sweep: name,
            position: r.position,
            config_hash: r.configHash,
            params: _json(tx, r.params),
          }));
          await tx`INSERT INTO ${tx(s)}.sweep_plan ${tx(rows)}`;
        }
      }));
  }

  async definition(name: string): Promise<SweepDefinition | undefined> {
    const s = this.schema;
    const [row] = await this.#guard(
      "read the sweep",
      () => this.#db.sql`SELECT definition FROM ${this.#db.sql(s)}.sweeps WHERE name = ${name}`,
    );
    return row?.definition as SweepDefinition | undefined;
  }

  async storedHashes(name: string): Promise<Set<string>> {
    const s = this.schema;
    const rows = await this.#guard(
      "read the stored runs",
      () =>
        this.#db.sql`SELECT config_hash FROM ${this.#db.sql(s)}.sweep_runs WHERE sweep = ${name}`,
    );
    return new Set(rows.map((r) => String(r.config_hash)));
  }

  async putCalendar(id: string, dates: readonly string[]): Promise<void> {
    if (this.#calendars.has(id)) return;
    const sql = this.#db.sql;
    await this.#guard(
      "store a calendar",
      () =>
        sql`INSERT INTO ${sql(this.schema)}.sweep_calendars (id, dates)
        VALUES (${id}, ${_json(sql, dates)}) ON CONFLICT DO NOTHING`,
    );
    this.#calendars.add(id);
  }

  async put(name: string, record: SweepRunRecord): Promise<boolean> {
    const sql = this.#db.sql;
    const result = await this.#guard(
      "store a run",
      () =>
        sql`INSERT INTO ${
          sql(this.schema)
        }.sweep_runs (sweep, config_hash, params, metrics, summary,
        calendar_id, returns, duration_ms, finished_at) VALUES (${name}, ${record.configHash},
        ${_json(sql, record.params)}, ${_json(sql, record.metrics)},
        ${_json(sql, record.summary)}, ${record.calendar.id},
        ${encodeReturns(record.returns)}, ${record.durationMs}, now()) ON CONFLICT DO NOTHING`,
    );
    return result.count === 1;
  }

  async *ranked(name: string, metric: MetricName, limit?: number): AsyncIterable<StoredRun> {
    const spec = metricSpec(metric);
    const sql = this.#db.sql, s = sql(this.schema);
    const score = sql`(r.metrics #>> ${spec.path as string[]})::float8`;
    const order = spec.better === "higher" ? sql`DESC` : sql`ASC`;
    const cursor = sql`SELECT p.position, r.config_hash, r.params, r.metrics, r.summary,
      r.calendar_id, r.duration_ms FROM ${s}.sweep_plan p JOIN ${s}.sweep_runs r
      ON r.sweep = p.sweep AND r.config_hash = p.config_hash WHERE p.sweep = ${name}
      ORDER BY ${score} IS NULL, ${score} ${order}, p.position
      ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`.cursor(200);
    try {
      for await (const rows of cursor) for (const row of rows) yield storedRunOf(row);
    } catch (error) {
      throw databaseError(this.#db.connection, "rank the runs", error);
    }
  }

  async returns(name: string, configHash: string): Promise<StoredReturns | undefined> {
    const sql = this.#db.sql, s = sql(this.schema);
    const [row] = await this.#guard(
      "read a run's returns",
      () =>
        sql`SELECT r.returns, c.dates FROM ${s}.sweep_runs r JOIN ${s}.sweep_calendars c
        ON c.id = r.calendar_id WHERE r.sweep = ${name} AND r.config_hash = ${configHash}`,
    );
    if (row === undefined) return undefined;
    return {
      configHash,
      dates: row.dates as string[],
      returns: decodeReturns(new Uint8Array(row.returns as Uint8Array)),
    };
  }

  async *allReturns(name: string): AsyncIterable<StoredReturns & { readonly position: number }> {
    const sql = this.#db.sql, s = sql(this.schema);
    const calendars = new Map<string, readonly string[]>();
    const cursor = sql`SELECT p.position, r.config_hash, r.calendar_id, r.returns
      FROM ${s}.sweep_plan p JOIN ${s}.sweep_runs r
      ON r.sweep = p.sweep AND r.config_hash = p.config_hash WHERE p.sweep = ${name}
      ORDER BY p.position`.cursor(100);
    try {
      for await (const rows of cursor) {
        for (const row of rows) {
          const id = String(row.calendar_id);
          let dates = calendars.get(id);
          if (dates === undefined) {
            const [c] = await sql`SELECT dates FROM ${s}.sweep_calendars WHERE id = ${id}`;
            dates = c?.dates as string[];
            calendars.set(id, dates);
          }
          yield {
            position: Number(row.position),
            configHash: String(row.config_hash),
            dates,
            returns: decodeReturns(new Uint8Array(row.returns as Uint8Array)),
          };
        }
      }
    } catch (error) {
      throw databaseError(this.#db.connection, "read the returns", error);
    }
  }

  async progress(name: string): Promise<SweepProgress> {
    const sql = this.#db.sql, s = sql(this.schema);
    const [row] = await this.#guard(
      "count the runs",
      () =>
        sql`SELECT (SELECT count(*) FROM ${s}.sweep_plan WHERE sweep = ${name}) AS planned,
        (SELECT count(*) FROM ${s}.sweep_plan p JOIN ${s}.sweep_runs r ON r.sweep = p.sweep
        AND r.config_hash = p.config_hash WHERE p.sweep = ${name}) AS stored`,
    );
    return { planned: Number(row?.planned ?? 0), stored: Number(row?.stored ?? 0) };
  }

  /** Nothing to release: the caller owns the database. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  #guard<T>(doing: string, query: () => Promise<T>): Promise<T> {
    return guardQuery(this.#db, doing, query).catch((error) => {
      // A refusal raised inside a transaction (another data hash) is the user's, not the server's.
      const cause = (error as { cause?: unknown }).cause;
      throw cause instanceof Error && cause.name === "InputError" ? cause : error;
    });
  }
}

/**
 * What a worker needs to rebuild a queued sweep's runs, kept once per sweep
 * beside the sweep store (table `<schema>.sweep_queue`): the base config's
 * layers as the enqueuing command resolved them (the grid's files, the
 * `ENGINE_*` variables and the flags, lowest first), so a worker on another
 * machine builds each run's config from the layers and the job's parameters
 * (lib/research/sweep_plan.ts `configOfRun`) and checks it hashes to the
 * job's config hash, without reading the grid file or its environment.
 *
 * @module
 */
import type postgres from "postgres";
import type { ConfigLayer } from "../config/layers.ts";
import { type Database, guardQuery } from "../db/database.ts";
import { checkSchemaName } from "../audit/postgres_schema.ts";
import type { JobOptions } from "./job_queue.ts";

/** A queued sweep as workers read it. */
export type QueuedSweep = {
  readonly name: string;
  /** Where the grid came from, for messages. */
  readonly source: string;
  readonly layers: readonly ConfigLayer[];
  readonly codeVersion: string;
  /** The sweep's data hash (of every run's prices). */
  readonly dataHash: string;
  readonly options: JobOptions;
  /** When it was (last) enqueued, ISO 8601. */
  readonly enqueuedAt: string;
};

/** The queued sweeps of one store schema. */
export class QueuedSweeps {
  readonly #db: Database;
  readonly #schema: string;

  private constructor(db: Database, schema: string) {
    this.#db = db;
    this.#schema = schema;
  }

  /** Opens the table in `schema` (which the sweep store created), creating it when needed. */
  static async open(db: Database, schema: string): Promise<QueuedSweeps> {
    const s = checkSchemaName(schema);
    await guardQuery(db, "create the queued sweeps' table", () =>
      db.sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(hashtext(${`sweep queue ${s}`}))`;
        await tx.unsafe(`CREATE SCHEMA IF NOT EXISTS ${s};
          CREATE TABLE IF NOT EXISTS ${s}.sweep_queue (
            name text PRIMARY KEY,
            source text NOT NULL,
            layers jsonb NOT NULL,
            code_version text NOT NULL,
            data_hash text NOT NULL,
            options jsonb NOT NULL,
            enqueued_at timestamptz NOT NULL
          )`);
      }));
    return new QueuedSweeps(db, s);
  }

  /** Records (or replaces) a sweep's entry. */
  async put(sweep: Omit<QueuedSweep, "enqueuedAt">): Promise<void> {
    const sql = this.#db.sql;
    const json = (v: unknown) => sql.json(v as postgres.JSONValue);
    await guardQuery(
      this.#db,
      "record the queued sweep",
      () =>
        sql`INSERT INTO ${sql(this.#schema)}.sweep_queue
        (name, source, layers, code_version, data_hash, options, enqueued_at)
        VALUES (${sweep.name}, ${sweep.source}, ${json(sweep.layers)}, ${sweep.codeVersion},
        ${sweep.dataHash}, ${json(sweep.options)}, now())
        ON CONFLICT (name) DO UPDATE SET source = excluded.source, layers = excluded.layers,
        code_version = excluded.code_version, data_hash = excluded.data_hash,
        options = excluded.options, enqueued_at = excluded.enqueued_at`,
    );
  }

  /** The entry of `name`, or undefined when it was never queued. */
  async get(name: string): Promise<QueuedSweep | undefined> {
    const sql = this.#db.sql;
    const [row] = await guardQuery(
      this.#db,
      "read the queued sweep",
      () =>
        sql`SELECT name, source, layers, code_version, data_hash, options, enqueued_at
        FROM ${sql(this.#schema)}.sweep_queue WHERE name = ${name}`,
    );
    if (row === undefined) return undefined;
    return {
      name: String(row.name),
      source: String(row.source),
      layers: row.layers as ConfigLayer[],
      codeVersion: String(row.code_version),
      dataHash: String(row.data_hash),
      options: row.options as JobOptions,
      enqueuedAt: (row.enqueued_at as Date).toISOString(),
    };
  }
}

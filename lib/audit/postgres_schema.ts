/**
 * The event store's schema on PostgreSQL: the same `runs`, `sessions` and
 * `portfolio_events` (view) as on SQLite, with JSONB metadata and timestamptz
 * times. PostgreSQL needs no coded layout for speed, so `events` keeps the text
 * columns and ordinary indexes. A store lives in one PostgreSQL schema
 * (namespace), so teams or test runs can keep several in one database.
 *
 * @module
 */
import postgres from "postgres";
import { InputError, ServiceError } from "../errors.ts";
import { SCHEMA_VERSION } from "./sqlite_schema.ts";

/** A postgres.js client. */
export type PgClient = postgres.Sql;

const _NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema (namespace) name; it is interpolated into DDL, so only plain names pass. */
export function checkSchemaName(schema: string): string {
  if (!_NAME.test(schema)) {
    throw new InputError(
      `postgres schema "${schema}" is not a plain lower-case name (letters, digits, _; at most 63)`,
    );
  }
  return schema;
}

/** The DDL of a store in `schema`. */
export function postgresDdl(schema: string): string {
  const s = checkSchemaName(schema);
  return `
CREATE TABLE ${s}.audit_schema (version integer NOT NULL);
INSERT INTO ${s}.audit_schema (version) VALUES (${SCHEMA_VERSION});
CREATE TABLE ${s}.runs (
  id bigserial PRIMARY KEY,
  run_id text NOT NULL UNIQUE,
  config_hash text NOT NULL,
  data_hash text NOT NULL,
  code_version text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'failed')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text,
  first_as_of timestamptz,
  last_as_of timestamptz,
  event_count bigint NOT NULL DEFAULT 0
);
CREATE TABLE ${s}.sessions (
  id bigserial PRIMARY KEY,
  run bigint NOT NULL REFERENCES ${s}.runs (id),
  seq integer NOT NULL,
  trace_id text NOT NULL UNIQUE,
  kind text,
  as_of timestamptz NOT NULL,
  event_count bigint NOT NULL DEFAULT 0,
  UNIQUE (run, seq)
);
CREATE INDEX sessions_as_of ON ${s}.sessions (as_of);
CREATE TABLE ${s}.events (
  id bigserial PRIMARY KEY,
  session bigint NOT NULL REFERENCES ${s}.sessions (id),
  event_type text NOT NULL,
  event_category text NOT NULL,
  asset text,
  action text,
  reason text,
  score_before double precision,
  score_after double precision,
  size_before double precision,
  size_after double precision,
  metadata jsonb,
  execution_time_ms double precision,
  as_of timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  regime text
);
CREATE INDEX events_asset_as_of ON ${s}.events (asset, as_of);
CREATE INDEX events_session ON ${s}.events (session);
CREATE VIEW ${s}.portfolio_events AS
SELECT e.id, e.event_type, e.event_category, e.asset, e.action, e.reason,
  e.score_before, e.score_after, e.size_before, e.size_after, e.metadata, e.execution_time_ms,
  e.as_of AS timestamp, s.trace_id, r.run_id || '/' || s.seq AS session_id, e.regime,
  r.run_id, e.recorded_at
FROM ${s}.events e JOIN ${s}.sessions s ON s.id = e.session JOIN ${s}.runs r ON r.id = s.run;
`;
}

/**
 * Opens a postgres.js client that keeps quiet about notices. Gotcha: postgres.js
 * reads a `PG...` environment variable for every option it is not given, which
 * under Deno needs env permission for each; passing its defaults explicitly
 * (except those the URL's query sets) leaves only `PGAPPNAME` and
 * `PGTARGETSESSIONATTRS` (and `PGUSER`/`PGPASSWORD` when the URL lacks them).
 */
export function connectPostgres(url: string): PgClient {
  let query: Set<string>;
  try {
    query = new Set(new URL(url).searchParams.keys());
  } catch (error) {
    throw new InputError(`not a PostgreSQL URL: ${url.replace(/\/\/[^@/]*@/, "//***@")}`, {
      cause: error,
    });
  }
  if (query.has("sslmode")) query.add("ssl");
  const options: Record<string, unknown> = {
    max: 4,
    ssl: false,
    sslnegotiation: null,
    idle_timeout: null,
    connect_timeout: 10,
    max_lifetime: null,
    max_pipeline: 100,
    backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 20),
    keep_alive: 60,
    prepare: true,
    debug: false,
    fetch_types: true,
    publications: "alltables",
    target_session_attrs: null,
  };
  for (const key of query) delete options[key];
  return postgres(url, {
    ...(options as postgres.Options<Record<string, never>>),
    onnotice: () => {},
  });
}

/** Wraps a connection failure as a {@link ServiceError} naming the store. */
export function pgServiceError(error: unknown, what: string): Error {
  if (error instanceof InputError || error instanceof ServiceError) return error;
  const code = (error as { code?: string }).code ?? "";
  const message = (error as Error).message ?? String(error);
  if (
    /^(ECONN|ENOTFOUND|ETIMEDOUT|CONNECT_TIMEOUT|28|3D|08)/.test(code) || /connect/i.test(message)
  ) {
    return new ServiceError(`${what}: PostgreSQL unreachable: ${message}`, { cause: error });
  }
  return error as Error;
}

/**
 * Creates the store in `schema` if it is missing, or checks it: a schema whose
 * tables are not an event store, or one with a newer version, is an InputError.
 * Concurrent openers serialise on an advisory lock.
 */
export async function ensurePostgresSchema(
  sql: PgClient,
  schema: string,
  create: boolean,
): Promise<void> {
  const s = checkSchemaName(schema);
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext(${"audit:" + s}))`;
    const tables = await tx<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${s}`;
    const names = new Set(tables.map((t) => t.name));
    if (names.size === 0) {
      if (!create) throw new InputError(`postgres schema ${s} holds no audit event store`);
      await tx.unsafe(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await tx.unsafe(postgresDdl(s));
      return;
    }
    if (!names.has("audit_schema") || !names.has("events")) {
      throw new InputError(
        `postgres schema ${s} is not an audit event store (no audit_schema table)`,
      );
    }
    const rows = await tx<{ version: number }[]>`SELECT max(version) AS version FROM ${
      tx(s)
    }.audit_schema`;
    const version = Number(rows[0]?.version ?? 0);
    if (version > SCHEMA_VERSION) {
      throw new InputError(
        `postgres schema ${s} has audit schema version ${version}, newer than the version ${SCHEMA_VERSION} this code reads: update the engine`,
      );
    }
  });
}

/**
 * An open research database: the `postgres` client for a {@link DatabaseConnection},
 * and the translation of its failures into {@link ServiceError}s that name the
 * connection (password hidden) and what went wrong in a few words.
 *
 * Design decision: opening is lazy (the client connects on its first query), so
 * a caller can hold a database that turns out to be unreachable and fall back
 * when its first query throws. Every driver option is given explicitly because
 * the client otherwise reads a `PG*` environment variable for each one, which
 * would need a wider `--allow-env`; it still reads `PGAPPNAME` and
 * `PGTARGETSESSIONATTRS`, which the permission set must allow.
 *
 * @module
 */
import postgres from "postgres";
import { ServiceError } from "../errors.ts";
import { type DatabaseConnection, describeConnection } from "./connection.ts";

/** The tagged-template SQL client of npm `postgres`. */
export type Sql = postgres.Sql;

/** An open database: its client and where it points. */
export type Database = {
  readonly sql: Sql;
  readonly connection: DatabaseConnection;
  /** Seconds {@link guardQuery} waits for an answer before giving up. */
  readonly answerTimeoutSeconds: number;
  /** The schema put first on the search path, if one was asked for. */
  readonly searchPath?: string;
  /** Closes every connection (waits up to 5 s for running queries). */
  readonly close: () => Promise<void>;
};

/** Options of {@link openDatabase}. */
export type OpenOptions = {
  /** Schema to put first on the search path (tests use a scratch schema). Default: the server's. */
  readonly searchPath?: string;
  /** Seconds to wait for a connection before failing. Default 10. */
  readonly connectTimeoutSeconds?: number;
  /** Most connections in the pool. Default 4. */
  readonly maxConnections?: number;
  /**
   * Seconds to wait for any guarded query's answer. Default 30. It also catches a server
   * that accepts the connection but never answers, which the client's connect timeout misses.
   */
  readonly answerTimeoutSeconds?: number;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/** A lazy client for `connection`: no network until the first query. */
export function openDatabase(connection: DatabaseConnection, options: OpenOptions = {}): Database {
  if (options.searchPath !== undefined && !SCHEMA_NAME.test(options.searchPath)) {
    throw new RangeError(
      `Cannot open the database as searchPath must be a lower-case SQL name: current value is ${options.searchPath}`,
    );
  }
  const sql = postgres({
    // postgres 3.4.9 reads PG<KEY> for every default key not given; its types omit these two.
    ...{ sslnegotiation: null, max_pipeline: 100 },
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.revealPassword(),
    ssl: connection.ssl === "disable" ? false : connection.ssl,
    max: options.maxConnections ?? 4,
    idle_timeout: 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    max_lifetime: null,
    backoff: (attempt: number) => Math.min(3 ** attempt / 100, 20),
    keep_alive: 60,
    prepare: true,
    debug: false,
    fetch_types: true,
    publications: "alltables",
    target_session_attrs: undefined,
    onnotice: () => {},
    connection: {
      application_name: "regime-engine",
      ...(options.searchPath === undefined ? {} : { search_path: options.searchPath }),
    },
  });
  return {
    sql,
    connection,
    answerTimeoutSeconds: options.answerTimeoutSeconds ?? 30,
    ...(options.searchPath === undefined ? {} : { searchPath: options.searchPath }),
    close: () => sql.end({ timeout: 5 }),
  };
}

/** The server's version string (`PostgreSQL 15.18`); throws a {@link ServiceError} when unreachable. */
export async function pingDatabase(db: Database): Promise<string> {
  const rows = await guardQuery(db, "connect", () => db.sql`SELECT version() AS version`);
  const text = String(rows[0]?.version ?? "");
  return text.split(" ").slice(0, 2).join(" ");
}

/**
 * Runs `query`, turning a failure into a {@link ServiceError}: "cannot connect to
 * postgres://engine:***@host:5432/db: connection refused" for a connection problem,
 * "table research not found in ... (run `deno task db init`)" for a missing table,
 * "cannot <doing> in ...: <server message>" otherwise. The original error is the cause.
 */
export async function guardQuery<T>(
  db: Database,
  doing: string,
  query: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seconds = db.answerTimeoutSeconds;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new _NoAnswer(seconds)), seconds * 1000);
  });
  try {
    return await Promise.race([query(), timeout]);
  } catch (error) {
    throw databaseError(db.connection, doing, error);
  } finally {
    clearTimeout(timer);
  }
}

class _NoAnswer extends Error {
  readonly code = "NO_ANSWER";
  constructor(seconds: number) {
    super(`no answer within ${seconds} s`);
  }
}

/** The {@link ServiceError} for a driver error (see {@link guardQuery}). */
export function databaseError(
  connection: DatabaseConnection,
  doing: string,
  error: unknown,
): ServiceError {
  const where = describeConnection(connection);
  const code = _field(error, "code");
  const message = error instanceof Error ? error.message : String(error);
  if (code === "42P01") {
    const table = /relation "([^"]+)"/.exec(message)?.[1] ?? "a table";
    return new ServiceError(
      `table ${table} not found in ${where} (run \`deno task db init\`)`,
      { cause: error },
    );
  }
  const reason = _connectReason(connection, code, error, message);
  if (reason !== undefined) {
    return new ServiceError(`cannot connect to ${where}: ${reason}`, { cause: error });
  }
  return new ServiceError(`cannot ${doing} in ${where}: ${message}`, { cause: error });
}

function _connectReason(
  connection: DatabaseConnection,
  code: string | undefined,
  error: unknown,
  message: string,
): string | undefined {
  if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
    return `network access not granted (run with --allow-net=${connection.host}:${connection.port})`;
  }
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "CONNECT_TIMEOUT":
    case "ETIMEDOUT":
      return "connection timed out";
    case "ECONNRESET":
      return "connection reset";
    case "NO_ANSWER":
    case "28P01": // invalid_password
    case "28000": // invalid_authorization_specification
    case "3D000": // invalid_catalog_name: the database does not exist
      return message;
  }
  return undefined;
}

function _field(error: unknown, name: string): string | undefined {
  if (typeof error !== "object" || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Test support for the database tests: the connection from the environment,
 * whether to skip (no database configured, outside CI), and a scratch schema
 * per test so that test files running in parallel never share tables.
 *
 * @module
 */
import { connectionFromEnv, type DatabaseConnection } from "../lib/db/connection.ts";
import { type Database, openDatabase, type OpenOptions } from "../lib/db/database.ts";

/** The configured test database, or undefined. */
export const TEST_CONNECTION: DatabaseConnection | undefined = connectionFromEnv((name) =>
  Deno.env.get(name)
);

const IN_CI = Deno.env.get("CI") === "true";

/**
 * True when the database tests must be skipped: no database configured and not in CI.
 * In CI a missing database is a failure, so the tests run and {@link withScratchSchema} throws.
 */
export const SKIP_DB_TESTS: boolean = TEST_CONNECTION === undefined && !IN_CI;

if (SKIP_DB_TESTS) {
  console.warn(
    "skipping database tests: set DATABASE_URL (e.g. postgres://engine:engine@127.0.0.1:5432/engine_test)",
  );
}

/** The test connection; throws (a test failure) when none is configured. */
export function requireConnection(): DatabaseConnection {
  if (TEST_CONNECTION === undefined) {
    throw new Error("database tests need DATABASE_URL or DB_* (CI=true: they may not be skipped)");
  }
  return TEST_CONNECTION;
}

/** A fresh schema name: `t_` and 16 random hex digits. */
export function scratchSchemaName(): string {
  return `t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/**
 * Runs `fn` with a database whose search path is a new, empty schema, then drops the
 * schema (with everything in it) and closes both connections, whatever `fn` did.
 */
export async function withScratchSchema(
  fn: (db: Database, schema: string) => Promise<void>,
  options: Omit<OpenOptions, "searchPath"> = {},
): Promise<void> {
  const connection = requireConnection();
  const schema = scratchSchemaName();
  const admin = openDatabase(connection, { maxConnections: 1 });
  await admin.sql`CREATE SCHEMA ${admin.sql(schema)}`;
  const db = openDatabase(connection, { ...options, searchPath: schema });
  try {
    await fn(db, schema);
  } finally {
    await db.close();
    await admin.sql`DROP SCHEMA ${admin.sql(schema)} CASCADE`;
    await admin.close();
  }
}

/** A localhost port nothing listens on: one the OS just handed out and took back. */
export function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/**
 * Where the research database is: read from `DATABASE_URL`, or from `DB_HOST`,
 * `DB_PORT`, `DB_NAME`, `DB_USER` and `DB_PASSWORD` (the seed's variables).
 *
 * Design decision: the password lives in a private field of
 * {@link DatabaseConnection}; its `toString`, `toJSON` and Deno's inspect all
 * give {@link describeConnection}'s text (`postgres://engine:***@host:5432/db`),
 * so logging or printing a connection cannot leak the password.
 *
 * @module
 */
import { InputError } from "../errors.ts";

/** The environment variables a connection is read from. */
export const DATABASE_ENV_VARS = [
  "DATABASE_URL",
  "DB_HOST",
  "DB_PORT",
  "DB_NAME",
  "DB_USER",
  "DB_PASSWORD",
] as const;

/** TLS modes, as libpq's `sslmode` names them. */
export type SslMode = "disable" | "allow" | "prefer" | "require" | "verify-full";
const SSL_MODES: readonly string[] = ["disable", "allow", "prefer", "require", "verify-full"];

/** A PostgreSQL server, database and login. The password is never shown. */
export class DatabaseConnection {
  /** Server host name or address. */
  readonly host: string;
  /** Server port. */
  readonly port: number;
  /** Database name. */
  readonly database: string;
  /** Login role. */
  readonly user: string;
  /** TLS mode ("disable" unless the URL's `sslmode` says otherwise). */
  readonly ssl: SslMode;
  readonly #password: string;

  /** A connection; throws a RangeError on a port outside 1..65535. */
  constructor(init: {
    host: string;
    port: number;
    database: string;
    user: string;
    password: string;
    ssl?: SslMode;
  }) {
    if (!Number.isInteger(init.port) || init.port < 1 || init.port > 65_535) {
      throw new RangeError(
        `Cannot describe a database as port must be an integer in [1, 65535]: current value is ${init.port}`,
      );
    }
    this.host = init.host;
    this.port = init.port;
    this.database = init.database;
    this.user = init.user;
    this.ssl = init.ssl ?? "disable";
    this.#password = init.password;
  }

  /** The password, for the driver only: never print or log it. */
  revealPassword(): string {
    return this.#password;
  }

  /** Whether a password is set. */
  get hasPassword(): boolean {
    return this.#password.length > 0;
  }

  /** {@link describeConnection} of this connection. */
  toString(): string {
    return describeConnection(this);
  }

  /** The connection without its password. */
  toJSON(): { host: string; port: number; database: string; user: string; ssl: SslMode } {
    return {
      host: this.host,
      port: this.port,
      database: this.database,
      user: this.user,
      ssl: this.ssl,
    };
  }

  /** What `console.log` and `Deno.inspect` show. */
  [Symbol.for("Deno.customInspect")](): string {
    return `DatabaseConnection(${describeConnection(this)})`;
  }
}

/** The connection as a URL with the password replaced by `***` (no password: no `:***`). */
export function describeConnection(connection: DatabaseConnection): string {
  const login = encodeURIComponent(connection.user) + (connection.hasPassword ? ":***" : "");
  const host = connection.host.includes(":") ? `[${connection.host}]` : connection.host;
  const ssl = connection.ssl === "disable" ? "" : `?sslmode=${connection.ssl}`;
  return `postgres://${login}@${host}:${connection.port}/${
    encodeURIComponent(connection.database)
  }${ssl}`;
}

/**
 * The connection the environment names, or undefined when it names none (no
 * `DATABASE_URL`, `DB_HOST` or `DB_NAME`). `DATABASE_URL` wins over `DB_*`.
 * Without `DB_*` values: host localhost, port 5432, user postgres, database = user.
 * Throws an {@link InputError} naming the variable when a value is malformed;
 * the message never contains the password.
 *
 * @example Read a connection from variables and print it safely
 * ```ts
 * import assert from "node:assert/strict";
 * import { connectionFromEnv, describeConnection } from "./connection.ts";
 *
 * const env: Record<string, string> = { DATABASE_URL: "postgres://engine:s3cret@127.0.0.1:5432/engine_test" };
 * const connection = connectionFromEnv((name) => env[name]);
 * assert.ok(connection);
 * assert.equal(describeConnection(connection), "postgres://engine:***@127.0.0.1:5432/engine_test");
 * assert.ok(!JSON.stringify(connection).includes("s3cret"));
 * assert.equal(connectionFromEnv(() => undefined), undefined);
 * ```
 */
export function connectionFromEnv(
  get: (name: string) => string | undefined,
): DatabaseConnection | undefined {
  const value = (name: string) => {
    const v = get(name)?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const url = value("DATABASE_URL");
  if (url !== undefined) return _fromUrl(url);
  const host = value("DB_HOST"), name = value("DB_NAME");
  if (host === undefined && name === undefined) return undefined;
  const portText = value("DB_PORT") ?? "5432";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65_535) {
    throw new InputError(`DB_PORT: must be a port number in 1..65535, got "${portText}"`);
  }
  const user = value("DB_USER") ?? "postgres";
  return new DatabaseConnection({
    host: host ?? "localhost",
    port,
    database: name ?? user,
    user,
    password: get("DB_PASSWORD") ?? "",
  });
}

function _fromUrl(text: string): DatabaseConnection {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // No `cause`: the parser's message repeats the URL, password included.
    throw new InputError(
      "DATABASE_URL: not a URL (expected postgres://user:password@host:5432/database)",
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new InputError(
      `DATABASE_URL: scheme must be postgres:// or postgresql://, got ${url.protocol}//`,
    );
  }
  const port = url.port === "" ? 5432 : Number(url.port);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  const user = decodeURIComponent(url.username) || "postgres";
  const sslmode = url.searchParams.get("sslmode") ?? "disable";
  if (!SSL_MODES.includes(sslmode)) {
    throw new InputError(
      `DATABASE_URL: sslmode must be one of ${SSL_MODES.join(", ")}, got "${sslmode}"`,
    );
  }
  return new DatabaseConnection({
    host: url.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost",
    port,
    database: database || user,
    user,
    password: decodeURIComponent(url.password),
    ssl: sslmode as SslMode,
  });
}

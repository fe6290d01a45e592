import assert from "node:assert/strict";
import { InputError, ServiceError } from "../errors.ts";
import { connectionFromEnv, DatabaseConnection, describeConnection } from "./connection.ts";
import { databaseError } from "./database.ts";

const SECRET = "p@ss:w/rd";
const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

Deno.test("connectionFromEnv() reads DATABASE_URL, decoding user, password and database", () => {
  const c = connectionFromEnv(envOf({
    DATABASE_URL: `postgresql://an%20user:${
      encodeURIComponent(SECRET)
    }@db.example.com:6543/hedge_fund`,
  }));
  assert.ok(c);
  assert.deepEqual(c.toJSON(), {
    host: "db.example.com",
    port: 6543,
    database: "hedge_fund",
    user: "an user",
    ssl: "disable",
  });
  assert.equal(c.revealPassword(), SECRET);
});

Deno.test("connectionFromEnv() prefers DATABASE_URL over DB_* and reads sslmode", () => {
  const c = connectionFromEnv(envOf({
    DATABASE_URL: "postgres://u:x@h/d?sslmode=require",
    DB_HOST: "other",
  }));
  assert.equal(c?.host, "h");
  assert.equal(c?.port, 5432);
  assert.equal(c?.ssl, "require");
  assert.equal(c && describeConnection(c), "postgres://u:***@h:5432/d?sslmode=require");
});

Deno.test("connectionFromEnv() builds a connection from DB_* with the seed's defaults", () => {
  const c = connectionFromEnv(envOf({ DB_NAME: "hedge_fund", DB_PASSWORD: SECRET }));
  assert.deepEqual(c?.toJSON(), {
    host: "localhost",
    port: 5432,
    database: "hedge_fund",
    user: "postgres",
    ssl: "disable",
  });
  const full = connectionFromEnv(envOf({
    DB_HOST: "10.0.0.5",
    DB_PORT: "5433",
    DB_USER: "engine",
  }));
  assert.equal(full && describeConnection(full), "postgres://engine@10.0.0.5:5433/engine");
});

Deno.test("connectionFromEnv() is undefined when neither DATABASE_URL nor DB_HOST nor DB_NAME is set", () => {
  assert.equal(connectionFromEnv(envOf({})), undefined);
  assert.equal(
    connectionFromEnv(envOf({ DATABASE_URL: "  ", DB_USER: "x", DB_PASSWORD: "y" })),
    undefined,
  );
});

Deno.test("connectionFromEnv() names the variable of a malformed value, without the password", () => {
  const fails = (vars: Record<string, string>, message: string) =>
    assert.throws(() => connectionFromEnv(envOf(vars)), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.message, message);
      assert.ok(!e.message.includes(SECRET));
      return true;
    });
  fails(
    { DATABASE_URL: `not a url ${SECRET}` },
    "DATABASE_URL: not a URL (expected postgres://user:password@host:5432/database)",
  );
  fails(
    { DATABASE_URL: `mysql://u:${encodeURIComponent(SECRET)}@h/d` },
    "DATABASE_URL: scheme must be postgres:// or postgresql://, got mysql://",
  );
  fails({ DB_HOST: "h", DB_PORT: "54x" }, 'DB_PORT: must be a port number in 1..65535, got "54x"');
  fails(
    { DATABASE_URL: `postgres://u:${encodeURIComponent(SECRET)}@h/d?sslmode=sometimes` },
    'DATABASE_URL: sslmode must be one of disable, allow, prefer, require, verify-full, got "sometimes"',
  );
});

Deno.test("a connection never shows its password: String, JSON, inspect and describe all hide it", () => {
  const c = new DatabaseConnection({
    host: "127.0.0.1",
    port: 5432,
    database: "d",
    user: "u",
    password: SECRET,
  });
  const shown = [
    String(c),
    `${c}`,
    JSON.stringify(c),
    Deno.inspect(c),
    Deno.inspect({ nested: [c] }),
  ];
  for (const text of shown) assert.ok(!text.includes(SECRET), text);
  assert.ok(!JSON.stringify(c).includes("password"));
  assert.equal(String(c), "postgres://u:***@127.0.0.1:5432/d");
});

Deno.test("databaseError() turns driver failures into one-line ServiceErrors naming the connection", () => {
  const c = new DatabaseConnection({
    host: "h",
    port: 5432,
    database: "d",
    user: "u",
    password: SECRET,
  });
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });
  const cases: [unknown, string][] = [
    [
      coded("ECONNREFUSED", "connect ECONNREFUSED"),
      "cannot connect to postgres://u:***@h:5432/d: connection refused",
    ],
    [
      coded("ENOTFOUND", "getaddrinfo"),
      "cannot connect to postgres://u:***@h:5432/d: host not found",
    ],
    [
      coded("42P01", 'relation "research" does not exist'),
      "table research not found in postgres://u:***@h:5432/d (run `deno task db init`)",
    ],
    [
      new Deno.errors.NotCapable("Requires net access"),
      "cannot connect to postgres://u:***@h:5432/d: network access not granted (run with --allow-net=h:5432)",
    ],
    [
      coded("22003", "numeric field overflow"),
      "cannot read rows in postgres://u:***@h:5432/d: numeric field overflow",
    ],
  ];
  for (const [error, message] of cases) {
    const e = databaseError(c, "read rows", error);
    assert.ok(e instanceof ServiceError);
    assert.equal(e.message, message);
    assert.equal(e.cause, error);
  }
});

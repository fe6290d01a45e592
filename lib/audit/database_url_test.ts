import assert from "node:assert/strict";
import { databaseHost, databaseUrlFromEnv } from "./database_url.ts";

const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

Deno.test("databaseUrlFromEnv() prefers DATABASE_URL", () => {
  assert.equal(
    databaseUrlFromEnv(envOf({ DATABASE_URL: "postgres://a@h/db", DB_HOST: "x" })),
    "postgres://a@h/db",
  );
});

Deno.test("databaseUrlFromEnv() builds a URL from the seed's DB_* variables, escaping the password", () => {
  const env = envOf({
    DB_HOST: "db.local",
    DB_PORT: "6543",
    DB_NAME: "hedge_fund",
    DB_USER: "engine",
    DB_PASSWORD: "p@ss",
  });
  assert.equal(databaseUrlFromEnv(env), "postgres://engine:p%40ss@db.local:6543/hedge_fund");
});

Deno.test("databaseUrlFromEnv() is null when nothing is configured", () => {
  assert.equal(databaseUrlFromEnv(envOf({})), null);
});

Deno.test("databaseHost() gives host:port of a postgres URL and null otherwise", () => {
  assert.equal(databaseHost("postgres://u:p@127.0.0.1:5432/engine_test"), "127.0.0.1:5432");
  assert.equal(databaseHost("postgresql://u@db/x"), "db:5432");
  assert.equal(databaseHost("results/audit.db"), null);
});

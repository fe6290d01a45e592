/**
 * Where the PostgreSQL event store lives: `DATABASE_URL`, or the seed's
 * `DB_HOST` / `DB_PORT` / `DB_NAME` / `DB_USER` / `DB_PASSWORD`.
 *
 * @module
 */

/** Reads one environment variable (inject for tests; `Deno.env.get` at the edge). */
export type EnvReader = (name: string) => string | undefined;

/** The connection URL the environment names, or null when it names none. */
export function databaseUrlFromEnv(env: EnvReader): string | null {
  const url = env("DATABASE_URL");
  if (url !== undefined && url !== "") return url;
  const host = env("DB_HOST");
  if (host === undefined || host === "") return null;
  const user = encodeURIComponent(env("DB_USER") ?? "postgres");
  const password = env("DB_PASSWORD");
  const auth = password === undefined || password === ""
    ? user
    : `${user}:${encodeURIComponent(password)}`;
  const port = env("DB_PORT") ?? "5432";
  const name = encodeURIComponent(env("DB_NAME") ?? "postgres");
  return `postgres://${auth}@${host}:${port}/${name}`;
}

/** The host and port of a PostgreSQL URL (for `--allow-net`), or null when it is not one. */
export function databaseHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") return null;
    return `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    return null;
  }
}

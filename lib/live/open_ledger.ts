/**
 * The ledger the config names (`ledger.store`): a SQLite file per portfolio
 * under `ledger.dir`, or PostgreSQL through `DATABASE_URL` (or `DB_HOST`...)
 * in schema `ledger.schema`. This is an edge: it reads the environment and
 * opens files or connections. PostgreSQL's client loads only when used.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { databaseUrlFromEnv, type EnvReader } from "../audit/database_url.ts";
import { InputError } from "../errors.ts";
import type { PortfolioLedger, PortfolioRecord } from "./ledger.ts";
import type { PlanState } from "./plan_state.ts";
import { createSqliteLedger, openSqliteLedger } from "./sqlite_ledger.ts";

function _url(env: EnvReader): string {
  const url = databaseUrlFromEnv(env);
  if (url === null) {
    throw new InputError(
      "ledger.store: postgres needs a database: set DATABASE_URL (or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD)",
    );
  }
  return url;
}

/** Opens portfolio `name`'s ledger; an unknown portfolio is an InputError. */
export async function openLedger(
  config: Config,
  name: string,
  env: EnvReader,
): Promise<PortfolioLedger> {
  if (config.ledger.store === "sqlite") return openSqliteLedger(config.ledger.dir, name);
  const { openPostgresLedger } = await import("./postgres_ledger.ts");
  return await openPostgresLedger(_url(env), config.ledger.schema, name);
}

/** Creates a portfolio's ledger and returns where it is; an existing portfolio is an InputError. */
export async function createLedger(
  config: Config,
  portfolio: PortfolioRecord,
  initial: PlanState,
  env: EnvReader,
): Promise<string> {
  if (config.ledger.store === "sqlite") {
    return createSqliteLedger(config.ledger.dir, portfolio, initial);
  }
  const { createPostgresLedger } = await import("./postgres_ledger.ts");
  return await createPostgresLedger(_url(env), config.ledger.schema, portfolio, initial);
}

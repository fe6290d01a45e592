/**
 * The research database's schema: the seed's `research` and `scanner_historical`
 * tables and their indexes, created idempotently, and a check of what a database holds.
 *
 * @see docs/design.md#research-database (the SQL below is the seed's,
 * with IF NOT EXISTS added so that `deno task db init` can run twice)
 *
 * @module
 */
import { type Database, guardQuery } from "./database.ts";

/** The seed's DDL, one statement per entry, in order. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS research (id SERIAL PRIMARY KEY, regime VARCHAR(50), buckets TEXT[],
  created_at DATE, confidence DECIMAL(5,3), metadata JSONB)`,
  `CREATE TABLE IF NOT EXISTS scanner_historical (id SERIAL PRIMARY KEY, ticker VARCHAR(10) NOT NULL,
  market VARCHAR(20) NOT NULL, confidence DECIMAL(5,3) NOT NULL, timeframe VARCHAR(5) DEFAULT '1d',
  date DATE NOT NULL, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT
  CURRENT_TIMESTAMP, strength DECIMAL(5,3), volume_ratio DECIMAL(8,3), price_change DECIMAL(8,4),
  volatility DECIMAL(8,4), UNIQUE(ticker, timeframe, date))`,
  "CREATE INDEX IF NOT EXISTS idx_research_date ON research(created_at)",
  "CREATE INDEX IF NOT EXISTS idx_research_regime ON research(regime)",
  "CREATE INDEX IF NOT EXISTS idx_scanner_ticker ON scanner_historical(ticker)",
  "CREATE INDEX IF NOT EXISTS idx_scanner_date ON scanner_historical(date)",
  "CREATE INDEX IF NOT EXISTS idx_scanner_market ON scanner_historical(market)",
  "CREATE INDEX IF NOT EXISTS idx_scanner_ticker_date ON scanner_historical(ticker, date)",
];

/** Each required table and the columns the engine reads or writes. */
export const REQUIRED_TABLES: Readonly<Record<string, readonly string[]>> = {
  research: ["id", "regime", "buckets", "created_at", "confidence", "metadata"],
  scanner_historical: [
    "id",
    "ticker",
    "market",
    "confidence",
    "timeframe",
    "date",
    "created_at",
    "updated_at",
    "strength",
    "volume_ratio",
    "price_change",
    "volatility",
  ],
};

/** The seed's indexes by table. */
export const REQUIRED_INDEXES: Readonly<Record<string, readonly string[]>> = {
  research: ["idx_research_date", "idx_research_regime"],
  scanner_historical: [
    "idx_scanner_ticker",
    "idx_scanner_date",
    "idx_scanner_market",
    "idx_scanner_ticker_date",
  ],
};

/** What {@link checkDatabase} found. */
export type DatabaseCheck = {
  /** Server version (`PostgreSQL 15.18`). */
  readonly server: string;
  /** The schema the tables were looked for in (the first existing one of the search path), or null. */
  readonly schema: string | null;
  /** Required tables found. */
  readonly tablesFound: readonly string[];
  /** Required tables missing. */
  readonly tablesMissing: readonly string[];
  /** `table.column` of required columns missing from tables that exist. */
  readonly columnsMissing: readonly string[];
  /** Seed indexes missing (the engine works without them, only slower). */
  readonly indexesMissing: readonly string[];
  /** True when every required table and column exists. */
  readonly ready: boolean;
};

/**
 * Creates the tables and indexes that are missing (and the database's `searchPath`
 * schema when it names one that does not exist), in one transaction. Safe to run again.
 */
export async function initSchema(db: Database): Promise<void> {
  const schema = db.searchPath;
  await guardQuery(db, "create the schema", () =>
    db.sql.begin(async (tx) => {
      if (schema !== undefined) await tx`CREATE SCHEMA IF NOT EXISTS ${tx(schema)}`;
      for (const statement of SCHEMA_STATEMENTS) await tx.unsafe(statement);
    }));
}

/** Looks for the required tables, columns and indexes in the first schema of the search path. */
export async function checkDatabase(db: Database): Promise<DatabaseCheck> {
  const tables = Object.keys(REQUIRED_TABLES);
  const [info] = await guardQuery(
    db,
    "read the server version",
    () =>
      db.sql<{ version: string; schema: string | null }[]>`
      SELECT version() AS version, current_schema() AS schema`,
  );
  const schema = info?.schema ?? null;
  const columns = await guardQuery(
    db,
    "list the tables",
    () =>
      db.sql<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = ${schema} AND table_name IN ${db.sql(tables)}`,
  );
  const indexes = await guardQuery(db, "list the indexes", () =>
    db.sql<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE schemaname = ${schema}`);
  const found = new Set(columns.map((c) => c.table_name));
  const have = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
  const indexNames = new Set(indexes.map((i) => i.indexname));
  const tablesFound = tables.filter((t) => found.has(t));
  const columnsMissing = tablesFound.flatMap((t) =>
    (REQUIRED_TABLES[t] ?? []).map((c) => `${t}.${c}`).filter((tc) => !have.has(tc))
  );
  return {
    server: (info?.version ?? "").split(" ").slice(0, 2).join(" "),
    schema,
    tablesFound,
    tablesMissing: tables.filter((t) => !found.has(t)),
    columnsMissing,
    indexesMissing: Object.values(REQUIRED_INDEXES).flat().filter((i) => !indexNames.has(i)),
    ready: tablesFound.length === tables.length && columnsMissing.length === 0,
  };
}

/**
 * The paper ledger on PostgreSQL (`ledger.store: postgres`): every portfolio
 * in one schema (`ledger.schema`, default `ledger`), the same tables and rows
 * as the SQLite ledger. A plan's transaction locks its portfolio's row
 * (`FOR UPDATE NOWAIT`): a second plan of the same portfolio fails at once; a
 * plan whose process dies is rolled back by the server with its connection.
 *
 * @module
 */
import type { PgClient } from "../audit/postgres_schema.ts";
import { checkSchemaName, connectPostgres, pgServiceError } from "../audit/postgres_schema.ts";
import { InputError } from "../errors.ts";
import {
  checkPortfolioName,
  LEDGER_VERSION,
  type LedgerContents,
  type LedgerTransaction,
  type PortfolioLedger,
  type PortfolioRecord,
} from "./ledger.ts";
import {
  configChangeRow,
  contentsOf,
  DAY_TABLES,
  dayRows,
  INTEGER_COLUMNS,
  LEDGER_KEYS,
  LEDGER_TABLES,
  type LedgerTable,
  portfolioOf,
  portfolioRow,
  type Row,
  type TableRows,
} from "./ledger_rows.ts";
import type { PlanState } from "./plan_state.ts";

const _REAL = new Set([
  "cash",
  "value",
  "exposure",
  "turnover",
  "shares",
  "price",
  "weight",
  "size",
  "commission",
  "requested",
  "filled",
  "entry_price",
  "exit_price",
  "pnl",
  "return_pct",
]);

function _ddl(s: string): string {
  const tables = Object.entries(LEDGER_TABLES).map(([table, columns]) => {
    const cols = columns.map((c) =>
      `${c} ${INTEGER_COLUMNS.has(c) ? "integer" : _REAL.has(c) ? "double precision" : "text"}`
    );
    return `CREATE TABLE ${s}.${table} (${cols.join(", ")}, PRIMARY KEY (${
      LEDGER_KEYS[table as LedgerTable]
    }));`;
  });
  return [
    `CREATE TABLE ${s}.ledger_meta (version integer NOT NULL);`,
    `INSERT INTO ${s}.ledger_meta (version) VALUES (${LEDGER_VERSION});`,
    ...tables,
  ].join("\n");
}

/** Creates the ledger's tables in `schema` when missing; a foreign or newer schema is an InputError. */
async function _ensure(sql: PgClient, schema: string): Promise<void> {
  const s = checkSchemaName(schema);
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext(${"ledger:" + s}))`;
    const tables = await tx<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${s}`;
    const names = new Set(tables.map((t) => t.name));
    if (names.size === 0) {
      await tx.unsafe(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await tx.unsafe(_ddl(s));
      return;
    }
    if (!names.has("ledger_meta") || !names.has("portfolios")) {
      throw new InputError(`postgres schema ${s} is not a paper ledger (no ledger_meta table)`);
    }
    const rows = await tx<{ version: number }[]>`SELECT max(version) AS version FROM ${
      tx(s)
    }.ledger_meta`;
    const version = Number(rows[0]?.version ?? 0);
    if (version > LEDGER_VERSION) {
      throw new InputError(
        `postgres schema ${s} is a ledger of version ${version}, written by a newer engine than this one (it reads up to version ${LEDGER_VERSION}): update the engine; nothing was changed`,
      );
    }
  });
}

async function _connect(url: string, schema: string): Promise<PgClient> {
  const sql = connectPostgres(url);
  try {
    await _ensure(sql, schema);
    return sql;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw pgServiceError(error, `ledger in schema ${schema}`);
  }
}

async function _insert(
  tx: PgClient,
  schema: string,
  table: LedgerTable,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...LEDGER_TABLES[table]];
  await tx`INSERT INTO ${tx(schema)}.${tx(table)} ${tx(rows as Row[], columns)}`;
}

/** Creates a portfolio in the ledger in `schema`; one of that name already there is an InputError. */
export async function createPostgresLedger(
  url: string,
  schema: string,
  portfolio: PortfolioRecord,
  initial: PlanState,
): Promise<string> {
  checkPortfolioName(portfolio.name);
  const sql = await _connect(url, schema);
  try {
    await sql.begin(async (tx) => {
      const rows = await tx`SELECT 1 FROM ${tx(schema)}.portfolios WHERE name = ${portfolio.name}`;
      if (rows.length > 0) {
        throw new InputError(
          `portfolio ${portfolio.name} already exists (postgres schema ${schema}); plan it, or give another name`,
        );
      }
      await _insert(tx as unknown as PgClient, schema, "portfolios", [
        portfolioRow(portfolio, initial),
      ]);
    });
  } catch (error) {
    throw pgServiceError(error, `ledger in schema ${schema}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return `postgres schema ${schema}`;
}

/** Opens portfolio `name` in the ledger in `schema`; an unknown portfolio is an InputError. */
export async function openPostgresLedger(
  url: string,
  schema: string,
  name: string,
): Promise<PortfolioLedger> {
  checkPortfolioName(name);
  const sql = await _connect(url, schema);
  try {
    const rows = await sql<{ name: string }[]>`SELECT name FROM ${
      sql(schema)
    }.portfolios ORDER BY name`;
    if (!rows.some((r) => r.name === name)) {
      throw new InputError(
        `unknown portfolio ${name} in postgres schema ${schema} (${
          rows.length === 0
            ? "no portfolios yet"
            : `portfolios: ${rows.map((r) => r.name).join(", ")}`
        }); create one with --init --cash AMOUNT`,
      );
    }
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw pgServiceError(error, `ledger in schema ${schema}`);
  }
  return new _PostgresLedger(sql, schema, name);
}

class _PostgresLedger implements PortfolioLedger {
  readonly name: string;
  readonly location: string;
  readonly #sql: PgClient;
  readonly #schema: string;

  constructor(sql: PgClient, schema: string, name: string) {
    this.#sql = sql;
    this.#schema = schema;
    this.name = name;
    this.location = `postgres schema ${schema}`;
  }

  async read(): Promise<LedgerContents> {
    const sql = this.#sql;
    const rows = {} as Record<LedgerTable, Row[]>;
    try {
      for (const table of Object.keys(LEDGER_TABLES) as LedgerTable[]) {
        const where = table === "portfolios" ? "name" : "portfolio";
        rows[table] = await sql.unsafe(
          `SELECT * FROM ${this.#schema}.${table} WHERE ${where} = $1 ORDER BY ${
            LEDGER_KEYS[table]
          }`,
          [this.name],
        ) as unknown as Row[];
      }
    } catch (error) {
      throw pgServiceError(error, `ledger in schema ${this.#schema}`);
    }
    return contentsOf(rows as TableRows);
  }

  async write<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    const schema = this.#schema, name = this.name;
    try {
      return await this.#sql.begin(async (sql) => {
        const tx = sql as unknown as PgClient;
        try {
          await tx`SELECT 1 FROM ${tx(schema)}.portfolios WHERE name = ${name} FOR UPDATE NOWAIT`;
        } catch (error) {
          if ((error as { code?: string }).code === "55P03") {
            throw new InputError(
              `portfolio ${name} is being planned by another process (its row in postgres schema ${schema} is locked); nothing was written: try again when it has finished`,
              { cause: error },
            );
          }
          throw error;
        }
        return await work(_transaction(tx, schema, name));
      }) as T;
    } catch (error) {
      throw pgServiceError(error, `ledger in schema ${schema}`);
    }
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}

function _transaction(tx: PgClient, schema: string, name: string): LedgerTransaction {
  const s = tx(schema);
  const stateOf = async (rows: readonly { state: string }[]): Promise<PlanState> => {
    const row = rows[0] ?? (await tx<{ state: string }[]>`
      SELECT initial_state AS state FROM ${s}.portfolios WHERE name = ${name}`)[0];
    return JSON.parse(String(row?.state));
  };
  const next = async (table: "plans" | "config_changes", column: string, date?: string) => {
    const rows = date === undefined
      ? await tx`SELECT coalesce(max(${tx(column)}), 0) + 1 AS n FROM ${s}.${tx(table)}
          WHERE portfolio = ${name}`
      : await tx`SELECT coalesce(max(${tx(column)}), 0) + 1 AS n FROM ${s}.${tx(table)}
          WHERE portfolio = ${name} AND date = ${date}`;
    return Number(rows[0]?.n);
  };
  return {
    portfolio: async () =>
      portfolioOf((await tx`SELECT * FROM ${s}.portfolios WHERE name = ${name}`)[0] as Row),
    lastDay: async () => {
      const rows = await tx`SELECT max(date) AS date FROM ${s}.days WHERE portfolio = ${name}`;
      const date = rows[0]?.date;
      return date === null || date === undefined ? undefined : String(date);
    },
    stateBefore: async (date) =>
      stateOf(
        await tx<{ state: string }[]>`SELECT state FROM ${s}.days
          WHERE portfolio = ${name} AND date < ${date} ORDER BY date DESC LIMIT 1`,
      ),
    lastState: async () =>
      stateOf(
        await tx<{ state: string }[]>`SELECT state FROM ${s}.days
          WHERE portfolio = ${name} ORDER BY date DESC LIMIT 1`,
      ),
    removeDay: async (date) => {
      for (const table of DAY_TABLES) {
        await tx`DELETE FROM ${s}.${tx(table)} WHERE portfolio = ${name} AND date = ${date}`;
      }
      await tx`UPDATE ${s}.plans SET superseded = 1 WHERE portfolio = ${name} AND date = ${date}`;
    },
    addDay: async (day, recordedAt) => {
      const attempt = await next("plans", "attempt", day.date);
      for (const [table, rows] of Object.entries(dayRows(name, day, recordedAt, attempt))) {
        await _insert(tx, schema, table as LedgerTable, rows);
      }
    },
    changeConfig: async (change) => {
      const seq = await next("config_changes", "seq");
      await _insert(tx, schema, "config_changes", [configChangeRow(name, change, seq)]);
      await tx`UPDATE ${s}.portfolios SET config = ${JSON.stringify(change.config)},
        config_hash = ${change.toHash} WHERE name = ${name}`;
    },
  };
}

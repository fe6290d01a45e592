/**
 * The default paper ledger: one SQLite file per portfolio, `<dir>/<name>.db`
 * (WAL, synchronous FULL). A plan holds the file's write lock from its first
 * read to its commit (`BEGIN IMMEDIATE`, no waiting): a second plan of the
 * same portfolio fails at once with a message, while `--status` can still
 * read. SQLite's journal makes the commit atomic, so a plan killed at any
 * point leaves the file as it was; a portfolio is created in a side file
 * renamed into place, so a killed creation leaves none.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { InputError } from "../errors.ts";
import {
  checkPortfolioName,
  LEDGER_VERSION,
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
import type { LedgerContents } from "./ledger.ts";

/** How long opening and reading wait for another connection's brief lock (a checkpoint). */
const _READ_WAIT_MS = 10_000;

/** Marks a SQLite file as a paper ledger (`PRAGMA application_id`, "LDGR"). */
export const LEDGER_APPLICATION_ID = 0x4c444752;

/** Column types; every other column is REAL. */
const _TEXT = new Set([
  "name",
  "inception",
  "config",
  "config_hash",
  "created_at",
  "code_version",
  "initial_state",
  "portfolio",
  "date",
  "benchmark",
  "state",
  "recorded_at",
  "ticker",
  "side",
  "placed",
  "reason",
  "outcome",
  "entry_date",
  "exit_date",
  "asset",
  "action",
  "rule",
  "overridden_by",
  "bypassed",
  "plan",
  "from_hash",
  "to_hash",
  "changes",
]);

function _ddl(): string {
  return Object.entries(LEDGER_TABLES).map(([table, columns]) => {
    const cols = columns.map((c) =>
      `${c} ${_TEXT.has(c) ? "TEXT" : INTEGER_COLUMNS.has(c) ? "INTEGER" : "REAL"}`
    );
    return `CREATE TABLE ${table} (${cols.join(", ")}, PRIMARY KEY (${
      LEDGER_KEYS[table as LedgerTable]
    }));`;
  }).join("\n");
}

/** The file of portfolio `name` under `dir` (an InputError for a name that is not plain). */
export function sqliteLedgerPath(dir: string, name: string): string {
  return join(dir, `${checkPortfolioName(name)}.db`);
}

function _writeError(error: unknown, dir: string): Error {
  if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
    return new InputError(
      `cannot use ${dir} for ledgers: the plan task may only keep them under data/portfolios (and its audit logs under results); see its permission set in deno.json`,
      { cause: error },
    );
  }
  return error as Error;
}

function _exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw _writeError(error, dirname(path));
  }
}

/**
 * Creates the ledger of a new portfolio under `dir` and returns its path; a
 * portfolio of that name already there is an InputError.
 */
export function createSqliteLedger(
  dir: string,
  portfolio: PortfolioRecord,
  initial: PlanState,
): string {
  const path = sqliteLedgerPath(dir, portfolio.name);
  if (_exists(path)) {
    throw new InputError(
      `portfolio ${portfolio.name} already exists (${path}); plan it, or give another name`,
    );
  }
  const side = `${path}.creating`;
  try {
    Deno.mkdirSync(dir, { recursive: true });
    for (const suffix of ["", "-journal", "-wal", "-shm"]) {
      if (_exists(side + suffix)) Deno.removeSync(side + suffix);
    }
    const db = new DatabaseSync(side);
    try {
      db.exec(`PRAGMA application_id = ${LEDGER_APPLICATION_ID}`);
      db.exec(`PRAGMA user_version = ${LEDGER_VERSION}`);
      // WAL from birth: switching later would need an exclusive lock at every first open.
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("BEGIN");
      db.exec(_ddl());
      _insert(db, "portfolios", [portfolioRow(portfolio, initial)]);
      db.exec("COMMIT");
    } finally {
      db.close();
    }
    Deno.renameSync(side, path);
  } catch (error) {
    throw _writeError(error, dir);
  }
  return path;
}

/** Opens the ledger of portfolio `name` under `dir`; an unknown portfolio or a foreign or newer file is an InputError. */
export function openSqliteLedger(dir: string, name: string): PortfolioLedger {
  const path = sqliteLedgerPath(dir, name);
  if (!_exists(path)) {
    const known = _portfolioNames(dir);
    throw new InputError(
      `unknown portfolio ${name}: no ledger ${path} (${
        known.length === 0 ? "no portfolios yet" : `portfolios: ${known.join(", ")}`
      }); create one with --init --cash AMOUNT`,
    );
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { timeout: _READ_WAIT_MS });
  } catch (error) {
    throw new InputError(`${path}: cannot open the ledger: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    _check(db, path);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
  } catch (error) {
    db.close();
    throw _writeError(error, dir);
  }
  return new _SqliteLedger(db, name, path);
}

function _portfolioNames(dir: string): string[] {
  try {
    return [...Deno.readDirSync(dir)]
      .filter((e) => e.isFile && e.name.endsWith(".db"))
      .map((e) => e.name.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

function _check(db: DatabaseSync, path: string): void {
  const app = Number(db.prepare("PRAGMA application_id").get()?.application_id);
  if (app !== LEDGER_APPLICATION_ID) {
    throw new InputError(`${path} is not a paper ledger (application id ${app})`);
  }
  const version = Number(db.prepare("PRAGMA user_version").get()?.user_version);
  if (version > LEDGER_VERSION) {
    throw new InputError(
      `${path} is a ledger of version ${version}, written by a newer engine than this one (it reads up to version ${LEDGER_VERSION}): update the engine; nothing was changed`,
    );
  }
}

function _insert(db: DatabaseSync, table: LedgerTable, rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const columns = LEDGER_TABLES[table];
  const statement = db.prepare(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  for (const row of rows) {
    statement.run(...columns.map((c) => (row[c] ?? null) as SQLInputValue));
  }
}

class _SqliteLedger implements PortfolioLedger {
  readonly name: string;
  readonly location: string;
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync, name: string, path: string) {
    this.#db = db;
    this.name = name;
    this.location = path;
  }

  read(): Promise<LedgerContents> {
    const rows = {} as Record<LedgerTable, Row[]>;
    for (const table of Object.keys(LEDGER_TABLES) as LedgerTable[]) {
      const where = table === "portfolios" ? "name" : "portfolio";
      rows[table] = this.#db.prepare(
        `SELECT * FROM ${table} WHERE ${where} = ? ORDER BY ${LEDGER_KEYS[table]}`,
      ).all(this.name) as Row[];
    }
    if (rows.portfolios.length === 0) {
      throw new InputError(`${this.location} holds no portfolio ${this.name}`);
    }
    return Promise.resolve(contentsOf(rows as TableRows));
  }

  async write<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    try {
      // The write lock is taken without waiting: a plan in progress is refused, not queued.
      this.#db.exec("PRAGMA busy_timeout = 0");
      this.#db.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if (/locked|busy/i.test((error as Error).message)) {
        throw new InputError(
          `portfolio ${this.name} is being planned by another process (${this.location} is locked); nothing was written: try again when it has finished`,
          { cause: error },
        );
      }
      throw error;
    } finally {
      this.#db.exec(`PRAGMA busy_timeout = ${_READ_WAIT_MS}`);
    }
    try {
      const result = await work(this.#transaction());
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  #transaction(): LedgerTransaction {
    const db = this.#db, name = this.name;
    const one = (sql: string, ...args: SQLInputValue[]) => db.prepare(sql).get(...args) as Row;
    const stateBefore = (date: string | null): PlanState => {
      const row =
        (date === null
          ? one("SELECT state FROM days WHERE portfolio = ? ORDER BY date DESC LIMIT 1", name)
          : one(
            "SELECT state FROM days WHERE portfolio = ? AND date < ? ORDER BY date DESC LIMIT 1",
            name,
            date,
          )) ?? one("SELECT initial_state AS state FROM portfolios WHERE name = ?", name);
      return JSON.parse(String(row.state));
    };
    return {
      portfolio: () =>
        Promise.resolve(portfolioOf(one("SELECT * FROM portfolios WHERE name = ?", name))),
      lastDay: () => {
        const row = one("SELECT max(date) AS date FROM days WHERE portfolio = ?", name);
        return Promise.resolve(row?.date === null ? undefined : String(row?.date));
      },
      stateBefore: (date) => Promise.resolve(stateBefore(date)),
      lastState: () => Promise.resolve(stateBefore(null)),
      removeDay: (date) => {
        for (const table of DAY_TABLES) {
          db.prepare(`DELETE FROM ${table} WHERE portfolio = ? AND date = ?`).run(name, date);
        }
        db.prepare("UPDATE plans SET superseded = 1 WHERE portfolio = ? AND date = ?").run(
          name,
          date,
        );
        return Promise.resolve();
      },
      addDay: (day, recordedAt) => {
        const attempt = Number(
          one(
            "SELECT coalesce(max(attempt), 0) + 1 AS n FROM plans WHERE portfolio = ? AND date = ?",
            name,
            day.date,
          ).n,
        );
        for (const [table, rows] of Object.entries(dayRows(name, day, recordedAt, attempt))) {
          _insert(db, table as LedgerTable, rows);
        }
        return Promise.resolve();
      },
      changeConfig: (change) => {
        const seq = Number(
          one(
            "SELECT coalesce(max(seq), 0) + 1 AS n FROM config_changes WHERE portfolio = ?",
            name,
          ).n,
        );
        _insert(db, "config_changes", [configChangeRow(name, change, seq)]);
        db.prepare("UPDATE portfolios SET config = ?, config_hash = ? WHERE name = ?").run(
          JSON.stringify(change.config),
          change.toHash,
          name,
        );
        return Promise.resolve();
      },
    };
  }

  close(): Promise<void> {
    this.#db.close();
    return Promise.resolve();
  }
}

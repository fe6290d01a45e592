/**
 * The price store's SQLite layout, and opening a file as a price store: creating
 * the schema in a new file, refusing a file that is not a price store or that a
 * newer program wrote.
 *
 * Layout (schema version 1):
 * - `meta(key, value)`: `format` = `regime-price-store`, `schema_version` = `1`.
 * - `series(ticker, interval, rows, first_time, last_time, digest)`: one row per
 *   series, so coverage needs no blob; `digest` is `seriesDigest` (series_digest.ts) of the
 *   stored series, so a run's data hash needs no pass over the prices.
 * - `columns(ticker, interval, field, data)`: one row per series and field
 *   (`time`, `open`, `high`, `low`, `close`, `adjClose`, `volume`), `data` the
 *   Float64Array's bytes (IEEE-754 little-endian).
 * - `actions(ticker, day, dividend, split)`: corporate actions by ex-date.
 * - `fundamentals(ticker, period_end, filing_date, pe, pb, roe, debt_to_equity,
 *   profit_margin, revenue_growth, eps_growth)`: one report per ticker and period
 *   end (ISO dates), NULL where a figure is unknown. Added to schema version 1
 *   without a version change: a version-1 store opened for writing gains the
 *   table; one opened read-only without it simply has no fundamentals.
 *
 * Design decision: a series is stored as whole columns, not a row per bar, because
 * the engine always reads whole histories: 500 assets x 20 years is 3,500 blob
 * reads instead of 2.5 million rows. Pages are 64 KiB so a 40 KB column sits in
 * one overflow chain of a page or two.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { accessProblem, InputError } from "../errors.ts";

/** The `format` value in the meta table that marks a price store. */
export const STORE_FORMAT = "regime-price-store";
/** The schema version this program writes and reads. */
export const SCHEMA_VERSION = 1;

const FUNDAMENTALS_TABLE = `
CREATE TABLE fundamentals (
  ticker TEXT NOT NULL, period_end TEXT NOT NULL, filing_date TEXT NOT NULL,
  pe REAL, pb REAL, roe REAL, debt_to_equity REAL, profit_margin REAL,
  revenue_growth REAL, eps_growth REAL,
  PRIMARY KEY (ticker, period_end)) WITHOUT ROWID;
`;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE series (
  ticker TEXT NOT NULL, interval TEXT NOT NULL, rows INTEGER NOT NULL,
  first_time REAL NOT NULL, last_time REAL NOT NULL, digest TEXT NOT NULL,
  PRIMARY KEY (ticker, interval)) WITHOUT ROWID;
CREATE TABLE columns (
  ticker TEXT NOT NULL, interval TEXT NOT NULL, field TEXT NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (ticker, interval, field));
CREATE TABLE actions (
  ticker TEXT NOT NULL, day INTEGER NOT NULL, dividend REAL NOT NULL, split REAL NOT NULL,
  PRIMARY KEY (ticker, day)) WITHOUT ROWID;
${FUNDAMENTALS_TABLE}`;

function _isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

function _fileExists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw accessProblem(error, "price store", path, "read") ?? error;
  }
}

/** Names of the tables in `db`; an {@link InputError} when the file is not SQLite. */
function _tables(db: DatabaseSync, path: string): Set<string> {
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    return new Set(rows.map((r) => String(r.name)));
  } catch (error) {
    throw new InputError(`${path} is not a price store (not a SQLite database)`, { cause: error });
  }
}

function _checkMeta(db: DatabaseSync, path: string, tables: Set<string>): void {
  const meta = new Map<string, string>();
  if (tables.has("meta")) {
    for (const r of db.prepare("SELECT key, value FROM meta").all()) {
      meta.set(String(r.key), String(r.value));
    }
  }
  if (meta.get("format") !== STORE_FORMAT) {
    throw new InputError(
      `${path} is a SQLite database but not a price store (no price-store meta)`,
    );
  }
  const version = Number(meta.get("schema_version"));
  if (!(Number.isInteger(version) && version >= 1)) {
    throw new InputError(`${path}: price store with an unreadable schema version`);
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(
      `${path}: price store schema version ${version} is newer than this program's ${SCHEMA_VERSION}; update the program`,
    );
  }
}

function _createSchema(db: DatabaseSync): void {
  db.exec("PRAGMA page_size = 65536");
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(SCHEMA);
    const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
    insert.run("format", STORE_FORMAT);
    insert.run("schema_version", String(SCHEMA_VERSION));
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

/**
 * Opens `path` as a price store, creating the schema when the file is new or empty
 * (unless `readOnly`). Every reason it cannot be one is an {@link InputError}.
 */
export function openStoreDatabase(path: string, readOnly: boolean): DatabaseSync {
  if (!_isLittleEndian()) {
    throw new RangeError(
      "Cannot open a price store as columns are little-endian: this machine is not",
    );
  }
  if (readOnly && !_fileExists(path)) throw new InputError(`${path}: no price store there`);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly });
  } catch (error) {
    throw accessProblem(error, "price store", path, readOnly ? "read" : "write") ??
      new InputError(`${path}: cannot open the price store (${(error as Error).message})`, {
        cause: error,
      });
  }
  try {
    const tables = _tables(db, path);
    if (tables.size === 0 && !readOnly) {
      _createSchema(db);
    } else {
      _checkMeta(db, path, tables);
      if (!readOnly && !tables.has("fundamentals")) db.exec(FUNDAMENTALS_TABLE);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
